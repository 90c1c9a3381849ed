/**
 * Reads an entries (E) or amendments (A) file: its control records, every detail line, and each
 * candidate's full set of entries joined across continuation records. Every malformed line, identity
 * mismatch and count mismatch is an issue with file, line, record type and field.
 */
import type { ExamcycleError, ExamcycleIssue } from '@examcycle/core';
import { ENTRIES_DETAIL_LAYOUT } from './layouts/entriesLayout.js';
import { candidateOf, entriesReadCache, entryRecordFromValues, quickEntryRecord, type EdiEntriesCandidate, type EdiEntriesCandidateFields, type EdiEntryRecord, type EdiEntrySlot } from './entriesRecord.js';
import { readEdiFile, sortByLine, type EdiCentreHeader, type EdiFileHeader, type EdiFileReading, type EdiIssueCode, type EdiRecordContext } from './readEdiFile.js';

/**
 * Options for {@link readEntriesFile}.
 *
 * @example
 * ```ts
 * const options: ReadEntriesFileOptions = { file: 'E1234570.X01', padShortLines: true };
 * ```
 */
export interface ReadEntriesFileOptions {
  /** The file name, for issues. */
  readonly file?: string;
  /**
   * Accept lines shorter than 192 characters (trailing spaces trimmed in transit).
   * @default false
   */
  readonly padShortLines?: boolean;
  /**
   * Refuse every field that does not meet its layout exactly; by default padded text, spaced numbers and
   * lower-case codes (a result type `u`) are read with a `warning` issue.
   * @default false
   */
  readonly strict?: boolean;
}

/**
 * An entries or amendments file, read.
 *
 * @example
 * ```ts
 * declare const bytes: Uint8Array;
 * const read: EntriesFileReading = readEntriesFile(bytes, { file: 'E1234570.X01' });
 * read.issues.filter((i) => i.severity === 'error').length;
 * ```
 */
export interface EntriesFileReading {
  readonly file?: string;
  readonly header?: EdiFileHeader;
  readonly centreHeaders: readonly EdiCentreHeader[];
  /** Every valid detail line. */
  readonly records: readonly EdiEntryRecord[];
  /** Each candidate's entries, continuation records joined. */
  readonly candidates: readonly EdiEntriesCandidate[];
  readonly issues: readonly ExamcycleIssue<EdiIssueCode>[];
  readonly lineCount: number;
  readonly structure: EdiFileReading<EdiEntryRecord>;
  readonly fatal?: ExamcycleError;
}

const CANDIDATE_FIELDS: ReadonlyArray<keyof EdiEntriesCandidateFields> = [
  'dataType', 'candidateStatus', 'centreNumber', 'candidateNumber', 'candidateName', 'sex', 'dateOfBirth', 'uci', 'upn', 'uln',
  'qualifierFlag', 'optionalCentreNumber', 'optionalCandidateNumber', 'documentationGroup',
];

function sameFields(a: EdiEntryRecord, b: EdiEntryRecord): boolean {
  return CANDIDATE_FIELDS.every((k) => a[k] === b[k]);
}

/**
 * The four-digit series year the headers give, for the century of a date of birth. Headers that disagree on the
 * year (reported at the centre header's line) leave it unknown: a line with a date of birth then says so, rather
 * than take a century from either.
 */
function seriesYearOf(context: EdiRecordContext): number | undefined {
  const fileYear = context.header?.seriesYear;
  const centreYear = context.centreHeader?.seriesYear;
  const yy = fileYear !== undefined && centreYear !== undefined && fileYear !== centreYear ? undefined : (centreYear ?? fileYear);
  return yy === undefined ? undefined : 2000 + Number(yy);
}

/**
 * Reads an entries or amendments file.
 *
 * @param input - the file as text or bytes
 * @param options - the file name; tolerance of trimmed lines
 * @example
 * ```ts
 * declare const content: Uint8Array; // the file's bytes
 * const read = readEntriesFile(content, { file: 'E1234570.X01' });
 * read.candidates[0]?.entries.map((e) => e.code); // ['8300F', '8461H', …]
 * ```
 */
