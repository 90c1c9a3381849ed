import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createPostgresStore } from '@examcycle/store-postgres';
import { describeStoreContract } from '@examcycle/store-testkit';
import { afterAll } from 'vitest';

// One data folder for the file; every test opens PGlite on it afresh (a schema each) and the restart test reopens it.
const dataDir = mkdtempSync(join(tmpdir(), 'examcycle-pglite-'));
const schemaOf = new WeakMap<object, string>();
let n = 0;
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describeStoreContract(
  'PGlite in a data folder',
  async () => {
    n += 1;
    const schema = `contract_${n}`;
    const store = await createPostgresStore({ dataDir, schema });
    schemaOf.set(store, schema);
    return store;
  },
  {
    reopen: async (store) => {
      const schema = schemaOf.get(store) ?? 'public';
      await store.close();
      const reopened = await createPostgresStore({ dataDir, schema });
      schemaOf.set(reopened, schema);
      return reopened;
    },
  },
);
