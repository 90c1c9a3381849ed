/**
 * Reads a results (R) file: its control records and every result line, by result type (grades and
 * endorsements, marks, uniform marks, scores), and, when given the centre's candidates and entries,
 * matches them and reports every mismatch as a typed finding.
 */
import type { ExamcycleError, ExamcycleIssue } from '@examcycle/core';
import type { EdiField, EdiRecordLayout } from './EdiLayout.js';
import { resultsLayoutFor } from './layouts/resultsLayouts.js';
import { matchEdiResults, type EdiResultFinding, type EdiResultMatch, type EdiResultsMatchContext } from './matchEdiResults.js';
import { readEdiFile, type EdiCentreHeader, type EdiFileHeader, type EdiFileReading, type EdiIssueCode } from './readEdiFile.js';
import { quickResultRecord, quickResultsCache, resultRecordFromValues, type EdiResultRecord } from './resultsRecord.js';

const OPAQUE = new WeakMap<EdiRecordLayout, readonly EdiField[]>();

/**
 * The fields of a results layout no source describes (kept exactly in `unread`), worked out once per layout.
 *
 * @internal
 * @param layout - a results detail layout
 * @example
 * ```ts
 * opaqueFieldsOf(RESULTS_GRADES_LAYOUT).map((f) => f.field); // ['gradesUnused', 'unread']
 * ```
 */
export function opaqueFieldsOf(layout: EdiRecordLayout): readonly EdiField[] {
  let fields = OPAQUE.get(layout);
  if (fields === undefined) {
    fields = layout.fields.filter((f) => f.type === 'opaque');
    OPAQUE.set(layout, fields);
  }
  return fields;
}

/**
 * Options for {@link readResultsFile}.
 *
 * @example
 * ```ts
 * const options: ReadResultsFileOptions = { file: 'R1234570.X01', strict: true };
 * ```
 */
export interface ReadResultsFileOptions {
  /** The file name, for issues. */
  readonly file?: string;
  /** The centre, candidates and entries to match the results to; without it, results are only read. */
  readonly match?: EdiResultsMatchContext;
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
 * A results file, read (and matched, when asked).
 *
 * @example
 * ```ts
 * declare const bytes: Uint8Array;
 * const read: ResultsFileReading = readResultsFile(bytes, { file: 'R1234570.X01' });
 * read.results.length;
 * ```
 */
export interface ResultsFileReading {
  readonly file?: string;
  readonly header?: EdiFileHeader;
  readonly centreHeaders: readonly EdiCentreHeader[];
  readonly results: readonly EdiResultRecord[];
  readonly issues: readonly ExamcycleIssue<EdiIssueCode>[];
  /** Results matched to candidates (empty without `match`). */
  readonly matches: readonly EdiResultMatch[];
  /** Every mismatch (empty without `match`). */
  readonly findings: readonly EdiResultFinding[];
  readonly lineCount: number;
  readonly structure: EdiFileReading<EdiResultRecord>;
  readonly fatal?: ExamcycleError;
}

/**
 * Reads a results file, and matches it when given the centre's candidates and entries.
 *
 * @param input - the file as text or bytes
 * @param options - file name and what to match against
 * @example
 * ```ts
 * declare const bytes: Uint8Array;
 * declare const candidates: Candidate[];
 * declare const entries: Entry[];
 * const read = readResultsFile(bytes, { file: 'R1234570.X01', match: { centreNumber: '12345', candidates, entries } });
 * read.results[0]?.grade; // '7'
 * read.findings; // unknown candidates, UCI mismatches, results without entries, entries without results …
 * ```
 */
export function readResultsFile(input: string | Uint8Array, options: ReadResultsFileOptions = {}): ResultsFileReading {
  const { file, match, padShortLines = false, strict = false } = options;
  const quick = quickResultsCache();
  const structure = readEdiFile<EdiResultRecord>(input, {
    ...(file === undefined ? {} : { file }),
    dataTypes: ['R'],
    kind: 'centre',
    padShortLines,
    strict,
    detail: {
      layoutFor: (line, where) => {
        const type = strict ? line.charAt(46) : line.charAt(46).toUpperCase();
        return (
          resultsLayoutFor(type) ?? {
            code: 'malformed_record',
            severity: 'error',
            message: `resultType (column 47) "${type}" is not a known result type (1, 2, 3, U, M, B, C)`,
            location: { ...(where.file === undefined ? {} : { file: where.file }), line: where.line, column: 47, field: 'resultType', recordType: 'R5', value: type },
          }
        );
      },
      quickRecord: (line, where) => quickResultRecord(line, where.line, quick),
      toRecord: (values, where, _context, issues) => resultRecordFromValues(values, where, opaqueFieldsOf(resultsLayoutFor(values['resultType']!)!), issues),
    },
  });
  const results = structure.centres.length === 1 ? structure.centres[0]!.details : structure.centres.flatMap((c) => c.details);
  const matched = match === undefined ? { matches: [], findings: [] } : matchEdiResults(results, match);
  return {
    ...(file === undefined ? {} : { file }),
    ...(structure.header === undefined ? {} : { header: structure.header }),
    centreHeaders: structure.centres.flatMap((c) => (c.header === undefined ? [] : [c.header])),
    results,
    issues: structure.issues,
    matches: matched.matches,
    findings: matched.findings,
    lineCount: structure.lineCount,
    structure,
    ...(structure.fatal === undefined ? {} : { fatal: structure.fatal }),
  };
}
