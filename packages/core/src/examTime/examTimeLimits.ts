/**
 * The numbers exam-time planning accepts. Every exported examTime function that takes a number (a seat or
 * row pitch, a grid's rows and columns, an invigilation ratio, a duration, an extra-time percentage, a
 * number of working days…) checks it here first, so a zero pitch cannot spin a loop, a negative one cannot
 * switch the spacing rule off, and `rows: -1` or `1e308` is a typed `invalid_value` naming the field, never
 * a `RangeError`, a hang or a quietly wrong plan. The bounds are generous (far beyond any real centre) and
 * keep every loop and every sum exact and bounded.
 */
import type { TimetabledPaper } from '../domain/paper.js';
import { ExamcycleError } from '../errors/ExamcycleError.js';

/**
 * The bounds examTime accepts for its numeric inputs.
 *
 * @example
 * ```ts
 * EXAM_TIME_LIMITS.maxGridSeats; // 100000: rows × columns of one room
 * ```
 */
export const EXAM_TIME_LIMITS = {
  /** Rows, or columns, of one room's seat grid. */
  maxRowsOrColumns: 10_000,
  /** Seats in one room's grid (rows × columns). */
  maxGridSeats: 100_000,
  /** Seats in the grids of all the rooms of one session's seating plan. */
  maxSessionGridSeats: 1_000_000,
  /** A seat or row pitch, and the spacing between candidates, metres. */
  maxMetres: 100,
  /** A paper's published duration, minutes (a day). */
  maxDurationMinutes: 1_440,
  /** A limit or threshold on a session's or day's total time, minutes. */
  maxLimitMinutes: 100_000,
  /** Extra time, percent. */
  maxExtraTimePercent: 1_000,
  /** Supervised rest-break minutes per hour. */
  maxRestBreakMinutesPerHour: 60,
  /** Candidates per invigilator. */
  maxRatio: 1_000,
  /** Candidates counted in one room, or scripts in one despatch. */
  maxCount: 1_000_000,
  /** Candidates in a compact clash search (a national series). */
  maxCandidates: 10_000_000,
  /** Papers in a compact clash search. */
  maxPapers: 1_000_000,
  /** Working days to a report's deadline. */
  maxWorkingDays: 366,
} as const;

/** What a number must be: a whole number or not, and its bounds. */
export interface NumberRule {
  /** Whole numbers only. */
  readonly integer: boolean;
  /** The smallest value allowed. */
  readonly min: number;
  /** Whether `min` itself is refused (a pitch must be more than 0). */
  readonly minExclusive?: boolean;
  /** The largest value allowed. */
  readonly max: number;
}

/**
 * Whether a number keeps a rule ({@link checkNumber} without the throw, for loops that name the field only when
 * it is wrong).
 *
 * @param value - the value given
 * @param rule - whole or not, and the bounds
 * @example
 * ```ts
 * fitsRule(25, { integer: true, min: 0, max: 1_000 }); // true
 * ```
 * @internal
 */
export function fitsRule(value: unknown, rule: NumberRule): value is number {
  return typeof value === 'number' && Number.isFinite(value) && (!rule.integer || Number.isInteger(value)) && (rule.minExclusive ? value > rule.min : value >= rule.min) && value <= rule.max;
}

/**
 * Checks one number, returning it (with `-0` as `0`), or throws `invalid_value` naming the field.
 *
 * @param value - the value given
 * @param field - the field's name, as the caller knows it (`room.seatPitchMetres`, `rules.invigilationRatio.written`)
 * @param rule - whole or not, and the bounds
 * @throws ExamcycleError `invalid_value` with `location.field` and `details: { field, value, min, max }`
 * @example
 * ```ts
 * checkNumber(0, 'room.seatPitchMetres', { integer: false, min: 0, minExclusive: true, max: 100 }); // throws invalid_value
 * ```
 * @internal
 */
export function checkNumber(value: unknown, field: string, rule: NumberRule): number {
  if (fitsRule(value, rule)) return value === 0 ? 0 : value;
  const shown = typeof value === 'number' ? (Object.is(value, -0) ? '-0' : String(value)) : typeof value === 'string' ? JSON.stringify(value) : value === null ? 'null' : typeof value;
  const range = `${rule.minExclusive ? 'more than' : rule.min === 0 ? '0 or more' : `at least ${rule.min}`}${rule.minExclusive ? ` ${rule.min}` : ''}, at most ${rule.max}`;
  throw new ExamcycleError('invalid_value', `${field} must be a ${rule.integer ? 'whole number' : 'finite number'}, ${range} (got ${shown})`, {
    location: { field, value: shown },
    details: { field, value: shown, min: rule.min, max: rule.max, ...(rule.minExclusive ? { minExclusive: true } : {}), integer: rule.integer },
  });
}

/**
 * The `value` of a numeric rule in a rules table (`rules.seatSpacingMetres.value`), checked like
 * {@link checkNumber}; a missing rule is `invalid_value` too, not a `TypeError`.
 *
 * @param rules - the rules table (an `ExamRoomRules`)
 * @param name - the rule's name
 * @param rule - whole or not, and the bounds
 * @example
 * ```ts
 * const rules = jcq.examRoomRules('2025/26');
 * const spacing = ruleNumber(rules, 'seatSpacingMetres', { integer: false, min: 0, max: 100 });
 * ```
 * @internal
 */
export function ruleNumber(rules: unknown, name: string, rule: NumberRule): number {
  return checkNumber(sourcedValue(rules, name), `rules.${name}`, rule);
}

/**
 * The `value` of a rule in a rules table, or `undefined` when the table or the rule is missing.
 *
 * @param rules - the rules table
 * @param name - the rule's name
 * @example
 * ```ts
 * const rules = jcq.examRoomRules('2025/26');
 * sourcedValue(rules, 'invigilationRatio'); // { written: 30, practical: 20, on_screen: 20 }
 * ```
 * @internal
 */
