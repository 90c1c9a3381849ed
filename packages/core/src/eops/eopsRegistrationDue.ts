/**
 * Who still has to be registered for the Standards this academic year: the centre's active exams officers
 * without a record for the rules pack's year, with the registration-by date from the pack (its source and
 * confidence) and whether it has passed. Registration is renewed every academic year, so after a year
 * rollover every officer appears here until they are registered again.
 */
import type { EopsRules } from '../rules/RulesPack.js';
import type { Confidence, SourceRef } from '../rules/sources.js';
import { isoDate, toLondon, type AcademicYear, type CalendarDate, type Instant } from '../time/clock.js';
import type { EopsContext } from './eopsContext.js';
import type { EopsRecordsSource } from './eopsRecords.js';

/**
 * An exams officer not yet registered for the year.
 *
 * @example
 * ```ts
 * declare const actor: EopsActor;
 * const due: EopsRegistrationDue[] = eopsRegistrationDue(actor.getSnapshot(), jcq.eopsRules('2025/26'), '2025-11-03T09:00:00Z');
 * due.filter((d) => d.overdue).map((d) => `${d.officerName}: register by ${d.registrationBy}`);
 * ```
 */
export interface EopsRegistrationDue {
  readonly officerId: string;
  readonly officerName: string;
  readonly academicYear: AcademicYear;
  /** The rules pack's registration-by date. */
  readonly registrationBy: CalendarDate;
  /** Whether that date has ended. */
  readonly overdue: boolean;
  readonly source: SourceRef;
  readonly confidence: Confidence;
}

/**
 * The centre's active exams officers not yet registered for the rules' academic year, as of an instant.
 *
 * @param state - the centre's EOPS actor or snapshot
 * @param rules - the rules pack's EOPS rules for the year (`rulesPack.eopsRules('2025/26')`)
 * @param asOf - the instant to judge at
 * @example
 * ```ts
 * declare const actor: EopsActor;
 * eopsRegistrationDue(actor.getSnapshot(), jcq.eopsRules('2025/26'), '2025-11-03T09:00:00Z');
 * // [{ officerId: 'eo-1', officerName: 'Amber Giles', registrationBy: '2025-10-31', overdue: true, … }]
 * ```
 */
export function eopsRegistrationDue(state: EopsRecordsSource, rules: EopsRules, asOf: Instant): EopsRegistrationDue[] {
  const context: EopsContext = 'getSnapshot' in state && typeof state.getSnapshot === 'function' ? state.getSnapshot().context : (state as { context: EopsContext }).context;
  const today = isoDate(toLondon(asOf));
  const registered = new Set(context.officerYears.filter((y) => y.academicYear === rules.academicYear).map((y) => y.officerId));
  return context.accounts
    .filter((a) => a.status === 'active' && a.roles.includes('exams_officer') && !registered.has(a.id))
    .map((a) => ({
      officerId: a.id,
      officerName: a.name,
      academicYear: rules.academicYear,
      registrationBy: rules.registrationBy.value,
      overdue: today > rules.registrationBy.value,
      source: rules.registrationBy.source,
      confidence: rules.registrationBy.confidence,
    }));
}
