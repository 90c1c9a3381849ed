/**
 * The main example: a synthetic centre (no real personal data) runs one June series from planning to closed
 * under the JCQ rules pack, on a simulated clock, on the durable runtime over the embedded store (PGlite, real
 * PostgreSQL in WASM, in a data folder). Each step is saved with its audit line; a deadline worker wakes the
 * cycle when a deadline comes due and delivers each signal once. Run it twice: the second run resumes the
 * stored cycle where the first stopped (`--until 2026-03-01` stops part-way; `--fresh` starts again).
 */
import { mkdirSync, rmSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DateTime } from 'luxon';
import { SimulatedClock } from 'xstate';
import { createExamcycleRuntime, examCyclePersisted, examSeries, type Actor, type ExamcycleRuntime, type HostedActor } from '@examcycle/core';
import { jcq } from '@examcycle/rules-jcq';
import { createPostgresStore } from '@examcycle/store-postgres';

const centre = { centreNumber: '99999', name: 'Synthetic Community College' };
const officer: Actor = { id: 'eo-ahmed', role: 'exams_officer' };
const head: Actor = { id: 'hoc-jones', role: 'head_of_centre' };
const LONDON = 'Europe/London';
const series = examSeries('june', 2026);
const KEY = { centreNumber: centre.centreNumber, id: series.id };

type Cycle = HostedActor<typeof examCyclePersisted.machine>;

/** Options for {@link juneSeries}. */
export interface JuneSeriesOptions {
  /** The data folder of the embedded store. @default examples/.data/june-series */
  readonly dataDir?: string;
  /** Start again: delete the stored cycle first. */
  readonly fresh?: boolean;
  /** Stop after the last step before this London date (`YYYY-MM-DD`): the next run resumes from there. */
  readonly until?: string;
}

/** The default data folder (git-ignored). */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../.data/june-series', import.meta.url));

async function done(cycle: Cycle, phase: string, by: Actor = officer, except: readonly string[] = []) {
  for (const t of cycle.snapshot().context.tasks) {
    if (t.phase === phase && t.status === 'open' && !except.includes(t.id)) await cycle.send({ type: 'task.complete', taskId: t.id, by });
  }
}

