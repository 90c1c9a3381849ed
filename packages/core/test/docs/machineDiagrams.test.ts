/**
 * Generates docs/machines.md: one Mermaid diagram for every machine core publishes, drawn from the machine
 * definition by scripts/machineDiagram.ts. Fails when a machine is added without a diagram or a committed diagram
 * drifts from its machine; run `UPDATE_DOCS=1 npx vitest run test/docs` in packages/core after a change.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AnyStateMachine } from 'xstate';
import { describe, expect, it } from 'vitest';
import * as core from '@examcycle/core';
import { machineDiagram } from '../../scripts/machineDiagram.js';

const docPath = fileURLToPath(new URL('../../../../docs/machines.md', import.meta.url));

/** Every machine, the doc that explains it, and one line on what one actor of it is. */
const MACHINES: readonly { readonly name: string; readonly machine: AnyStateMachine; readonly doc: string; readonly what: string }[] = [
  { name: 'examCycleMachine', machine: core.examCycleMachine, doc: 'exam-cycle.md', what: 'one centre, one exam series: the phases and the ten workstreams that open from dates' },
  { name: 'eopsMachine', machine: core.eopsMachine, doc: 'eops-walkthrough.md', what: "one centre's EOPS year: registration, accounts, and one officer-year actor spawned per officer" },
  { name: 'eopsOfficerYearMachine', machine: core.eopsOfficerYearMachine, doc: 'eops-walkthrough.md', what: "one exams officer's year of the Professional Standards" },
  { name: 'entryCheckingMachine', machine: core.entryCheckingMachine, doc: 'entry-checking.md', what: "one series' entry checking and sign-off before the entries deadline" },
  { name: 'invigilatorBookingMachine', machine: core.invigilatorBookingMachine, doc: 'invigilator-booking.md', what: 'one invigilator booked for one session' },
  { name: 'enquiryMachine', machine: core.enquiryMachine, doc: 'results-machines.md', what: 'one post-results enquiry (review of marking, moderation, access to scripts)' },
  { name: 'certificateMachine', machine: core.certificateMachine, doc: 'results-machines.md', what: "one candidate's certificate from receipt to issue, return or secure destruction" },
];

function isMachine(value: unknown): value is AnyStateMachine {
  return typeof value === 'object' && value !== null && 'root' in value && 'config' in value && typeof (value as { transition?: unknown }).transition === 'function';
}

function render(): string {
  const lines = [
    '# Every machine, as a diagram',
    '',
    '<!-- Generated from the machine definitions by packages/core/test/docs/machineDiagrams.test.ts (with',
    '     packages/core/scripts/machineDiagram.ts); run `UPDATE_DOCS=1 npx vitest run test/docs` in packages/core. -->',
    '',
    'Each diagram is drawn from the machine itself: its states (parallel regions separated by `--`), initial states, and',
    'every transition that changes state, labelled `event [guard and guard]` with the named guards it needs. A',
    'transition that stays in its state (it changes the record, not the step) is not drawn. The doc linked under each',
    'heading explains the machine in words.',
    '',
  ];
  for (const m of MACHINES) {
    lines.push(`## \`${m.name}\``, '', `One actor: ${m.what}. Explained in [${m.doc}](${m.doc}).`, '', '```mermaid', machineDiagram(m.machine), '```', '');
  }
  return lines.join('\n');
}

describe('docs/machines.md: a diagram for every machine', () => {
  it('lists every machine core exports', () => {
    const exported = Object.entries(core).filter(([, v]) => isMachine(v)).map(([name]) => name).sort();
    expect(MACHINES.map((m) => m.name).sort()).toEqual(exported);
  });

  it('draws each machine from its definition (run UPDATE_DOCS=1 to regenerate)', () => {
    const expected = render();
    if (process.env.UPDATE_DOCS === '1') writeFileSync(docPath, expected);
    expect(readFileSync(docPath, 'utf8')).toBe(expected);
  });

  it('draws the guards of a guarded transition by name', () => {
    expect(machineDiagram(core.enquiryMachine)).toMatch(/: \S+ \[\w+/);
  });
});
