/**
 * `@examcycle/store-postgres`: the examcycle storage contract on PostgreSQL — a server through node-postgres,
 * or embedded PGlite with no server to install.
 *
 * @packageDocumentation
 * @module @examcycle/store-postgres
 */
export { createPostgresStore } from './createPostgresStore.js';
export type { PgliteInstanceOptions, PgliteOptions, PostgresServerOptions, PostgresStoreOptions } from './createPostgresStore.js';
export { SCHEMA_VERSION } from './schema/migrations.js';
