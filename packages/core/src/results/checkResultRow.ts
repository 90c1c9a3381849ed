/**
 * The common case of `resultSchema.safeParse` without zod's machinery: a plain object whose every field is
 * plainly valid comes out as the very object zod would give (the same fields, in the schema's order, `kind`
 * defaulted, unknown fields dropped). Anything else (a missing or odd field, a prototype other than
 * `Object.prototype`, a field present but `undefined`) is left to zod, which says what is wrong.
 */
import type { Result } from '../domain/result.js';
import { instantSchema } from '../domain/identifierSchemas.js';
import { qualificationLevelSchema } from '../domain/qualification.js';

const LEVELS: ReadonlySet<unknown> = new Set<unknown>(qualificationLevelSchema.options);

const isId = (v: unknown): v is string => typeof v === 'string' && v.length > 0;
const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);

/**
 * A memo of which `receivedAt` strings `instantSchema` accepts: a results file carries a handful of distinct
 * instants, so the datetime check runs once per distinct string, not once per row.
 *
 * @internal
 * @example
 * ```ts
 * const instants = new Map<string, boolean>();
 * checkResultRow({ id: 'R-1', candidateId: 'C-1', seriesId: 'june-2026', awardingBodyId: 'AQA', awardCode: '8300H', level: 'GCSE', grade: '7' }, instants);
 * ```
 */
export type InstantMemo = Map<string, boolean>;

function isInstant(v: unknown, memo: InstantMemo): v is string {
  if (typeof v !== 'string') return false;
  let ok = memo.get(v);
  if (ok === undefined) {
    ok = instantSchema.safeParse(v).success;
    // Bounded: a file of all-distinct instants keeps the memo small and still parses each once per row.
    if (memo.size < 4096) memo.set(v, ok);
  }
  return ok;
}

/**
 * The result `resultSchema.safeParse(raw)` gives when `raw` is plainly valid, else `undefined` (ask zod).
 *
 * @internal
 * @param raw - one row as an adapter gave it
 * @param instants - the memo of checked `receivedAt` strings, shared across the rows of one load
 * @example
 * ```ts
 * const r = checkResultRow({ id: 'R-1', candidateId: 'C-1', seriesId: 'june-2026', awardingBodyId: 'AQA', awardCode: '8300H', level: 'GCSE', grade: '7' }, new Map());
 * r?.kind; // 'qualification'
 * ```
 */
export function checkResultRow(raw: unknown, instants: InstantMemo): Result | undefined {
  if (typeof raw !== 'object' || raw === null || Object.getPrototypeOf(raw) !== Object.prototype) return undefined;
  const o = raw as Record<string, unknown>;
  const id = o['id'];
  const candidateId = o['candidateId'];
  const seriesId = o['seriesId'];
  const awardingBodyId = o['awardingBodyId'];
  const awardCode = o['awardCode'];
  if (!isId(id) || !isId(candidateId) || !isId(seriesId) || !isId(awardingBodyId) || !isId(awardCode)) return undefined;
  let kind = o['kind'];
  if (kind === undefined) {
    if ('kind' in o) return undefined;
    kind = 'qualification';
  } else if (kind !== 'qualification' && kind !== 'component') return undefined;
  const level = o['level'];
  const grade = o['grade'];
  if (!LEVELS.has(level) || typeof grade !== 'string' || grade.length > 2) return undefined;
  const mark = o['mark'];
  const uniformMark = o['uniformMark'];
  const endorsement = o['endorsement'];
  const receivedAt = o['receivedAt'];
  // The optional fields: absent (not merely undefined), or plainly valid.
  if (mark !== undefined ? !isNumber(mark) : 'mark' in o) return undefined;
  if (uniformMark !== undefined ? !isNumber(uniformMark) : 'uniformMark' in o) return undefined;
  if (endorsement !== undefined ? typeof endorsement !== 'string' : 'endorsement' in o) return undefined;
  if (receivedAt !== undefined ? !isInstant(receivedAt, instants) : 'receivedAt' in o) return undefined;
  // The usual rows (no marks, with or without receivedAt) as one literal each: every field in the object itself.
  if (mark === undefined && uniformMark === undefined && endorsement === undefined) {
    return (receivedAt === undefined ? { id, candidateId, seriesId, awardingBodyId, awardCode, kind, level, grade } : { id, candidateId, seriesId, awardingBodyId, awardCode, kind, level, grade, receivedAt }) as Result;
  }
  const r: Record<string, unknown> = { id, candidateId, seriesId, awardingBodyId, awardCode, kind, level, grade };
  if (mark !== undefined) r['mark'] = mark;
  if (uniformMark !== undefined) r['uniformMark'] = uniformMark;
  if (endorsement !== undefined) r['endorsement'] = endorsement;
  if (receivedAt !== undefined) r['receivedAt'] = receivedAt;
  return r as Result;
}
