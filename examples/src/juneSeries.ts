/**
 * The main example: a synthetic centre (no real personal data) runs one June series from planning to
 * closed under the JCQ rules pack, on a simulated clock. It prints the phase timeline, the deadline
 * signals that fired, and the audit trail, rejections included.
 */
import { DateTime } from 'luxon';
import { SimulatedClock } from 'xstate';
import { createExamCycle, examSeries, type Actor, type ExamCycle } from '@examcycle/core';
import { jcq } from '@examcycle/rules-jcq';

const centre = { centreNumber: '99999', name: 'Synthetic Community College' };
const officer: Actor = { id: 'eo-ahmed', role: 'exams_officer' };
const head: Actor = { id: 'hoc-jones', role: 'head_of_centre' };
const LONDON = 'Europe/London';

function at(clock: SimulatedClock, iso: string) {
  clock.set(DateTime.fromISO(iso, { zone: LONDON }).toMillis());
}

function done(cycle: ExamCycle, phase: string, by: Actor = officer, except: readonly string[] = []) {
  for (const t of cycle.actor.getSnapshot().context.tasks) {
    if (t.phase === phase && t.status === 'open' && !except.includes(t.id)) cycle.send({ type: 'task.complete', taskId: t.id, by });
  }
}

/** Runs the June 2026 series and prints its timeline and audit trail. */
export async function juneSeries(print: (line: string) => void): Promise<void> {
  const clock = new SimulatedClock();
  at(clock, '2025-09-01T08:30');
  const series = examSeries('june', 2026);
  const cycle = createExamCycle({ clock, input: { centre, series, rulesPack: jcq, by: officer }, tickEveryMs: 86_400_000 });
  const signals: string[] = [];
  cycle.actor.on('deadline.overdue', (e) => signals.push(`${DateTime.fromMillis(clock.now(), { zone: LONDON }).toISODate()}  OVERDUE   ${e.signal.title} (due ${e.signal.dueAt})`));
  cycle.actor.on('deadline.dueSoon', (e) => signals.push(`${DateTime.fromMillis(clock.now(), { zone: LONDON }).toISODate()}  due soon  ${e.signal.title} (due ${e.signal.dueAt})`));

  // Planning, September–October: the NCN update is left until the last week of October.
  at(clock, '2025-09-12T10:00');
  done(cycle, 'planning', officer, ['planning.ncn-register', 'planning.access-arrangements', 'planning.modified-papers', 'planning.conflicts-of-interest']);
  at(clock, '2025-09-15T09:00');
  cycle.send({ type: 'phase.advance', by: officer }); // rejected: blocking tasks open
  at(clock, '2025-10-28T14:00');
  cycle.send({ type: 'task.complete', taskId: 'planning.ncn-register', note: 'confirmed on the NCN register', by: head });
  at(clock, '2025-12-10T11:00');
  cycle.send({ type: 'task.complete', taskId: 'planning.conflicts-of-interest', by: officer });
  cycle.send({ type: 'task.complete', taskId: 'planning.modified-papers', by: officer });
  cycle.send({ type: 'task.complete', taskId: 'planning.access-arrangements', by: officer });
  cycle.send({ type: 'phase.advance', by: officer });

  // Entries: submitted before the 21 February deadline; amendments in March.
  at(clock, '2026-02-16T15:00');
  done(cycle, 'entries', officer, ['entries.amendments', 'entries.fees-reconciled']);
  at(clock, '2026-03-20T12:00');
  cycle.send({ type: 'task.complete', taskId: 'entries.amendments', by: officer });
  cycle.send({ type: 'task.notApplicable', taskId: 'entries.fees-reconciled', reason: 'finance office reconciles fees this year', by: officer });
  cycle.send({ type: 'phase.advance', by: officer });

  // Pre-exams: centre-assessed marks go in; then exam time from mid May.
  at(clock, '2026-05-01T10:00');
  done(cycle, 'preExams');
  cycle.send({ type: 'phase.advance', by: officer });
  at(clock, '2026-06-03T14:00');
  cycle.send({ type: 'task.add', task: { id: 'examTime.vla-report.0042.8300-1F', phase: 'examTime', title: 'Very late arrival report: candidate 0042, 8300/1F', dueAt: '2026-06-12T23:59:59.999+01:00', source: 'JCQ guidance notes concerning very late arrivals' }, by: officer });
  at(clock, '2026-06-05T10:00');
  cycle.send({ type: 'task.complete', taskId: 'examTime.vla-report.0042.8300-1F', by: officer });
  at(clock, '2026-06-26T16:00');
  done(cycle, 'examTime');
  cycle.send({ type: 'phase.advance', by: officer });

  // Results: prepared before restricted release; two results still outstanding on GCSE results day hold the
  // cycle in results even though the exams officer has ticked every task.
  at(clock, '2026-08-11T16:00');
  cycle.send({ type: 'task.complete', taskId: 'results.restricted-release-prepared', note: 'access list and MIS embargo set', by: officer });
  at(clock, '2026-08-12T07:00');
  cycle.send({ type: 'results.outstanding', count: 2, by: officer });
  cycle.send({ type: 'task.complete', taskId: 'results.downloaded-checked', by: officer });
  at(clock, '2026-08-13T08:00');
  cycle.send({ type: 'task.complete', taskId: 'results.statements-issued', note: 'GCE statements issued; GCSE statements follow on 20 August', by: officer });
  at(clock, '2026-08-20T08:15');
  done(cycle, 'results');
  cycle.send({ type: 'phase.advance', by: officer }); // rejected: results outstanding
  at(clock, '2026-08-21T11:00');
  cycle.send({ type: 'results.outstanding', count: 0, by: officer });
  cycle.send({ type: 'phase.advance', by: officer });

  // Post-results, then certificates in November.
  at(clock, '2026-09-24T16:00');
  done(cycle, 'postResults');
  cycle.send({ type: 'phase.advance', by: officer });
  at(clock, '2026-11-05T12:00');
  cycle.send({ type: 'task.complete', taskId: 'certificates.received', by: officer });
  cycle.send({ type: 'task.complete', taskId: 'certificates.checked', by: officer });
  at(clock, '2026-11-20T12:00');
  done(cycle, 'certificates');
  cycle.send({ type: 'phase.advance', by: officer });

  const ctx = cycle.actor.getSnapshot().context;
  print(`examcycle: ${centre.name} (${centre.centreNumber}), ${series.id}, academic year ${series.academicYear}, rules pack "${jcq.name}"`);
  print('');
  print('Phase timeline');
  for (const p of ctx.timeline) print(`  ${p.enteredAt.slice(0, 16).replace('T', ' ')}  ${p.phase}`);
  print('');
  print('Deadline signals');
  for (const s of signals) print(`  ${s}`);
  print('');
  print('Audit trail (clock ticks omitted)');
  for (const e of ctx.audit) {
    if (e.event === 'clock.tick') continue;
    const who = e.by ? `${e.by.id}` : '-';
    const what = e.details?.taskId ? ` ${String(e.details.taskId)}` : e.details?.count !== undefined ? ` count=${String(e.details.count)}` : '';
    const move = e.from === e.to ? e.from : `${e.from} -> ${e.to}`;
    print(`  #${String(e.seq).padStart(3, '0')} ${e.at.slice(0, 16).replace('T', ' ')} ${who.padEnd(10)} ${e.outcome === 'accepted' ? 'ok ' : 'NO '} ${e.event}${what} [${move}]${e.reason ? `: ${e.reason}` : ''}`);
  }
  print('');
  print(`Final phase: ${String(cycle.actor.getSnapshot().value)}; ${ctx.audit.length} audit entries, ${ctx.audit.filter((e) => e.outcome === 'rejected').length} rejected.`);
  cycle.stop();
}
