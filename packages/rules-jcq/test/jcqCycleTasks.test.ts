/**
 * The JCQ pack's exam-cycle catalogue against the cycle machine (issue 14): over every series of every shipped
 * edition, with random centre overlays (internal deadlines, delegations), an exams office that completes each
 * task the day before it is due, in due order, and advances the phase as soon as it may, is never refused; no
 * task is completed before its workstream has opened; the phase gates and the results-outstanding guard still
 * hold; and random actors never close a task their role may not.
 */
import { fc, test as fcTest } from '@fast-check/vitest';
import { DateTime } from 'luxon';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  authorise,
  collectAudit,
  currentPhase,
  cycleRefusal,
  examCycleMachine,
  examSeries,
  openBlockingTasks,
  taskAction,
  type ActorRole,
  type AuditLine,
  type ExamCycleEvent,
  type ExamSeries,
  type RulesPack,
} from '@examcycle/core';
import { JCQ_EDITIONS, jcq, withOverrides } from '@examcycle/rules-jcq';
import type { Instant } from '@examcycle/core';

const centre = { centreNumber: '68199', name: 'Synthetic Academy' };
const ALL_SERIES: readonly ExamSeries[] = JCQ_EDITIONS.flatMap((e) => e.series.map((s) => examSeries(s.month, s.year)));
const ROLES: readonly ActorRole[] = ['head_of_centre', 'senior_leader', 'line_manager', 'exams_officer', 'exams_office_staff', 'teacher', 'head_of_department', 'senco', 'invigilator', 'candidate'];
const ANCHORS = ['entry_deadline', 'very_late_deadline', 'access_arrangements_deadline', 'nea_marks_deadline', 'restricted_release', 'release_to_candidates', 'post_results_final_deadline'] as const;
const DAY = 86_400_000;
const ms = (at: string) => DateTime.fromISO(at).toMillis();
const iso = (t: number) => (DateTime.fromMillis(t, { zone: 'Europe/London' }).toISO() as Instant);

const overlayArb = fc.record({
  internalDeadlines: fc.uniqueArray(
    fc.record({ id: fc.constantFrom('entries-in', 'aa-evidence', 'marks-in', 'results-plan', 'enquiries-in'), title: fc.constant('Centre deadline'), from: fc.constantFrom(...ANCHORS), offsetWorkingDays: fc.integer({ min: -30, max: 10 }) }),
    { maxLength: 3, selector: (d) => d.id },
  ),
  delegations: fc.array(
    fc.record({
      action: fc.constantFrom('cycle.task.entries.checked', 'cycle.task.entries.submitted', 'cycle.task.planning.access-arrangements', 'cycle.task.results.downloaded-checked', 'cycle.task.certificates.issued'),
      roles: fc.uniqueArray(fc.constantFrom<ActorRole>('teacher', 'exams_office_staff', 'senior_leader', 'head_of_department'), { minLength: 1, maxLength: 2 }),
    }),
    { maxLength: 3 },
  ),
});

interface Run {
  readonly completions: number;
  readonly refusedUnexpectedly: AuditLine[];
  readonly phase: string;
  readonly openedLate: string[];
}

