import { createPostgresStore, SCHEMA_VERSION } from '@examcycle/store-postgres';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MIGRATIONS } from '../src/schema/migrations.js';
import { testDatabases } from './databases.js';

const envelope = { format: 'examcycle.snapshot', machine: 'examCycle', version: 1, snapshot: { value: 'planning' } } as const;
const key = { centreNumber: '12345', machine: 'examCycle', id: 'june-2026' };

describe.each(testDatabases())('schema migrations on $name', (db) => {
  describe.skipIf(db.skip)('applied on open', () => {
    beforeAll(() => db.setUp(), 120_000);
    afterAll(() => db.tearDown());

    it('brings an empty database up to the latest schema version and records each migration', async () => {
      const schema = db.schema('fresh');
      const store = await db.open(schema);
      await store.close();
      const rows = await db.sql<{ version: number }>(`SELECT version FROM "${schema}".examcycle_schema_migrations ORDER BY version`);
      expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
      expect(SCHEMA_VERSION).toBe(MIGRATIONS.length);
    });

    it('brings a database at every earlier version up to date, keeping what it holds', async () => {
      for (let from = 0; from < SCHEMA_VERSION; from += 1) {
        const schema = db.schema(`from${from}`);
        await db.sql(`CREATE SCHEMA "${schema}"`);
        await db.sql(`CREATE TABLE "${schema}".examcycle_schema_migrations (version integer PRIMARY KEY, description text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())`);
        for (const m of MIGRATIONS.filter((m) => m.version <= from)) {
          await db.exec(m.sql(`"${schema}"`));
          await db.sql(`INSERT INTO "${schema}".examcycle_schema_migrations (version, description) VALUES ($1, $2)`, [m.version, m.description]);
        }
        const store = await db.open(schema);
        await store.saveSnapshot(key, envelope, { expectedRevision: null });
        await store.close();
        const rows = await db.sql<{ version: number }>(`SELECT version FROM "${schema}".examcycle_schema_migrations ORDER BY version`);
        expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
      }
    });

    it('re-opening an up-to-date database applies nothing and keeps every row', async () => {
      const schema = db.schema('reopen');
      const first = await db.open(schema);
      await first.saveSnapshot(key, envelope, { expectedRevision: null, audit: [{ at: '2026-06-01T09:00:00+01:00', event: 'e', from: 'a', to: 'a', outcome: 'accepted' }] });
      await first.close();
      const again = await db.open(schema);
      expect((await again.loadSnapshot(key))?.revision).toBe(1);
      expect(await again.readAudit(key)).toHaveLength(1);
      await again.close();
      const rows = await db.sql<{ n: string }>(`SELECT count(*)::text AS n FROM "${schema}".examcycle_schema_migrations`);
      expect(rows[0]?.n).toBe(String(SCHEMA_VERSION));
    });

    it('applies each migration once when several openers start on one new schema at the same moment', async () => {
      const schema = db.schema('together');
      const stores = await Promise.all(Array.from({ length: 4 }, () => db.open(schema)));
      await Promise.all(stores.map((s) => s.close()));
      const rows = await db.sql<{ version: number }>(`SELECT version FROM "${schema}".examcycle_schema_migrations ORDER BY version`);
      expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    });

    it('refuses, typed, a database whose schema is newer than this library', async () => {
      const schema = db.schema('newer');
      await (await db.open(schema)).close();
      await db.sql(`INSERT INTO "${schema}".examcycle_schema_migrations (version, description) VALUES ($1, 'from the future')`, [SCHEMA_VERSION + 1]);
      await expect(db.open(schema)).rejects.toMatchObject({
        code: 'store_failed',
        details: { reason: 'schema_too_new', found: SCHEMA_VERSION + 1, supported: SCHEMA_VERSION },
      });
    });

    it('keeps the audit log insert-only: UPDATE, DELETE and TRUNCATE are refused by the database', async () => {
      const schema = db.schema('insertonly');
      const store = await db.open(schema);
      await store.appendAudit(key, [{ at: '2026-06-01T09:00:00+01:00', event: 'kept', from: 'a', to: 'a', outcome: 'accepted' }]);
      await expect(db.sql(`UPDATE "${schema}".audit SET entry = '{}'::jsonb`)).rejects.toThrow(/insert-only/);
      await expect(db.sql(`DELETE FROM "${schema}".audit`)).rejects.toThrow(/insert-only/);
      await expect(db.sql(`TRUNCATE "${schema}".audit`)).rejects.toThrow(/insert-only/);
      expect((await store.readAudit(key)).map((e) => e.event)).toEqual(['kept']);
      await store.close();
    });

    it('refuses a schema name that is not a plain identifier as invalid_value', async () => {
      await expect(createPostgresStore({ schema: 'x"; DROP TABLE y; --' })).rejects.toMatchObject({ code: 'invalid_value' });
    });
  });
});
