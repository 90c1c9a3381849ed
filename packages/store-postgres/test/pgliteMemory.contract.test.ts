import { PGlite } from '@electric-sql/pglite';
import { createPostgresStore } from '@examcycle/store-postgres';
import { describeStoreContract } from '@examcycle/store-testkit';
import { afterAll, beforeAll } from 'vitest';

// One embedded database for the file (creating one runs initdb, which takes seconds); each test gets a schema of its own.
let pglite: PGlite;
let n = 0;
beforeAll(async () => {
  pglite = await PGlite.create();
}, 120_000);
afterAll(async () => {
  await pglite.close();
});

describeStoreContract('PGlite in memory', async () => {
  n += 1;
  return createPostgresStore({ pglite, schema: `contract_${n}` });
});
