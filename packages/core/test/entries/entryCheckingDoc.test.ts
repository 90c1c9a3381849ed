import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ENTRY_CHECKING_MILESTONES, entryCheckingMachine } from '@examcycle/core';

const docPath = fileURLToPath(new URL('../../../../docs/entry-checking.md', import.meta.url));

type GuardRef = string | { readonly type: string; readonly params?: { readonly action?: string } } | { readonly guards?: readonly GuardRef[] };

/** A guard's name as the diagram shows it: `and`'s parts joined, `senderMayTakeTheAction` with its action. */
function guardWords(g: unknown): string[] {
  if (typeof g === 'string') return [g];
  if (typeof g === 'function' && Array.isArray((g as { guards?: unknown }).guards)) return (g as unknown as { guards: GuardRef[] }).guards.flatMap(guardWords);
  if (typeof g === 'object' && g !== null && 'type' in g) {
    const r = g as { type: string; params?: { action?: string } };
    return [r.params?.action ? `${r.type}(${r.params.action})` : r.type];
  }
  return [];
}

interface Row {
  readonly from: string;
  readonly event: string;
  readonly to: string;
  readonly guards: readonly string[];
}

/** Every accepting transition of the machine: state, event, target (or the same state) and its guards. */
function transitions(): Row[] {
  const rows: Row[] = [];
  for (const [name, node] of Object.entries(entryCheckingMachine.root.states)) {
    for (const [event, list] of node.transitions) {
      if (event === '*' || event === 'clock.tick') continue;
      const first = list[0];
      if (!first || first.actions.every((a) => (a as { type?: string }).type === 'refuse')) continue;
      const to = first.target?.[0]?.key ?? name;
      rows.push({ from: name, event, to, guards: guardWords(first.guard).filter((g) => g !== 'eventIsStampedInOrder') });
    }
  }
  return rows;
}

/** Renders docs/entry-checking.md from the machine definition. */
function render(): string {
  const rows = transitions();
  const lines = [
    '# Entry checking and sign-off',
    '',
    '<!-- Generated from packages/core (entryCheckingMachine) by test/entries/entryCheckingDoc.test.ts;',
    '     run `UPDATE_DOCS=1 npx vitest run test/entries/entryCheckingDoc.test.ts` in packages/core after changing it. -->',
    '',
    'One `entryCheckingMachine` actor per department per series (or per entry list), hosted on the durable runtime',
    '(`entryCheckingPersisted`). The exams office sends the list for checking; the department marks each entry correct,',
    'queried or incorrect (a query or an incorrect entry with a comment); the exams office answers each query or amends',
    'the entry, which goes back to be checked; the head of department signs (only their own department, only when every',
    'entry is correct); a senior leader authorises (the list is released for submission) or declines, naming entries to',
    'look at again; the exams office submits. An amendment after sign-off reopens only the entries it touches: the rest',
    'keep their signature.',
    '',
    'Each arrow is labelled with its event and the rules (guards) it must meet, besides `eventIsStampedInOrder`',
    '(every event says when and who, in order). An event that fails a rule is refused with that rule\'s reason and',
    'audited (`outcome: rejected`); `senderMayTakeTheAction` refuses with `not_authorised` and the pack\'s rule.',
    '',
    '```mermaid',
    'stateDiagram-v2',
    `  [*] --> ${entryCheckingMachine.config.initial as string}`,
  ];
  for (const r of rows) lines.push(`  ${r.from} --> ${r.to}: ${r.event}`);
  lines.push('```', '', '## Transitions and their rules', '', '| from | event | to | rules (all must hold) |', '|---|---|---|---|');
  for (const r of rows) lines.push(`| ${r.from} | \`${r.event}\` | ${r.to} | ${r.guards.map((g) => `\`${g}\``).join(', ')} |`);
  lines.push(
    '',
    '## Deadlines',
    '',
    `Milestones: ${ENTRY_CHECKING_MILESTONES.map((m) => `\`${m}\``).join(', ')}. The submission is due at the series\' entry deadline`,
    '(the rules pack\'s `entry_deadline` key date, the earliest that applies to the list\'s awarding bodies); the head of',
    'department\'s signature and the senior leader\'s authorisation are due when the centre says: a key date of its overlay',
    '(`{ keyDateId: \'june-2026/internal_deadline/entries-checked\' }`, kind `internal_deadline`), a number of days before the',
    'entry deadline (`{ daysBeforeEntryDeadline: 14 }`), or an instant. A milestone not reached raises `deadline.dueSoon`',
    '(within `dueSoonDays`, default 7) and `deadline.overdue` on clock ticks; the runtime puts them in the outbox and wakes',
    'the list at the next edge. An amendment or a decline reopens the milestones after it.',
    '',
    '## Who may do what',
    '',
    'Each event is the action `entryChecking.<event>` of the rules pack\'s authority table (`@examcycle/rules-jcq`:',
    '`entryCheckingAuthorities`), resolved at start into the list\'s `grants`. The JCQ pack rests on exams officers\' job',
    'descriptions (*secondary*) and on the Exams Assist flow (a product\'s workflow: *secondary*, *reading* where extended).',
    '',
  );
  return lines.join('\n');
}

describe('docs/entry-checking.md', () => {
  it('matches the machine (regenerate with UPDATE_DOCS=1)', () => {
    const text = render();
    if (process.env.UPDATE_DOCS === '1') writeFileSync(docPath, text);
    expect(readFileSync(docPath, 'utf8')).toBe(text);
  });
});
