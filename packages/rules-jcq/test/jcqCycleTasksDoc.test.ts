/**
 * Generates the JCQ catalogue section of docs/exam-cycle.md (between the `jcq-catalogue` markers) from the
 * pack: each task of the June 2026 series with its workstream, phase, due date, opening, roles and sources,
 * and which tasks other series add or lack. Fails on drift; run
 * `UPDATE_DOCS=1 npx vitest run test/jcqCycleTasksDoc.test.ts` in packages/rules-jcq after a change.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { examCycleMachine, examSeries, sourceText, type CycleTaskInput } from '@examcycle/core';
import { JCQ_EDITIONS, jcq } from '@examcycle/rules-jcq';

const docPath = fileURLToPath(new URL('../../../docs/exam-cycle.md', import.meta.url));
const START = '<!-- jcq-catalogue:start -->';
const END = '<!-- jcq-catalogue:end -->';

function opening(t: CycleTaskInput): string {
  const o = t.opens;
  if (!o) return `with ${t.phase}`;
  if ('phase' in o) return o.phase === 'planning' ? 'at the start' : `with ${o.phase}`;
  if ('keyDate' in o) return `on \`${o.keyDate}\`${o.offsetDays ? ` ${o.offsetDays > 0 ? '+' : ''}${o.offsetDays} days` : ''}`;
  return o.at;
}

function render(): string {
  const series = examSeries('june', 2026);
  const inputs = jcq.cycleTasks(series);
  const tasks = createActor(examCycleMachine, { input: { centre: { centreNumber: '68199', name: 'Synthetic Academy' }, series, rulesPack: jcq, startedAt: '2025-09-01T09:00:00.000+01:00' } }).start().getSnapshot().context;
  const rows = new Map(jcq.authorities(series.academicYear).map((a) => [a.action, a]));
  const lines = [
    `The tasks of the June 2026 series under \`@examcycle/rules-jcq\` (\`jcq.cycleTasks(series)\`), with who may close each`,
    '(`jcq.authorities(year)`, action `cycle.task.<id>`). A due date is a key date of the series; a task with none has no date.',
    '',
    '| workstream | task id | task | phase | blocking | due | opens | who may close it | source (confidence) | roles rest on |',
    '|---|---|---|---|---|---|---|---|---|---|',
  ];
  for (const t of inputs) {
    const task = tasks.tasks.find((x) => x.id === t.id)!;
    const row = rows.get(`cycle.task.${t.id}`);
    const due = task.dueAt ? `${task.dueAt.slice(0, 16).replace('T', ' ')} (\`${task.keyDateId ?? ''}\`)` : '';
    lines.push(
      `| ${task.workstream} | \`${t.id}\` | ${t.title} | ${t.phase} | ${task.blocking ? 'yes' : 'no'} | ${due} | ${opening(t)} | ${row?.roles.map((r) => r.replace(/_/g, ' ')).join(', ') ?? ''} | ${sourceText(t.source)} (${t.confidence ?? ''}) | ${row ? `${sourceText(row.source)} (${row.confidence})` : ''} |`,
    );
  }
  const juneIds = new Set(inputs.map((t) => t.id));
  lines.push('', 'Other series differ by their key dates:', '');
  for (const e of JCQ_EDITIONS) {
    for (const s of e.series) {
      const other = examSeries(s.month, s.year);
      const ids = jcq.cycleTasks(other).map((t) => t.id);
      const added = ids.filter((id) => !juneIds.has(id));
      const undated = jcq.cycleTasks(other).filter((t) => t.dueKeyDate && !jcq.keyDates(other).some((k) => k.kind === t.dueKeyDate)).map((t) => t.id);
      lines.push(`- ${other.id} (${e.academicYear}): ${ids.length} tasks${added.length ? `; adds ${added.map((i) => `\`${i}\``).join(', ')}` : ''}${undated.length ? `; no key date (so no due date) for ${undated.map((i) => `\`${i}\``).join(', ')}` : ''}.`);
    }
  }
  return lines.join('\n');
}

describe('docs/exam-cycle.md: the JCQ catalogue', () => {
  it('matches the pack\'s catalogue and authorities (regenerate with UPDATE_DOCS=1)', () => {
    const current = readFileSync(docPath, 'utf8');
    const a = current.indexOf(START);
    const b = current.indexOf(END);
    expect(a).toBeGreaterThan(0);
    const text = `${current.slice(0, a + START.length)}\n${render()}\n${current.slice(b)}`;
    if (process.env.UPDATE_DOCS === '1') writeFileSync(docPath, text);
    expect(readFileSync(docPath, 'utf8')).toBe(text);
  });
});