/** Drives one series as the brief's exams office would, with random other actors and outstanding results. */
function runSeries(pack: RulesPack, series: ExamSeries, rnd: () => number): Run {
  const startedAt = `${series.academicYear.slice(0, 4)}-08-31T08:00:00.000+01:00` as Instant;
  const created = createActor(examCycleMachine, { input: { centre, series, rulesPack: pack, startedAt } });
  const audit = collectAudit(created);
  const actor = created.start();
  let now = ms(startedAt);
  const refusedUnexpectedly: AuditLine[] = [];
  const openedLate: string[] = [];
  let completions = 0;
  const ctx = () => actor.getSnapshot().context;
  const send = (e: ExamCycleEvent, expectOk = true) => {
    actor.send(e);
    const line = audit.at(-1)!;
    if (expectOk && line.outcome !== 'accepted') refusedUnexpectedly.push(line);
    return line;
  };
  const complete = (taskId: string) => {
    const grant = ctx().grants[taskAction(taskId)]!;
    const task = ctx().tasks.find((t) => t.id === taskId)!;
    // The deadline worker's tick at this instant (the runtime wakes the cycle when work opens).
    actor.send({ type: 'clock.tick', at: iso(now) });
    const ws = (actor.getSnapshot().value as { workstreams: Record<string, string> }).workstreams[task.workstream];
    if (ws === 'notOpen') openedLate.push(`${taskId} completed at ${iso(now)} while its workstream ${task.workstream} had not opened`);
    // A random actor first: refused with not_authorised unless the role (or a delegation) allows it.
    const other = ROLES[Math.floor(rnd() * ROLES.length)]!;
    const by = { id: `${other}-x`, role: other };
    if (!authorise(ctx().grants, by, taskAction(taskId)).allowed) {
      const line = send({ type: 'task.complete', taskId, at: iso(now), by }, false);
      if (line.outcome !== 'rejected' || line.code !== 'not_authorised') refusedUnexpectedly.push({ ...line, reason: `a ${other} was not refused` });
    }
    const role = grant.roles[0]!;
    send({ type: 'task.complete', taskId, at: iso(now), by: { id: `${role}-1`, role } });
    completions += 1;
  };
  /** Undated work that has opened is done at once; the phase advances whenever the gate allows. */
  const catchUp = () => {
    for (let guard = 0; guard < 50; guard += 1) {
      for (const t of ctx().tasks) if (t.status === 'open' && t.dueAt === undefined && t.opensAt !== undefined && ms(t.opensAt) <= now) complete(t.id);
      const phase = currentPhase(ctx());
      if (phase === 'closed') return;
      const by = { id: 'eo-1', role: 'exams_officer' as const };
      if (openBlockingTasks(ctx(), phase).length > 0) {
        // The gate holds: an early advance is refused, naming the work.
        const line = send({ type: 'phase.advance', at: iso(now), by }, false);
        if (line.outcome !== 'rejected' || line.rule !== 'examcycle.cycle.gate') refusedUnexpectedly.push({ ...line, reason: 'the gate let the cycle through with blocking work open' });
        return;
      }
      if (phase === 'results') {
        const n = 1 + Math.floor(rnd() * 3);
        send({ type: 'results.outstanding', count: n, at: iso(now), by });
        const line = send({ type: 'phase.advance', at: iso(now), by }, false);
        if (line.outcome !== 'rejected' || line.rule !== 'examcycle.cycle.results-outstanding') refusedUnexpectedly.push({ ...line, reason: 'left results with results outstanding' });
        send({ type: 'results.outstanding', count: 0, at: iso(now), by });
      }
      if (cycleRefusal(ctx(), { type: 'phase.advance', at: iso(now), by }) !== undefined) return;
      send({ type: 'phase.advance', at: iso(now), by });
    }
  };
  for (let step = 0; step < 500; step += 1) {
    catchUp();
    if (currentPhase(ctx()) === 'closed') break;
    const open = ctx().tasks.filter((t) => t.status === 'open');
    const dated = open.filter((t) => t.dueAt !== undefined).sort((a, b) => ms(a.dueAt!) - ms(b.dueAt!) || a.id.localeCompare(b.id));
    const next = dated[0];
    if (next) {
      now = Math.max(now, ms(next.dueAt!) - DAY);
      catchUp();
      if (ctx().tasks.find((t) => t.id === next.id)?.status === 'open') complete(next.id);
      continue;
    }
    // Only undated work is left: wait for the next opening.
    const opening = open.map((t) => (t.opensAt ? ms(t.opensAt) : Infinity)).filter((t) => t > now);
    if (!opening.length) break;
    now = Math.min(...opening);
  }
  return { completions, refusedUnexpectedly, phase: currentPhase(ctx()), openedLate };
}

