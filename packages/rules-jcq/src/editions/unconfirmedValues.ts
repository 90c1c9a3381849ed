/**
 * What the pack is not sure of, as data: every value whose confidence is below `primary`, with its
 * confidence, editions, source and why, and every key date the pack does not know. A centre can show these
 * next to the values it relies on; the README's "unconfirmed values" table is rendered from them by
 * `scripts/unconfirmedValuesMarkdown.ts`. (The names keep "unconfirmed" from before the confidence scale:
 * here it means "below primary".)
 */
import type { Confidence, Sourced } from '@examcycle/core';
import type { Edition } from './Edition.js';
import { isBelowPrimary } from '../engine/weakestConfidence.js';
import { JCQ_EDITIONS } from './editions.js';

/**
 * One value below primary, merged across the editions that carry it.
 *
 * @example
 * ```ts
 * const press: UnconfirmedValue | undefined = unconfirmedValues().find((v) => v.label === 'results, press and local authorities');
 * press?.confidence; // 'secondary'
 * press?.editions; // ['2024/25', '2025/26', '2026/27']
 * ```
 */
export interface UnconfirmedValue {
  readonly label: string;
  readonly value: string;
  /** Its confidence: never `primary`. */
  readonly confidence: Confidence;
  readonly editions: readonly string[];
  readonly source: string;
  readonly why: string;
}

/**
 * A key date the pack does not know.
 *
 * @example
 * ```ts
 * const gaps: UnknownValue[] = unknownValues().filter((u) => u.series === 'June 2026');
 * gaps.map((u) => u.kind); // ['basedata_published', 'nea_marks_deadline', 'contingency_day']
 * ```
 */
export interface UnknownValue {
  readonly series: string;
  readonly kind: string;
  readonly why: string;
}

const MONTHS = { january: 'January', march: 'March', june: 'June', november: 'November' } as const;

function isSourced(value: unknown): value is Sourced<unknown> {
  return typeof value === 'object' && value !== null && 'value' in value && 'source' in value && 'confidence' in value;
}

function humanise(key: string): string {
  return key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
}

function show(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function walk(node: unknown, label: string, visit: (label: string, value: Sourced<unknown>) => void): void {
  if (isSourced(node)) {
    visit(label, node);
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  for (const [key, child] of Object.entries(node)) walk(child, label === '' ? humanise(key) : `${label}, ${humanise(key)}`, visit);
}

function sourceText(v: Sourced<unknown>): string {
  const s = v.source;
  return `${s.document}${s.section === undefined ? '' : ` §${s.section}`} (${s.year})`;
}

/**
 * Every value below primary in the editions, merged across editions, in a stable order.
 *
 * @param editions - the editions
 * @example
 * ```ts
 * unconfirmedValues().some((v) => v.label.includes('press')); // true: 09:30 comes from SecEd only
 * ```
 */
export function unconfirmedValues(editions: readonly Edition[] = JCQ_EDITIONS): UnconfirmedValue[] {
  const rows = new Map<string, { label: string; value: string; confidence: Confidence; editions: string[]; source: string; why: string }>();
  const add = (edition: Edition, label: string, v: Sourced<unknown>): void => {
    if (!isBelowPrimary(v.confidence)) return;
    const row = { label, value: show(v.value), confidence: v.confidence, source: sourceText(v), why: v.note ?? '' };
    const key = JSON.stringify([row.label, row.value, row.confidence, row.source, row.why]);
    const existing = rows.get(key);
    if (existing === undefined) rows.set(key, { ...row, editions: [edition.academicYear] });
    else existing.editions.push(edition.academicYear);
  };
  for (const edition of editions) {
    for (const s of edition.series) {
      const series = `${MONTHS[s.month]} ${String(s.year)}`;
      const dated: [string, Sourced<unknown> | undefined][] = [
        ['basedata published', s.basedataPublished],
        ['entry deadline', s.entryDeadline],
        ['very late deadline', s.veryLateDeadline],
        ['access arrangements deadline', s.accessArrangementsDeadline],
        ['modified papers deadline', s.modifiedPapersDeadline],
        ['priority review of marking deadline', s.postResultsPriorityDeadline],
        ['post-results final deadline', s.postResultsFinalDeadline],
        ['certificates expected', s.certificatesExpected],
      ];
      for (const [what, v] of dated) if (v !== undefined) add(edition, `${series}: ${what}`, v);
      for (const n of s.neaMarksDeadlines) add(edition, `${series}: ${n.awardingBodyId} NEA marks deadline (${n.covers})`, n.date);
      for (const c of s.contingencyDays) add(edition, `${series}: contingency day`, c.date);
      for (const r of s.resultsDays) add(edition, `${series}: ${r.title}`, r.date);
    }
    walk(edition.annual, 'annual', (label, v) => add(edition, label, v));
    walk(edition.rules, '', (label, v) => add(edition, label, v));
    walk(edition.eops, 'EOPS', (label, v) => add(edition, label, v));
  }
  return [...rows.values()];
}

/**
 * Every key date the editions say they do not know, with why.
 *
 * @param editions - the editions
 * @example
 * ```ts
 * unknownValues().find((u) => u.series === 'November 2024')?.kind; // 'results_day'
 * ```
 */
export function unknownValues(editions: readonly Edition[] = JCQ_EDITIONS): UnknownValue[] {
  return editions.flatMap((e) => e.series.flatMap((s) => s.unknown.map((u) => ({ series: `${MONTHS[s.month]} ${String(s.year)}`, kind: u.kind, why: u.why }))));
}
