/**
 * What a record kind looks like as CSV: its columns (the header examcycle writes, the other names it
 * reads, whether the file must have it, how its cells read) and the core zod schema every row is
 * validated with. The column sets are data; the importer and exporter are generic over them.
 */
import type { RecordKind, RecordKinds } from '@examcycle/core';
import type { z } from 'zod';
import type { CellCodec } from './CellCodec.js';

/**
 * One column of a record kind.
 *
 * @example
 * ```ts
 * const uci: CsvColumn | undefined = csvColumnSet('candidates').columns.find((c) => c.header === 'UCI');
 * uci?.synonyms; // ['UniqueCandidateIdentifier', …]
 * ```
 */
export interface CsvColumn {
  /** The header examcycle writes, and the name used in messages and in the `synonyms`/`defaults` options. */
  readonly header: string;
  /** The domain field it fills; absent for a check-only column (validated, not stored). */
  readonly field?: string;
  /** Other header names that mean this column, matched case-, space-, hyphen- and underscore-insensitively. */
  readonly synonyms: readonly string[];
  /** Whether the header must have this column (unless a `fallback` column or a default stands in). */
  readonly required: boolean;
  /** How its cells read and write. */
  readonly codec: CellCodec<unknown>;
  /** A schema the value must also pass (for check-only columns: `uciSchema`, `candidateNumberSchema`). */
  readonly check?: z.ZodType;
  /** The header of a column whose value stands in when this one is missing or empty (`CandidateId` ← `UCI`). */
  readonly fallback?: string;
  /** Text used when the column is missing or the cell empty, before any `defaults` option. */
  readonly default?: string;
}

/**
 * The CSV shape of one record kind.
 *
 * @example
 * ```ts
 * const set: CsvColumnSet<'candidates'> = csvColumnSet('candidates');
 * set.columns.map((c) => c.header); // ['Id', 'CentreNumber', …]
 * ```
 */
export interface CsvColumnSet<K extends RecordKind = RecordKind> {
  readonly kind: K;
  readonly columns: readonly CsvColumn[];
  /** Core's schema for the record; every row is validated with it. */
  readonly schema: z.ZodType<RecordKinds[K]>;
  /**
   * The fields a record's id is made of, joined with `:`, when the file gives it none (no id column, or
   * an empty id cell). A row missing one of them gets no id, and the schema reports it.
   */
  readonly derivedId?: readonly string[];
}
