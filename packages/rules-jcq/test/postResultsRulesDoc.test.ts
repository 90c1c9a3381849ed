/**
 * docs/jcq-post-results.md: the JCQ pack's post-results services and who may take each post-results,
 * certificate and results-store step, with sources, generated from the pack so the page cannot drift. Run
 * `UPDATE_DOCS=1 npx vitest run test/postResultsRulesDoc.test.ts` in packages/rules-jcq after a change.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { SourceRef } from '@examcycle/core';
import { jcq } from '../src/index.js';

const docPath = fileURLToPath(new URL('../../../docs/jcq-post-results.md', import.meta.url));
const YEAR = '2025/26';

const cite = (s: SourceRef) => `${s.document}${s.section ? `, ${s.section}` : ''} (${s.year})`;
const cell = (text: string) => text.replace(/\|/g, '\\|');

function render(): string {
  const lines = [
    '# Post-results services, certificates and results: the JCQ pack\'s rules',
    '',
    '<!-- Generated from packages/rules-jcq (postResultsServices, authorities) by test/postResultsRulesDoc.test.ts;',
    '     run `UPDATE_DOCS=1 npx vitest run test/postResultsRulesDoc.test.ts` in packages/rules-jcq after changing them. -->',
    '',
    `The ${YEAR} edition. The enquiry and certificate machines (see [results-machines.md](results-machines.md)) read these`,
    'when a request or a certificate starts and keep them in their context. Every value below `primary` says why.',
    '',
    '## Post-results services',
    '',
    '| service | code | written consent | deadline | gives | rule | source | confidence | note |',
    '|---|---|---|---|---|---|---|---|---|',
  ];
  for (const [id, r] of Object.entries(jcq.postResultsServices(YEAR))) {
    lines.push(`| ${cell(r.title)} (\`${id}\`) | ${r.code} | ${r.consentRequired ? `yes (\`${r.consentRule ?? ''}\`)` : 'no'} | ${r.deadline.replace(/_/g, ' ')} | ${r.outcome} | \`${r.rule}\` | ${cell(cite(r.source))} | ${r.confidence} | ${cell(r.note ?? '')} |`);
  }
  lines.push('', '## Who may do what', '', '| action | roles | who, in the regulation\'s words | source | confidence | note |', '|---|---|---|---|---|---|');
  for (const a of jcq.authorities(YEAR).filter((x) => /^(enquiry|certificate|results)\./.test(x.action))) {
    lines.push(`| \`${a.action}\` | ${a.roles.map((r) => r.replace(/_/g, ' ')).join(', ')} | ${cell(a.title)} | ${cell(cite(a.source))} | ${a.confidence} | ${cell(a.note ?? '')} |`);
  }
  lines.push('', 'A centre\'s overlay may add roles or named staff to an action (`delegations`); it never removes a role the pack grants.', '');
  return lines.join('\n');
}

describe('docs/jcq-post-results.md', () => {
  it('matches the pack\'s post-results services and authorities (regenerate with UPDATE_DOCS=1)', () => {
    const text = render();
    if (process.env.UPDATE_DOCS === '1') writeFileSync(docPath, text);
    expect(readFileSync(docPath, 'utf8')).toBe(text);
  });
});