/** The exams officer's year, as dated steps (London wall-clock time). */
const STEPS: readonly { readonly at: string; readonly run: (c: Cycle) => Promise<unknown> }[] = [
  // Planning, September–October: the NCN update is left until the last week of October.
  { at: '2025-09-12T10:00', run: (c) => done(c, 'planning', officer, ['planning.ncn-register', 'planning.access-arrangements', 'planning.modified-papers', 'planning.conflicts-of-interest']) },
  { at: '2025-09-15T09:00', run: (c) => c.send({ type: 'phase.advance', by: officer }) }, // rejected: blocking tasks open
  { at: '2025-10-28T14:00', run: (c) => c.send({ type: 'task.complete', taskId: 'planning.ncn-register', note: 'confirmed on the NCN register', by: head }) },
  {
    at: '2025-12-10T11:00',
    run: async (c) => {
      for (const taskId of ['planning.conflicts-of-interest', 'planning.modified-papers', 'planning.access-arrangements']) await c.send({ type: 'task.complete', taskId, by: officer });
      await c.send({ type: 'phase.advance', by: officer });
    },
  },
  // Entries: submitted before the 21 February deadline; amendments in March.
  { at: '2026-02-16T15:00', run: (c) => done(c, 'entries', officer, ['entries.amendments', 'entries.fees-reconciled']) },
  {
    at: '2026-03-20T12:00',
    run: async (c) => {
      await c.send({ type: 'task.complete', taskId: 'entries.amendments', by: officer });
      await c.send({ type: 'task.notApplicable', taskId: 'entries.fees-reconciled', reason: 'finance office reconciles fees this year', by: officer });
      await c.send({ type: 'phase.advance', by: officer });
    },
  },
  // Pre-exams: centre-assessed marks go in; then exam time from mid May.
  { at: '2026-05-01T10:00', run: async (c) => (await done(c, 'preExams'), c.send({ type: 'phase.advance', by: officer })) },
  {
    at: '2026-06-03T14:00',
    run: (c) =>
      c.send({
        type: 'task.add',
        task: { id: 'examTime.vla-report.0042.8300-1F', phase: 'examTime', title: 'Very late arrival report: candidate 0042, 8300/1F', dueAt: '2026-06-12T23:59:59.999+01:00', source: 'JCQ guidance notes concerning very late arrivals' },
        by: officer,
      }),
  },
  { at: '2026-06-05T10:00', run: (c) => c.send({ type: 'task.complete', taskId: 'examTime.vla-report.0042.8300-1F', by: officer }) },
  { at: '2026-06-26T16:00', run: async (c) => (await done(c, 'examTime'), c.send({ type: 'phase.advance', by: officer })) },
  // Results: prepared before restricted release; two results still outstanding on GCSE results day hold the
  // cycle in results even though the exams officer has ticked every task.
  { at: '2026-08-11T16:00', run: (c) => c.send({ type: 'task.complete', taskId: 'results.restricted-release-prepared', note: 'access list and MIS embargo set', by: officer }) },
  {
    at: '2026-08-12T07:00',
    run: async (c) => {
      await c.send({ type: 'results.outstanding', count: 2, by: officer });
      await c.send({ type: 'task.complete', taskId: 'results.downloaded-checked', by: officer });
    },
  },
  { at: '2026-08-13T08:00', run: (c) => c.send({ type: 'task.complete', taskId: 'results.statements-issued', note: 'GCE statements issued; GCSE statements follow on 20 August', by: officer }) },
  { at: '2026-08-20T08:15', run: async (c) => (await done(c, 'results'), c.send({ type: 'phase.advance', by: officer })) }, // rejected: results outstanding
  {
    at: '2026-08-21T11:00',
    run: async (c) => {
      await c.send({ type: 'results.outstanding', count: 0, by: officer });
      await c.send({ type: 'phase.advance', by: officer });
    },
  },
  // Post-results, then certificates in November.
  { at: '2026-09-24T16:00', run: async (c) => (await done(c, 'postResults'), c.send({ type: 'phase.advance', by: officer })) },
  {
    at: '2026-11-05T12:00',
    run: async (c) => {
      await c.send({ type: 'task.complete', taskId: 'certificates.received', by: officer });
      await c.send({ type: 'task.complete', taskId: 'certificates.checked', by: officer });
    },
  },
  { at: '2026-11-20T12:00', run: async (c) => (await done(c, 'certificates'), c.send({ type: 'phase.advance', by: officer })) },
];

const millis = (iso: string) => DateTime.fromISO(iso, { zone: LONDON }).toMillis();
const londonDay = (ms: number) => DateTime.fromMillis(ms, { zone: LONDON }).toISODate()!;

/** The deadline worker's day: wake what is due, deliver each new signal once. */
async function workerDay(runtime: ExamcycleRuntime, clock: SimulatedClock, signals: string[]) {
  await runtime.wakeDue();
  await runtime.deliverSignals((s) => {
    const p = s.payload as { title?: string; dueAt?: string };
    signals.push(`${londonDay(clock.now())}  ${s.type === 'deadline.overdue' ? 'OVERDUE ' : 'due soon'}  ${p.title ?? s.id} (due ${p.dueAt ?? '?'})`);
  });
}

/**
 * Runs (or resumes) the June 2026 series on the embedded store and prints its timeline, signals and audit log.
 *
 * @param print - where lines go
 * @param options - the data folder, `fresh`, `until`
 */
