/**
 * The check a loaded snapshot row must pass before the store hands it out: JSON text that parses to an
 * examcycle envelope `{ format: 'examcycle.snapshot', machine, version, snapshot }`. A torn or corrupted row
 * is a typed `snapshot_invalid` naming the key, never a plain `SyntaxError` or a half-valid object.
 * (Whether the snapshot fits its machine is `restoreSnapshot`'s check.)
 */
import { ExamcycleError, formatStoreKey, type PersistedSnapshot, type StoreKey } from '@examcycle/core';

/**
 * Parses a stored snapshot row's JSON and checks its envelope.
 *
 * @internal
 * @param key - the key it was stored under (named in the error)
 * @param text - the row's JSON text
 * @throws ExamcycleError `snapshot_invalid` when it is not an examcycle snapshot envelope
 * @example
 * ```ts
 * declare const key: StoreKey; declare const row: { readonly data: string };
 * const saved = parseSnapshotEnvelope(key, row.data);
 * ```
 */
export function parseSnapshotEnvelope(key: StoreKey, text: string): PersistedSnapshot {
  const where = formatStoreKey(key);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (cause) {
    throw new ExamcycleError('snapshot_invalid', `The stored snapshot of ${where} is not JSON`, { cause, details: { key: where } });
  }
  const problem = envelopeProblem(value);
  if (problem !== undefined) {
    throw new ExamcycleError('snapshot_invalid', `The stored snapshot of ${where} is not an examcycle snapshot: ${problem}`, {
      details: { key: where, path: problem.split(':')[0] },
    });
  }
  return value as PersistedSnapshot;
}

function envelopeProblem(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return '(root): expected an object';
  const v = value as Record<string, unknown>;
  if (v.format !== 'examcycle.snapshot') return 'format: expected "examcycle.snapshot"';
  if (typeof v.machine !== 'string' || v.machine.length === 0) return 'machine: expected a non-empty string';
  if (typeof v.version !== 'number' || !Number.isInteger(v.version) || v.version < 1) return 'version: expected a positive integer';
  if (typeof v.snapshot !== 'object' || v.snapshot === null || Array.isArray(v.snapshot)) return 'snapshot: expected an object';
  return undefined;
}
