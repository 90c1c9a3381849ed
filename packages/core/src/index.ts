/**
 * `@examcycle/core`: the domain of an exam centre's year, the exam-cycle and EOPS machines, and the
 * contracts (`RulesPack`, the adapter interfaces) that packs and adapters implement. Core knows no pack
 * and no adapter.
 *
 * @packageDocumentation
 * @module @examcycle/core
 */

// errors
export { ExamcycleError, isExamcycleError } from './errors/ExamcycleError.js';
export type { ExamcycleErrorCode, ExamcycleErrorOptions } from './errors/ExamcycleError.js';
export type { Outcome } from './errors/Outcome.js';
export type { ExamcycleIssue, FeatureIssueCode, IssueCode, IssueLocation, IssueSeverity, IssueSubject } from './errors/ExamcycleIssue.js';

// time
export { LONDON, academicYearBounds, academicYearOf, endOfLondonDay, londonDate, londonTime, toLondon } from './time/clock.js';
export type { AcademicYear, CalendarDate, ExamClock, Instant } from './time/clock.js';
export { isAcademicYear, isCalendarDate, isInstant, parseAcademicYear, parseCalendarDate, parseInstant } from './time/parseInstant.js';
export { instantToMillis } from './time/instantToMillis.js';
export { londonIso } from './time/londonIso.js';
export { londonOffsetMinutes } from './time/londonOffsetTable.js';
export { londonWallToMillis } from './time/londonWallToMillis.js';

// identifiers
export { isValidUci, uciCheckCharacter } from './identifiers/uci.js';
export { isValidUln } from './identifiers/uln.js';
export { isTemporaryUpn, isValidUpn, upnCheckCharacter } from './identifiers/upn.js';
export { isValidCandidateNumber, isValidCentreNumber } from './identifiers/candidateNumber.js';

// domain
export {
  BAD_CHECK_CHARACTER,
  academicYearSchema,
  calendarDateSchema,
  candidateNumberSchema,
  centreNumberSchema,
  clockTimeSchema,
  instantSchema,
  uciSchema,
  ulnSchema,
  upnSchema,
} from './domain/identifierSchemas.js';
export { centreSchema } from './domain/centre.js';
export type { Centre } from './domain/centre.js';
export { staffMemberSchema, staffRoleSchema } from './domain/staff.js';
export type { StaffMember, StaffRole } from './domain/staff.js';
export { candidateSchema } from './domain/candidate.js';
export type { Candidate } from './domain/candidate.js';
export { awardingBodySchema } from './domain/awardingBody.js';
export type { AwardingBody } from './domain/awardingBody.js';
export { componentKindSchema, componentSchema, entryOptionSchema, qualificationLevelSchema, qualificationSchema } from './domain/qualification.js';
export type { Component, EntryOption, Qualification, QualificationLevel } from './domain/qualification.js';
export { examSeries, examSeriesSchema, seriesMonthSchema } from './domain/series.js';
export type { ExamSeries, SeriesMonth } from './domain/series.js';
export { sessionSchema, timetabledPaperSchema } from './domain/paper.js';
export type { Session, TimetabledPaper } from './domain/paper.js';
export { entrySchema, entryStatusSchema } from './domain/entry.js';
export type { Entry, EntryStatus } from './domain/entry.js';
export { accessArrangementKindSchema, accessArrangementSchema } from './domain/accessArrangement.js';
export type { AccessArrangement, AccessArrangementKind } from './domain/accessArrangement.js';
export { roomSchema } from './domain/room.js';
export type { Room } from './domain/room.js';
export { invigilatorSchema } from './domain/invigilator.js';
export type { Invigilator } from './domain/invigilator.js';
export { resultSchema } from './domain/result.js';
export type { Result } from './domain/result.js';
export { certificateSchema } from './domain/certificate.js';
export type { Certificate } from './domain/certificate.js';

// rules contract
export { sourceRefSchema } from './rules/sources.js';
export { authorise, grantsFor } from './rules/authority.js';
export type { ActorRole, Authority, AuthorityDecision, Delegation, RoleGrant, RoleGrants } from './rules/authority.js';
export type { Confidence, SourceRef, Sourced } from './rules/sources.js';
export type {
  CheckFacts,
  DueRule,
  EopsRules,
  ExamRoomRules,
  FeeBand,
  FeeBandDecision,
  Finding,
  KeyDate,
  KeyDateKind,
  ResultsAccessDecision,
  ResultsAccessRequest,
  ResultsAudience,
  RetainedRecord,
  RetainedRecordKind,
  RetentionDecision,
  RulesPack,
  Severity,
} from './rules/RulesPack.js';

