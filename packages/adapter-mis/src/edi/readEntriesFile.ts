/**
 * Reads an entries (E) or amendments (A) file: its control records, every detail line, and each
 * candidate's full set of entries joined across continuation records. Every malformed line, identity
 * mismatch and count mismatch is an issue with file, line, record type and field.
 */
import type { ExamcycleError } from '@examcycle/core';
import type { EdiIssue } from './EdiIssue.js';
import { ENTRIES_DETAIL_LAYOUT } from './layouts/entriesLayout.js';
import { candidateFieldsOf, entryRecordFromValues, type EdiEntriesCandidate, type EdiEntriesCandidateFields, type EdiEntryRecord } from './entriesRecord.js';
import { readEdiFile, type EdiCentreHeader, type EdiFileHeader, type EdiFileReading } from './readEdiFile.js';

/** Options for {@link readEntriesFile}. */
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

/** An entries or amendments file, read. */
export interface EntriesFileReading {
  readonly file?: string;
  readonly header?: EdiFileHeader;
  readonly centreHeaders: readonly EdiCentreHeader[];
  /** Every valid detail line. */
  readonly records: readonly EdiEntryRecord[];
  /** Each candidate's entries, continuation records joined. */
  readonly candidates: readonly EdiEntriesCandidate[];
  readonly issues: readonly EdiIssue[];
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
 * Reads an entries or amendments file.
 *
 * @param input - the file as text or bytes
 * @param options - the file name; tolerance of trimmed lines
 * @example
 * ```ts
 * const read = readEntriesFile(content, { file: 'E1234570.X01' });
 * read.candidates[0]?.entries.map((e) => e.code); // ['8300F', '8461H', …]
 * ```
 */
export function readEntriesFile(input: string | Uint8Array, options: ReadEntriesFileOptions = {}): EntriesFileReading {
  const { file, padShortLines = false, strict = false } = options;
  const structure = readEdiFile<EdiEntryRecord>(input, {
    ...(file === undefined ? {} : { file }),
    dataTypes: ['E', 'A'],
    kind: 'centre',
    padShortLines,
    strict,
    detail: {
      layoutFor: () => ENTRIES_DETAIL_LAYOUT,
      toRecord: (values, where, context) => {
        const yy = context.centreHeader?.seriesYear ?? context.header?.seriesYear;
        const made = entryRecordFromValues(values, where, yy === undefined ? undefined : 2000 + Number(yy));
        const centre = context.centreHeader?.centreOrSeries;
        if (made.record && centre !== undefined && made.record.centreNumber !== centre) {
          made.issues.push({
            ...(where.file === undefined ? {} : { file: where.file }),
            line: where.line,
            recordType: `${made.record.dataType}5`,
            field: 'centreNumber',
            column: 'centreNumber',
            position: 4,
            value: made.record.centreNumber,
            code: 'invalid_value',
            message: `The record is for centre ${made.record.centreNumber}, inside the block of centre ${centre}`,
          });
        }
        return made;
      },
    },
  });
  const issues: EdiIssue[] = [...structure.issues];
  const records = structure.centres.flatMap((c) => c.details);
  const candidates: EdiEntriesCandidate[] = [];
  const seen = new Map<string, number>();
  let current: { first: EdiEntryRecord; entries: EdiEntriesCandidate['entries'][number][]; lines: number[] } | undefined;
  const flush = (): void => {
    if (current === undefined) return;
    candidates.push({ ...candidateFieldsOf(current.first), entries: current.entries, lines: current.lines });
    current = undefined;
  };
  for (const record of records) {
    const key = `${record.centreNumber}/${record.candidateNumber}`;
    if (current !== undefined && `${current.first.centreNumber}/${current.first.candidateNumber}` === key) {
      if (!sameFields(current.first, record)) {
        issues.push({
          ...(file === undefined ? {} : { file }),
          line: record.line,
          recordType: `${record.dataType}5`,
          field: 'candidate',
          code: 'invalid_value',
          message: `Continuation record for candidate ${record.candidateNumber} differs from the record on line ${current.first.line}`,
        });
        flush();
      } else {
        current.entries.push(...record.entries);
        current.lines.push(record.line);
        continue;
      }
    }
    flush();
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      issues.push({
        ...(file === undefined ? {} : { file }),
        line: record.line,
        recordType: `${record.dataType}5`,
        field: 'candidateNumber',
        column: 'candidateNumber',
        position: 9,
        value: record.candidateNumber,
        code: 'invalid_value',
        message: `Candidate ${record.candidateNumber} appears again (first on line ${earlier}); continuation records must follow each other`,
      });
    } else {
      seen.set(key, record.line);
    }
    current = { first: record, entries: [...record.entries], lines: [record.line] };
  }
  flush();
  issues.sort((a, b) => a.line - b.line);
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
