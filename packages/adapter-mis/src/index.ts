/**
 * `@examcycle/adapter-mis`: JCQ EDI files in and out (entries and amendments, results, basedata) through a
 * table-driven fixed-width codec whose layouts are data, and the MIS port with Wonde, Arbor, Common
 * Transfer File and in-memory mappings.
 *
 * @packageDocumentation
 * @module @examcycle/adapter-mis
 */

// The two halves, each also a subpath entry: EDI files, layouts and basedata; the MIS port and its mappings.
export * from './edi/index.js';
export * from './mis/index.js';
