/**
 * The EOPS tracker: the table the Standards' users know, one row per exams officer per academic year with
 * exactly five columns, each done or not done:
 *
 * - **Values & Attributes Statement**: the exams officer has signed the statement;
 * - **Knowledge & Understanding**: every K&U target is marked achieved or not applicable, at least one achieved;
 * - **Key Skills**: the same for the Key Skills targets;
 * - **Values & Attributes Agreement**: a senior leader / line manager has countersigned the statement (the
 *   toolkit's administrators "Agree Values & Attributes"; its example rows never show the agreement without
 *   the statement);
 * - **Certificate**: the SLT declaration has been made and the certificate issued.
 *
 * A pure function of the machine's state(s): the administrator's view (all the centre's officers, an
 * academic-year choice, "show only certified"), the officer's own view (their rows, every year), or all rows.
 */
import { ExamcycleError } from '../errors/ExamcycleError.js';
import type { Outcome } from '../errors/Outcome.js';
import type { AcademicYear } from '../time/clock.js';
import { eopsAcademicYear, type EopsAcademicYearInput } from './eopsAcademicYear.js';
import type { EopsContext, EopsRecord } from './eopsContext.js';
import { eopsRecords, type EopsRecordsSource } from './eopsRecords.js';
import { eopsProgress } from './eopsProgress.js';

/**
 * One row of the tracker: one exams officer, one academic year.
 *
 * @example
 * ```ts
 * declare const actor: EopsActor;
 * const tracker = eopsTracker(actor.getSnapshot(), { academicYear: '2025/26' });
 * const rows: EopsTrackerRow[] = tracker.ok ? tracker.value : [];
 * rows.filter((r) => r.certificate).map((r) => r.officerName);
 * ```
 */
export interface EopsTrackerRow {
  readonly officerId: string;
  readonly officerName: string;
  readonly centreNumber: string;
  readonly academicYear: AcademicYear;
  readonly valuesAndAttributesStatement: boolean;
  readonly knowledgeAndUnderstanding: boolean;
  readonly keySkills: boolean;
  readonly valuesAndAttributesAgreement: boolean;
  readonly certificate: boolean;
}

/**
 * The five done / not done columns of a tracker row.
 *
 * @example
 * ```ts
 * declare const actor: EopsActor;
 * const column: EopsTrackerColumn = 'keySkills';
 * const tracker = eopsTracker(actor.getSnapshot());
 * if (tracker.ok) tracker.value.filter((row) => !row[column]).map((row) => row.officerName);
 * ```
 */
export type EopsTrackerColumn = Exclude<keyof EopsTrackerRow, 'officerId' | 'officerName' | 'centreNumber' | 'academicYear'>;

/**
 * The tracker's five columns in the Standards' order, with their headings.
 *
 * @example
 * ```ts
 * EOPS_TRACKER_COLUMNS.map((c) => c.label).join(' | ');
 * // 'Values & Attributes Statement | Knowledge & Understanding | Key Skills | Values & Attributes Agreement | Certificate'
 * ```
 */
export const EOPS_TRACKER_COLUMNS: readonly { readonly key: EopsTrackerColumn; readonly label: string }[] = [
  { key: 'valuesAndAttributesStatement', label: 'Values & Attributes Statement' },
  { key: 'knowledgeAndUnderstanding', label: 'Knowledge & Understanding' },
  { key: 'keySkills', label: 'Key Skills' },
  { key: 'valuesAndAttributesAgreement', label: 'Values & Attributes Agreement' },
  { key: 'certificate', label: 'Certificate' },
];

/**
 * An EOPS machine state the tracker reads: a snapshot (anything with its context), or an actor (its current snapshot).
 *
 * @example
 * ```ts
 * declare const actor: EopsActor;
 * const sources: EopsTrackerSource[] = [actor, actor.getSnapshot()];
 * eopsTracker(sources, { onlyCertified: true });
 * ```
 */
export type EopsTrackerSource = EopsRecordsSource;

/**
 * Which rows the tracker shows.
 *
 * @example
 * ```ts
 * declare const actor: EopsActor;
 * const options: EopsTrackerOptions = { view: 'administrator', viewerId: 'slt-1', academicYear: '2025/26' };
 * eopsTracker(actor.getSnapshot(), options);
 * ```
 */
export type EopsTrackerOptions =
  | {
      /** Every row of every centre given, optionally filtered. */
      readonly view?: 'all';
      /** `2025/26`, or the toolkit's `2025`. */
      readonly academicYear?: EopsAcademicYearInput;
      readonly onlyCertified?: boolean;
      readonly officerId?: string;
    }
  | {
      /** A centre administrator's view: every exams officer of the centres they administer. */
      readonly view: 'administrator';
      /** The administrator's account id. */
      readonly viewerId: string;
      /**
       * The academic year shown: `2025/26`, or the toolkit's "Academic Year: 2025".
       * @default each centre's current academic year
       */
      readonly academicYear?: EopsAcademicYearInput;
      /**
       * "Show only certified users".
       * @default false
       */
      readonly onlyCertified?: boolean;
    }
  | {
      /** An exams officer's own view: their rows, every year (or one). */
      readonly view: 'officer';
      /** The officer's account id. */
      readonly viewerId: string;
      /** `2025/26`, or the toolkit's `2025`. */
      readonly academicYear?: EopsAcademicYearInput;
    };

