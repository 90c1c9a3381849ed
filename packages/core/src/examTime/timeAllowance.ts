/**
 * The time a candidate is allowed for a paper: the published duration, plus access-arrangement extra
 * time (25%, 50% or another approved percentage), plus supervised rest breaks. Every duration examcycle
 * compares with a clash limit (3 hours in a session, 5h30 / 6h in a day) goes through here, so extra time
 * and rest breaks are never forgotten.
 */
import type { AccessArrangement, AccessArrangementKind } from '../domain/accessArrangement.js';
import { checkArray, checkNumber, checkObject, count, EXAM_TIME_LIMITS } from './examTimeLimits.js';

/**
 * A candidate's time allowance: extra time and rest breaks, from their access arrangements.
 *
 * @example
 * ```ts
 * const allowance: TimeAllowance = { extraTimePercent: 25, restBreakMinutesPerHour: 0 };
 * effectiveDurationMinutes(90, allowance); // 113
 * ```
 */
export interface TimeAllowance {
  /** Extra time as a percentage of the published duration (0 when none). */
  readonly extraTimePercent: number;
  /** Supervised rest-break minutes per hour of (extended) working time (0 when none). */
  readonly restBreakMinutesPerHour: number;
}

/**
 * A candidate's time allowance from their access arrangements: the largest extra-time percentage among
 * their `extra_time` arrangements, and the largest rest-break allowance among any of their arrangements.
 *
 * @param candidateId - the candidate
 * @param arrangements - access arrangements (other candidates' are ignored)
 * @throws ExamcycleError `invalid_value` naming the arrangement's field when the candidate's extra time is not a whole
 *   percentage from 0 to 1,000, or their rest breaks not whole minutes from 0 to 60 per hour
 * @example
 * ```ts
 * timeAllowanceOf('c1', [{ id: 'a', candidateId: 'c1', kind: 'extra_time', extraTimePercent: 25, approval: 'aao_approved', evidenceHeld: true }]);
 * // { extraTimePercent: 25, restBreakMinutesPerHour: 0 }
 * ```
 */
export function timeAllowanceOf(candidateId: string, arrangements: readonly AccessArrangement[]): TimeAllowance {
  checkArray(arrangements, 'arrangements');
  let extraTimePercent = 0;
  let restBreakMinutesPerHour = 0;
  for (const a of arrangements) {
    checkObject(a, 'arrangements[]');
    if (a.candidateId !== candidateId) continue;
    const problem = arrangementNumberProblem(a);
    if (problem) checkNumber(problem.value, `arrangements[${String(a.id)}].${problem.field}`, problem.rule);
    if (a.kind === 'extra_time' && a.extraTimePercent !== undefined) extraTimePercent = Math.max(extraTimePercent, a.extraTimePercent);
    if (a.restBreakMinutesPerHour !== undefined) restBreakMinutesPerHour = Math.max(restBreakMinutesPerHour, a.restBreakMinutesPerHour);
  }
  return { extraTimePercent, restBreakMinutesPerHour };
}

const EXTRA_TIME_RULE = count(EXAM_TIME_LIMITS.maxExtraTimePercent);
const REST_BREAK_RULE = count(EXAM_TIME_LIMITS.maxRestBreakMinutesPerHour);

/**
 * The first number of an access arrangement out of range (its extra time or rest breaks), with the rule it
 * breaks, or `undefined` when both are absent or in range.
 *
 * @param a - an access arrangement
 * @example
 * ```ts
 * declare const a: AccessArrangement;
 * arrangementNumberProblem({ ...a, extraTimePercent: Number.NaN })?.field; // 'extraTimePercent'
 * ```
 * @internal
 */
export function arrangementNumberProblem(a: Pick<AccessArrangement, 'extraTimePercent' | 'restBreakMinutesPerHour'>): { field: string; value: unknown; rule: typeof EXTRA_TIME_RULE } | undefined {
  const ok = (v: unknown, max: number) => v === undefined || (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max);
  if (!ok(a.extraTimePercent, EXTRA_TIME_RULE.max)) return { field: 'extraTimePercent', value: a.extraTimePercent, rule: EXTRA_TIME_RULE };
  if (!ok(a.restBreakMinutesPerHour, REST_BREAK_RULE.max)) return { field: 'restBreakMinutesPerHour', value: a.restBreakMinutesPerHour, rule: REST_BREAK_RULE };
  return undefined;
}

/**
 * The access-arrangement kinds of one candidate, sorted and without repeats.
 *
 * @param candidateId - the candidate
 * @param arrangements - access arrangements (other candidates' are ignored)
 * @example
 * ```ts
 * declare const arrangements: AccessArrangement[];
 * arrangementKindsOf('c1', arrangements); // ['extra_time', 'reader']
 * ```
 */
export function arrangementKindsOf(candidateId: string, arrangements: readonly AccessArrangement[]): AccessArrangementKind[] {
  const kinds = new Set<AccessArrangementKind>();
  for (const a of arrangements) if (a.candidateId === candidateId) kinds.add(a.kind);
  return [...kinds].sort();
}

/**
 * Minutes allowed for a paper of `durationMinutes` with extra time and rest breaks, as whole minutes
 * rounded up: extra time first (`duration × (100 + percent) / 100`), then rest breaks on the extended
 * working time (`restPerHour × extended / 60`). The numeric core used by both clash finders.
 *
 * @param durationMinutes - the published duration
 * @param extraTimePercent - extra time, percent
 * @param restBreakMinutesPerHour - rest-break minutes per hour
 * @example
 * ```ts
 * allowedMinutes(90, 25, 0); // 113 (112.5 rounded up)
 * allowedMinutes(60, 0, 10); // 70
 * ```
 * @internal
 */
export function allowedMinutes(durationMinutes: number, extraTimePercent: number, restBreakMinutesPerHour: number): number {
  const extended = Math.floor((durationMinutes * (100 + extraTimePercent) + 99) / 100);
  return extended + Math.floor((restBreakMinutesPerHour * extended + 59) / 60);
}

/**
 * The minutes a candidate is allowed for a paper, extra time and rest breaks included (whole minutes,
 * rounded up).
 *
 * @param durationMinutes - the paper's published duration (whole minutes, 0 to 1,440)
 * @param allowance - the candidate's {@link TimeAllowance} (extra time 0 to 1,000 percent, rest breaks 0 to 60 minutes per hour)
 * @throws ExamcycleError `invalid_value` naming the field for a negative, non-integer, non-finite or absurdly large duration or allowance
 * @example
 * ```ts
 * effectiveDurationMinutes(120, { extraTimePercent: 50, restBreakMinutesPerHour: 0 }); // 180
 * ```
 */
export function effectiveDurationMinutes(durationMinutes: number, allowance: TimeAllowance): number {
  const d = checkNumber(durationMinutes, 'durationMinutes', count(EXAM_TIME_LIMITS.maxDurationMinutes));
  checkObject(allowance, 'allowance');
  const x = checkNumber(allowance.extraTimePercent, 'extraTimePercent', EXTRA_TIME_RULE);
  const r = checkNumber(allowance.restBreakMinutesPerHour, 'restBreakMinutesPerHour', REST_BREAK_RULE);
  return allowedMinutes(d, x, r);
}

/**
 * A duration in minutes as an exams officer writes it: `3h`, `2h 15m`, `45m`.
 *
 * @param minutes - whole minutes
 * @example
 * ```ts
 * durationText(195); // '3h 15m'
 * ```
 */
export function durationText(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m}m` : m === 0 ? `${h}h` : `${h}h ${m}m`;
}