describe('jcqCycleTasks', () => {
  it.each(ALL_SERIES.map((s) => [s.id, s] as const))('gives every task of %s a source, a confidence and roles from the pack', (_id, series) => {
    const tasks = jcq.cycleTasks(series);
    const rows = new Map(jcq.authorities(series.academicYear).map((a) => [a.action, a]));
    expect(tasks.length).toBeGreaterThan(20);
    expect(new Set(tasks.map((t) => t.id)).size).toBe(tasks.length);
    for (const t of tasks) {
      expect(t.source, t.id).toMatchObject({ document: expect.any(String), year: expect.any(String) });
      expect(t.confidence, t.id).toBeDefined();
      const row = rows.get(`cycle.task.${t.id}`);
      expect(row?.roles.length, t.id).toBeGreaterThan(0);
      expect(row?.source.document, t.id).toBeTruthy();
    }
  });

  it('has the head of centre declare and sign, the exams officer submit entries, the SENCo apply for access arrangements and heads of department check entries', () => {
    const rows = new Map(jcq.authorities('2025/26').map((a) => [a.action, a.roles]));
    expect(rows.get('cycle.task.planning.head-of-centre-declaration')).toEqual(['head_of_centre']);
    expect(rows.get('cycle.task.planning.conflicts-of-interest')).toEqual(['head_of_centre']);
    expect(rows.get('cycle.task.entries.submitted')).toEqual(['exams_officer']);
    expect(rows.get('cycle.task.planning.access-arrangements')).toEqual(['senco']);
    expect(rows.get('cycle.task.entries.checked')).toContain('head_of_department');
    expect(rows.get('cycle.task.planning.policies-reviewed')).toContain('senior_leader');
  });

  it('refuses a teacher completing "Entries submitted" with not_authorised', () => {
    const series = examSeries('june', 2026);
    const created = createActor(examCycleMachine, { input: { centre, series, rulesPack: jcq, startedAt: '2025-09-01T09:00:00.000+01:00' } });
    const audit = collectAudit(created);
    created.start().send({ type: 'task.complete', taskId: 'entries.submitted', at: '2025-09-02T09:00:00.000+01:00', by: { id: 't-1', role: 'teacher' } });
    expect(audit.at(-1)).toMatchObject({ outcome: 'rejected', code: 'not_authorised', rule: 'cycle.task.entries.submitted' });
  });

  it('puts OCR\'s centre-assessed marks (15 May 2026) in the coursework workstream, open from the start, due in exam time', () => {
    const tasks = createActor(examCycleMachine, { input: { centre, series: examSeries('june', 2026), rulesPack: jcq, startedAt: '2025-09-01T09:00:00.000+01:00' } }).start().getSnapshot().context.tasks;
    expect(tasks.find((t) => t.id === 'coursework.marks.OCR')).toMatchObject({ workstream: 'coursework', phase: 'examTime', keyDateId: 'june-2026/nea_marks_deadline/OCR', dueAt: '2026-05-15T23:59:59.999+01:00', opensAt: '2025-09-01T09:00:00.000+01:00' });
    expect(tasks.find((t) => t.id === 'planning.access-arrangements')).toMatchObject({ workstream: 'accessArrangements', dueAt: '2026-03-21T23:59:59.999+00:00' });
  });

  it.each(ALL_SERIES.map((s) => [s.id, s] as const))('runs %s to closed, each task done the day before it is due, never refused', (_id, series) => {
    const run = runSeries(jcq, series, () => 0.5);
    expect(run.refusedUnexpectedly).toEqual([]);
    expect(run.openedLate).toEqual([]);
    expect(run.phase).toBe('closed');
  });

  fcTest.prop([fc.constantFrom(...ALL_SERIES), overlayArb, fc.integer({ min: 0, max: 2 ** 31 - 1 })], { numRuns: 60, seed: 20261214 })(
    'every series of every edition, with a random centre overlay: the day-before, due-order run is never refused, never completes unopened work, and the gates hold',
    (series, overlay, seed) => {
      const pack = withOverrides(jcq, { centre: { name: 'Synthetic Academy', year: series.academicYear }, ...overlay });
      let s = seed;
      const rnd = () => ((s = (s * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31);
      const run = runSeries(pack, series, rnd);
      expect(run.refusedUnexpectedly).toEqual([]);
      expect(run.openedLate).toEqual([]);
      expect(run.phase).toBe('closed');
      expect(run.completions).toBeGreaterThan(10);
    },
  );
});
