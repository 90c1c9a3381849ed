/**
 * The EOPS tracker as a plain-text table, for a terminal, an email or a log: a Name column (with the
 * academic year, as the officer's own view shows it) and the five columns, each done or not done.
 */
import { EOPS_TRACKER_COLUMNS, type EopsTrackerRow } from './eopsTracker.js';

/**
 * Options for {@link renderTrackerText}.
 *
 * @example
 * ```ts
 * declare const actor: EopsActor;
 * const options: RenderTrackerTextOptions = { marks: { done: 'yes', notDone: 'no' }, empty: 'No exams officers registered' };
 * const tracker = eopsTracker(actor.getSnapshot());
 * if (tracker.ok) console.log(renderTrackerText(tracker.value, options));
 * ```
 */
export interface RenderTrackerTextOptions {
  /**
   * The marks for done and not done.
   * @default { done: '✓', notDone: '×' } (the tracker's green tick and red cross)
   */
  readonly marks?: { readonly done: string; readonly notDone: string };
  /**
   * What to print when there are no rows.
   * @default '(no exams officers)'
   */
  readonly empty?: string;
}

/**
 * Renders tracker rows as a plain-text table, one line per row, columns padded with spaces.
 *
 * @param rows - rows from `eopsTracker`
 * @param options - the done / not done marks
 * @returns the table's lines joined with `\n` (no trailing newline)
 * @example
 * ```ts
 * declare const actor: EopsActor;
 * const tracker = eopsTracker(actor.getSnapshot());
 * if (tracker.ok) renderTrackerText(tracker.value, { marks: { done: 'done', notDone: 'not done' } });
 * // Name                   | Values & Attributes Statement | Knowledge & Understanding | …
 * // Amber Giles (2025/26)  | done                          | not done                  | …
 * ```
 */
export function renderTrackerText(rows: readonly EopsTrackerRow[], { marks = { done: '✓', notDone: '×' }, empty = '(no exams officers)' }: RenderTrackerTextOptions = {}): string {
  const header = ['Name', ...EOPS_TRACKER_COLUMNS.map((c) => c.label)];
  const body = rows.map((r) => [`${r.officerName} (${r.academicYear})`, ...EOPS_TRACKER_COLUMNS.map((c) => (r[c.key] ? marks.done : marks.notDone))]);
  const widths = header.map((h, i) => Math.max([...h].length, ...body.map((cells) => [...cells[i]!].length)));
  const line = (cells: readonly string[]) => cells.map((c, i) => c + ' '.repeat(widths[i]! - [...c].length)).join(' | ').trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('-+-');
  return [line(header), rule, ...(body.length ? body.map(line) : [empty])].join('\n');
}
