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
import { centreAgenda, createExamcycleRuntime, examCyclePersisted, examSeries, sourceText, type Actor, type ExamcycleRuntime, type HostedActor, type Instant } from '@examcycle/core';
import { jcq } from '@examcycle/rules-jcq';
import { createPostgresStore } from '@examcycle/store-postgres';

const centre = { centreNumber: '99999', name: 'Synthetic Community College' };
const officer: Actor = { id: 'eo-ahmed', role: 'exams_officer' };
const head: Actor = { id: 'hoc-jones', role: 'head_of_centre' };
const senco: Actor = { id: 'senco-patel', role: 'senco' };
const senior: Actor = { id: 'sl-okafor', role: 'senior_leader' };
/** Who does what at the synthetic centre: the first of these the pack allows closes a task. */
const STAFF: readonly Actor[] = [officer, head, senco, senior];
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

/** The member of staff the cycle lets close a task (the exams officer where the pack allows). */
function staffFor(cycle: Cycle, taskId: string): Actor {
  const grant = cycle.snapshot().context.grants[`cycle.task.${taskId}`];
  return STAFF.find((p) => p.role !== undefined && grant?.roles.includes(p.role)) ?? officer;
}

async function complete(cycle: Cycle, ...taskIds: readonly string[]) {
  for (const taskId of taskIds) await cycle.send({ type: 'task.complete', taskId, by: staffFor(cycle, taskId) });
}

/** Completes the open tasks of a workstream (or of a phase's own work), except some. */
async function done(cycle: Cycle, workstream: string, except: readonly string[] = []) {
  for (const t of cycle.snapshot().context.tasks) {
    if (t.workstream === workstream && t.status === 'open' && !except.includes(t.id)) await complete(cycle, t.id);
  }
}

const phaseOf = (cycle: Cycle) => (cycle.snapshot().value as { phase: string }).phase;

/** The exams officer's year, as dated steps (London wall-clock time). Every task is done by its own deadline. */
const STEPS: readonly { readonly at: string; readonly run: (c: Cycle) => Promise<unknown> }[] = [
  // Planning, September–October: the head of centre's NCN update and declaration in the last week of October.
  { at: '2025-09-12T10:00', run: (c) => done(c, 'planning', ['planning.ncn-register', 'planning.head-of-centre-declaration', 'planning.conflicts-of-interest']) },
  { at: '2025-09-15T09:00', run: (c) => c.send({ type: 'phase.advance', by: officer }) }, // rejected: blocking tasks open
  { at: '2025-10-28T14:00', run: (c) => complete(c, 'planning.ncn-register', 'planning.head-of-centre-declaration') },
  // Conflicts of interest signed off in December; planning closes. Access arrangements run on into the spring.
  { at: '2025-12-10T11:00', run: async (c) => (await complete(c, 'planning.conflicts-of-interest', 'planning.modified-papers'), c.send({ type: 'phase.advance', by: officer })) },
  // Entries: submitted before the 21 February deadline; the SENCo's applications by 21 March; amendments in March.
  { at: '2026-02-16T15:00', run: (c) => done(c, 'entries', ['entries.amendments', 'entries.fees-reconciled']) },
  {
    at: '2026-03-20T12:00',
    run: async (c) => {
      await complete(c, 'planning.access-arrangements', 'entries.amendments');
      await c.send({ type: 'task.notApplicable', taskId: 'entries.fees-reconciled', reason: 'finance office reconciles fees this year', by: officer });
      await c.send({ type: 'phase.advance', by: officer });
    },
  },
  // OCR's March coursework deadlines, then the rooms and invigilators; exam time from May.
  { at: '2026-03-27T10:00', run: (c) => complete(c, 'coursework.marks.OCR.physical-education', 'coursework.marks.OCR.cambridge-nationals-visiting-moderation') },
  { at: '2026-05-01T10:00', run: async (c) => (await done(c, 'examRooms'), c.send({ type: 'phase.advance', by: officer })) },
  // Centre-assessed marks go in during exam time, each by its own deadline.
  { at: '2026-05-14T10:00', run: (c) => complete(c, 'coursework.marks.OCR') },
  { at: '2026-05-29T10:00', run: (c) => complete(c, 'coursework.marks.OCR.art-and-design') },
  {
    at: '2026-06-03T14:00',
    run: (c) =>
      c.send({
        type: 'task.add',
        task: { id: 'examTime.vla-report.0042.8300-1F', phase: 'examTime', title: 'Very late arrival report: candidate 0042, 8300/1F', dueAt: '2026-06-12T23:59:59.999+01:00', source: 'JCQ guidance notes concerning very late arrivals' },
        by: officer,
      }),
  },
  { at: '2026-06-05T10:00', run: (c) => complete(c, 'examTime.vla-report.0042.8300-1F') },
  { at: '2026-06-26T16:00', run: async (c) => (await done(c, 'examTime'), c.send({ type: 'phase.advance', by: officer })) },
  // Results: prepared before restricted release; two results still outstanding on GCSE results day hold the
  // cycle in results even though the exams officer has ticked every task.
  {
    at: '2026-08-11T16:00',
    run: (c) => done(c, 'results', ['results.downloaded-checked', 'results.missing-late-cash-ins', 'results.statements-issued', 'results.collection-by-others-authorised', 'results.senior-staff-available', 'results.press-release-drafted']),
  },
  {
    at: '2026-08-12T07:00',
    run: async (c) => {
      await c.send({ type: 'results.outstanding', count: 2, by: officer });
      await complete(c, 'results.downloaded-checked', 'results.collection-by-others-authorised');
    },
  },
  { at: '2026-08-13T08:00', run: (c) => complete(c, 'results.statements-issued', 'results.senior-staff-available', 'results.press-release-drafted') },
  { at: '2026-08-20T08:15', run: async (c) => (await done(c, 'results'), await complete(c, 'postResults.priority-enquiries'), c.send({ type: 'phase.advance', by: officer })) }, // rejected: results outstanding
  {
    at: '2026-08-21T11:00',
    run: async (c) => {
      await c.send({ type: 'results.outstanding', count: 0, by: officer });
      await c.send({ type: 'phase.advance', by: officer });
    },
  },
  // Post-results, then certificates in November.
  { at: '2026-09-24T16:00', run: async (c) => (await done(c, 'postResults'), c.send({ type: 'phase.advance', by: officer })) },
  { at: '2026-11-05T12:00', run: (c) => complete(c, 'certificates.received', 'certificates.checked') },
  { at: '2026-11-20T12:00', run: async (c) => (await done(c, 'certificates'), c.send({ type: 'phase.advance', by: officer })) },
];

