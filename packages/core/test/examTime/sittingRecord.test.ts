import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  examCycleMachine,
  examSeries,
  buildCentreTimetable,
  classifyArrival,
  collectAudit,
  examTimeTasks,
  logIncident,
  createSittingRecord,
  planSeating,
  recordAbsence,
  recordArrival,
  recordDespatch,
  recordEmergencyArrangement,
  recordPacketCheck,
  recordPacketOpened,
  sittingRecordIssues,
  sittingRetainedRecords,
  taskAddEvents,
  type ExamRoomRules,
  type SittingRecord,
} from '@examcycle/core';
import { fixturePack } from '../fixtures/fixturePack.js';
import { candidate, entry, eo, paper, room } from './centreFixture.js';
import type { Instant, CalendarDate } from '@examcycle/core';

const rules: ExamRoomRules = fixturePack.examRoomRules('2025/26');
const inv = { id: 'inv-1', role: 'invigilator' } as const;

describe('classifyArrival', () => {
  const long = { date: '2026-06-01' as const, startTime: '09:00', durationMinutes: 90 };
  const short = { date: '2026-06-01' as const, startTime: '13:30', durationMinutes: 45 };
  it('is present when the candidate arrives by the published start', () => {
    expect(classifyArrival(long, '2026-06-01T08:55:00+01:00', rules)).toMatchObject({ status: 'present', minutesAfterStart: -5 });
  });
  it('is late, not very late, up to one hour after the published start of an exam of more than one hour', () => {
    expect(classifyArrival(long, '2026-06-01T10:00:00+01:00', rules)).toMatchObject({ status: 'late', minutesAfterStart: 60 });
  });
  it('is very late more than one hour after the published start of an exam of more than one hour', () => {
    const c = classifyArrival(long, '2026-06-01T10:01:00+01:00', rules);
    expect(c).toMatchObject({ status: 'very_late', minutesAfterStart: 61, veryLateAfter: '2026-06-01T10:00:00.000+01:00' });
    expect(c.explanation).toMatch(/after the published start of an exam over 1h/);
    expect(c.source).toEqual(rules.veryLateAfterStartMinutes.source);
  });
  it('is very late after the published finishing time of an exam of one hour or less', () => {
    expect(classifyArrival(short, '2026-06-01T14:15:00+01:00', rules).status).toBe('late');
    expect(classifyArrival(short, '2026-06-01T14:16:00+01:00', rules)).toMatchObject({ status: 'very_late', veryLateAfter: '2026-06-01T14:15:00.000+01:00' });
    expect(classifyArrival({ ...short, durationMinutes: 60 }, '2026-06-01T14:31:00+01:00', rules).status).toBe('very_late');
  });
  it('reads an arrival given in UTC against the London published start', () => {
    expect(classifyArrival(long, '2026-06-01T09:01:00Z', rules).status).toBe('very_late');
    expect(classifyArrival({ ...long, date: '2026-01-12' }, '2026-01-12T09:30:00Z', rules).status).toBe('late');
  });
  it('is absent when the candidate does not arrive', () => {
    expect(classifyArrival(long, undefined, rules).status).toBe('absent');
  });
});

function sitting(): SittingRecord {
  const papers = [paper('8300/1H', '2026-06-01', 'AM', 90), paper('8461/1F', '2026-06-01', 'AM', 45, { startTime: '09:15' })];
  const t = buildCentreTimetable({
    papers,
    candidates: [candidate('c1', '0001'), candidate('c2', '0002'), candidate('c3', '0003')],
    entries: [entry('e1', 'c1', ['8300/1H']), entry('e2', 'c2', ['8300/1H']), entry('e3', 'c3', ['8461/1F'])],
  });
  const plan = planSeating({ session: t.sessions[0]!, rooms: [room('hall', 3, 3)] }, { rules });
  return createSittingRecord({ date: '2026-06-01', session: 'AM', seatingPlanUsed: plan.rooms[0]!, papers });
}

