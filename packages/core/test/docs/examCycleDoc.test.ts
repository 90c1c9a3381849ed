import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CYCLE_PHASES, STANDARD_CYCLE_TASKS, examCycleMachine } from '@examcycle/core';

const docPath = fileURLToPath(new URL('../../../../docs/exam-cycle.md', import.meta.url));

/** Renders docs/exam-cycle.md from the machine definition and the task catalogue. */
function render(): string {
  const lines = [
    '# The exam cycle',
    '',
    '<!-- Generated from packages/core (examCycleMachine, STANDARD_CYCLE_TASKS) by test/docs/examCycleDoc.test.ts;',
    '     run `UPDATE_DOCS=1 npx vitest run test/docs` in packages/core after changing them. -->',
    '',
    'One `examCycleMachine` actor per centre per series. Each phase accepts task events (`task.complete`,',
    '`task.notApplicable`, `task.reopen`, `task.add`), `results.outstanding` and `clock.tick`; `phase.advance` moves on',
    'only when no blocking task of the phase is open (and, from results, when no result is outstanding). Anything',
    'else is recorded in the audit trail as rejected, with its reason.',
    '',
    '```mermaid',
    'stateDiagram-v2',
    `  [*] --> ${examCycleMachine.config.initial as string}`,
  ];
  for (const [name, node] of Object.entries(examCycleMachine.root.states)) {
    for (const t of node.transitions.get('phase.advance') ?? []) {
      const target = t.target?.[0]?.key;
      if (target) lines.push(`  ${name} --> ${target}: phase.advance [no blocking task open${name === 'results' ? ', no result outstanding' : ''}]`);
    }
  }
  lines.push('```', '', '## Tasks per phase', '', '| phase | task id | task | blocking | due on | source |', '|---|---|---|---|---|---|');
  for (const phase of CYCLE_PHASES) {
    for (const t of STANDARD_CYCLE_TASKS.filter((x) => x.phase === phase)) {
      lines.push(`| ${phase} | \`${t.id}\` | ${t.title} | ${t.blocking === false ? 'no' : 'yes'} | ${t.dueKeyDate ? `\`${t.dueKeyDate}\`` : ''} | ${t.source ?? ''} |`);
    }
  }
  lines.push('', 'Due instants come from the rules pack\'s key dates for the series (`RulesPack.keyDates`). A task raised later');
  lines.push('(a very late arrival report, a special consideration application) is added with `task.add` and an explicit `dueAt`.', '');
  return lines.join('\n');
}

describe('docs/exam-cycle.md', () => {
  it('matches the machine and the task catalogue (regenerate with UPDATE_DOCS=1)', () => {
    const text = render();
    if (process.env.UPDATE_DOCS === '1') writeFileSync(docPath, text);
    expect(readFileSync(docPath, 'utf8')).toBe(text);
  });
});
