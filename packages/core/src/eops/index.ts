/**
 * The Exams Officer Professional Standards: the certification machines (one actor per centre, one child
 * actor per exams officer per academic year), the tracker, the meeting schedule, overdue meetings, the new exams
 * officer's induction checklist and the Key Skills advice. Re-exported by core's main barrel.
 */

// the machine
export { eopsMachine, lastEopsRejection, officerYearId, sendEops } from './eopsMachine.js';
export type { EopsActor, EopsActorLike, EopsEmitted, EopsInput, EopsRecipient, EopsSnapshot } from './eopsMachine.js';
export { eopsOfficerYearMachine, eopsOfficerYearStep, eopsOfficerYearValue } from './eopsOfficerYearMachine.js';
export type { EopsOfficerYearInput, EopsOfficerYearSnapshot, EopsOfficerYearStep } from './eopsOfficerYearMachine.js';
export type { EopsForwardedEvent, EopsOfficerEvent, EopsOfficerYearEvent, EopsOfficerYearReport } from './eopsOfficerYearEvents.js';
export { eopsCurrentRecord, eopsRecords } from './eopsRecords.js';
export type { EopsRecordsSource } from './eopsRecords.js';
export { EOPS_V2_GRANTS, eopsContextSchema, eopsOfficerYearPersisted, eopsPersisted, eopsRecordSchema, eopsV1Migration, eopsV2Migration } from './eopsPersisted.js';
export { EOPS_EVENT_TYPES, EOPS_OFFICER_EVENT_TYPES, eopsEventSchema } from './eopsEvents.js';
export type { EopsAccountChanges, EopsEvent, EopsEventType, EopsMeetingInput, EopsStamp, EopsTargetInput, EopsUserInput } from './eopsEvents.js';
export { EOPS_LEADER_ROLES, EOPS_MEETING_KINDS, EOPS_ROLES } from './eopsContext.js';
export type {
  EopsAccount,
  EopsAccountStatus,
  EopsCertificate,
  EopsContext,
  EopsDeclaration,
  EopsKeySkillTarget,
  EopsKnowledgeTarget,
  EopsLeaderRole,
  EopsMeeting,
  EopsOfficerExperience,
  EopsOfficerYearEntry,
  EopsRecord,
  EopsRole,
  EopsSignature,
  EopsTarget,
  EopsTargetStatus,
  InductionItem,
  InductionPeriod,
  InductionTrigger,
  ScheduledMeeting,
  ScheduledMeetingKind,
} from './eopsContext.js';

// the Standards' content
export { EOPS_ACHIEVEMENT_METHODS, EOPS_KEY_SKILL_AREAS, EOPS_KNOWLEDGE_AREAS, EOPS_TOOLKIT_SOURCE } from './eopsAreas.js';
export type { EopsAchievementMethod, EopsKeySkillArea, EopsKnowledgeArea, EopsStrand } from './eopsAreas.js';
export { eopsProgress } from './eopsProgress.js';
export { eopsRegistrationDue } from './eopsRegistrationDue.js';
export type { EopsRegistrationDue } from './eopsRegistrationDue.js';
export type { EopsProgress } from './eopsProgress.js';
export { keySkillAreasAdvice } from './keySkillAreasAdvice.js';
export { eopsAcademicYear } from './eopsAcademicYear.js';
export type { EopsAcademicYearInput } from './eopsAcademicYear.js';

// the tracker
export { EOPS_TRACKER_COLUMNS, eopsTracker } from './eopsTracker.js';
export type { EopsTrackerColumn, EopsTrackerOptions, EopsTrackerRow, EopsTrackerSource } from './eopsTracker.js';
export { renderTrackerText } from './renderTrackerText.js';
export type { RenderTrackerTextOptions } from './renderTrackerText.js';

// meetings and induction
export { meetingSchedule } from './meetingSchedule.js';
export type { ExamTimeWindow, MeetingScheduleOptions, TermPeriod } from './meetingSchedule.js';
export { overdueMeetings } from './overdueMeetings.js';
export { NEW_EXAMS_OFFICER_INDUCTION, inductionChecklist, inductionDueOn, overdueInductionItems, tickInduction } from './inductionChecklist.js';
export type { InductionItemTemplate } from './inductionChecklist.js';
