import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BOOKING_RULES, invigilatorBookingMachine, type BookingRuleName } from '@examcycle/core';

const docPath = fileURLToPath(new URL('../../../../docs/invigilator-booking.md', import.meta.url));

/** A guard's rule names: a named guard, or the names inside `and(…)` / `not(…)`. */
function ruleNames(guard: unknown): string[] {
  if (typeof guard === 'string') return [guard];
  const inner = (guard as { guards?: readonly unknown[] } | undefined)?.guards;
  return inner ? inner.flatMap(ruleNames) : [];
}

/** A rule name in words, for an exams officer: `answeredByTheRespondByInstant` → `answered by the respond-by instant`. */
function words(name: string, event?: string): string {
  if (name === 'senderMayTakeThisAction' && event) return `sender's role may ${event} (booking.${event})`;
  return name
    .replace(/([A-Z])/g, ' $1')
    .toLowerCase()
    .replace('respond by', 'respond-by')
    .trim();
}

/** Renders docs/invigilator-booking.md from the machine definition and its rules. */
function render(): string {
  const lines = [
    '# Invigilator bookings',
    '',
    '<!-- Generated from packages/core (invigilatorBookingMachine, BOOKING_RULES) by test/examTime/bookingDoc.test.ts;',
    '     run `UPDATE_DOCS=1 npx vitest run test/examTime/bookingDoc.test.ts` in packages/core after changing them. -->',
    '',
    'One `invigilatorBookingMachine` actor per invigilator per session. The exams officer books (offers the session);',
    'the invigilator accepts or declines their own booking by its respond-by instant; the exams office, or the invigilator',
    'for their own booking, cancels. Who may do what comes from the rules pack\'s `booking.*` authorities (and the',
    'centre\'s delegations), resolved when the booking starts. A transition is taken only when every rule on its arrow',
    'holds; otherwise the first rule that fails refuses the event with its own code and reason, recorded in the audit',
    'trail. Any other event is refused and recorded too.',
    '',
    '```mermaid',
    'stateDiagram-v2',
    `  [*] --> ${invigilatorBookingMachine.config.initial as string}`,
  ];
  for (const [name, node] of Object.entries(invigilatorBookingMachine.root.states)) {
    for (const t of node.always ?? []) {
      const target = t.target?.[0]?.key;
      const rules = ruleNames(t.guard);
      if (target) lines.push(`  ${name} --> ${target}: ${rules.length ? `[${rules.map((r) => words(r)).join(', ')}]` : 'otherwise (refused: not_authorised)'}`);
    }
    for (const [event, transitions] of node.transitions) {
      for (const t of transitions) {
        const target = t.target?.[0]?.key;
        if (!target) continue;
        const label = event.startsWith('xstate.after.') ? 'respond-by instant passes' : event;
        const rules = ruleNames(t.guard);
        lines.push(`  ${name} --> ${target}: ${label}${rules.length ? ` [${rules.map((r) => words(r, event)).join(', ')}]` : ''}`);
      }
    }
    if (node.tags.includes('closed')) lines.push(`  ${name} --> [*]`);
  }
  lines.push('```', '', '## Rules (guards)', '', '| rule (guard) | in words |', '|---|---|');
  for (const name of Object.keys(BOOKING_RULES) as BookingRuleName[]) lines.push(`| \`${name}\` | ${words(name)} |`);
  lines.push('', 'Snapshot version 3 keeps the resolved `booking.*` grants in the context; a version-2 booking is migrated with the');
  lines.push('grants the version-2 machine enforced (`VERSION_2_BOOKING_GRANTS`). A booking started with neither a rules pack');
  lines.push('nor grants is granted nothing: every step is refused `not_authorised`.', '');
  return lines.join('\n');
}

describe('docs/invigilator-booking.md', () => {
  it('matches the booking machine and its rules (regenerate with UPDATE_DOCS=1)', () => {
    const text = render();
    if (process.env.UPDATE_DOCS === '1') writeFileSync(docPath, text);
    expect(readFileSync(docPath, 'utf8')).toBe(text);
  });

  it('names every rule the machine uses, and every rule has a guard', () => {
    const used = new Set<string>();
    for (const node of Object.values(invigilatorBookingMachine.root.states)) {
      for (const t of node.always ?? []) for (const r of ruleNames(t.guard)) used.add(r);
      for (const ts of node.transitions.values()) for (const t of ts) for (const r of ruleNames(t.guard)) used.add(r);
    }
    expect([...used].sort()).toEqual(Object.keys(BOOKING_RULES).sort());
    expect(Object.keys(invigilatorBookingMachine.implementations.guards).sort()).toEqual(Object.keys(BOOKING_RULES).sort());
  });
});
