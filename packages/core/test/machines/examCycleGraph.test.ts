import { getShortestPaths, getSimplePaths } from '@xstate/graph';
import { describe, expect, it } from 'vitest';
import { CYCLE_PHASES, examCycleMachine, type ExamCycleEvent } from '@examcycle/core';
import { fixturePack } from '../fixtures/fixturePack.js';
import { START, centre, june2026, officer } from './cycleFixture.js';

// One blocking task per phase keeps the state space small enough to walk exhaustively.
const TASKS = CYCLE_PHASES.slice(0, -1).map((p) => ({ id: `${p}.t`, phase: p, title: p, opens: { phase: 'planning' as const } }));
const at = START;
/** The events an exams officer could send in a state: complete this phase's task, advance, report results. */
const phase = (s: { value: unknown }) => (s.value as { phase: string }).phase;
function events(s: { value: unknown }): ExamCycleEvent[] {
  const out: ExamCycleEvent[] = [{ type: 'phase.advance', at, by: officer }];
  if (phase(s) !== 'closed') out.push({ type: 'task.complete', taskId: `${phase(s)}.t`, at, by: officer });
  if (phase(s) === 'results' || phase(s) === 'examTime') {
    out.push({ type: 'results.outstanding', count: 1, at, by: officer }, { type: 'results.outstanding', count: 0, at, by: officer });
  }
  return out;
}
const options = {
  input: { centre, series: june2026, rulesPack: fixturePack, startedAt: START, tasks: TASKS },
  events,
  serializeState: (s: { value: unknown; context: { tasks: readonly { status: string }[]; outstandingResults: number } }) =>
    JSON.stringify([s.value, s.context.tasks.map((t) => t.status), s.context.outstandingResults]),
};

describe('examCycleMachine paths (@xstate/graph)', () => {
  it('reaches closed in 14 steps at the shortest: each phase task done, then advance', () => {
    const paths = getShortestPaths(examCycleMachine, { ...options, toState: (s: { value: unknown }) => phase(s) === 'closed' } as never);
    expect(paths).toHaveLength(1);
    const steps = paths[0]!.steps.map((s) => s.event.type).filter((t) => String(t) !== 'xstate.init');
    expect(steps.filter((t) => t === 'phase.advance')).toHaveLength(7);
    expect(steps).toHaveLength(14);
  });

  it('visits every phase, and on every path the phases come in order', () => {
    const paths = getShortestPaths(examCycleMachine, options as never);
    const reached = new Set(paths.map((p) => phase(p.state)));
    expect([...reached].sort()).toEqual([...CYCLE_PHASES].sort());
    for (const p of paths) {
      const values = [p.steps[0]?.state, ...p.steps.map((s) => s.state)].filter((x) => x !== undefined).map(phase);
      const idx = values.map((v) => CYCLE_PHASES.indexOf(v as never));
      expect(idx).toEqual([...idx].sort((a, b) => a - b));
    }
  });

  it('has no simple path into postResults with a result outstanding', () => {
    const paths = getSimplePaths(examCycleMachine, { ...options, toState: (s: { value: unknown }) => phase(s) === 'postResults' } as never);
    expect(paths.length).toBeGreaterThan(0);
    for (const p of paths) expect(p.state.context.outstandingResults).toBe(0);
  });
});
