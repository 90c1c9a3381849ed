import { readFileSync } from 'node:fs';
import { unconfirmedValues, unknownValues } from '@examcycle/rules-jcq';
import { UNCONFIRMED_MARKERS, replaceUnconfirmedSection, unconfirmedValuesMarkdown } from '../scripts/unconfirmedValuesMarkdown.js';
import { describe, expect, it } from 'vitest';

const readmes = {
  'packages/rules-jcq/README.md': readFileSync(new URL('../README.md', import.meta.url), 'utf8'),
  'README.md (the repository)': readFileSync(new URL('../../../README.md', import.meta.url), 'utf8'),
};

describe('README unconfirmed values', () => {
  it.each(Object.entries(readmes))('%s carries exactly the table generated from the editions (run npm run docs:unconfirmed when this fails)', (_name, readme) => {
    const start = readme.indexOf(UNCONFIRMED_MARKERS.start);
    const end = readme.indexOf(UNCONFIRMED_MARKERS.end);
    expect(start).toBeGreaterThan(-1);
    expect(end).toBeGreaterThan(start);
    expect(readme.slice(start + UNCONFIRMED_MARKERS.start.length, end).trim()).toBe(unconfirmedValuesMarkdown().trim());
    expect(replaceUnconfirmedSection(readme, unconfirmedValuesMarkdown())).toBe(readme);
  });

  it('lists the values the fact sheet marks secondary, inferred or unverified, and the dates no source gives', () => {
    const labels = unconfirmedValues().map((v) => v.label);
    expect(labels).toEqual(expect.arrayContaining(['results, press and local authorities', 'exam room, invigilation on screen', 'retention, access arrangements approval months', 'exam room, seat spacing metres', 'EOPS, registration by']));
    expect(unconfirmedValues().find((v) => v.label === 'results, press and local authorities')?.editions).toEqual(['2024/25', '2025/26', '2026/27']);
    expect(unknownValues()).toContainEqual(expect.objectContaining({ series: 'November 2024', kind: 'results_day' }));
    expect(unconfirmedValues().some((v) => v.value === '2026-08-13')).toBe(false);
  });
});
