/**
 * Tasks a sitting leaves for the exams officer, as exam-cycle tasks: a very late arrival report for each
 * very late candidate, a special consideration application for each candidate an incident flags, each due
 * by the end of the day (London) a number of working days after the exam (working days from the rules
 * pack), and a malpractice report for each malpractice incident, due immediately (at the incident). The
 * exam-cycle machine takes them with `{ type: 'task.add', task, at, by }` ({@link taskAddEvents}).
 */
import type { Actor } from '../audit/auditTrail.js';
import type { CycleTaskInput } from '../machines/cycleTasks.js';
import type { RulesPack } from '../rules/RulesPack.js';
import { academicYearOf, endOfLondonDay, type Instant } from '../time/clock.js';
import { londonIso } from '../time/londonIso.js';
import { instantToMillis } from '../time/instantToMillis.js';
import { checkNumber, checkObject, count, EXAM_TIME_LIMITS, sourcedValue } from './examTimeLimits.js';
import type { SittingRecord } from './sittingRecord.js';

/**
 * Options for {@link examTimeTasks}.
 *
 * @example
 * ```ts
 * declare const record: SittingRecord;
 * const options: ExamTimeTasksOptions = { rulesPack: jcq, veryLateReportWorkingDays: 1 };
 * examTimeTasks(record, options).length;
 * ```
 */
export interface ExamTimeTasksOptions {
  /** The rules pack: its report windows (`examRoomRules`) and working-day calendar (`addWorkingDays`). */
  readonly rulesPack: Pick<RulesPack, 'addWorkingDays' | 'examRoomRules'>;
  /**
   * Working days for a very late arrival report, to use instead of the pack's (a centre's earlier internal deadline).
   * @default the pack's `veryLateArrivalReportWorkingDays` for the sitting's academic year
   */
  readonly veryLateReportWorkingDays?: number;
  /**
   * Working days for a special consideration application, to use instead of the pack's.
   * @default the pack's `specialConsiderationWorkingDays` for the sitting's academic year
   */
  readonly specialConsiderationWorkingDays?: number;
}

/**
 * The exam-cycle tasks a sitting record raises, in a stable order (very late arrival reports, special
 * consideration applications, malpractice reports), without repeats.
 *
 * @param record - the sitting record
 * @param options - the rules pack (working days) and the windows
 * @throws ExamcycleError `invalid_value` naming the field when a window is not a whole number of working days from 0 to 366
 * @example
 * ```ts
 * declare const record: SittingRecord;
 * examTimeTasks(record, { rulesPack: jcq }).map((t) => `${t.id} due ${t.dueAt}`);
 * // ['examTime.vla-report.0042.AQA-8300-1H due 2026-06-10T23:59:59.999+01:00']
 * ```
 */
