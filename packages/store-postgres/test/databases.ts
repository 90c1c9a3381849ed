/**
 * The databases the schema and fault tests run on: embedded PGlite always, and the PostgreSQL server when
 * EXAMCYCLE_PG_URL is set. Each gives a store on a schema, and raw SQL for what a test does behind the store's back.
 */
import { PGlite } from '@electric-sql/pglite';
import type { ExamcycleStore } from '@examcycle/core';
import { createPostgresStore } from '@examcycle/store-postgres';
import { dropRunSchemas, PG_URL, runSchema, sql } from './serverDatabase.js';

/** One database under test. */
export interface TestDatabase {
  readonly name: string;
  /** Skip this database (no server configured). */
  readonly skip: boolean;
  setUp(): Promise<void>;
  tearDown(): Promise<void>;
  /** A fresh schema name. */
  schema(label: string): string;
  open(schema: string): Promise<ExamcycleStore>;
  sql<R = Record<string, unknown>>(text: string, params?: unknown[]): Promise<R[]>;
  /** Runs a script of several statements. */
  exec(script: string): Promise<void>;
}

/**
 * PGlite (one instance shared by the file) and the server.
 *
 * @example
 * ```ts
 * describe.each(testDatabases())('$name', (db) => { ... });
 * ```
 */
export function testDatabases(): TestDatabase[] {
  let pglite: PGlite | undefined;
  let n = 0;
  return [
    {
      name: 'PGlite',
      skip: false,
      async setUp() {
        pglite = await PGlite.create();
      },
      async tearDown() {
        await pglite?.close();
      },
      schema(label) {
        n += 1;
        return `${label}_${n}`;
      },
      open(schema) {
        if (!pglite) throw new Error('setUp first');
        return createPostgresStore({ pglite, schema });
      },
      async sql<R>(text: string, params: unknown[] = []) {
        if (!pglite) throw new Error('setUp first');
        return (await pglite.query<R>(text, params)).rows;
      },
      async exec(script) {
        if (!pglite) throw new Error('setUp first');
        await pglite.exec(script);
      },
    },
    {
      name: 'PostgreSQL server',
      skip: !PG_URL,
      async setUp() {},
      tearDown: dropRunSchemas,
      schema: runSchema,
      open: (schema) => createPostgresStore({ connectionString: PG_URL ?? '', schema }),
      sql,
      async exec(script) {
        await sql(script);
      },
    },
  ];
}
