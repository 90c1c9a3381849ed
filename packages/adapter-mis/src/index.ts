/**
 * `@examcycle/adapter-mis`: JCQ EDI files in and out (entries and amendments, results, basedata) through a
 * table-driven fixed-width codec whose layouts are data, and the MIS port with Wonde, Arbor, Common
 * Transfer File and in-memory mappings.
 */

// EDI layouts (data)
export { EDI_RECORD_LENGTH } from './edi/EdiLayout.js';
export type { EdiCharset, EdiConfidence, EdiField, EdiFieldType, EdiPadding, EdiRecordLayout } from './edi/EdiLayout.js';
export { EDI_SOURCES } from './edi/ediSources.js';
export type { EdiSourceKey } from './edi/ediSources.js';
export { EDI_LAYOUTS } from './edi/layouts/ediLayouts.js';
export { CENTRE_HEADER_LAYOUT, CENTRE_TRAILER_LAYOUT, FILE_HEADER_LAYOUT, FILE_TRAILER_LAYOUT } from './edi/layouts/controlLayouts.js';
export { ENTRIES_DETAIL_LAYOUT, ENTRY_SLOTS_PER_RECORD } from './edi/layouts/entriesLayout.js';
export { RESULTS_GRADES_LAYOUT, RESULTS_MARK_LAYOUT, RESULTS_SCORE4_LAYOUT, RESULT_TYPES, resultsLayoutFor } from './edi/layouts/resultsLayouts.js';
export type { ResultType } from './edi/layouts/resultsLayouts.js';
export { BASEDATA_COMPONENT_LAYOUT, BASEDATA_LINK_LAYOUT, BASEDATA_OPTION_LAYOUT, BASEDATA_SYLLABUS_LAYOUT } from './edi/layouts/basedataLayouts.js';

// EDI codec
export type { EdiIssue } from './edi/EdiIssue.js';
export { decodeEdiRecord, encodeEdiRecord } from './edi/ediRecordCodec.js';
export type { EdiDecodeResult, EdiEncodeResult, EdiLineContext, EdiValues } from './edi/ediRecordCodec.js';
export { birthCentury, fromEdiDate, isEdiDate, toEdiDate } from './edi/ediDate.js';
export { isEdiSeries, seriesIdOf } from './edi/ediSeries.js';
export type { EdiSeries } from './edi/ediSeries.js';
export { ediFileName, parseEdiFileName } from './edi/ediFileName.js';
export type { EdiFileNameParts } from './edi/ediFileName.js';
export { toEdiCandidateName } from './edi/ediCandidateName.js';
export type { EdiCandidateName, EdiCandidateNameOptions, NameChange, NameProblem } from './edi/ediCandidateName.js';
export { ediLines, ediText, readEdiFile } from './edi/readEdiFile.js';
export type {
  EdiCentreBlock,
  EdiCentreHeader,
  EdiCentreTrailer,
  EdiDetailDecoder,
  EdiFileHeader,
  EdiFileKind,
  EdiFileReading,
  EdiFileTrailer,
  EdiRecordContext,
  ReadEdiFileOptions,
} from './edi/readEdiFile.js';
export { writeEdiFile } from './edi/writeEdiFile.js';
export type { EdiControl, EdiFileText, EdiSoftware } from './edi/writeEdiFile.js';

// entries, results
export type { EdiEntriesCandidate, EdiEntriesCandidateFields, EdiEntryRecord, EdiEntrySlot } from './edi/entriesRecord.js';
export { writeEntriesFile } from './edi/writeEntriesFile.js';
export type { EdiNameChange, EdiSkippedEntry, EdiWriteIssue, EntriesFileOutput, WriteEntriesFileOptions } from './edi/writeEntriesFile.js';
export { readEntriesFile } from './edi/readEntriesFile.js';
export type { EntriesFileReading, ReadEntriesFileOptions } from './edi/readEntriesFile.js';
export { ediEntriesToCore } from './edi/ediEntriesToCore.js';
export type { EdiEntriesInCore, EdiEntriesToCoreOptions } from './edi/ediEntriesToCore.js';
export type { EdiAbsence, EdiResultInput, EdiResultRecord } from './edi/resultsRecord.js';
export { readResultsFile } from './edi/readResultsFile.js';
export type { ReadResultsFileOptions, ResultsFileReading } from './edi/readResultsFile.js';
export { writeResultsFile } from './edi/writeResultsFile.js';
export type { ResultsFileOutput, WriteResultsFileOptions } from './edi/writeResultsFile.js';
export { matchResults } from './edi/matchResults.js';
export type { ResultFinding, ResultFindingKind, ResultMatch, ResultsMatch, ResultsMatchContext } from './edi/matchResults.js';
export { createEdiAdapter } from './edi/createEdiAdapter.js';
export type { EdiAdapter, EdiAdapterOptions, WriteEntriesRequest } from './edi/createEdiAdapter.js';

