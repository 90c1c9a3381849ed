/**
 * The README's "unconfirmed values" table, generated from the editions: every value whose confidence
 * is below `primary`, with its confidence, editions, source and why, and every key date the pack does
 * not know. A test fails when the README's copy drifts from the data. (The names keep "unconfirmed"
 * from before the confidence scale: here it means "below primary".)
 */
import type { Confidence, Sourced } from '@examcycle/core';
import type { Edition } from './Edition.js';
import { isBelowPrimary } from '../engine/weakestConfidence.js';
import { JCQ_EDITIONS } from './editions.js';

/** One value below primary, merged across the editions that carry it. */
export interface UnconfirmedValue {
  readonly label: string;
  readonly value: string;
  /** Its confidence: never `primary`. */
  readonly confidence: Confidence;
  readonly editions: readonly string[];
  readonly source: string;
  readonly why: string;
}

/** A key date the pack does not know. */
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

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/**
 * The markdown the README carries between `<!-- unconfirmed-values:start -->` and
 * `<!-- unconfirmed-values:end -->`: the confidence scale, the values below primary with their
 * confidence, then the unknown key dates.
 *
 * @param editions - the editions
 * @example
 * ```ts
 * unconfirmedValuesMarkdown().includes('| Value | Confidence |'); // true
 * ```
 */
export function unconfirmedValuesMarkdown(editions: readonly Edition[] = JCQ_EDITIONS): string {
  const lines = [
    'Confidence, strongest first: `primary` (JCQ, an awarding body or Ofqual, for that year), `primary-earlier-year` (the same rule read in an earlier edition), `secondary` (a school, a sector publication, a third-party copy), `pattern` (derived from earlier years, named in the note), `reading` (the pack\'s interpretation of softer wording). Every value below `primary`:',
    '',
    '| Value | Confidence | Edition | Source | Why not primary |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const r of unconfirmedValues(editions)) {
    lines.push(`| ${cell(`${r.label}: \`${r.value}\``)} | ${r.confidence} | ${cell(r.editions.join(', '))} | ${cell(r.source)} | ${cell(r.why)} |`);
  }
  lines.push('', 'Key dates the pack does not know (not shipped, never guessed):', '', '| Series | Key date | Why unknown |', '| --- | --- | --- |');
  for (const u of unknownValues(editions)) lines.push(`| ${cell(u.series)} | ${cell(u.kind)} | ${cell(u.why)} |`);
  return lines.join('\n');
}

/**
 * The markers around the generated section of a README.
 *
 * @example
 * ```ts
 * readme.indexOf(UNCONFIRMED_MARKERS.start) > -1;
 * ```
 */
export const UNCONFIRMED_MARKERS = { start: '<!-- unconfirmed-values:start -->', end: '<!-- unconfirmed-values:end -->' } as const;

/**
 * Replaces the generated section of a markdown document; `undefined` when it has no markers.
 *
 * @param document - the markdown
 * @param section - the new section
 * @example
 * ```ts
 * replaceUnconfirmedSection(readme, unconfirmedValuesMarkdown());
 * ```
 */
export function replaceUnconfirmedSection(document: string, section: string): string | undefined {
  const start = document.indexOf(UNCONFIRMED_MARKERS.start);
  const end = document.indexOf(UNCONFIRMED_MARKERS.end);
  if (start === -1 || end === -1 || end < start) return undefined;
  return `${document.slice(0, start + UNCONFIRMED_MARKERS.start.length)}\n${section}\n${document.slice(end)}`;
}