describe('the exam-room record', () => {
  it('opens with a register line, not yet marked, for every seated candidate and paper', () => {
    const r = sitting();
    expect(r.id).toBe('2026-06-01.AM.hall');
    expect(r.register.map((l) => [l.candidateNumber, l.paperId, l.seat, l.status])).toEqual([
      ['0001', '8300/1H', 'A1', 'not_marked'],
      ['0002', '8300/1H', 'A2', 'not_marked'],
      ['0003', '8461/1F', 'B1', 'not_marked'],
    ]);
  });

  it('marks arrivals with their JCQ classification and absences', () => {
    let r = sitting();
    r = recordArrival(r, { candidateId: 'c1', paperId: '8300/1H', arrivedAt: '2026-06-01T08:50:00+01:00', by: inv }, rules);
    r = recordArrival(r, { candidateId: 'c2', paperId: '8300/1H', arrivedAt: '2026-06-01T10:20:00+01:00', by: inv }, rules);
    r = recordAbsence(r, { candidateId: 'c3', paperId: '8461/1F', at: '2026-06-01T10:30:00+01:00', by: inv });
    expect(r.register.map((l) => [l.candidateNumber, l.status, l.minutesAfterStart])).toEqual([
      ['0001', 'present', -10],
      ['0002', 'very_late', 80],
      ['0003', 'absent', undefined],
    ]);
    expect(() => recordArrival(r, { candidateId: 'c9', paperId: '8300/1H', arrivedAt: '2026-06-01T09:00:00+01:00', by: inv }, rules)).toThrowError(expect.objectContaining({ code: 'invalid_value' }));
    expect(() => recordArrival(r, { candidateId: 'c1', paperId: '8300/1H', arrivedAt: 'soon' as Instant, by: inv }, rules)).toThrowError(/arrivedAt is not a valid instant/);
  });

  it('needs two different people for the "second pair of eyes" check, before the packet is opened', () => {
    let r = sitting();
    expect(() => recordPacketCheck(r, { paperId: '8300/1H', checkedAt: '2026-06-01T08:40:00+01:00', checkedBy: [eo, { ...eo }] })).toThrowError(expect.objectContaining({ code: 'guard_failed', rule: 'examTime.packet-second-pair-of-eyes' }));
    r = recordPacketCheck(r, { paperId: '8300/1H', checkedAt: '2026-06-01T08:40:00+01:00', checkedBy: [eo, inv] });
    r = recordPacketOpened(r, { paperId: '8300/1H', openedAt: '2026-06-01T08:55:00+01:00', by: inv });
    r = recordPacketOpened(r, { paperId: '8461/1F', openedAt: '2026-06-01T09:10:00+01:00', by: inv });
    expect(() => recordPacketCheck(r, { paperId: '8461/1F', checkedAt: '2026-06-01T09:12:00+01:00', checkedBy: [eo, inv] })).toThrowError(/opened at .* before this check/);
    const issues = sittingRecordIssues(r);
    expect(issues.filter((i) => i.subject?.paperId === '8461/1F' && i.code.startsWith('packet')).map((i) => i.code)).toEqual(['packet_not_checked', 'packet_opened_before_check']);
    expect(issues.some((i) => i.code === 'packet_not_checked' && i.subject?.paperId === '8300/1H')).toBe(false);
  });

  it('lists unmarked register lines and scripts without a despatch entry, and clears them once recorded', () => {
    let r = sitting();
    expect(sittingRecordIssues(r).filter((i) => i.code === 'register_not_marked')).toHaveLength(3);
    r = recordArrival(r, { candidateId: 'c1', paperId: '8300/1H', arrivedAt: '2026-06-01T08:50:00+01:00', by: inv }, rules);
    r = recordArrival(r, { candidateId: 'c2', paperId: '8300/1H', arrivedAt: '2026-06-01T08:51:00+01:00', by: inv }, rules);
    r = recordAbsence(r, { candidateId: 'c3', paperId: '8461/1F', at: '2026-06-01T10:30:00+01:00', by: inv });
    expect(sittingRecordIssues(r).map((i) => i.code)).toEqual(['packet_not_checked', 'scripts_not_despatched', 'packet_not_checked']);
    r = recordDespatch(r, { paperIds: ['8300/1H'], scriptCount: 2, at: '2026-06-01T15:00:00+01:00', by: eo, method: 'Parcelforce yellow label', reference: 'YL1' });
    expect(sittingRecordIssues(r).map((i) => i.code)).toEqual(['packet_not_checked', 'packet_not_checked']);
    expect(() => recordDespatch(r, { paperIds: ['X'], scriptCount: 1, at: '2026-06-01T15:00:00+01:00', by: eo, method: 'post' })).toThrowError(/Paper X is not sat/);
  });

  it('records emergency access arrangements with their reason', () => {
    const r = recordEmergencyArrangement(sitting(), { candidateId: 'c1', kind: 'scribe', at: '2026-06-01T08:30:00+01:00', approvedBy: eo, reason: 'Broken wrist' });
    expect(r.emergencyArrangements).toHaveLength(1);
    expect(() => recordEmergencyArrangement(r, { candidateId: 'c1', kind: 'scribe', at: '2026-06-01T08:30:00+01:00', approvedBy: eo, reason: ' ' })).toThrowError(/needs its reason/);
  });

  it('leaves the seating plan, attendance register and incident log as retained records', () => {
    const records = sittingRetainedRecords(sitting(), { createdAt: '2026-06-01T16:00:00+01:00', seriesId: 'june-2026' });
    expect(records.map((x) => [x.id, x.kind])).toEqual([
      ['seating-plan.2026-06-01.AM.hall', 'seating_plan'],
      ['attendance-register.2026-06-01.AM.hall', 'attendance_register'],
      ['incident-log.2026-06-01.AM.hall', 'incident_log'],
    ]);
  });
});

