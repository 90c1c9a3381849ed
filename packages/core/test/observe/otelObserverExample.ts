import { createExamcycleRuntime, type ExamClock, type ExamcycleObserver, type ExamcycleStore } from '@examcycle/core';

/** The slice of an OpenTelemetry `Meter` this uses (`metrics.getMeter('examcycle')` gives a real one). */
export interface Meter {
  createCounter(name: string, options?: { description?: string }): { add(value: number, attributes?: Record<string, string>): void };
  createHistogram(name: string, options?: { description?: string; unit?: string }): { record(value: number, attributes?: Record<string, string>): void };
}

/** examcycle's hooks as OpenTelemetry metrics: counters by outcome and code, histograms of durations. */
export function examcycleMetrics(meter: Meter): ExamcycleObserver {
  const events = meter.createCounter('examcycle.events', { description: 'Events sent to hosted machines, by outcome' });
  const eventDuration = meter.createHistogram('examcycle.event.duration', { unit: 'ms' });
  const readsDenied = meter.createCounter('examcycle.results.reads_denied');
  const conflicts = meter.createCounter('examcycle.store.conflicts');
  const importIssues = meter.createCounter('examcycle.import.issues');
  const importDuration = meter.createHistogram('examcycle.import.duration', { unit: 'ms' });
  return {
    now: () => performance.now(),
    onEvent: (e) => {
      const attributes = { machine: e.machine, type: e.type, outcome: e.outcome, ...(e.code ? { code: e.code } : {}) };
      events.add(1, attributes);
      if (e.durationMs !== undefined) eventDuration.record(e.durationMs, attributes);
    },
    onReadDenied: (d) => readsDenied.add(1, { read: d.read, code: d.code }),
    onStoreConflict: (c) => conflicts.add(1, { machine: c.machine, retried: String(c.willRetry) }),
    onImport: (i) => {
      for (const [code, n] of Object.entries(i.issues)) importIssues.add(n ?? 0, { source: i.source, code });
      if (i.durationMs !== undefined) importDuration.record(i.durationMs, { source: i.source, kind: i.kind ?? '' });
    },
  };
}

/** One observer for every entry point: the runtime here, and `createDurableResultsStore`, `importCsv`, `ediEntriesToCore`. */
export function watchedRuntime(store: ExamcycleStore, clock: ExamClock, meter: Meter) {
  return createExamcycleRuntime({ store, clock, observer: examcycleMetrics(meter) });
}
