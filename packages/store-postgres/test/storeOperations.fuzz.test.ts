import { PGlite } from '@electric-sql/pglite';
import { createMemoryStore, type ExamcycleStore } from '@examcycle/core';
import { createPostgresStore } from '@examcycle/store-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fuzzRandom, generateInput, runInput } from '../fuzz/storeOperations.js';
import { dropRunSchemas, PG_URL, runSchema } from './serverDatabase.js';

// Seeded and bounded: 80 random operation sequences (about 700 operations) per database, well under a minute.
const SEED = 20260601;
const INPUTS = 80;

async function agreeWithMemoryStore(store: ExamcycleStore, label: string): Promise<void> {
  const reference = createMemoryStore();
  const failures: string[] = [];
  let untyped = 0;
  let foreign = 0;
  for (let i = 0; i < INPUTS; i += 1) {
    const tenant = `${label}-${i}`;
    const outcome = await runInput(generateInput(fuzzRandom(SEED + i), tenant), store, reference, tenant);
    failures.push(...outcome.mismatches.map((m) => `seed ${SEED + i}: ${m}`));
    untyped += outcome.untypedThrows;
    foreign += outcome.unauthorisedReads;
  }
  await reference.close();
  expect({ failures, untyped, foreign }).toEqual({ failures: [], untyped: 0, foreign: 0 });
}

describe('random operation sequences give the same results as the memory store', () => {
  describe('on PGlite', () => {
    let pglite: PGlite;
    beforeAll(async () => {
      pglite = await PGlite.create();
    }, 120_000);
    afterAll(() => pglite.close());

    it(`agrees on ${INPUTS} seeded sequences, throws nothing untyped and reads no other tenant`, async () => {
      const store = await createPostgresStore({ pglite, schema: 'fuzz' });
      await agreeWithMemoryStore(store, 'pglite');
      await store.close();
    }, 120_000);
  });

  describe.skipIf(!PG_URL)('on the PostgreSQL server', () => {
    afterAll(() => dropRunSchemas());
    it(`agrees on ${INPUTS} seeded sequences, throws nothing untyped and reads no other tenant`, async () => {
      const store = await createPostgresStore({ connectionString: PG_URL ?? '', schema: runSchema('fuzz') });
      await agreeWithMemoryStore(store, 'server');
      await store.close();
    }, 120_000);
  });
});
