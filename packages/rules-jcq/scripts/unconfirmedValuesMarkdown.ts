/**
 * Documentation tooling, not part of the published package: renders the README's "unconfirmed values"
 * section from {@link unconfirmedValues} and {@link unknownValues}, and swaps it in between its markers.
 * `scripts/unconfirmed.ts` writes the READMEs with it; `test/readme.test.ts` fails when they drift.
 */
import { JCQ_EDITIONS, unconfirmedValues, unknownValues, type Edition } from '@examcycle/rules-jcq';

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

/**
 * The markdown the README carries between `<!-- unconfirmed-values:start -->` and
 * `<!-- unconfirmed-values:end -->`: the confidence scale, the values below primary with their
 * confidence, then the unknown key dates.
 *
 * @param editions - the editions
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

/** The markers around the generated section of a README. */
export const UNCONFIRMED_MARKERS = { start: '<!-- unconfirmed-values:start -->', end: '<!-- unconfirmed-values:end -->' } as const;

/**
 * Replaces the generated section of a markdown document; `undefined` when it has no markers.
 *
 * @param document - the markdown
 * @param section - the new section
 */
export function replaceUnconfirmedSection(document: string, section: string): string | undefined {
  const start = document.indexOf(UNCONFIRMED_MARKERS.start);
  const end = document.indexOf(UNCONFIRMED_MARKERS.end);
  if (start === -1 || end === -1 || end < start) return undefined;
  return `${document.slice(0, start + UNCONFIRMED_MARKERS.start.length)}\n${section}\n${document.slice(end)}`;
}
