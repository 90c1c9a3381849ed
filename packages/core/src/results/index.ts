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
  certificateAction,
  certificateGuardRefusals,
  certificateOverdue,
  certificateRetainedRecords,
} from './certificateMachine.js';
export { certificateContextSchema, certificatePersisted, certificatePersistedFor, restoreCertificate } from './certificatePersisted.js';
export type {
  CertificateCheck,
  CertificateContext,
  CertificateDestruction,
  CertificateEmitted,
  CertificateEvent,
  CertificateGuard,
  CertificateHandover,
  CertificateHandoverMethod,
  CertificateInput,
  CertificateRef,
  CertificateRefusal,
  CertificateRules,
  CertificateRulesPack,
  CertificateState,
  CollectionAuthority,
  DestructionMethod,
  IncorrectCertificateDisposal,
} from './certificateMachine.js';
export { recordCertificates } from './recordCertificates.js';
export type { CertificateRecord, CertificateSteps, RecordCertificatesOptions } from './recordCertificates.js';
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
export { createDurableResultsStore } from './createDurableResultsStore.js';
export type { DurableResultsStore, CreateDurableResultsStoreOptions } from './createDurableResultsStore.js';
export { ENQUIRY_GUARD_REFUSALS, enquiryAction, enquiryGradeChange, enquiryMachine } from './enquiryMachine.js';
export { ENQUIRY_SERVICE_IDS, enquiryServiceRuleSchema } from './enquiryServiceRule.js';
export type { EnquiryService, EnquiryServiceRule } from './enquiryServiceRule.js';
export { enquiryContextSchema, enquiryPersisted } from './enquiryPersisted.js';
export type {
  EnquiryConsent,
  EnquiryContext,
  EnquiryDeadline,
  EnquiryEmitted,
  EnquiryEvent,
  EnquiryFee,
  EnquiryGuard,
  EnquiryInput,
  EnquiryOutcome,
  EnquiryRefusal,
  EnquiryRequest,
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
