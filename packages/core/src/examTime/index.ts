/**
 * Pre-exams and exam time: the centre timetable and clashes, rooms and seats, invigilators and their
 * bookings, and the exam-room record of each sitting with the tasks it raises. Explicit barrel, re-exported
 * by core's main entry.
 */

// the numbers exam-time planning accepts
export { EXAM_TIME_LIMITS } from './examTimeLimits.js';

// timetable
export { arrangementKindsOf, effectiveDurationMinutes, timeAllowanceOf } from './timeAllowance.js';
export type { TimeAllowance } from './timeAllowance.js';
export { buildCentreTimetable, personalTimetable } from './centreTimetable.js';
export type {
  CandidateSitting,
  CentreTimetable,
  CentreTimetableInput,
  PaperKind,
  PersonalTimetable,
  PersonalTimetableLine,
  SittingVariation,
  TimetableCandidate,
  TimetableIssueCode,
  TimetableSession,
} from './centreTimetable.js';
export { statementOfEntry } from './statementOfEntry.js';
export type { StatementComponent, StatementOfEntry } from './statementOfEntry.js';
export { contingencyDayCheck } from './contingencyDayCheck.js';
export type { ContingencyDayCheck, ContingencyFlag } from './contingencyDayCheck.js';

// clashes
export { COMPACT_CLASH_KIND, findClashesCompact } from './findClashesCompact.js';
export type { CompactClashes, CompactSittings, FindClashesCompactOptions } from './findClashesCompact.js';
export { findClashes } from './findClashes.js';
export type { Clash, ClashKind, FindClashesOptions } from './findClashes.js';
export { resolveClashes } from './resolveClashes.js';
export type { ClashResolution, PaperMove, ResolutionKind, ResolutionProposal, ResolveClashesOptions } from './resolveClashes.js';
export { applyClashResolution, applyClashResolutions, sessionPapers } from './applyClashResolution.js';
export type { AppliedClashResolution, ApplyClashResolutionIssueCode, ChosenResolution } from './applyClashResolution.js';

// rooms and seats
export { parseSeatCode, roomLayout, seatCode } from './roomLayout.js';
export type { RoomLayout, Seat } from './roomLayout.js';
export { planSeating, seatingPlanRecord } from './planSeating.js';
export type { PlanSeatingInput, PlanSeatingOptions, RatioKind, RoomPlan, SeatAssignment, SeatingPlan, SeatVariation, UnseatedCandidate } from './planSeating.js';

// invigilators
export { invigilatorTrainingStatus } from './invigilatorTraining.js';
export type { TrainingStatus } from './invigilatorTraining.js';
export { deployInvigilators, requiredInvigilators } from './deployInvigilators.js';
export type {
  DeployInvigilatorsInput,
  DeployInvigilatorsOptions,
  Deployment,
  DeploymentIssueCode,
  DeploymentShortfall,
  FacilitatorAssignment,
  RoomDeployment,
} from './deployInvigilators.js';
export { BOOKING_RULES, invigilatorBookingMachine, VERSION_2_BOOKING_GRANTS } from './invigilatorBookingMachine.js';
export { createInvigilatorBooking } from './createInvigilatorBooking.js';
export type {
  BookingRule,
  BookingRuleName,
  InvigilatorBookingContext,
  InvigilatorBookingEmitted,
  InvigilatorBookingEvent,
  InvigilatorBookingInput,
} from './invigilatorBookingMachine.js';
export type { CreateInvigilatorBookingOptions } from './createInvigilatorBooking.js';
export { addVersion2Grants, invigilatorBookingContextSchema, invigilatorBookingPersisted, nextBookingWake } from './invigilatorBookingPersisted.js';

// the exam-room record
export { classifyArrival } from './classifyArrival.js';
export type { ArrivalClassification, AttendanceStatus } from './classifyArrival.js';
export {
  logIncident,
  createSittingRecord,
  recordAbsence,
  recordArrival,
  recordDespatch,
  recordEmergencyArrangement,
  recordPacketCheck,
  recordPacketOpened,
  sittingRecordIssues,
  sittingRetainedRecords,
} from './sittingRecord.js';
export type {
  EmergencyArrangement,
  Incident,
  IncidentKind,
  CreateSittingRecordInput,
  PacketCheck,
  PacketOpening,
  RegisterLine,
  ScriptDespatch,
  SittingRecord,
  SittingRecordIssueCode,
} from './sittingRecord.js';
export { examTimeTasks, taskAddEvents } from './examTimeTasks.js';
export type { ExamTimeTasksOptions, TaskAddEvent } from './examTimeTasks.js';
