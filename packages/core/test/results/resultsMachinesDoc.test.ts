import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AnyStateMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import { certificateMachine, enquiryMachine } from '@examcycle/core';

const docPath = fileURLToPath(new URL('../../../../docs/results-machines.md', import.meta.url));

/** The guards every step checks first; named once in the text, not on every arrow. */
const COMMON = new Set(['eventIsStamped', 'senderIsKnown', 'sentByAnAuthorisedRole', 'candidateActsForThemselves']);

/** A guard name in words: `beforeEnquiryDeadline` → `before enquiry deadline`. */
function words(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/([A-Z])([A-Z][a-z])/g, '$1 $2').toLowerCase();
}

type GuardRef = string | { readonly type: string } | { readonly name?: string; readonly guards?: readonly GuardRef[] };

/** The rules a transition's guard checks, in words, in order (the common ones left out). */
function rules(guard: GuardRef | undefined): string[] {
  if (guard === undefined) return [];
  if (typeof guard === 'string') return COMMON.has(guard) ? [] : [words(guard)];
  if ('type' in guard && typeof guard.type === 'string') return COMMON.has(guard.type) ? [] : [words(guard.type)];
  const g = guard as { readonly name?: string; readonly guards?: readonly GuardRef[] };
  const inner = (g.guards ?? []).map((x) => rules(x).join(' and ')).filter(Boolean);
  if (g.name === 'not') return inner.map((x) => `not ${x}`);
  if (g.name === 'or') {
    // `or([not('serviceNeedsConsent'), 'hasWrittenConsent'])` reads "has written consent (if service needs consent)".
    const [first, ...rest] = inner;
    return first?.startsWith('not ') && rest.length ? [`${rest.join(' or ')} (if ${first.slice(4)})`] : [inner.join(' or ')];
  }
  return (g.guards ?? []).flatMap(rules);
}

/** The Mermaid state diagram of a machine and the table of its steps, from its definition. */
function chart(machine: AnyStateMachine): string[] {
  const lines = ['```mermaid', 'stateDiagram-v2', `  [*] --> ${String(machine.config.initial)}`];
  const table = ['| from | event | to | checked, in order (besides who sent it) |', '|---|---|---|---|'];
  for (const [name, node] of Object.entries(machine.root.states)) {
    if (node.type === 'final') lines.push(`  ${name} --> [*]`);
    for (const [event, transitions] of node.transitions) {
      if (event === '*') continue;
      for (const t of transitions) {
        const target = t.target?.[0]?.key;
        if (!target) continue;
        const checked = rules(t.guard as GuardRef | undefined);
        const branch = checked.find((r) => r === 'found correct' || r === 'not found correct');
        lines.push(`  ${name} --> ${target}: ${event}${branch ? ` (${branch})` : ''}`);
        table.push(`| ${name} | \`${event}\` | ${target} | ${checked.join('; ')} |`);
      }
    }
  }
  lines.push('```');
  return [...lines, '', ...table];
}

function render(): string {
  return [
    '# The enquiry and certificate machines',
    '',
    '<!-- Generated from packages/core (enquiryMachine, certificateMachine) by test/results/resultsMachinesDoc.test.ts;',
    '     run `UPDATE_DOCS=1 npx vitest run test/results/resultsMachinesDoc.test.ts` in packages/core after changing them. -->',
    '',
    'Both machines are statecharts whose every rule is one named guard. A step is taken only when all its rules hold;',
    'otherwise it is refused, with the code, reason and rule of the first rule that failed, and the refusal is written to',
    'the audit log like every accepted step. Every step first checks who sent it: the event must say when and by whom',
    '(and not be earlier than the last recorded event), and the sender must act in a role the rules pack grants for the',
    'step (`enquiry.<event>`, `certificate.<event>`), or be named by the centre\'s delegation; a candidate acts only on',
    'their own request. Anything else is refused `not_authorised`.',
    '',
    'What each post-results service needs and gives (consent, the priority or the final deadline, a grade or scripts)',
    'comes from the rules pack (`RulesPack.postResultsServices`); the JCQ pack cites the JCQ Post-Results Services',
    'booklet and General Regulations 5.13. The retention periods of certificates come from the pack\'s `retention`.',
    'Both are resolved when a request or a certificate starts and kept in its context, so a restored one decides the',
    'same way without the pack (a certificate\'s retention steps ask the host\'s pack). The JCQ pack\'s services and',
    'who may take each step, with their sources, are in [jcq-post-results.md](jcq-post-results.md).',
    '',
    '## Enquiry about results (one per request)',
    '',
    ...chart(enquiryMachine),
    '',
    '## Certificate (one per certificate)',
    '',
    ...chart(certificateMachine),
    '',
    '### A batch of certificates',
    '',
    'An awarding body\'s certificates arrive, are checked and are issued in batches, and a migration replays years of them.',
    '`recordCertificates(batch, { rulesPack })` takes each certificate (new from its input, or kept as a snapshot) through',
    'its steps under this chart: the same states, the same rules in the same order, the same refusals, and the same',
    'audit lines as an actor sent the same events, without an actor per certificate. Each record gives its state, its',
    'context, its audit lines (append them to the log), the outcome of each event, and `persisted()`, the snapshot the',
    'store keeps, which `restoreCertificate` restores. A seeded property test holds the two paths equal. An event sent',
    'to a certificate already issued or purged is not taken (an actor ignores it) and its outcome says so. For 2,000',
    'certificates, expected to issued, the batch takes about a tenth of the time of an actor each',
    '(`npx tsx --conditions=@examcycle/source bench/certificates.ts` in packages/core).',
    '',
    'A host can replace one rule for a test or a centre\'s own policy with `.provide({ guards: { beforeEnquiryDeadline: … } })`.',
    '',
  ].join('\n');
}

describe('docs/results-machines.md', () => {
  it('matches the enquiry and certificate machines\' definitions (regenerate with UPDATE_DOCS=1)', () => {
    const text = render();
    if (process.env.UPDATE_DOCS === '1') writeFileSync(docPath, text);
    expect(readFileSync(docPath, 'utf8')).toBe(text);
  });
});
