/**
 * The Exams Officer Professional Standards through a year, at a synthetic centre (no real personal data):
 * a new exams officer (Mark, in post from 1 September) and an experienced one (Emma), with their senior
 * leader and line manager, under the JCQ rules pack's EOPS cadence. It prints each officer's meeting
 * schedule and Mark's induction checklist, the tracker at three points of the year as a plain-text table,
 * the rejections the Standards require (an officer declaring their own Standards, a declaration before
 * every criterion is met), overdue meetings, both certificates, the renewal into 2026/27, and the tracker
 * as CSV through the CSV adapter. Every event carries an explicit instant.
 */
import { createActor } from 'xstate';
import {
  collectAudit,
  eopsMachine,
  eopsTracker,
  inductionChecklist,
  meetingSchedule,
  overdueMeetings,
  renderTrackerText,
  type EopsTrackerRow,
  type Outcome,
  type RenderTrackerTextOptions,
  sendEops,
  type Actor,
  type EopsActor,
  type EopsEvent,
  type EopsKeySkillArea,
  type EopsKnowledgeArea,
  type EopsTargetInput,
  type ScheduledMeeting,
  type TermPeriod,
  grantsFor,
  eopsRecords,
  type CalendarDate,
  type ExamTimeWindow,
} from '@examcycle/core';
import { exportCsv } from '@examcycle/adapter-csv';
import { jcq } from '@examcycle/rules-jcq';

const centre = { centreNumber: '99999', name: 'Synthetic Community College' };
const people = {
  slt: { id: 'slt-patel', name: 'Priya Patel', roles: ['senior_leader'] },
  lm: { id: 'lm-okafor', name: 'Chidi Okafor', roles: ['line_manager'] },
  emma: { id: 'eo-emma', name: 'Emma Reid', roles: ['exams_officer'] },
  mark: { id: 'eo-mark', name: 'Mark Lewis', roles: ['exams_officer'] },
} as const;
const slt: Actor = { id: 'slt-patel', role: 'senior_leader' };
const lm: Actor = { id: 'lm-okafor', role: 'line_manager' };
const emma: Actor = { id: 'eo-emma', role: 'exams_officer' };
const mark: Actor = { id: 'eo-mark', role: 'exams_officer' };

/** The synthetic centre's half terms for 2025/26. */
const termDates: TermPeriod[] = [
  { name: 'Autumn 1', start: '2025-09-01', end: '2025-10-24' },
  { name: 'Autumn 2', start: '2025-11-03', end: '2025-12-19' },
  { name: 'Spring 1', start: '2026-01-05', end: '2026-02-13' },
  { name: 'Spring 2', start: '2026-02-23', end: '2026-03-27' },
  { name: 'Summer 1', start: '2026-04-13', end: '2026-05-22' },
  { name: 'Summer 2', start: '2026-06-01', end: '2026-07-22' },
];
const examTime: ExamTimeWindow[] = [{ start: '2026-05-11', end: '2026-06-24' }];

function ku(id: string, area: EopsKnowledgeArea, description: string, methods: EopsTargetInput['methods'], successMeasure: string, dueBy: CalendarDate): EopsTargetInput {
  return { id, strand: 'knowledge_and_understanding', area, description, methods, successMeasure, dueBy };
}

function ks(id: string, area: EopsKeySkillArea, description: string, methods: EopsTargetInput['methods'], successMeasure: string, dueBy: CalendarDate): EopsTargetInput {
  return { id, strand: 'key_skills', area, description, methods, successMeasure, dueBy };
}

function meeting(heldOn: CalendarDate, progress: string, wentWell: string, notSoWell: string, nextFocus: string) {
  return { heldOn, progress, wentWell, notSoWell, nextFocus };
}

/** The tracker as text, or the refusal (a viewer who may not see it) as a host would show it. */
function trackerText(tracker: Outcome<EopsTrackerRow[]>, options?: RenderTrackerTextOptions): string {
  return tracker.ok ? renderTrackerText(tracker.value, options) : `(refused: ${tracker.error.code}: ${tracker.error.message})`;
}

function showSchedule(print: (line: string) => void, who: string, schedule: readonly ScheduledMeeting[]) {
  print(`${who}: ${schedule.length} meetings`);
  for (const m of schedule) print(`  ${m.date}  ${m.kind.padEnd(11)} ${m.halfTerm}`);
}

/**
 * Runs the EOPS year and prints what it shows.
 *
 * @param print - where each line goes
 * @example
 * ```ts
 * await main((line) => process.stdout.write(`${line}\n`));
 * ```
 */
