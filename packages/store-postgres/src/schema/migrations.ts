/**
 * The store's schema as numbered migrations, applied on open in one transaction under an advisory lock
 * (so several processes opening at once apply each migration once). `examcycle_schema_migrations` records
 * what is applied; a database whose schema is newer than this library knows is refused, typed.
 * A new migration is appended with the next number and never edits an earlier one.
 */
import { ExamcycleError } from '@examcycle/core';
import type { Driver } from '../driver/Queryable.js';
import { guarded } from '../storeFailure.js';

/** One schema change. `sql` is given the quoted schema name. */
export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sql: (s: string) => string;
}

/**
 * Every migration, in order. Version 1 is the first schema.
 *
 * @internal
 * @example
 * ```ts
 * MIGRATIONS.at(-1)?.version; // the schema version this library writes
 * ```
 */
export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    description: 'snapshots, insert-only audit log, records, counters, signal outbox',
    sql: (s) => `
CREATE TABLE ${s}.snapshots (
  tenant text NOT NULL,
  centre text NOT NULL,
  machine text NOT NULL,
  id text NOT NULL,
  data jsonb NOT NULL,
  revision integer NOT NULL CHECK (revision > 0),
  wake_at timestamptz,
  updated_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant, centre, machine, id)
);
CREATE INDEX snapshots_wake_at ON ${s}.snapshots (wake_at) WHERE wake_at IS NOT NULL;

CREATE TABLE ${s}.audit_heads (
  tenant text NOT NULL,
  centre text NOT NULL,
  machine text NOT NULL,
  id text NOT NULL,
  last_seq integer NOT NULL,
  PRIMARY KEY (tenant, centre, machine, id)
);
CREATE TABLE ${s}.audit (
  tenant text NOT NULL,
  centre text NOT NULL,
  machine text NOT NULL,
  id text NOT NULL,
  seq integer NOT NULL CHECK (seq > 0),
  entry jsonb NOT NULL,
  recorded_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (tenant, centre, machine, id, seq)
);
CREATE FUNCTION ${s}.examcycle_audit_insert_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'the examcycle audit log is insert-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER audit_insert_only BEFORE UPDATE OR DELETE ON ${s}.audit
  FOR EACH ROW EXECUTE FUNCTION ${s}.examcycle_audit_insert_only();
CREATE TRIGGER audit_no_truncate BEFORE TRUNCATE ON ${s}.audit
  FOR EACH STATEMENT EXECUTE FUNCTION ${s}.examcycle_audit_insert_only();

CREATE TABLE ${s}.records (
  tenant text NOT NULL,
  centre text NOT NULL,
  machine text NOT NULL,
  id text NOT NULL,
  collection text NOT NULL,
  record_id text NOT NULL,
  data jsonb NOT NULL,
  PRIMARY KEY (tenant, centre, machine, id, collection, record_id)
);

CREATE TABLE ${s}.counters (
  tenant text NOT NULL,
  centre text NOT NULL,
  name text NOT NULL,
  value bigint NOT NULL,
  PRIMARY KEY (tenant, centre, name)
);

CREATE TABLE ${s}.signals (
  outbox_id bigserial PRIMARY KEY,
  tenant text NOT NULL,
  centre text NOT NULL,
  machine text NOT NULL,
  id text NOT NULL,
  signal_id text NOT NULL,
  signal jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  delivered_at timestamptz,
  UNIQUE (tenant, centre, machine, id, signal_id)
);
CREATE INDEX signals_undelivered ON ${s}.signals (outbox_id) WHERE delivered_at IS NULL;
`,
  },
];

/**
 * The schema version this library writes.
 *
 * @example
 * ```ts
 * console.log(`this library writes schema version ${SCHEMA_VERSION}; opening a store migrates an older one up to it`);
 * ```
 */
export const SCHEMA_VERSION = MIGRATIONS.length;

/**
 * Brings the schema up to {@link SCHEMA_VERSION} (or `upTo`), applying each missing migration once.
 *
 * @internal
 * @param driver - the open database
 * @param schema - the quoted schema name
 * @param upTo - stop after this version (tests apply from each earlier version)
 * @returns the version before and after
 * @throws ExamcycleError `store_failed` when the database's schema is newer than this library
 * @example
 * ```ts
 * import type { Driver } from '../driver/Queryable.js';
 * declare const driver: Driver;
 * await migrate(driver, '"public"'); // { from: 0, to: 1 }
 * ```
 */
export async function migrate(driver: Driver, schema: string, upTo: number = SCHEMA_VERSION): Promise<{ from: number; to: number }> {
  return guarded('apply schema migrations', () =>
    driver.transaction(async (q) => {
      // One opener at a time per schema, across processes; released at COMMIT.
      await q.query('SELECT pg_advisory_xact_lock(hashtext($1))', [`examcycle_schema:${schema}`]);
      await q.exec(`CREATE SCHEMA IF NOT EXISTS ${schema};
CREATE TABLE IF NOT EXISTS ${schema}.examcycle_schema_migrations (
  version integer PRIMARY KEY,
  description text NOT NULL,
  applied_at timestamptz NOT NULL DEFAULT now()
);`);
      const { rows } = await q.query<{ version: number | null }>(`SELECT max(version) AS version FROM ${schema}.examcycle_schema_migrations`);
      const from = rows[0]?.version ?? 0;
      if (from > SCHEMA_VERSION) {
        throw new ExamcycleError(
          'store_failed',
          `The database schema ${schema} is at version ${from}, newer than this library's ${SCHEMA_VERSION}: upgrade @examcycle/store-postgres`,
          { details: { reason: 'schema_too_new', found: from, supported: SCHEMA_VERSION } },
        );
      }
      for (const migration of MIGRATIONS) {
        if (migration.version <= from || migration.version > upTo) continue;
        await q.exec(migration.sql(schema));
        await q.query(`INSERT INTO ${schema}.examcycle_schema_migrations (version, description) VALUES ($1, $2)`, [
          migration.version,
          migration.description,
        ]);
      }
      return { from, to: Math.max(from, Math.min(upTo, SCHEMA_VERSION)) };
    }),
  );
}
