/**
 * `@examcycle/adapter-mis/edi`: JCQ EDI files in and out (entries and amendments, results, basedata) through a
 * table-driven fixed-width codec whose layouts are data, and the glue from EDI entries records to core's
 * `Entry` and `Candidate`. The root entry, `@examcycle/adapter-mis`, exports the same names.
 */

// EDI layouts (data)
export { EDI_RECORD_LENGTH } from './EdiLayout.js';
export type { EdiCharset, EdiConfidence, EdiField, EdiFieldType, EdiPadding, EdiRecordLayout } from './EdiLayout.js';
export { EDI_SOURCES } from './ediSources.js';
export type { EdiSourceKey } from './ediSources.js';
export { EDI_LAYOUTS } from './layouts/ediLayouts.js';
export { CENTRE_HEADER_LAYOUT, CENTRE_TRAILER_LAYOUT, FILE_HEADER_LAYOUT, FILE_TRAILER_LAYOUT } from './layouts/controlLayouts.js';
export { ENTRIES_DETAIL_LAYOUT, ENTRY_SLOTS_PER_RECORD } from './layouts/entriesLayout.js';
export { RESULTS_GRADES_LAYOUT, RESULTS_MARK_LAYOUT, RESULTS_SCORE4_LAYOUT, RESULT_TYPES, resultsLayoutFor } from './layouts/resultsLayouts.js';
export type { ResultType } from './layouts/resultsLayouts.js';
export { BASEDATA_COMPONENT_LAYOUT, BASEDATA_LINK_LAYOUT, BASEDATA_OPTION_LAYOUT, BASEDATA_SYLLABUS_LAYOUT } from './layouts/basedataLayouts.js';

// EDI codec
export { decodeEdiRecord, encodeEdiRecord } from './ediRecordCodec.js';
export type { EdiDecodeResult, EdiEncodeResult, EdiLineContext, EdiValues } from './ediRecordCodec.js';
export { birthCentury, fromEdiDate, isEdiDate, toEdiDate } from './ediDate.js';
export { isEdiSeries, seriesIdOf } from './ediSeries.js';
export type { EdiSeries } from './ediSeries.js';
export { ediFileName, parseEdiFileName } from './ediFileName.js';
export type { EdiFileNameParts } from './ediFileName.js';
export { toEdiCandidateName } from './ediCandidateName.js';
export type { EdiCandidateName, EdiCandidateNameOptions, NameChange, NameProblem } from './ediCandidateName.js';
export { ediLines, ediText, readEdiFile } from './readEdiFile.js';
export type {
  EdiCentreBlock,
  EdiCentreHeader,
  EdiCentreTrailer,
  EdiDetailDecoder,
  EdiFileHeader,
  EdiFileKind,
  EdiFileReading,
  EdiFileTrailer,
  EdiIssueCode,
  EdiRecordContext,
  ReadEdiFileOptions,
} from './readEdiFile.js';
export { writeEdiFile } from './writeEdiFile.js';
export type { EdiControl, EdiFileText, EdiSoftware } from './writeEdiFile.js';

// entries, results
export type { EdiEntriesCandidate, EdiEntriesCandidateFields, EdiEntryRecord, EdiEntrySlot } from './entriesRecord.js';
export { writeEntriesFile } from './writeEntriesFile.js';
export type { EdiNameChange, EdiSkippedEntry, EntriesFileOutput, WriteEntriesFileOptions } from './writeEntriesFile.js';
export { readEntriesFile } from './readEntriesFile.js';
export type { EntriesFileReading, ReadEntriesFileOptions } from './readEntriesFile.js';
export { ediEntriesToCore } from './ediEntriesToCore.js';
export type { EdiEntriesInCore, EdiEntriesToCoreOptions } from './ediEntriesToCore.js';
export type { EdiAbsence, EdiResultInput, EdiResultRecord } from './resultsRecord.js';
export { readResultsFile } from './readResultsFile.js';
export type { ReadResultsFileOptions, ResultsFileReading } from './readResultsFile.js';
export { writeResultsFile } from './writeResultsFile.js';
export type { ResultsFileOutput, WriteResultsFileOptions } from './writeResultsFile.js';
export { matchEdiResults } from './matchEdiResults.js';
export type { EdiResultFinding, EdiResultFindingKind, EdiResultMatch, EdiResultsMatch, EdiResultsMatchContext } from './matchEdiResults.js';
export { createEdiAdapter } from './createEdiAdapter.js';
export type { EdiAdapter, EdiAdapterOptions, WriteEntriesRequest } from './createEdiAdapter.js';

// basedata
export { readBasedata } from '../basedata/readBasedata.js';
export type {
  BasedataComponent,
  BasedataLink,
  BasedataOption,
  BasedataReading,
  BasedataSitting,
  BasedataSyllabus,
  BasedataUnknown,
  ReadBasedataOptions,
} from '../basedata/readBasedata.js';
export type { BasedataFile } from '../basedata/basedataFiles.js';
export { BASEDATA_ZIP_LIMITS } from '../basedata/basedataZip.js';
export type { BasedataZipLimits } from '../basedata/basedataZip.js';
