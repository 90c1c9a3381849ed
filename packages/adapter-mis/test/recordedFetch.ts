/**
 * A recorded transport for the MIS tests: it answers requests from recorded payloads (by path and query)
 * or from a function, and keeps every request it saw, so no test touches the network.
 */
import type { ExamClock } from '@examcycle/core';
import type { MisFetch, MisResponse } from '@examcycle/adapter-mis';

export interface SeenRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
}

export type Reply = { status: number; body?: string; headers?: Record<string, string> } | Error;

export function respond(status: number, body: unknown = '', headers: Record<string, string> = {}): MisResponse {
  return new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers });
}

/** Answers from `bodies` keyed by path + query (200 with the JSON), 404 for anything else; or from `reply`. */
export function recordedFetch(source: Readonly<Record<string, unknown>> | ((url: URL, n: number) => Reply)): { fetch: MisFetch; seen: SeenRequest[] } {
  const seen: SeenRequest[] = [];
  const fetch: MisFetch = async (url, init) => {
    seen.push({ url, method: init.method, headers: init.headers, ...(init.body === undefined ? {} : { body: init.body }) });
    const u = new URL(url);
    if (typeof source === 'function') {
      const reply = source(u, seen.length);
      if (reply instanceof Error) throw reply;
      return respond(reply.status, reply.body ?? '', reply.headers);
    }
    const key = `${u.pathname}${u.search}`;
    return key in source ? respond(200, source[key]) : respond(404, { error: `not recorded: ${key}` });
  };
  return { fetch, seen };
}

/** A clock that runs timers at once and records how long each asked to wait. */
export function instantClock(start = Date.parse('2026-01-05T09:00:00Z')): ExamClock & { waits: number[] } {
  let now = start;
  const waits: number[] = [];
  return {
    waits,
    now: () => now,
    setTimeout(fn, ms) {
      waits.push(ms);
      now += ms;
      queueMicrotask(() => fn());
      return waits.length;
    },
    clearTimeout() {},
  };
}
