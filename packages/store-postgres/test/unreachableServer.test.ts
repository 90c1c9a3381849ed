import { isExamcycleError } from '@examcycle/core';
import { createPostgresStore } from '@examcycle/store-postgres';
import { describe, expect, it } from 'vitest';

describe('opening a store on a server that does not answer', () => {
  it('rejects with a typed, retryable store_failed carrying the driver error as cause', async () => {
    // Port 1 on this machine's loopback: nothing listens there, so the connection is refused at once.
    const error = await createPostgresStore({ connectionString: 'postgres://postgres@127.0.0.1:1/test' }).catch((e: unknown) => e);
    expect(isExamcycleError(error)).toBe(true);
    expect(error).toMatchObject({ code: 'store_failed', retryable: true });
    expect((error as Error).cause).toBeInstanceOf(Error);
  });
});