function compareRows(a: EopsTrackerRow, b: EopsTrackerRow): number {
  return (
    a.academicYear.localeCompare(b.academicYear) ||
    a.officerName.localeCompare(b.officerName, 'en-GB') ||
    a.officerId.localeCompare(b.officerId) ||
    a.centreNumber.localeCompare(b.centreNumber)
  );
}

interface Centre {
  readonly context: EopsContext;
  readonly records: readonly EopsRecord[];
}

function rowsOf(centre: Centre): EopsTrackerRow[] {
  return centre.records.map((r) => {
    const p = eopsProgress(r);
    return {
      officerId: r.officerId,
      officerName: r.officerName,
      centreNumber: r.centreNumber,
      academicYear: r.academicYear,
      valuesAndAttributesStatement: p.valuesAndAttributesStatement,
      knowledgeAndUnderstanding: p.knowledgeAndUnderstanding,
      keySkills: p.keySkills,
      valuesAndAttributesAgreement: p.valuesAndAttributesAgreement,
      certificate: p.certificate,
    };
  });
}

function activeAccount(context: EopsContext, id: string) {
  return context.accounts.find((a) => a.id === id && a.status === 'active');
}

/**
 * The tracker rows of one or more EOPS machine states.
 *
 * @param state - an EOPS snapshot (`actor.getSnapshot()`) or actor, or several (one per centre)
 * @param options - the view: all rows (default), an administrator's, or an officer's own
 * @returns the rows, by academic year, then officer name; or `{ ok: false }` with `not_authorised` when the
 *   viewer is not an active administrator (administrator's view) or has no active account (officer's view)
 *   at any centre given
 * @throws ExamcycleError `invalid_value` for an academic year that is neither `2025/26` nor the toolkit's
 *   `2025` (a programmer error: never an empty answer for a misread year)
 * @example
 * ```ts
 * declare const actor: EopsActor;
 * const tracker = eopsTracker(actor.getSnapshot(), { view: 'administrator', viewerId: 'slt-1', academicYear: '2025/26', onlyCertified: true });
 * if (tracker.ok) console.log(tracker.value.map((row) => row.officerName));
 * else console.warn(tracker.error.code); // 'not_authorised'
 * ```
 */
export function eopsTracker(state: EopsTrackerSource | readonly EopsTrackerSource[], options: EopsTrackerOptions = {}): Outcome<EopsTrackerRow[]> {
  const centres: Centre[] = (Array.isArray(state) ? state : [state as EopsTrackerSource]).map((s: EopsTrackerSource) => ({
    context: 'getSnapshot' in s && typeof s.getSnapshot === 'function' ? s.getSnapshot().context : (s as { context: EopsContext }).context,
    records: eopsRecords(s),
  }));
  const year: AcademicYear | undefined = options.academicYear === undefined ? undefined : eopsAcademicYear(options.academicYear);
  let rows: EopsTrackerRow[];
  if (options.view === 'administrator') {
    const mine = centres.filter((c) => activeAccount(c.context, options.viewerId)?.admin === true);
    if (mine.length === 0) {
      return { ok: false, error: new ExamcycleError('not_authorised', `"${options.viewerId}" is not an active administrator of any centre given`, { rule: 'eops.accounts', details: { viewerId: options.viewerId } }) };
    }
    rows = mine.flatMap((c) => rowsOf(c).filter((r) => r.academicYear === (year ?? c.context.academicYear)));
    if (options.onlyCertified) rows = rows.filter((r) => r.certificate);
  } else if (options.view === 'officer') {
    const mine = centres.filter((c) => activeAccount(c.context, options.viewerId) !== undefined);
    if (mine.length === 0) {
      return { ok: false, error: new ExamcycleError('not_authorised', `"${options.viewerId}" has no active account at any centre given`, { rule: 'eops.accounts', details: { viewerId: options.viewerId } }) };
    }
    rows = mine.flatMap(rowsOf).filter((r) => r.officerId === options.viewerId && (year === undefined || r.academicYear === year));
  } else {
    rows = centres
      .flatMap(rowsOf)
      .filter(
        (r) =>
          (year === undefined || r.academicYear === year) &&
          (options.officerId === undefined || r.officerId === options.officerId) &&
          (!options.onlyCertified || r.certificate),
      );
  }
  return { ok: true, value: rows.sort(compareRows) };
}
