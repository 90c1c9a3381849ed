import { createPostgresStore } from '@examcycle/store-postgres';
import { describeStoreContract } from '@examcycle/store-testkit';
import { afterAll, describe } from 'vitest';
import { dropRunSchemas, PG_URL, runSchema } from './serverDatabase.js';

describe.skipIf(!PG_URL)('PostgreSQL server (EXAMCYCLE_PG_URL)', () => {
  afterAll(() => dropRunSchemas());
  describeStoreContract('PostgreSQL server', () => createPostgresStore({ connectionString: PG_URL ?? '', schema: runSchema('contract') }));
});