/** The step after which the example prints the exams officer's agenda. */
const AGENDA_AT = '2026-02-16T15:00';

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
      print(`Resumed the stored cycle at revision ${cycle.revision}: ${phaseOf(cycle)}, last event ${cycle.snapshot().context.lastEventAt.slice(0, 16).replace('T', ' ')} (--fresh starts again)`);
    } else {
      clock.set(millis('2025-09-01T08:30'));
      cycle = await runtime.open(examCyclePersisted, KEY, { input: { centre, series, rulesPack: jcq, startedAt: DateTime.fromMillis(clock.now(), { zone: LONDON }).toISO() as Instant, by: officer } });
      print(`Started a new cycle (revision ${cycle.revision})`);
    }
    const signals: string[] = [];
    const agenda: string[] = [];
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
      if (step.at === AGENDA_AT) {
        // The exams officer's to-do list that afternoon (with a centre's other series it would list theirs too).
        const list = centreAgenda({ asOf: DateTime.fromMillis(clock.now(), { zone: LONDON }).toISO() as Instant, cycles: [cycle.snapshot().context], nextLimit: 4 });
        for (const [name, items] of [['overdue', list.overdue], ['this week', list.dueThisWeek], ['next', list.next]] as const) {
          for (const i of items) agenda.push(`  ${name.padEnd(9)} ${i.dueAt.slice(0, 10)}  ${i.title} [${i.workstream ?? ''}; ${i.roles?.join(', ') ?? ''}] (${sourceText(i.source)}${i.confidence && i.confidence !== 'primary' ? `, ${i.confidence}` : ''})`);
        }
      }
    }
    print(`${ran} step(s) run this time; ${STEPS.length} in the script.`);
    print('');
    const ctx = cycle.snapshot().context;
    print('Phase timeline');
    for (const p of ctx.timeline) print(`  ${p.enteredAt.slice(0, 16).replace('T', ' ')}  ${p.phase}`);
    const workstreams = (cycle.snapshot().value as { workstreams: Record<string, string> }).workstreams;
    print(`Workstreams: ${Object.entries(workstreams).map(([w, s]) => `${w} ${s}`).join(', ')}`);
    print('');
    if (agenda.length) {
      print(`Agenda on ${AGENDA_AT.slice(0, 10)} after the entries went in (centreAgenda)`);
      for (const line of agenda) print(line);
      print('');
    }
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
      `Phase: ${phaseOf(cycle)}; revision ${cycle.revision}; ${audit.length} audit entries (${ticks} deadline ticks), ${audit.filter((e) => e.outcome === 'rejected').length} rejected.`,
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