export function examTimeTasks(record: SittingRecord, options: ExamTimeTasksOptions): CycleTaskInput[] {
  checkObject(record, 'record');
  checkObject(options, 'options');
  const { rulesPack } = options;
  const days = count(EXAM_TIME_LIMITS.maxWorkingDays);
  const rules = rulesPack.examRoomRules(academicYearOf(record.date));
  const veryLateReportWorkingDays =
    options.veryLateReportWorkingDays !== undefined
      ? checkNumber(options.veryLateReportWorkingDays, 'veryLateReportWorkingDays', days)
      : checkNumber(sourcedValue(rules, 'veryLateArrivalReportWorkingDays'), 'rules.veryLateArrivalReportWorkingDays', days);
  const specialConsiderationWorkingDays =
    options.specialConsiderationWorkingDays !== undefined
      ? checkNumber(options.specialConsiderationWorkingDays, 'specialConsiderationWorkingDays', days)
      : checkNumber(sourcedValue(rules, 'specialConsiderationWorkingDays'), 'rules.specialConsiderationWorkingDays', days);
  const tasks: CycleTaskInput[] = [];
  const seen = new Set<string>();
  const add = (t: CycleTaskInput) => {
    if (seen.has(t.id)) return;
    seen.add(t.id);
    tasks.push(t);
  };
  const title = (paperId: string) => record.papers.find((p) => p.id === paperId)?.title ?? paperId;
  const dateOf = (paperId: string) => record.papers.find((p) => p.id === paperId)?.date ?? record.date;

  for (const l of record.register) {
    if (l.status !== 'very_late') continue;
    const due = endOfLondonDay(rulesPack.addWorkingDays(dateOf(l.paperId), veryLateReportWorkingDays));
    add({
      id: `examTime.vla-report.${l.candidateNumber}.${l.paperId}`,
      phase: 'examTime',
      title: `Very late arrival report: candidate ${l.candidateNumber}, ${title(l.paperId)} (arrived ${l.minutesAfterStart ?? '?'} min after the published start)`,
      blocking: true,
      dueAt: due,
      source: `${rules.veryLateArrivalReportWorkingDays.source.document}: within ${veryLateReportWorkingDays} working days (${rules.veryLateArrivalReportWorkingDays.confidence})`,
    });
  }
  const numberOf = (candidateId: string) => record.register.find((l) => l.candidateId === candidateId)?.candidateNumber ?? candidateId;
  for (const inc of record.incidents) {
    if (!inc.specialConsideration) continue;
    for (const candidateId of inc.candidateIds) {
      const papers = inc.paperId !== undefined ? [inc.paperId] : [...new Set(record.register.filter((l) => l.candidateId === candidateId).map((l) => l.paperId))];
      for (const paperId of papers) {
        add({
          id: `examTime.special-consideration.${numberOf(candidateId)}.${paperId}`,
          phase: 'examTime',
          title: `Special consideration application: candidate ${numberOf(candidateId)}, ${title(paperId)} (${inc.kind}: ${inc.description})`,
          blocking: true,
          dueAt: endOfLondonDay(rulesPack.addWorkingDays(dateOf(paperId), specialConsiderationWorkingDays)),
          source: `${rules.specialConsiderationWorkingDays.source.document}: within ${specialConsiderationWorkingDays} working days (${rules.specialConsiderationWorkingDays.confidence})`,
        });
      }
    }
  }
  for (const inc of record.incidents) {
    if (inc.kind !== 'malpractice') continue;
    add({
      id: `examTime.malpractice.${inc.id}`,
      phase: 'examTime',
      title: `Malpractice report to the awarding body${inc.candidateIds.length ? ` (candidate ${inc.candidateIds.map(numberOf).join(', ')})` : ''}: ${inc.description}`,
      blocking: true,
      dueAt: londonIso(instantToMillis(inc.at)),
      source: 'JCQ Suspected Malpractice: Policies and Procedures: report immediately',
    });
  }
  return tasks;
}

/**
 * The exam-cycle machine's event that adds a task.
 *
 * @example
 * ```ts
 * declare const record: SittingRecord, eo: Actor;
 * const [first]: TaskAddEvent[] = taskAddEvents(examTimeTasks(record, { rulesPack: jcq }), '2026-06-01T16:00:00+01:00', eo);
 * first?.task.id;
 * ```
 */
export interface TaskAddEvent {
  readonly type: 'task.add';
  readonly task: CycleTaskInput;
  readonly at: Instant;
  readonly by?: Actor;
}

/**
 * Wraps tasks as `task.add` events for the exam-cycle machine.
 *
 * @param tasks - the tasks (from {@link examTimeTasks})
 * @param at - when they are added
 * @param by - who adds them
 * @example
 * ```ts
 * declare const record: SittingRecord, now: Instant, eo: Actor, cycle: { send(event: TaskAddEvent): void };
 * for (const e of taskAddEvents(examTimeTasks(record, { rulesPack: jcq }), now, eo)) cycle.send(e);
 * ```
 */
export function taskAddEvents(tasks: readonly CycleTaskInput[], at: Instant, by?: Actor): TaskAddEvent[] {
  return tasks.map((task) => ({ type: 'task.add', task, at, ...(by ? { by } : {}) }));
}
