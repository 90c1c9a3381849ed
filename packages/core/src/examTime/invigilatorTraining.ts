/**
 * Invigilator training records: an invigilator may work a session once initially trained, and only if
 * they have had the annual update in the academic year of the session (initial training in that year
 * counts as this year's update).
 */
import type { Invigilator } from '../domain/invigilator.js';
import { academicYearBounds, academicYearOf, type AcademicYear, type CalendarDate } from '../time/clock.js';

/**
 * Whether an invigilator's training is current on a date.
 *
 * @example
 * ```ts
 * declare const invigilator: Invigilator;
 * const status: TrainingStatus = invigilatorTrainingStatus(invigilator, '2026-06-01');
 * status.current ? 'may invigilate' : status.reason;
 * ```
 */
export interface TrainingStatus {
  readonly invigilatorId: string;
  readonly academicYear: AcademicYear;
  /** Initially trained on or before the date. */
  readonly trained: boolean;
  /** Updated (or initially trained) in the academic year, on or before the date. */
  readonly updatedThisYear: boolean;
  /** May invigilate on the date. */
  readonly current: boolean;
  readonly reason: string;
}

/**
 * An invigilator's training status on a date.
 *
 * @param invigilator - the invigilator
 * @param onDate - the session date
 * @example
 * ```ts
 * invigilatorTrainingStatus({ id: 'i1', name: 'A. Smith', trainedOn: '2023-05-01', lastUpdateOn: '2025-09-20', availability: [], relativeOfCandidateIds: [], facilitator: false }, '2026-06-01').current; // true
 * ```
 */
export function invigilatorTrainingStatus(invigilator: Invigilator, onDate: CalendarDate): TrainingStatus {
  const academicYear = academicYearOf(onDate);
  const { start } = academicYearBounds(academicYear);
  const trainedOn = invigilator.trainedOn;
  const trained = trainedOn !== undefined && trainedOn <= onDate;
  const inYear = (d: CalendarDate | undefined) => d !== undefined && d >= start && d <= onDate;
  const updatedThisYear = trained && (inYear(invigilator.lastUpdateOn) || inYear(trainedOn));
  const reason = !trainedOn
    ? `${invigilator.name} has no initial training on record`
    : !trained
      ? `${invigilator.name}'s initial training (${trainedOn}) is after ${onDate}`
      : !updatedThisYear
        ? `${invigilator.name} has not had the annual update in ${academicYear} (last: ${invigilator.lastUpdateOn ?? 'none'})`
        : `${invigilator.name} is trained (${trainedOn}) and updated for ${academicYear}`;
  return { invigilatorId: invigilator.id, academicYear, trained, updatedThisYear, current: trained && updatedThisYear, reason };
}
