/**
 * docs/integrators.md shows an OpenTelemetry-style observer; this keeps it true: the block between the
 * `observer-example` markers is test/observe/otelObserverExample.ts word for word (which `tsc -p .` compiles),
 * and the example runs against a recording meter.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import { createMemoryStore, examCyclePersisted } from '@examcycle/core';
import { START, centre, june2026, officer } from '../machines/cycleFixture.js';
import { fixturePack } from '../fixtures/fixturePack.js';
import { examcycleMetrics, watchedRuntime, type Meter } from './otelObserverExample.js';

const doc = readFileSync(fileURLToPath(new URL('../../../../docs/integrators.md', import.meta.url)), 'utf8');
const example = readFileSync(fileURLToPath(new URL('./otelObserverExample.ts', import.meta.url)), 'utf8');

function recordingMeter() {
  const seen: [string, number, Record<string, string> | undefined][] = [];
  const meter: Meter = {
    createCounter: (name) => ({ add: (v, a) => seen.push([name, v, a]) }),
    createHistogram: (name) => ({ record: (v, a) => seen.push([name, v, a]) }),
  };
  return { meter, seen };
}

describe('docs/integrators.md: watching examcycle', () => {
  it('shows the observer example exactly as the compiled example file holds it', () => {
    const block = /<!-- observer-example:start -->\n```ts\n([\s\S]*?)```\n<!-- observer-example:end -->/.exec(doc)?.[1];
    expect(block).toBe(example);
  });

  it('counts events by outcome and code and records their durations', async () => {
    const { meter, seen } = recordingMeter();
    const clock = new SimulatedClock();
    clock.set(Date.parse('2025-09-02T08:00:00Z'));
    const runtime = watchedRuntime(createMemoryStore(), clock, meter);
    const cycle = await runtime.open(examCyclePersisted, { centreNumber: centre.centreNumber, id: june2026.id }, { input: { centre, series: june2026, rulesPack: fixturePack, startedAt: START } });
    await cycle.send({ type: 'phase.advance', by: officer });
    expect(seen.filter(([name]) => name === 'examcycle.events')).toEqual([['examcycle.events', 1, { machine: 'examCycle', type: 'phase.advance', outcome: 'rejected', code: 'guard_failed' }]]);
    expect(seen.filter(([name]) => name === 'examcycle.event.duration').map(([, v]) => v >= 0)).toEqual([true]);
  });

  it('counts import issues by code', () => {
    const { meter, seen } = recordingMeter();
    examcycleMetrics(meter).onImport!({ source: 'csv', kind: 'candidates', rows: 3, records: 1, issues: { invalid_value: 2 }, durationMs: 4 });
    expect(seen).toEqual([
      ['examcycle.import.issues', 2, { source: 'csv', code: 'invalid_value' }],
      ['examcycle.import.duration', 4, { source: 'csv', kind: 'candidates' }],
    ]);
  });
});
