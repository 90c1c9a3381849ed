/**
 * Results, post-results and certificates: matching results to entries, the results store whose every read
 * the rules pack decides and the audit trail records, the enquiry-about-results and certificate machines,
 * and the retention planner with its signed-off purge list.
 */
export { analyseResults } from './analyseResults.js';
export type { AnalyseResultsOptions, GradeComparison, GradeCount, PreviousYearResults, SubjectAnalysis } from './analyseResults.js';
export {
  CERTIFICATE_HISTORY_KEPT,
  certificateMachine,
  certificateMachineFor,
  certificateOverdue,
  certificateRejection,
  certificateRetainedRecords,
} from './certificateMachine.js';
export { certificateContextSchema, certificatePersisted, certificatePersistedFor, restoreCertificate } from './certificatePersisted.js';
export type {
  CertificateCheck,
  CertificateContext,
  CertificateDestruction,
  CertificateEmitted,
  CertificateEvent,
  CertificateInput,
  CertificateIssue,
  CertificateIssueMethod,
  CertificateRef,
  CertificateRefusal,
  CertificateRules,
  CertificateRulesPack,
  CertificateState,
  CollectionAuthority,
  DestructionMethod,
  IncorrectCertificateDisposal,
} from './certificateMachine.js';
export { collectRetainedRecords } from './collectRetainedRecords.js';
export type { KeptDocument, RetentionSources } from './collectRetainedRecords.js';
export { GRADE_SCALES, compareGrades, sortGrades } from './compareGrades.js';
export { createResultsStore } from './createResultsStore.js';
export type {
  AppliedGradeChange,
  EnquiryGradeChange,
  LateCashInSubmission,
  Nomination,
  NominationRequest,
  PressRelease,
  PressReleaseDraft,
  ResultsAnalysisReport,
  ResultsReader,
  ResultsReconciliation,
  ResultsStore,
  ResultsStoreOptions,
  ResultsSummary,
  StatementLine,
  StatementOfResults,
  ThirdPartyAuthority,
  WithheldLevel,
} from './createResultsStore.js';
export { openResultsStore } from './openResultsStore.js';
export type { DurableResultsStore, OpenResultsStoreOptions } from './openResultsStore.js';
export { ENQUIRY_SERVICES, ENQUIRY_THROUGH_CENTRE_RULE, enquiryGradeChange, enquiryMachine, enquiryRejection } from './enquiryMachine.js';
export { enquiryContextSchema, enquiryPersisted } from './enquiryPersisted.js';
export type {
  EnquiryConsent,
  EnquiryContext,
  EnquiryDeadline,
  EnquiryEmitted,
  EnquiryEvent,
  EnquiryFee,
  EnquiryInput,
  EnquiryOutcome,
  EnquiryRefusal,
  EnquiryRequest,
  EnquiryService,
  EnquiryServiceRule,
  EnquiryState,
} from './enquiryMachine.js';
export { matchResults } from './matchResults.js';
export type {
  DuplicateResults,
  IncompleteReason,
  IncompleteResult,
  LateCashIn,
  LateCashInReason,
  MatchResultsInput,
  MatchedEntry,
  MissingResult,
  ResultsMatch,
  UnexpectedReason,
  UnexpectedResult,
} from './matchResults.js';
export { planRetention } from './planRetention.js';
export type { PlanRetentionOptions, RetentionLine, RetentionSchedule } from './planRetention.js';
export { purgeList, signPurgeList } from './purgeList.js';
export type { PurgeExclusion, PurgeItem, PurgeList, PurgeSignOff } from './purgeList.js';
// The results-day logistics tasks (seed 003) live with the task catalogue; exported here with the results season.
export { RESULTS_DAY_TASKS } from '../machines/cycleTasks.js';