export async function main(print: (line: string) => void): Promise<void> {
  const actor: EopsActor = createActor(eopsMachine, { input: { grants: grantsFor(jcq.authorities('2025/26'), [], ['eops.']) } });
  const audit = collectAudit(actor);
  actor.start();
  const certificates: string[] = [];
  actor.on('eops.certified', ({ certificate: c }) =>
    certificates.push(`  CERTIFICATE ${c.id}: ${c.officerName}, ${c.centreName} (${c.centreNumber}), ${c.academicYear}, issued ${c.issuedOn}, authorised by ${c.authorisedBy.name} (${c.authorisedBy.role.replace('_', ' ')})`),
  );
  const send = (event: EopsEvent, label?: string) => {
    const outcome = sendEops(actor, event);
    if (!outcome.ok) print(`  REJECTED ${event.type} by ${event.by.id} (${event.by.role}): ${outcome.error.message} [${outcome.error.code}]`);
    else if (label) print(`  ${event.at.slice(0, 10)}  ${label}`);
    certificates.splice(0).forEach((line) => print(line));
    return outcome.ok;
  };
  /** "The exams officer and senior leader must agree": the leader proposes the target, the officer confirms it. */
  const agree = (event: Extract<EopsEvent, { type: 'target.agree' }>, officer: Actor, label: string) => {
    if (send(event)) send({ type: 'target.confirm', officerId: event.officerId, targetId: event.target.id, at: event.at, by: officer }, `${label}, confirmed by the officer`);
  };
  const tracker = (title: string) => {
    print('');
    print(`Tracker, ${title} (administrator's view, ${actor.getSnapshot().context.academicYear})`);
    print(trackerText(eopsTracker(actor, { view: 'administrator', viewerId: slt.id })));
  };
  const rules = jcq.eopsRules('2025/26');

  print('EOPS 2025/26 at Synthetic Community College');
  print('');
  print('September: registration, schedules, targets, Values & Attributes');
  send({ type: 'centre.register', centre, user: people.slt, at: '2025-09-01T08:30:00+01:00', by: slt }, 'Priya Patel registers the centre and becomes its administrator');
  send({ type: 'account.register', user: people.lm, at: '2025-09-01T08:40:00+01:00', by: lm }, 'Chidi Okafor asks to join');
  send({ type: 'account.register', user: people.emma, at: '2025-09-01T08:45:00+01:00', by: emma }, 'Emma Reid asks to join');
  send({ type: 'account.register', user: people.mark, at: '2025-09-01T08:50:00+01:00', by: mark }, 'Mark Lewis asks to join');
  send({ type: 'account.approve', accountId: lm.id, admin: true, at: '2025-09-01T09:00:00+01:00', by: slt }, 'Chidi approved, with administration rights');
  send({ type: 'account.approve', accountId: emma.id, at: '2025-09-01T09:01:00+01:00', by: slt }, 'Emma approved');
  send({ type: 'account.approve', accountId: mark.id, at: '2025-09-01T09:02:00+01:00', by: lm }, 'Mark approved by Chidi');
  send({ type: 'officer.register', officerId: mark.id, experience: 'new', startedOn: '2025-09-01', at: '2025-09-01T09:30:00+01:00', by: lm }, 'Mark registered for 2025/26 (a new exams officer)');

  const markPlan = meetingSchedule({ termDates, officerExperience: 'new', examTime, rules, from: '2025-09-01' });
  const emmaPlan = meetingSchedule({ termDates, officerExperience: 'experienced', examTime, rules, from: '2025-09-03' });
  // The term dates are the centre's data: a schedule is refused, not thrown, when they are wrong.
  if (!markPlan.ok) return print(`Term dates refused: ${markPlan.error.message}`);
  if (!emmaPlan.ok) return print(`Term dates refused: ${emmaPlan.error.message}`);
  const markSchedule = markPlan.value;
  const emmaSchedule = emmaPlan.value;
  send({ type: 'meetings.plan', officerId: mark.id, schedule: markSchedule, at: '2025-09-01T10:00:00+01:00', by: lm });
  agree({ type: 'target.agree', officerId: mark.id, target: ku('ku-1', 'new_exams_officer_induction', 'Complete the new exams officer induction', ['online_training', 'face_to_face_training'], 'Induction assessment passed', '2025-12-19'), at: '2025-09-01T10:10:00+01:00', by: lm }, mark, 'Mark: K&U target agreed (new exams officer induction)');
  send({ type: 'meeting.record', officerId: mark.id, meeting: meeting('2025-09-01', 'First day', 'Met the exams team', 'No MIS access yet', 'First-week targets'), at: '2025-09-01T15:30:00+01:00', by: lm }, 'Mark: first-day meeting recorded');
  send({ type: 'induction.complete', officerId: mark.id, itemId: 'first-day-targets', at: '2025-09-01T16:00:00+01:00', by: mark }, 'Mark: induction item done (first-day targets)');
  send({ type: 'officer.register', officerId: emma.id, experience: 'experienced', at: '2025-09-03T10:00:00+01:00', by: emma }, 'Emma registers herself for 2025/26');
  send({ type: 'meetings.plan', officerId: emma.id, schedule: emmaSchedule, at: '2025-09-03T10:05:00+01:00', by: slt });
  print('');
  print(
    `Meeting schedules (JCQ pack: new officer ${rules.newOfficerCadence.value.early} for ${rules.newOfficerCadence.value.earlyWeeks} weeks [${rules.newOfficerCadence.confidence}], weekly in exam time; experienced ${rules.experiencedOfficerCadence.value} [${rules.experiencedOfficerCadence.confidence}])`,
  );
  showSchedule(print, 'Mark (new)', markSchedule);
  showSchedule(print, 'Emma (experienced)', emmaSchedule);
  print('');
  print('Mark’s induction checklist');
  for (const item of inductionChecklist('2025-09-01')) print(`  due ${item.dueOn}  ${item.period.replace(/_/g, ' ').padEnd(18)} ${item.title}`);
  print('');

  agree({ type: 'target.agree', officerId: emma.id, target: ku('ku-1', 'jcq_regulations', 'Keep up to date with this year’s JCQ changes', ['face_to_face_training', 'personal_research'], 'Changes briefed to SLT', '2025-11-28'), at: '2025-09-03T10:10:00+01:00', by: slt }, emma, 'Emma: K&U target agreed (JCQ regulations)');
  agree({ type: 'target.agree', officerId: emma.id, target: ku('ku-2', 'mis_updates', 'Learn the MIS exams module upgrade', ['online_training'], 'Entries made in the new module', '2026-02-13'), at: '2025-09-03T10:11:00+01:00', by: slt }, emma, 'Emma: K&U target agreed (MIS updates)');
  agree({ type: 'target.agree', officerId: emma.id, target: ks('ks-1', 'contingency_planning', 'Rewrite the exams contingency plan', ['peer_support', 'networking'], 'Plan approved by the head of centre', '2026-03-27'), at: '2025-09-03T10:12:00+01:00', by: slt }, emma, 'Emma: Key Skills target agreed (contingency planning)');
  send({ type: 'valuesAndAttributes.sign', officerId: emma.id, at: '2025-09-03T10:20:00+01:00', by: emma }, 'Emma signs the Values & Attributes statement');
  send({ type: 'valuesAndAttributes.sign', officerId: emma.id, at: '2025-09-03T10:21:00+01:00', by: slt }, 'Priya countersigns it (the agreement)');
  agree({ type: 'target.agree', officerId: mark.id, target: ks('ks-1', 'time_management', 'Plan the exams year on one calendar', ['peer_support'], 'Every internal deadline met in the spring term', '2026-03-27'), at: '2025-09-08T10:00:00+01:00', by: lm }, mark, 'Mark: Key Skills target agreed (time management)');
  send({ type: 'meeting.record', officerId: mark.id, meeting: meeting('2025-09-15', 'Settling in', 'Key staff met', 'Awarding body site access slow', 'Entries timeline'), at: '2025-09-15T15:00:00+01:00', by: lm }, 'Mark: review meeting recorded');
  send({ type: 'valuesAndAttributes.sign', officerId: mark.id, at: '2025-09-29T11:00:00+01:00', by: lm });
  send({ type: 'valuesAndAttributes.sign', officerId: mark.id, at: '2025-09-29T11:05:00+01:00', by: mark }, 'Mark signs the Values & Attributes statement');
  send({ type: 'valuesAndAttributes.sign', officerId: mark.id, at: '2025-09-29T11:10:00+01:00', by: lm }, 'Chidi countersigns it');
  send({ type: 'meeting.record', officerId: mark.id, meeting: meeting('2025-10-01', 'Entries timeline set', 'Data checks', 'Late information from departments', 'Access arrangements'), at: '2025-10-01T15:00:00+01:00', by: lm }, 'Mark: review meeting recorded');
  tracker('mid-October');

  print('');
  print('Autumn and spring: progress, missed meetings, early declarations');
  send({ type: 'target.mark', officerId: emma.id, targetId: 'ku-1', status: 'achieved', at: '2025-11-28T12:00:00+00:00', by: emma }, 'Emma: JCQ regulations target achieved');
  send({ type: 'target.mark', officerId: mark.id, targetId: 'ku-1', status: 'achieved', at: '2025-12-18T12:00:00+00:00', by: mark }, 'Mark: induction target achieved');
  send({ type: 'induction.complete', officerId: mark.id, itemId: 'centre-induction', at: '2025-12-18T12:05:00+00:00', by: lm }, 'Mark: induction item done (centre induction)');
  const markRecord = () => eopsRecords(actor, { officerId: mark.id })[0]!;
  print(`  Mark's overdue meetings on 2026-01-10: ${overdueMeetings(markRecord(), '2026-01-10T09:00:00+00:00').map((m) => `${m.date} (${m.kind})`).join(', ')}`);
  send({ type: 'meeting.record', officerId: mark.id, meeting: meeting('2026-01-12', 'Catch-up after missed autumn reviews', 'Induction complete', 'Meetings slipped', 'Spring deadlines'), at: '2026-01-12T15:00:00+00:00', by: lm }, 'Mark: catch-up meeting recorded');
  send({ type: 'standards.declare', officerId: mark.id, at: '2026-01-13T09:00:00+00:00', by: mark });
  send({ type: 'standards.declare', officerId: mark.id, at: '2026-01-13T09:05:00+00:00', by: lm });
  send({ type: 'target.mark', officerId: emma.id, targetId: 'ku-2', status: 'achieved', at: '2026-02-12T12:00:00+00:00', by: emma }, 'Emma: MIS target achieved');
  tracker('end of February');

  print('');
  print('Summer: the remaining targets, SLT declarations, certificates');
  send({ type: 'target.mark', officerId: emma.id, targetId: 'ks-1', status: 'achieved', at: '2026-03-20T12:00:00+00:00', by: slt }, 'Emma: contingency planning target achieved');
  send({ type: 'standards.declare', officerId: emma.id, at: '2026-03-27T14:55:00+00:00', by: slt });
  send({ type: 'certificate.request', officerId: emma.id, at: '2026-03-27T14:58:00+00:00', by: emma }, 'Emma requests her certificate (every criterion met)');
  send({ type: 'standards.declare', officerId: emma.id, at: '2026-03-27T15:00:00+00:00', by: slt }, 'Priya makes the SLT declaration for Emma');
  send({ type: 'target.mark', officerId: mark.id, targetId: 'ks-1', status: 'achieved', at: '2026-07-10T12:00:00+01:00', by: mark }, 'Mark: time management target achieved');
  send({ type: 'certificate.request', officerId: mark.id, at: '2026-07-17T13:55:00+01:00', by: lm }, 'Chidi requests Mark’s certificate');
  send({ type: 'standards.declare', officerId: mark.id, at: '2026-07-17T14:00:00+01:00', by: lm }, 'Chidi makes the SLT declaration for Mark');
  tracker('July');
  print('');
  print('Only certified, 2025/26:');
  print(trackerText(eopsTracker(actor, { view: 'administrator', viewerId: lm.id, academicYear: '2025/26', onlyCertified: true })));

  print('');
  print('1 September 2026: the Standards lapse; 2026/27 starts fresh');
  send({ type: 'meeting.record', officerId: mark.id, meeting: meeting('2026-09-01', 'New year', 'Certified', 'None', 'Re-register'), at: '2026-09-01T08:00:00+01:00', by: lm });
  send({ type: 'year.rollover', at: '2026-09-01T08:05:00+01:00', by: { id: 'examcycle', role: 'system' } }, 'year rolled over to 2026/27');
  send({ type: 'officer.register', officerId: emma.id, experience: 'experienced', at: '2026-09-02T09:00:00+01:00', by: slt }, 'Emma registered for 2026/27');
  print('');
  print("Emma's own view (every year):");
  print(trackerText(eopsTracker(actor, { view: 'officer', viewerId: emma.id })));

  print('');
  print('Tracker as CSV (@examcycle/adapter-csv), every officer, every year:');
  const everyYear = eopsTracker(actor);
  if (everyYear.ok) for (const line of exportCsv('eops_tracker', everyYear.value).trimEnd().split('\r\n')) print(line);
  print('');
  print(`Audit trail: ${audit.length} entries, ${audit.filter((a) => a.outcome === 'rejected').length} rejected.`);
}