// basedata
export { readBasedata } from './basedata/readBasedata.js';
export type {
  BasedataComponent,
  BasedataLink,
  BasedataOption,
  BasedataReading,
  BasedataSitting,
  BasedataSyllabus,
  BasedataUnknown,
  ReadBasedataOptions,
} from './basedata/readBasedata.js';
export type { BasedataFile } from './basedata/basedataFiles.js';
export { BASEDATA_ZIP_LIMITS } from './basedata/basedataZip.js';
export type { BasedataZipLimits } from './basedata/basedataZip.js';

// MIS port
export { MIS_OPERATIONS } from './mis/MisPort.js';
export type { MisCandidate, MisCursor, MisIssue, MisOperation, MisPort, MisPull, MisPullOptions, MisPush, MisResult, MisRoom, MisSeat, MisUnsupportedReason } from './mis/MisPort.js';
export { createMisHttp, retryAfterMs } from './mis/misHttp.js';
export type { MisFetch, MisHttp, MisHttpOptions, MisResponse } from './mis/misHttp.js';
export { candidateFromMis } from './mis/candidateFromMis.js';
export type { CandidateFromMisOptions } from './mis/candidateFromMis.js';
export { STAFF_ROLE_TITLES, staffRolesFromTitles } from './mis/staffRolesFromTitles.js';
export type { MisStaffRoles, StaffRoleTitleRule } from './mis/staffRolesFromTitles.js';
export { createInMemoryMis } from './mis/createInMemoryMis.js';
export type { InMemoryMis, InMemoryMisKind, InMemoryMisRecords, InMemoryMisSeed } from './mis/createInMemoryMis.js';

// Wonde
export { createWondeMis } from './mis/wonde/createWondeMis.js';
export type { WondeMisOptions } from './mis/wonde/createWondeMis.js';
export { wondeStudentToCandidate } from './mis/wonde/wondeStudent.js';
export { wondeEmployeeToStaff } from './mis/wonde/wondeEmployee.js';
export type { WondeEmployeeMapping } from './mis/wonde/wondeEmployee.js';
export { wondeRoomToMisRoom } from './mis/wonde/wondeRoom.js';
export { wondeCalendarDate, wondeInstant } from './mis/wonde/wondeDate.js';
export type { WondeDate } from './mis/wonde/wondeDate.js';

// Arbor
export { createArborMis } from './mis/arbor/createArborMis.js';
export type { ArborMisOptions } from './mis/arbor/createArborMis.js';
export { arborCalendarDate, arborId, arborInstant, isArborRef } from './mis/arbor/arborEntity.js';
export type { ArborEntity } from './mis/arbor/arborEntity.js';
export { arborResource } from './mis/arbor/arborClient.js';
export type { ArborResource } from './mis/arbor/arborClient.js';
export { ARBOR_ACCESS_KINDS, arborAccessKind } from './mis/arbor/arborAccessArrangements.js';
export { arborSeatCoordinates } from './mis/arbor/arborSeating.js';
export type { ArborRegistrationFields } from './mis/arbor/arborEntries.js';

// Common Transfer File
export { CTF_MAX_DEPTH, parseCtf } from './mis/ctf/parseCtf.js';
export type { CtfHeader, CtfReading, CtfSchool, ParseCtfOptions } from './mis/ctf/parseCtf.js';
