/**
 * Matching a file's header row to a record kind's columns. Names match case-insensitively and ignoring
 * spaces, underscores, hyphens and full stops (`Candidate Number`, `candidate_number` and `CANDIDATENUMBER`
 * are one name), through each column's synonyms and the caller's. A header that names no known column is
 * the wrong file (`wrong_header`); two header cells naming one column are ambiguous (`wrong_header`); a
 * required column with no stand-in is `missing_column`, named.
 *
 * @internal
 */
import { ExamcycleError, type IssueLocation } from '@examcycle/core';
import type { CsvColumn, CsvColumnSet } from '../columns/CsvColumnSet.js';

/**
 * The folded form a header name is matched by.
 *
 * @param name - a header cell or a column name
 * @example
 * ```ts
 * headerKey(' Candidate_Number '); // 'candidatenumber'
 * ```
 */
export function headerKey(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/[\s_\-.]+/g, '');
}

/** One column of the set, and where (if anywhere) the file has it. */
export interface ColumnPlan {
  readonly column: CsvColumn;
  /** The cell index in the file, or -1 when the file lacks the column. */
  index: number;
  /** The header as the file wrote it (the canonical header when the file lacks it). */
  header: string;
  /** The plan entry of the column that stands in, or -1. */
  fallback: number;
  /** Text used for a missing column or an empty cell. */
  readonly defaultText: string | undefined;
}

/** How the file's columns map to the kind's. */
export interface HeaderMatch {
  readonly plans: readonly ColumnPlan[];
  /** Cells in the header row. */
  readonly width: number;
}

function location(file: string | undefined, line: number, field?: string): IssueLocation {
  return { ...(file === undefined ? {} : { file }), line, ...(field === undefined ? {} : { field }) };
}

/**
 * Matches a header row to a column set.
 *
 * @param set - the record kind's columns
 * @param cells - the header row's cells, trimmed
 * @param line - the header's physical line
 * @param options - caller synonyms and defaults (keyed by canonical header), and the file name
 * @example
 * ```ts
 * matchHeader(csvColumnSet('rooms'), ['Room', 'Rows', 'Columns', 'Seat Pitch', 'Row Pitch'], 1, { synonyms: {}, defaults: {} });
 * ```
 */
export function matchHeader(
  set: CsvColumnSet,
  cells: readonly string[],
  line: number,
  options: {
    readonly synonyms: Readonly<Record<string, readonly string[]>>;
    readonly defaults: Readonly<Record<string, string>>;
    readonly file?: string | undefined;
  },
): HeaderMatch | ExamcycleError {
  const plans: ColumnPlan[] = set.columns.map((column) => ({
    column,
    index: -1,
    header: column.header,
    fallback: -1,
    defaultText: options.defaults[column.header] ?? column.default,
  }));
  const lookup = new Map<string, number>();
  plans.forEach((plan, i) => {
    for (const name of [plan.column.header, ...plan.column.synonyms]) {
      const key = headerKey(name);
      if (!lookup.has(key)) lookup.set(key, i);
    }
  });
  plans.forEach((plan, i) => {
    for (const name of options.synonyms[plan.column.header] ?? []) lookup.set(headerKey(name), i);
  });
  plans.forEach((plan) => {
    if (plan.column.fallback !== undefined) plan.fallback = plans.findIndex((p) => p.column.header === plan.column.fallback);
  });

  let matched = 0;
  for (let i = 0; i < cells.length; i += 1) {
    const key = headerKey(cells[i]!);
    if (key === '') continue;
    const at = lookup.get(key);
    if (at === undefined) continue;
    const plan = plans[at]!;
    if (plan.index >= 0) {
      return new ExamcycleError(
        'wrong_header',
        `The header has two columns for ${plan.column.header}: "${plan.header}" and "${cells[i]}"; keep one`,
        { location: location(options.file, line, cells[i]), details: { columns: [plan.header, cells[i]] } },
      );
    }
    plan.index = i;
    plan.header = cells[i]!;
    matched += 1;
  }

  if (matched === 0) {
    const only = cells.length === 1 ? cells[0]! : '';
    const hint = /[;\t|]/.test(only)
      ? ' It looks separated by semicolons, tabs or bars: save it as comma-separated CSV.'
      : ' Is the first row the header, and is this the right file?';
    return new ExamcycleError(
      'wrong_header',
      `The header row names none of the ${set.kind} columns (${set.columns.filter((c) => c.field !== undefined).map((c) => c.header).join(', ')}).${hint}`,
      { location: location(options.file, line), details: { kind: set.kind, header: [...cells] } },
    );
  }

  const missing = plans.filter(
    (p) =>
      p.column.required &&
      p.index < 0 &&
      p.defaultText === undefined &&
      !(p.fallback >= 0 && (plans[p.fallback]!.index >= 0 || plans[p.fallback]!.defaultText !== undefined)),
  );
  if (missing.length > 0) {
    const first = missing[0]!.column;
    const names = missing.map((p) => {
      const other = [...p.column.synonyms, ...(p.column.fallback ? [p.column.fallback] : [])];
      return `"${p.column.header}"${other.length > 0 ? ` (or ${other.map((s) => `"${s}"`).join(', ')})` : ''}`;
    });
    return new ExamcycleError(
      'missing_column',
      `${set.kind} need the column${missing.length > 1 ? 's' : ''} ${names.join('; ')}, which the header does not have`,
      { location: location(options.file, line, first.header), details: { kind: set.kind, missing: missing.map((p) => p.column.header) } },
    );
  }
  return { plans, width: cells.length };
}
