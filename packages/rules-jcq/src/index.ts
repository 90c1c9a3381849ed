/**
 * `@examcycle/rules-jcq`: the JCQ rules pack for examcycle. Key dates, fee bands, restricted release,
 * retention and exam-room rules as sourced data by academic year, a centre overlay, iCalendar export,
 * and the pack's checks as json-rules-engine rules with a compiled evaluator for the hot path.
 *
 * @packageDocumentation
 * @module @examcycle/rules-jcq
 */

// the pack
export { createJcqPack, jcq } from './jcq.js';
export type { JcqPackConfig } from './jcq.js';

// centre overlay
export { withOverrides } from './overrides/withOverrides.js';
export { centreOverridesSchema } from './overrides/centreOverridesSchema.js';
export type { CentreOverrides, CentreOverridesInput } from './overrides/centreOverridesSchema.js';

// exam room
export { clashResolution, invigilatorsRequired, veryLateArrival } from './examRoom.js';
export type { ClashDecision, ClashPaper, SessionClash } from './engine/clashResolution.js';
export type { ArrivalPaper, VeryLateArrivalDecision } from './engine/veryLateArrival.js';

// iCalendar
export { toICalendar } from './ical/toICalendar.js';
export type { ICalendarOptions } from './ical/toICalendar.js';

// checks
export { compileRules, SUPPORTED_OPERATORS } from './engine/compileRules.js';
export type { CompiledRules, FiredRule, RuleFacts } from './engine/compileRules.js';
export type { AllCondition, AnyCondition, FactCondition, FactReference, NotCondition, RuleCondition, RuleEvent, RuleJson } from './engine/RuleJson.js';
export { jcqCheckRules } from './checks/jcqCheckRules.js';
export { checkInputSchemas, prepareCheckFacts } from './engine/prepareCheckFacts.js';
export type { CheckContext, CheckFactsIssueCode, CheckSubjectKind, PreparedCheckFacts } from './engine/prepareCheckFacts.js';

// working-day calendar
export { isWorkingDay, workingDaysBetween } from './calendar/addWorkingDays.js';
export { FIRST_CALENDAR_YEAR, LAST_CALENDAR_YEAR, bankHolidays } from './calendar/bankHolidays.js';
export type { BankHoliday } from './calendar/bankHolidays.js';
export { easterSunday } from './calendar/easterSunday.js';
export { ONE_OFF_BANK_HOLIDAYS } from './calendar/oneOffBankHolidays.js';
export type { OneOffBankHoliday } from './calendar/oneOffBankHolidays.js';

// editions (the data)
export { edition2024_25 } from './editions/2024-25.js';
export { edition2025_26 } from './editions/2025-26.js';
export { edition2026_27 } from './editions/2026-27.js';
export { JCQ_EDITIONS, editionFor } from './editions/editions.js';
export { standingRules } from './editions/standingRules.js';
export { documents } from './editions/documents.js';
export { unconfirmedValues, unknownValues } from './editions/unconfirmedValues.js';
export type { UnconfirmedValue, UnknownValue } from './editions/unconfirmedValues.js';
export { CONFIDENCE_SCALE, confidenceLabel, isBelowPrimary, weakestConfidence } from './engine/weakestConfidence.js';
export type {
  AnnualObligations,
  ContingencyDay,
  DerivedDateRules,
  Edition,
  EditionRules,
  EopsEdition,
  ExamRoomRulesEdition,
  NeaMarksDeadline,
  ResultsDay,
  ResultsReleaseRules,
  RetentionRules,
  SeriesEdition,
  SourcedDate,
  UnknownKeyDate,
} from './editions/Edition.js';