// data contracts
export { RECORD_KINDS } from './adapters/RecordImport.js';
export type { ImportResult, RecordKind, RecordKinds } from './adapters/RecordImport.js';

// audit and persistence
export { appendAudit, auditToJsonLines, collectAudit } from './audit/auditTrail.js';
export type { Actor, AuditEmitted, AuditEntry, AuditLine } from './audit/auditTrail.js';
export { persistSnapshot, restoreWithSpec, snapshotVersion } from './persistence/persistSnapshot.js';
export { restoreSnapshot } from './persistence/restoreSnapshot.js';
export type { PersistedSnapshot, RestoreOptions, SnapshotMigrations } from './persistence/persistSnapshot.js';
export { dropContextAudit } from './persistence/persistedMachine.js';
export type { PersistedMachineSpec } from './persistence/persistedMachine.js';

// storage contract and the durable runtime
export { formatStoreKey } from './store/ExamcycleStore.js';
export { createMemoryStore } from './store/createMemoryStore.js';
export { checkCounterScope, checkStoreId, checkStoreKey, storeJson } from './store/storeArguments.js';
export { createExamcycleRuntime, runtimeFormatVersion } from './runtime/createExamcycleRuntime.js';
export type { ExamcycleRuntime, ExamcycleRuntimeOptions, HostedActor, HostedSendOutcome, OpenOptions, WakeDueResult } from './runtime/createExamcycleRuntime.js';

// hooks a host can watch (logging, metrics)
export { countIssuesByCode, durationOf, notifyObserver, observerStopwatch } from './observe/index.js';
export type { ExamcycleObserver, ObservedEvent, ObservedImport, ObservedReadDenial, ObservedStoreConflict, ObserverHook } from './observe/index.js';
export { validateSnapshot } from './persistence/validateSnapshot.js';
export { persistedSpecFor, shippedMachineSpecs } from './persistence/persistedMachines.js';
export type {
  AuditRange,
  ClaimedSignal,
  CounterScope,
  DeliverSignalsOptions,
  DeliverSignalsResult,
  ExamcycleStore,
  KeyFilter,
  OutboxSignal,
  SaveSnapshotOptions,
  SaveSnapshotResult,
  StoreKey,
  StoredRecord,
  StoredSnapshot,
  StoreTransaction,
} from './store/ExamcycleStore.js';

// areas with their own barrels
export * from './eops/index.js';
export * from './examTime/index.js';
export * from './results/index.js';
export * from './entries/index.js';
export * from './conflicts/index.js';

// the exam-cycle machine
export { CYCLE_PHASES, CYCLE_WORKSTREAMS, defaultWorkstream, sourceText } from './machines/cycleTasks.js';
export type { CyclePhase, CycleTask, CycleTaskInput, CycleWorkstream, OpenCyclePhase, TaskOpening, TaskStatus } from './machines/cycleTasks.js';
export {
  CYCLE_REFUSALS,
  TASK_OWNER_RULE,
  currentPhase,
  cycleRefusal,
  cycleTaskGrants,
  deadlineSignals,
  examCycleMachine,
  openBlockingTasks,
  taskAction,
  taskHasOpened,
  workstreamState,
} from './machines/examCycleMachine.js';
export type { CycleGuardName, DeadlineSignal, ExamCycleContext, ExamCycleEmitted, ExamCycleEvent, ExamCycleInput, PhaseTimelineEntry } from './machines/examCycleMachine.js';
export { checkCycleInput, createExamCycle } from './machines/createExamCycle.js';
export { examCycleContextSchema, examCyclePersisted, migrateExamCycleV2, nextCycleWake } from './machines/examCyclePersisted.js';
export type { CreateExamCycleOptions, ExamCycle, SendOutcome, UnstampedExamCycleEvent } from './machines/createExamCycle.js';

// a centre's agenda across series
export { centreAgenda, eopsAgendaDeadlines } from './agenda/centreAgenda.js';
export type { AgendaCycle, AgendaDeadline, AgendaItem, CentreAgenda, CentreAgendaOptions, EopsAgendaInput } from './agenda/centreAgenda.js';
