import { describe, expect, it } from 'vitest';
import { isExamcycleError } from '@examcycle/core';
import { createMisHttp, retryAfterMs } from '@examcycle/adapter-mis';
import { instantClock, recordedFetch } from './recordedFetch.js';

async function failure(p: Promise<unknown>) {
  try {
    await p;
  } catch (e) {
    if (isExamcycleError(e)) return e;
    throw e;
  }
  throw new Error('expected a rejection');
}

const URL_ = 'https://mis.example/v1/things';

describe('createMisHttp (typed MIS errors)', () => {
  it('sends the auth headers and parses JSON', async () => {
    const { fetch, seen } = recordedFetch({ '/v1/things': { ok: true } });
    const http = createMisHttp({ fetch, headers: { Authorization: 'Bearer t0k' } });
    await expect(http.getJson(URL_)).resolves.toEqual({ ok: true });
    expect(seen[0]?.headers).toMatchObject({ Authorization: 'Bearer t0k', Accept: 'application/json' });
  });

  it('is unreachable, and retryable, when the network fails or the MIS answers 5xx', async () => {
    const down = await failure(createMisHttp({ fetch: recordedFetch(() => new TypeError('fetch failed')).fetch, headers: {} }).getJson(URL_));
    expect([down.code, down.retryable, down.location?.file]).toEqual(['unreachable', true, URL_]);
    expect(down.cause?.message).toBe('fetch failed');
    const failing = await failure(createMisHttp({ fetch: recordedFetch(() => ({ status: 502 })).fetch, headers: {} }).getJson(URL_));
    expect([failing.code, failing.retryable, failing.details?.['status']]).toEqual(['unreachable', true, 502]);
  });

  it('is not_authorised, and not retryable, on 401 and 403', async () => {
    for (const status of [401, 403]) {
      const e = await failure(createMisHttp({ fetch: recordedFetch(() => ({ status })).fetch, headers: {} }).getJson(URL_));
      expect([e.code, e.retryable]).toEqual(['not_authorised', false]);
    }
  });

  it('is rate_limited, retryable, with the Retry-After wait, when there is no clock to wait on', async () => {
    const e = await failure(createMisHttp({ fetch: recordedFetch(() => ({ status: 429, headers: { 'Retry-After': '30' } })).fetch, headers: {} }).getJson(URL_));
    expect([e.code, e.retryable, e.details?.['retryAfterMs']]).toEqual(['rate_limited', true, 30_000]);
  });

  it('honours Retry-After on 429: waits it out on the clock, then retries', async () => {
    const clock = instantClock();
    const { fetch, seen } = recordedFetch((_, n) => (n === 1 ? { status: 429, headers: { 'Retry-After': '2' } } : { status: 200, body: '{"page":1}' }));
    await expect(createMisHttp({ fetch, headers: {}, clock }).getJson(URL_)).resolves.toEqual({ page: 1 });
    expect(clock.waits).toEqual([2000]);
    expect(seen).toHaveLength(2);
  });

  it('reads Retry-After as an HTTP date against the clock', async () => {
    const clock = instantClock(Date.parse('Mon, 05 Jan 2026 09:00:00 GMT'));
    const { fetch } = recordedFetch((_, n) => (n === 1 ? { status: 503, headers: { 'Retry-After': 'Mon, 05 Jan 2026 09:00:05 GMT' } } : { status: 200, body: '[]' }));
    await createMisHttp({ fetch, headers: {}, clock }).getJson(URL_);
    expect(clock.waits).toEqual([5000]);
    expect(retryAfterMs('soon')).toBeUndefined();
  });

  it('gives up after maxAttempts, or when Retry-After is longer than it will wait', async () => {
    const clock = instantClock();
    const always = recordedFetch(() => ({ status: 429, headers: { 'Retry-After': '1' } }));
    const e = await failure(createMisHttp({ fetch: always.fetch, headers: {}, clock, maxAttempts: 3 }).getJson(URL_));
    expect([e.code, e.details?.['attempts'], always.seen.length]).toEqual(['rate_limited', 3, 3]);
    const long = await failure(createMisHttp({ fetch: recordedFetch(() => ({ status: 429, headers: { 'Retry-After': '3600' } })).fetch, headers: {}, clock }).getJson(URL_));
    expect(long.details?.['retryAfterMs']).toBe(3_600_000);
  });

  it('is malformed_response, with where, when a body is not JSON', async () => {
    const e = await failure(createMisHttp({ fetch: recordedFetch(() => ({ status: 200, body: '<html>maintenance</html>' })).fetch, headers: {} }).getJson(URL_));
    expect([e.code, e.retryable, e.location?.file]).toEqual(['malformed_response', false, URL_]);
  });

  it('is unreachable and not retryable on other client errors such as 404', async () => {
    const e = await failure(createMisHttp({ fetch: recordedFetch({}).fetch, headers: {} }).getJson(URL_));
    expect([e.code, e.retryable, e.details?.['status']]).toEqual(['unreachable', false, 404]);
  });
});
