/**
 * Reads an edition's exam-room and timetable rules into core's `ExamRoomRules` shape. The three
 * invigilation ratios are sourced separately in the edition (the written ratio is primary, from
 * WJEC; the practical and on-screen ones are secondary); here they become one value, as weak as its weakest part, with a
 * note naming each part's source.
 */
import type { ExamRoomRules, EopsRules, Sourced } from '@examcycle/core';
import type { Edition } from '../editions/Edition.js';
import { weakestConfidence } from './weakestConfidence.js';

function part(name: string, value: Sourced<number>): string {
  return `${name} 1:${String(value.value)} (${value.source.document}, ${value.source.year}, ${value.confidence}${value.note === undefined ? '' : `: ${value.note}`})`;
}

/**
 * The exam-room rules of an edition.
 *
 * @param edition - the edition
 * @example
 * ```ts
 * examRoomRulesOf(edition2025_26).invigilationRatio.value; // { written: 30, practical: 20, on_screen: 20 }
 * ```
 */
export function examRoomRulesOf(edition: Edition): ExamRoomRules {
  const r = edition.rules.examRoom;
  return {
    consecutiveSessionMaxMinutes: r.consecutiveSessionMaxMinutes,
    overnightThresholdMinutes: r.overnightThresholdMinutes,
    invigilationRatio: {
      value: { written: r.invigilationWritten.value, practical: r.invigilationPractical.value, on_screen: r.invigilationOnScreen.value },
      source: r.invigilationWritten.source,
      confidence: weakestConfidence(r.invigilationWritten.confidence, r.invigilationPractical.confidence, r.invigilationOnScreen.confidence),
      note: [part('written', r.invigilationWritten), part('practical', r.invigilationPractical), part('on-screen', r.invigilationOnScreen)].join('; '),
    },
    seatSpacingMetres: r.seatSpacingMetres,
    veryLateAfterStartMinutes: r.veryLateAfterStartMinutes,
    veryLateLongExamMinutes: r.veryLateLongExamMinutes,
    overnightSupervisionConditions: r.overnightSupervisionConditions,
    sitAllOnTheDay: r.sitAllOnTheDay,
    separateRoomArrangements: r.separateRoomArrangements,
    veryLateArrivalReportWorkingDays: edition.rules.derived.veryLateArrivalReportWorkingDays,
    specialConsiderationWorkingDays: edition.rules.derived.specialConsiderationWorkingDaysFromPaper,
  };
}

/**
 * The EOPS rules of an edition.
 *
 * @param edition - the edition
 * @example
 * ```ts
 * eopsRulesOf(edition2025_26).registrationBy.value; // '2025-10-31'
 * ```
 */
export function eopsRulesOf(edition: Edition): EopsRules {
  return {
    academicYear: edition.academicYear,
    newOfficerCadence: edition.eops.newOfficerCadence,
    experiencedOfficerCadence: edition.eops.experiencedOfficerCadence,
    registrationBy: edition.eops.registrationBy,
  };
}