export function sourcedValue(rules: unknown, name: string): unknown {
  if (typeof rules !== 'object' || rules === null) return undefined;
  const sourced = (rules as Record<string, unknown>)[name];
  return typeof sourced === 'object' && sourced !== null ? (sourced as { value?: unknown }).value : undefined;
}

/**
 * Checks that a value is an object (an input record, a room), or throws `invalid_value` naming the field.
 *
 * @param value - the value given
 * @param field - its name
 * @example
 * ```ts
 * declare const room: Room;
 * checkObject(room, 'room');
 * ```
 * @internal
 */
export function checkObject(value: unknown, field: string): void {
  if (typeof value !== 'object' || value === null) {
    throw new ExamcycleError('invalid_value', `${field} must be an object (got ${value === null ? 'null' : typeof value})`, { location: { field }, details: { field } });
  }
}

/**
 * The paper a sitting names (`CandidateSitting.paper`), or throws `invalid_value` naming the field when the
 * sitting, or its paper, is not an object (a timetable put together by hand, or restored from an older shape whose
 * sittings carried the paper's fields flat).
 *
 * @param sitting - a sitting as given
 * @param field - where it was found, for the message (a constant: no text is built unless it throws)
 * @example
 * ```ts
 * declare const sitting: CandidateSitting;
 * sittingPaper(sitting, 'session.sittings[]').kind;
 * ```
 * @internal
 */
export function sittingPaper(sitting: unknown, field: string): TimetabledPaper {
  checkObject(sitting, field);
  const paper = (sitting as { readonly paper?: unknown }).paper;
  if (typeof paper !== 'object' || paper === null) {
    const at = `${field}.paper`;
    const id = (sitting as { readonly paperId?: unknown }).paperId;
    throw new ExamcycleError('invalid_value', `${at} must be the timetabled paper (got ${paper === null ? 'null' : typeof paper}${typeof id === 'string' ? ` for paper ${id}` : ''})`, { location: { field: at }, details: { field: at } });
  }
  return paper as TimetabledPaper;
}

/**
 * Checks that a value is an array, or throws `invalid_value` naming the field.
 *
 * @param value - the value given
 * @param field - its name
 * @example
 * ```ts
 * declare const input: PlanSeatingInput;
 * checkArray(input.rooms, 'rooms');
 * ```
 * @internal
 */
export function checkArray(value: unknown, field: string): asserts value is readonly unknown[] {
  if (!Array.isArray(value)) {
    throw new ExamcycleError('invalid_value', `${field} must be an array (got ${value === null ? 'null' : typeof value})`, { location: { field }, details: { field } });
  }
}

/**
 * The rule for a whole number, 0 or more, up to `max`.
 *
 * @param max - the largest value allowed
 * @example
 * ```ts
 * declare const gapSeats: number;
 * checkNumber(gapSeats, 'gapSeats', count(EXAM_TIME_LIMITS.maxGridSeats));
 * ```
 * @internal
 */
export function count(max: number): NumberRule {
  return { integer: true, min: 0, max };
}

/**
 * The rule for a whole number, 1 or more, up to `max`.
 *
 * @param max - the largest value allowed
 * @example
 * ```ts
 * declare const room: Room;
 * checkNumber(room.rows, 'room.rows', positiveCount(EXAM_TIME_LIMITS.maxRowsOrColumns));
 * ```
 * @internal
 */
export function positiveCount(max: number): NumberRule {
  return { integer: true, min: 1, max };
}

/**
 * The rule for a seat or row pitch in metres: more than 0, up to {@link EXAM_TIME_LIMITS}' `maxMetres`.
 *
 * @example
 * ```ts
 * declare const room: Room;
 * checkNumber(room.seatPitchMetres, 'room.seatPitchMetres', PITCH_RULE);
 * ```
 * @internal
 */
export const PITCH_RULE: NumberRule = { integer: false, min: 0, minExclusive: true, max: EXAM_TIME_LIMITS.maxMetres };

/**
 * The rule for the spacing between candidates in metres: 0 (no spacing rule) or more, up to `maxMetres`.
 *
 * @example
 * ```ts
 * declare const spacingMetres: number;
 * checkNumber(spacingMetres, 'spacingMetres', SPACING_RULE);
 * ```
 * @internal
 */
export const SPACING_RULE: NumberRule = { integer: false, min: 0, max: EXAM_TIME_LIMITS.maxMetres };

/**
 * Checks invigilation ratios (candidates per invigilator, by ratio class): each a whole number from 1 to
 * {@link EXAM_TIME_LIMITS}' `maxRatio`, so the shares of a room add up exactly.
 *
 * @param value - `{ written, practical, on_screen }`
 * @param field - its name, e.g. `rules.invigilationRatio`
 * @throws ExamcycleError `invalid_value` naming the class (`rules.invigilationRatio.practical`)
 * @example
 * ```ts
 * const rules = jcq.examRoomRules('2025/26');
 * const ratios = checkRatios(rules.invigilationRatio.value, 'rules.invigilationRatio');
 * ```
 * @internal
 */
export function checkRatios(value: unknown, field: string): { readonly written: number; readonly practical: number; readonly on_screen: number } {
  checkObject(value, field);
  const v = value as Record<string, unknown>;
  const rule = positiveCount(EXAM_TIME_LIMITS.maxRatio);
  return {
    written: checkNumber(v['written'], `${field}.written`, rule),
    practical: checkNumber(v['practical'], `${field}.practical`, rule),
    on_screen: checkNumber(v['on_screen'], `${field}.on_screen`, rule),
  };
}
