/**
 * `@examcycle/adapter-mis/mis`: the MIS port (what examcycle needs from a centre's Management Information
 * System) with the Wonde, Arbor, Common Transfer File and in-memory mappings. The root entry,
 * `@examcycle/adapter-mis`, exports the same names.
 */

// MIS port
export { MIS_OPERATIONS } from './MisPort.js';
export type { MisCandidate, MisCursor, MisIssueCode, MisOperation, MisPort, MisPull, MisPullOptions, MisPush, MisResult, MisRoom, MisSeat, MisUnsupportedReason } from './MisPort.js';
export { createMisHttp, retryAfterMs } from './misHttp.js';
export type { MisFetch, MisHttp, MisHttpOptions, MisResponse } from './misHttp.js';
export { candidateFromMis } from './candidateFromMis.js';
export type { CandidateFromMisOptions } from './candidateFromMis.js';
export { STAFF_ROLE_TITLES, staffRolesFromTitles } from './staffRolesFromTitles.js';
export type { MisStaffRoles, StaffRoleTitleRule } from './staffRolesFromTitles.js';
export { createInMemoryMis } from './createInMemoryMis.js';
export type { InMemoryMis, InMemoryMisKind, InMemoryMisRecords, InMemoryMisSeed } from './createInMemoryMis.js';

// Wonde
export { createWondeMis } from './wonde/createWondeMis.js';
export type { WondeMisOptions } from './wonde/createWondeMis.js';
export { wondeStudentToCandidate } from './wonde/wondeStudent.js';
export { wondeEmployeeToStaff } from './wonde/wondeEmployee.js';
export type { WondeEmployeeMapping } from './wonde/wondeEmployee.js';
export { wondeRoomToMisRoom } from './wonde/wondeRoom.js';
export { wondeCalendarDate, wondeInstant } from './wonde/wondeDate.js';
export type { WondeDate } from './wonde/wondeDate.js';

// Arbor
export { createArborMis } from './arbor/createArborMis.js';
export type { ArborMisOptions } from './arbor/createArborMis.js';
export { arborCalendarDate, arborId, arborInstant, isArborRef } from './arbor/arborEntity.js';
export type { ArborEntity } from './arbor/arborEntity.js';
export { arborResource } from './arbor/arborClient.js';
export type { ArborResource } from './arbor/arborClient.js';
export { ARBOR_ACCESS_KINDS, arborAccessKind } from './arbor/arborAccessArrangements.js';
export { arborSeatCoordinates } from './arbor/arborSeating.js';
export type { ArborRegistrationFields } from './arbor/arborEntries.js';

// Common Transfer File
export { CTF_MAX_DEPTH, parseCtf } from './ctf/parseCtf.js';
export type { CtfHeader, CtfReading, CtfSchool, ParseCtfOptions } from './ctf/parseCtf.js';
