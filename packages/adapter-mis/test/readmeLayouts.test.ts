import { readFileSync, writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { SourceRef } from '@examcycle/core';
import { EDI_LAYOUTS, EDI_SOURCES, type EdiField } from '@examcycle/adapter-mis';

const README = new URL('../README.md', import.meta.url);
const START = '<!-- edi-layouts:start (generated from EDI_LAYOUTS by test/readmeLayouts.test.ts) -->';
const END = '<!-- edi-layouts:end -->';

const MARK = { corroborated: '**V+**', implementation: 'V', inferred: 'I', unknown: '**U**' } as const;

function row(f: EdiField): string {
  const cols = f.length === 1 ? `${f.start}` : `${f.start}–${f.start + f.length - 1}`;
  const values = f.values ? ` (${f.values.join(', ')})` : '';
  const note = (f.note ?? '').replace(/\|/g, '\\|');
  return `| \`${f.field}\` | ${cols} | ${f.length} | ${f.type}${values} | ${MARK[f.confidence]} | ${f.source.join(', ') || '—'} | ${note} |`;
}

function render(): string {
  const parts: string[] = [START, ''];
  for (const layout of Object.values(EDI_LAYOUTS)) {
    parts.push(`#### ${layout.title} (\`${layout.id}\`, data types ${layout.dataTypes.join('/')}, record type ${layout.recordType})`, '');
    parts.push('| Field | Columns | Len | Type | Conf. | Sources | Note |', '|---|---|---|---|---|---|---|');
    for (const f of layout.fields) parts.push(row(f));
    parts.push('');
  }
  parts.push('Sources:', '');
  for (const [key, s] of Object.entries(EDI_SOURCES) as Array<[string, SourceRef]>) parts.push(`- **${key}**: ${s.document}${s.section ? `, \`${s.section}\`` : ''} (${s.year})`);
  parts.push('', END);
  return parts.join('\n');
}

describe('README layout table', () => {
  it('is the table EDI_LAYOUTS generates (run with UPDATE_README=1 to regenerate)', () => {
    const text = readFileSync(README, 'utf8');
    const from = text.indexOf(START);
    const to = text.indexOf(END);
    expect(from, 'README lacks the layout markers').toBeGreaterThanOrEqual(0);
    const current = text.slice(from, to + END.length);
    const wanted = render();
    if (current !== wanted && process.env['UPDATE_README'] === '1') {
      writeFileSync(README, text.slice(0, from) + wanted + text.slice(to + END.length));
      return;
    }
    expect(current).toBe(wanted);
  });
});