export function readEntriesFile(input: string | Uint8Array, options: ReadEntriesFileOptions = {}): EntriesFileReading {
  const { file, padShortLines = false, strict = false } = options;
  const cache = entriesReadCache();
  const structure = readEdiFile<EdiEntryRecord>(input, {
    ...(file === undefined ? {} : { file }),
    dataTypes: ['E', 'A'],
    kind: 'centre',
    padShortLines,
    strict,
    detail: {
      layoutFor: () => ENTRIES_DETAIL_LAYOUT,
      quickRecord: (line, where, context) => quickEntryRecord(line, where.line, seriesYearOf(context), context.centreHeader?.centreOrSeries, cache),
      toRecord: (values, where, context, issues) => {
        const record = entryRecordFromValues(values, where, seriesYearOf(context), issues, cache);
        const centre = context.centreHeader?.centreOrSeries;
        if (record !== undefined && centre !== undefined && record.centreNumber !== centre) {
          issues.push({
            code: 'invalid_value',
            severity: 'error',
            message: `The record is for centre ${record.centreNumber}, inside the block of centre ${centre}`,
            location: { ...(where.file === undefined ? {} : { file: where.file }), line: where.line, column: 4, field: 'centreNumber', recordType: `${record.dataType}5`, value: record.centreNumber },
          });
        }
        return record;
      },
    },
  });
  const issues: ExamcycleIssue<EdiIssueCode>[] = [...structure.issues];
  const records = structure.centres.length === 1 ? structure.centres[0]!.details : structure.centres.flatMap((c) => c.details);
  const at = (record: EdiEntryRecord) => ({ ...(file === undefined ? {} : { file }), line: record.line, recordType: `${record.dataType}5` });
  const candidates: EdiEntriesCandidate[] = [];
  // The line where each candidate was first seen: for the first centre (most files hold one) by candidate number
  // (0001–9999, checked by then) in an array, for any other centre by centre and candidate number in a map.
  let firstCentre: string | undefined;
  let firstCentreLines: Int32Array | undefined;
  const otherCentresLines = new Map<string, number>();
  // `entries` is the first record's own list until a continuation record comes (then a copy is extended)
  let current: { first: EdiEntryRecord; entries: readonly EdiEntrySlot[]; lines: number[] } | undefined;
  const flush = (): void => {
    if (current === undefined) return;
    candidates.push(candidateOf(current.first, current.entries, current.lines));
    current = undefined;
  };
  for (const record of records) {
    if (current !== undefined && current.first.centreNumber === record.centreNumber && current.first.candidateNumber === record.candidateNumber) {
      if (!sameFields(current.first, record)) {
        issues.push({
          code: 'invalid_value',
          severity: 'error',
          message: `Continuation record for candidate ${record.candidateNumber} differs from the record on line ${current.first.line}`,
          location: { ...at(record), field: 'candidate' },
        });
        flush();
      } else {
        current.entries = current.entries.concat(record.entries);
        current.lines.push(record.line);
        continue;
      }
    }
    flush();
    firstCentre ??= record.centreNumber;
    let earlier: number;
    if (record.centreNumber === firstCentre) {
      firstCentreLines ??= new Int32Array(10_000);
      const n = Number(record.candidateNumber);
      earlier = firstCentreLines[n]!;
      if (earlier === 0) firstCentreLines[n] = record.line;
    } else {
      const key = `${record.centreNumber}/${record.candidateNumber}`;
      earlier = otherCentresLines.get(key) ?? 0;
      if (earlier === 0) otherCentresLines.set(key, record.line);
    }
    if (earlier !== 0) {
      issues.push({
        code: 'invalid_value',
        severity: 'error',
        message: `Candidate ${record.candidateNumber} appears again (first on line ${earlier}); continuation records must follow each other`,
        location: { ...at(record), column: 9, field: 'candidateNumber', value: record.candidateNumber },
      });
    }
    current = { first: record, entries: record.entries, lines: [record.line] };
  }
  flush();
  sortByLine(issues);
  return {
    ...(file === undefined ? {} : { file }),
    ...(structure.header === undefined ? {} : { header: structure.header }),
    centreHeaders: structure.centres.flatMap((c) => (c.header === undefined ? [] : [c.header])),
    records,
    candidates,
    issues,
    lineCount: structure.lineCount,
    structure,
    ...(structure.fatal === undefined ? {} : { fatal: structure.fatal }),
  };
}