describe('examTimeTasks', () => {
  function eventful(): SittingRecord {
    let r = sitting();
    r = recordArrival(r, { candidateId: 'c2', paperId: '8300/1H', arrivedAt: '2026-06-01T10:20:00+01:00', by: inv }, rules);
    r = logIncident(r, { id: 'inc-1', at: '2026-06-01T09:40:00+01:00', by: inv, kind: 'malpractice', description: 'Mobile phone found on desk', candidateIds: ['c1'], paperId: '8300/1H', specialConsideration: false });
    r = logIncident(r, { id: 'inc-2', at: '2026-06-01T09:50:00+01:00', by: inv, kind: 'illness', description: 'Taken ill, left for 15 minutes', candidateIds: ['c3'], specialConsideration: true });
    return r;
  }

  it('raises a very late arrival report due by the end of the seventh working day after the exam, London time', () => {
    // Monday 1 June 2026 + 7 working days = Wednesday 10 June 2026.
    const tasks = examTimeTasks(eventful(), { rulesPack: fixturePack });
    expect(tasks[0]).toEqual({
      id: 'examTime.vla-report.0002.8300/1H',
      phase: 'examTime',
      title: 'Very late arrival report: candidate 0002, Paper 8300/1H (arrived 80 min after the published start)',
      blocking: true,
      dueAt: '2026-06-10T23:59:59.999+01:00',
      source: 'examcycle core test fixture: within 7 working days (primary)',
    });
  });

  it("raises a special consideration application for each candidate an incident flags, its deadline showing its confidence (the pack's reading)", () => {
    const sc = examTimeTasks(eventful(), { rulesPack: fixturePack }).filter((t) => t.id.startsWith('examTime.special-consideration'));
    expect(sc.map((t) => [t.id, t.dueAt])).toEqual([['examTime.special-consideration.0003.8461/1F', '2026-06-10T23:59:59.999+01:00']]);
    expect(sc[0]!.source).toMatch(/\(reading\)$/);
  });

  it('raises a malpractice report due immediately, at the incident', () => {
    const m = examTimeTasks(eventful(), { rulesPack: fixturePack }).filter((t) => t.id.startsWith('examTime.malpractice'));
    expect(m).toEqual([expect.objectContaining({ id: 'examTime.malpractice.inc-1', dueAt: '2026-06-01T09:40:00.000+01:00', phase: 'examTime' })]);
  });

  it('counts working days from the rules pack, across a weekend', () => {
    let r = sitting();
    r = recordArrival(r, { candidateId: 'c1', paperId: '8300/1H', arrivedAt: '2026-06-01T10:30:00+01:00', by: inv }, rules);
    const calendar = { examRoomRules: fixturePack.examRoomRules, addWorkingDays: (date: CalendarDate, days: number): CalendarDate => (date === '2026-06-01' && days === 3 ? '2026-06-04' : ('wrong' as CalendarDate)) };
    expect(examTimeTasks(r, { rulesPack: calendar, veryLateReportWorkingDays: 3 })[0]!.dueAt).toBe('2026-06-04T23:59:59.999+01:00');
  });

  it('takes the report windows from the rules pack for the sitting\'s academic year', () => {
    const years: string[] = [];
    const pack = {
      addWorkingDays: fixturePack.addWorkingDays,
      examRoomRules: (y: Parameters<typeof fixturePack.examRoomRules>[0]) => {
        years.push(y);
        const base = fixturePack.examRoomRules(y);
        return { ...base, veryLateArrivalReportWorkingDays: { ...base.veryLateArrivalReportWorkingDays, value: 2 } };
      },
    };
    // Monday 1 June 2026 + 2 working days = Wednesday 3 June 2026.
    expect(examTimeTasks(eventful(), { rulesPack: pack })[0]!.dueAt).toBe('2026-06-03T23:59:59.999+01:00');
    expect(years).toEqual(['2025/26']);
  });

  it('wraps the tasks as task.add events for the exam-cycle machine', () => {
    const tasks = examTimeTasks(eventful(), { rulesPack: fixturePack });
    const events = taskAddEvents(tasks, '2026-06-01T16:00:00+01:00', eo);
    expect(events).toHaveLength(3);
    expect(events[0]).toEqual({ type: 'task.add', task: tasks[0], at: '2026-06-01T16:00:00+01:00', by: eo });
  });

  it('are accepted by the exam-cycle machine, with their due instants', () => {
    const tasks = examTimeTasks(eventful(), { rulesPack: fixturePack });
    const cycle = createActor(examCycleMachine, { input: { centre: { centreNumber: '68199', name: 'Test centre' }, series: examSeries('june', 2026), rulesPack: fixturePack, startedAt: '2025-09-01T09:00:00+01:00' } });
    const audit = collectAudit(cycle);
    cycle.start();
    for (const e of taskAddEvents(tasks, '2026-06-01T16:00:00+01:00', eo)) cycle.send(e);
    const added = cycle.getSnapshot().context.tasks.filter((t) => t.id.startsWith('examTime.') && tasks.some((x) => x.id === t.id));
    expect(added.map((t) => [t.id, t.phase, t.status, t.dueAt])).toEqual(tasks.map((t) => [t.id, 'examTime', 'open', t.dueAt]));
    expect(audit.filter((a) => a.event === 'task.add').map((a) => a.outcome)).toEqual(['accepted', 'accepted', 'accepted']);
  });
});
