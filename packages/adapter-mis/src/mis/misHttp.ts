/**
 * The HTTP layer the MIS mappings share: Node's `fetch` (or any fetch-compatible function, so tests need
 * no network) with the MIS's auth headers, turning every failure into a typed {@link ExamcycleError}:
 * a network failure, 408 or 5xx is `unreachable` (retryable), 401/403 `not_authorised`, 429 `rate_limited`
 * (retryable, with Retry-After), a body that is not JSON `malformed_response`; any other status is
 * `unreachable` and not retryable, with the start of the MIS's answer in `details.body`. With a clock, a
 * 429 or 503 carrying Retry-After is waited out and retried, up to `maxAttempts`.
 */
import { ExamcycleError, type ExamClock } from '@examcycle/core';

/**
 * The part of a fetch `Response` the adapter reads.
 *
 * @example
 * ```ts
 * const ok: MisResponse = new Response(JSON.stringify({ data: [] }), { status: 200 });
 * ```
 */
export interface MisResponse {
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  text(): Promise<string>;
}

/**
 * A fetch-compatible function (Node's global `fetch` is one).
 *
 * @example
 * ```ts
 * const logged: MisFetch = async (url, init) => {
 *   console.info(init.method, url);
 *   return fetch(url, init);
 * };
 * const wonde = createWondeMis({ token: 'secret', schoolId: 'A1930499544', fetch: logged });
 * ```
 */
export type MisFetch = (url: string, init: { method: string; headers: Record<string, string>; body?: string }) => Promise<MisResponse>;

/**
 * Options for {@link createMisHttp}.
 *
 * @example
 * ```ts
 * const options: MisHttpOptions = { headers: { Authorization: 'Bearer secret' }, maxAttempts: 5, maxRetryAfterMs: 30_000 };
 * const http = createMisHttp(options);
 * ```
 */
export interface MisHttpOptions {
  /**
   * The transport.
   * @default globalThis.fetch
   */
  readonly fetch?: MisFetch;
  /** Headers sent with every request (auth). */
  readonly headers: Readonly<Record<string, string>>;
  /** With a clock, Retry-After is waited out on it; without one, a 429 is returned at once as `rate_limited`. */
  readonly clock?: ExamClock;
  /**
   * Attempts per request when Retry-After allows a retry.
   * @default 3
   */
  readonly maxAttempts?: number;
  /**
   * The longest Retry-After that is waited out; a longer one is returned as `rate_limited`.
   * @default 60000
   */
  readonly maxRetryAfterMs?: number;
}

/**
 * A JSON client over an MIS's HTTP API.
 *
 * @example
 * ```ts
 * const http: MisHttp = createMisHttp({ headers: { Authorization: 'Bearer secret' } });
 * const page = await http.getJson('https://api.wonde.com/v1.0/schools/A1930499544/rooms');
 * ```
 */
export interface MisHttp {
  /** GETs a URL and parses its JSON body. */
  getJson(url: string): Promise<unknown>;
  /** Sends a JSON body and parses the JSON reply. */
  sendJson(method: 'POST' | 'PUT', url: string, body: unknown): Promise<unknown>;
}

/**
 * How long a Retry-After header asks to wait, in milliseconds, or `undefined` when it is absent or unreadable.
 *
 * @param value - the header: seconds, or an HTTP date
 * @param now - epoch milliseconds, needed for the date form
 * @example
 * ```ts
 * retryAfterMs('120'); // 120000
 * retryAfterMs('Wed, 21 Oct 2026 07:28:00 GMT', Date.parse('Wed, 21 Oct 2026 07:27:00 GMT')); // 60000
 * ```
 */
export function retryAfterMs(value: string | null, now?: number): number | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  if (now === undefined) return undefined;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/**
 * Creates the JSON client.
 *
 * @param options - transport, headers, clock and retry limits
 * @example
 * ```ts
 * const http = createMisHttp({ headers: { Authorization: `Bearer ${process.env['WONDE_TOKEN']}` } });
 * const page = await http.getJson('https://api.wonde.com/v1.0/schools/A1930499544/students');
 * ```
 */
export function createMisHttp(options: MisHttpOptions): MisHttp {
  const { headers, clock, maxAttempts = 3, maxRetryAfterMs = 60_000 } = options;
  const wait = (ms: number): Promise<void> => new Promise((resolve) => clock!.setTimeout(() => resolve(), ms));

  const request = async (method: string, url: string, body?: unknown): Promise<unknown> => {
    const transport = options.fetch ?? (globalThis.fetch as unknown as MisFetch | undefined);
    if (transport === undefined) throw new ExamcycleError('unreachable', 'No fetch is available; pass one', { retryable: false, location: { file: url } });
    for (let attempt = 1; ; attempt += 1) {
      let response: MisResponse;
      try {
        response = await transport(url, {
          method,
          headers: { Accept: 'application/json', ...headers, ...(body === undefined ? {} : { 'Content-Type': 'application/json' }) },
          ...(body === undefined ? {} : { body: JSON.stringify(body) }),
        });
      } catch (cause) {
        throw new ExamcycleError('unreachable', `${method} ${url} failed: ${cause instanceof Error ? cause.message : String(cause)}`, { cause, retryable: true, location: { file: url } });
      }
      const { status } = response;
      if (status >= 200 && status < 300) {
        const text = await response.text();
        if (text.trim() === '') return undefined;
        try {
          return JSON.parse(text) as unknown;
        } catch (cause) {
          throw new ExamcycleError('malformed_response', `${method} ${url} returned a body that is not JSON`, { cause, location: { file: url, value: text.slice(0, 80) } });
        }
      }
      const waitMs = retryAfterMs(response.headers.get('retry-after'), clock?.now());
      if ((status === 429 || status === 503) && clock !== undefined && waitMs !== undefined && waitMs <= maxRetryAfterMs && attempt < maxAttempts) {
        await wait(waitMs);
        continue;
      }
      const answer = await response.text().catch(() => '');
      const details = { status, ...(waitMs === undefined ? {} : { retryAfterMs: waitMs }), attempts: attempt, ...(answer.trim() === '' ? {} : { body: answer.slice(0, 500) }) };
      if (status === 401 || status === 403) {
        throw new ExamcycleError('not_authorised', `${method} ${url}: HTTP ${status}; check the credentials and the school's approval`, { retryable: false, details, location: { file: url } });
      }
      if (status === 429) {
        throw new ExamcycleError('rate_limited', `${method} ${url}: HTTP 429, rate limited${waitMs === undefined ? '' : `; retry after ${Math.ceil(waitMs / 1000)} s`}`, { retryable: true, details, location: { file: url } });
      }
      if (status >= 500 || status === 408) {
        throw new ExamcycleError('unreachable', `${method} ${url}: HTTP ${status}, the MIS is failing`, { retryable: true, details, location: { file: url } });
      }
      throw new ExamcycleError('unreachable', `${method} ${url}: HTTP ${status}`, { retryable: false, details, location: { file: url } });
    }
  };
  return {
    getJson: (url) => request('GET', url),
    sendJson: (method, url, body) => request(method, url, body),
  };
}