export async function juneSeries(print: (line: string) => void, { dataDir = DEFAULT_DATA_DIR, fresh = false, until }: JuneSeriesOptions = {}): Promise<void> {
  if (fresh) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const store = await createPostgresStore({ dataDir });
  try {
    const clock = new SimulatedClock();
    // The deadline worker and the exams officer's handle both write the cycle: a stale write reloads and retries.
    const runtime = createExamcycleRuntime({ store, clock, conflictRetries: 3 });
    const stored = await store.loadSnapshot({ ...KEY, machine: 'examCycle' });
    print(`examcycle: ${centre.name} (${centre.centreNumber}), ${series.id}, academic year ${series.academicYear}, rules pack "${jcq.name}"`);
    print(`Embedded store (PGlite): ${dataDir}`);
    let cycle: Cycle;
    if (stored) {
      clock.set(Date.parse((stored.saved.snapshot as { context: { lastEventAt: string } }).context.lastEventAt));
      cycle = await runtime.open(examCyclePersisted, KEY);
      print(`Resumed the stored cycle at revision ${cycle.revision}: ${String(cycle.snapshot().value)}, last event ${cycle.snapshot().context.lastEventAt.slice(0, 16).replace('T', ' ')} (--fresh starts again)`);
    } else {
      clock.set(millis('2025-09-01T08:30'));
      cycle = await runtime.open(examCyclePersisted, KEY, { input: { centre, series, keyDates: jcq.keyDates(series), startedAt: DateTime.fromMillis(clock.now(), { zone: LONDON }).toISO()!, by: officer } });
      print(`Started a new cycle (revision ${cycle.revision})`);
    }
    const signals: string[] = [];
    const last = Date.parse(cycle.snapshot().context.lastEventAt);
    const stop = until ? millis(`${until}T00:00`) : Infinity;
    let ran = 0;
    for (const step of STEPS) {
      const at = millis(step.at);
      if (at <= last) continue;
      if (at >= stop) break;
      // The deadline worker runs each morning between steps.
      for (let day = DateTime.fromMillis(clock.now(), { zone: LONDON }).startOf('day').plus({ days: 1, hours: 6 }).toMillis(); day < at; day = DateTime.fromMillis(day, { zone: LONDON }).plus({ days: 1 }).toMillis()) {
        clock.set(day);
        await workerDay(runtime, clock, signals);
      }
      clock.set(at);
      await step.run(cycle);
      await workerDay(runtime, clock, signals);
      ran += 1;
    }
    print(`${ran} step(s) run this time; ${STEPS.length} in the script.`);
    print('');
    const ctx = cycle.snapshot().context;
    print('Phase timeline');
    for (const p of ctx.timeline) print(`  ${p.enteredAt.slice(0, 16).replace('T', ' ')}  ${p.phase}`);
    print('');
    print('Deadline signals delivered this run (each once, from the store outbox)');
    for (const s of signals) print(`  ${s}`);
    if (!signals.length) print('  (none)');
    print('');
    print('Audit log (from the store; deadline worker ticks that changed a signal included)');
    const audit = await cycle.audit();
    for (const e of audit) {
      const who = e.by ? `${e.by.id}` : '-';
      const what = e.details?.taskId ? ` ${String(e.details.taskId)}` : e.details?.count !== undefined ? ` count=${String(e.details.count)}` : '';
      const move = e.from === e.to ? e.from : `${e.from} -> ${e.to}`;
      if (e.event === 'clock.tick') continue;
      print(`  #${String(e.seq).padStart(3, '0')} ${e.at.slice(0, 16).replace('T', ' ')} ${who.padEnd(10)} ${e.outcome === 'accepted' ? 'ok ' : 'NO '} ${e.event}${what} [${move}]${e.reason ? `: ${e.reason}` : ''}`);
    }
    const ticks = audit.filter((e) => e.event === 'clock.tick').length;
    print('');
    print(
      `Phase: ${String(cycle.snapshot().value)}; revision ${cycle.revision}; ${audit.length} audit entries (${ticks} deadline ticks), ${audit.filter((e) => e.outcome === 'rejected').length} rejected.`,
    );
    cycle.close();
  } finally {
    await store.close();
  }
}

/** Reads `--fresh`, `--until YYYY-MM-DD` and `--data DIR` from the command line. */
export function juneSeriesArgs(argv: readonly string[]): JuneSeriesOptions {
  const value = (flag: string) => {
    const i = argv.indexOf(flag);
    return i >= 0 ? argv[i + 1] : argv.find((a) => a.startsWith(`${flag}=`))?.slice(flag.length + 1);
  };
  const until = value('--until');
  const dataDir = value('--data');
  return { fresh: argv.includes('--fresh'), ...(until ? { until } : {}), ...(dataDir ? { dataDir } : {}) };
}
