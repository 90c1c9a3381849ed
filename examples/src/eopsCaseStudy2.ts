/**
 * The EOPS toolkit's case study 2, "A new exams officer", end to end through the public API, at a synthetic
 * centre (the toolkit's fictional Mark and synthetic colleagues; no real data). On his first day his line
 * manager sets first-week targets and registers him (registration ticks its induction item and emails both);
 * the end-of-first-week, end-of-first-month, first-half-term and end-of-first-term reviews follow, each
 * ticking the induction item it fulfils; the Values & Attributes statement is signed during the first month
 * (both signatures tick its item); then every half term. His Knowledge & Understanding targets are the case
 * study's nine and his Key Skills its three (no advice: the toolkit recommends three). Once every target is
 * achieved the line manager requests the certificate and makes the SLT declaration. The induction checklist
 * and the tracker are printed where the toolkit's story pauses: after the first week, after the first month,
 * at the end of the first term, when Mark is ready to request his certificate, and when certified.
 */
import { createActor } from 'xstate';
import {
  collectAudit,
  eopsMachine,
  eopsTracker,
  keySkillAreasAdvice,
  meetingSchedule,
  overdueInductionItems,
  renderTrackerText,
  type EopsTrackerRow,
  type Outcome,
  type RenderTrackerTextOptions,
  sendEops,
  type Actor,
  type EopsEvent,
  type EopsTargetInput,
  type ScheduledMeetingKind,
  type TermPeriod,
  grantsFor,
  eopsRecords,
  type CalendarDate,
  type Instant,
} from '@examcycle/core';
import { jcq } from '@examcycle/rules-jcq';

const centre = { centreNumber: '99997', name: 'Synthetic Local School' };
const lm: Actor = { id: 'lm-1', role: 'line_manager' };
const mark: Actor = { id: 'eo-mark', role: 'exams_officer' };

const termDates: TermPeriod[] = [
  { name: 'Autumn 1', start: '2025-09-01', end: '2025-10-24' },
  { name: 'Autumn 2', start: '2025-11-03', end: '2025-12-19' },
  { name: 'Spring 1', start: '2026-01-05', end: '2026-02-13' },
  { name: 'Spring 2', start: '2026-02-23', end: '2026-03-27' },
  { name: 'Summer 1', start: '2026-04-13', end: '2026-05-22' },
  { name: 'Summer 2', start: '2026-06-01', end: '2026-07-22' },
];

type KnowledgeArea = Extract<EopsTargetInput, { strand: 'knowledge_and_understanding' }>['area'];

/** Case study 2's nine Knowledge & Understanding targets, in its order. */
const knowledge: EopsTargetInput[] = (
  [
    ['ku-1', 'new_exams_officer_induction', 'Complete The Exams Office online New Exams Officer Induction and Assessment Module', 'online_training', '2025-12-19'],
    ['ku-2', 'new_exams_officer_induction', 'Attend new exams officer training event(s)', 'face_to_face_training', '2026-02-13'],
    ['ku-3', 'centre_specific_processes', 'Complete an internal centre-based induction (key staff, processes)', 'peer_support', '2025-09-30'],
    ['ku-4', 'jcq_regulations', 'Complete The Exams Office online invigilator training (JCQ regulations, the invigilator role)', 'online_training', '2025-12-19'],
    ['ku-5', 'mis_updates', 'Understand the MIS used within the centre', 'peer_support', '2025-11-28'],
    ['ku-6', 'own', 'Attend local exams officer network meetings', 'networking', '2026-07-22'],
    ['ku-7', 'qualification_information', 'Acquire an understanding of the examination system and structure of qualifications', 'personal_research', '2026-03-27'],
    ['ku-8', 'awarding_body_processes', 'Research JCQ and awarding body websites', 'personal_research', '2026-03-27'],
    ['ku-9', 'own', 'Arrange training for invigilators (an external trainer, observed, to deliver in future years)', 'other', '2026-05-08'],
  ] as const
).map(([id, area, description, method, dueBy]) => ({
  id,
  strand: 'knowledge_and_understanding',
  area: area as KnowledgeArea,
  ...(area === 'own' ? { ownArea: id === 'ku-6' ? 'Local exams officer network' : 'Invigilator training' } : {}),
  description,
  methods: [method],
  ...(method === 'other' ? { otherMethod: 'Observing an external trainer' } : {}),
  successMeasure: 'Confirmed at the next review meeting',
  dueBy,
}));

/** Case study 2's three Key Skills. */
const skills: EopsTargetInput[] = (
  [
    ['ks-1', 'time_management', 'Time management'],
    ['ks-2', 'prioritising', 'Prioritising tasks/workload'],
    ['ks-3', 'presentation', 'Presentation skills'],
  ] as const
).map(([id, area, description]) => ({ id, strand: 'key_skills', area, description, methods: ['face_to_face_training', 'online_training', 'peer_support'], successMeasure: 'Feedback from external contacts', dueBy: '2026-07-22' }));

/** The tracker as text, or the refusal (a viewer who may not see it) as a host would show it. */
function trackerText(tracker: Outcome<EopsTrackerRow[]>, options?: RenderTrackerTextOptions): string {
  return tracker.ok ? renderTrackerText(tracker.value, options) : `(refused: ${tracker.error.code}: ${tracker.error.message})`;
}

/**
 * Runs case study 2 and prints what it shows.
 *
 * @param print - where each line goes
 * @example
 * ```ts
 * await main((line) => process.stdout.write(`${line}\n`));
 * ```
 */
export async function main(print: (line: string) => void): Promise<void> {
  const actor = createActor(eopsMachine, { input: { grants: grantsFor(jcq.authorities('2025/26'), [], ['eops.']) } });
  const audit = collectAudit(actor);
  actor.start();
  actor.on('eops.registrationConfirmed', (e) => print(`  EMAIL registration confirmed: ${e.officerName}, ${e.academicYear}, to ${e.recipients.map((r) => r.email ?? r.name).join(', ')}`));
  actor.on('eops.certificateRequested', (e) => print(`  EMAIL certificate requested for ${e.officerName} by ${e.requestedBy.name}`));
  actor.on('eops.certified', ({ certificate: c }) => print(`  CERTIFICATE ${c.id}: ${c.officerName}, issued ${c.issuedOn}, authorised by ${c.authorisedBy.name}`));
  const send = (event: EopsEvent, label?: string) => {
    const outcome = sendEops(actor, event);
    if (!outcome.ok) print(`  REJECTED ${event.type}: ${outcome.error.message} [${outcome.error.code}]`);
    else if (label) print(`  ${event.at.slice(0, 10)}  ${label}`);
  };
  const markRecord = () => eopsRecords(actor, { officerId: mark.id })[0]!;
  const meeting = (heldOn: CalendarDate, kind: ScheduledMeetingKind, progress: string, nextFocus: string) =>
    send({ type: 'meeting.record', officerId: mark.id, meeting: { heldOn, kind, progress, wentWell: progress, notSoWell: 'Nothing raised', nextFocus }, at: `${heldOn}T16:00:00+01:00`, by: lm }, `${kind.replace(/_/g, ' ')} meeting: ${progress}`);
  const agree = (target: EopsTargetInput, at: Instant) => {
    send({ type: 'target.agree', officerId: mark.id, target, at, by: lm });
    send({ type: 'target.confirm', officerId: mark.id, targetId: target.id, at, by: mark }, `target agreed by both: ${target.description}`);
  };
  const achieved = (id: string, at: Instant) => send({ type: 'target.mark', officerId: mark.id, targetId: id, status: 'achieved', at, by: mark }, `${id} achieved`);
  const checklist = (title: string, asOf: Instant) => {
    print('');
    print(`Induction checklist, ${title}`);
    const overdue = new Set(overdueInductionItems(markRecord().induction, asOf).map((i) => i.id));
    for (const i of markRecord().induction) print(`  ${i.completedAt ? '✓' : overdue.has(i.id) ? '! overdue' : '·'}  due ${i.dueOn}  ${i.title}`);
  };
  const tracker = (title: string, academicYear?: '2025') => {
    print('');
    print(`Tracker, ${title} (administrator's view)`);
    print(trackerText(eopsTracker(actor, { view: 'administrator', viewerId: lm.id, ...(academicYear ? { academicYear } : {}) })));
  };

  print('EOPS toolkit, case study 2: a new exams officer (Mark, no previous experience)');
  print('');
  print('First day in post (Monday 1 September 2025)');
  send({ type: 'centre.register', centre, user: { id: lm.id, name: 'Lee Manager', email: 'lmanager@example.ac.uk', roles: ['line_manager'] }, at: '2025-09-01T08:30:00+01:00', by: lm }, 'the line manager registers the centre (its administrator)');
  send({ type: 'account.register', user: { id: mark.id, name: 'Mark', email: 'mark@example.ac.uk', roles: ['exams_officer'] }, at: '2025-09-01T08:40:00+01:00', by: lm }, "the line manager creates Mark's account");
  send({ type: 'account.approve', accountId: mark.id, at: '2025-09-01T08:45:00+01:00', by: lm }, 'approved');
  send({ type: 'officer.register', officerId: mark.id, experience: 'new', startedOn: '2025-09-01', at: '2025-09-01T09:00:00+01:00', by: lm }, 'the line manager registers Mark for the Standards');
  const planned = meetingSchedule({ termDates, officerExperience: 'new', rules: jcq.eopsRules('2025/26'), from: '2025-09-01', newOfficerLaterCadence: 'half_termly', appraisal: '2026-07-13' });
  if (!planned.ok) return print(`Term dates refused: ${planned.error.message}`);
  const schedule = planned.value;
  send({ type: 'meetings.plan', officerId: mark.id, schedule, at: '2025-09-01T09:05:00+01:00', by: lm }, `meetings planned: ${schedule.filter((m) => m.kind !== 'early').map((m) => `${m.date} ${m.kind}`).join(', ')} (and ${schedule.filter((m) => m.kind === 'early').length} early reviews)`);
  agree(knowledge[2]!, '2025-09-01T10:00:00+01:00');
  meeting('2025-09-01', 'start', 'Short-term targets set for the first week', 'Meet key staff');
  checklist('after the first day', '2025-09-01T17:00:00+01:00');

  print('');
  print('End of the first week');
  meeting('2025-09-05', 'first_week', 'First week reviewed; targets set to the end of the first month', 'Centre induction, MIS');
  for (const [i, target] of knowledge.entries()) if (target.id !== 'ku-3') agree(target, `2025-09-05T16:${String(10 + i).padStart(2, '0')}:00+01:00`);
  checklist('after the first week', '2025-09-08T09:00:00+01:00');

  print('');
  print('The first month: Values & Attributes discussed and signed, Key Skills agreed');
  send({ type: 'valuesAndAttributes.sign', officerId: mark.id, at: '2025-09-17T15:00:00+01:00', by: mark }, 'Mark signs the Values & Attributes statement');
  send({ type: 'valuesAndAttributes.sign', officerId: mark.id, at: '2025-09-17T15:05:00+01:00', by: lm }, 'the line manager countersigns it');
  for (const [i, target] of skills.entries()) agree(target, `2025-09-17T15:1${i}:00+01:00`);
  print(`  advice on Key Skills: ${keySkillAreasAdvice(markRecord()).length === 0 ? 'none (three skill areas, as the toolkit recommends)' : 'see findings'}`);
  achieved('ku-3', '2025-09-26T12:00:00+01:00');
  send({ type: 'induction.complete', officerId: mark.id, itemId: 'centre-induction', at: '2025-09-26T12:05:00+01:00', by: lm }, 'induction item ticked by hand: the centre induction');
  meeting('2025-09-30', 'first_month', 'First month reviewed; targets set for the first three months', 'MIS, invigilator training');
  checklist('after the first month', '2025-10-01T09:00:00+01:00');
  tracker('end of the first month');

  print('');
  print('The first half term and the first term');
  meeting('2025-10-24', 'half_termly', 'Progress to date, issues, pastoral care', 'Entries');
  achieved('ku-5', '2025-11-27T12:00:00+00:00');
  send({ type: 'induction.complete', officerId: mark.id, itemId: 'mis', at: '2025-11-27T12:05:00+00:00', by: lm }, 'induction item ticked by hand: the MIS');
  send({ type: 'induction.complete', officerId: mark.id, itemId: 'local-network', at: '2025-11-27T12:06:00+00:00', by: lm }, 'induction item ticked by hand: the local network');
  send({ type: 'induction.complete', officerId: mark.id, itemId: 'new-officer-training', at: '2025-11-27T12:07:00+00:00', by: lm }, 'induction item ticked by hand: training');
  meeting('2025-11-28', 'first_term', 'First three months reviewed; targets set for the rest of the year', 'Spring deadlines');
  achieved('ku-1', '2025-12-18T12:00:00+00:00');
  achieved('ku-4', '2025-12-18T12:01:00+00:00');
  checklist('at the end of the first term', '2025-12-19T17:00:00+00:00');
  tracker('end of the first term');

  print('');
  print('Every half term to the summer');
  achieved('ku-2', '2026-02-12T12:00:00+00:00');
  meeting('2026-02-13', 'half_termly', 'Training event attended', 'Qualification structures');
  achieved('ku-7', '2026-03-26T12:00:00+00:00');
  achieved('ku-8', '2026-03-26T12:01:00+00:00');
  meeting('2026-03-27', 'half_termly', 'Examination system understood', 'Invigilator training');
  achieved('ku-9', '2026-05-08T12:00:00+01:00');
  meeting('2026-05-22', 'half_termly', 'Invigilator training arranged and observed', 'Summer series');
  for (const [i, id] of ['ku-6', 'ks-1', 'ks-2', 'ks-3'].entries()) achieved(id, `2026-07-10T12:0${i}:00+01:00`);
  print('');
  print("Mark's own view: every criterion ticked, ready to request the Certificate of Achievement");
  print(trackerText(eopsTracker(actor, { view: 'officer', viewerId: mark.id }), { marks: { done: '✓', notDone: '' } }));

  print('');
  print('Achieving the Standards: the line manager requests the certificate and makes the SLT declaration');
  send({ type: 'certificate.request', officerId: mark.id, at: '2026-07-13T09:00:00+01:00', by: lm }, 'certificate requested by the line manager');
  meeting('2026-07-13', 'appraisal', 'Every target achieved', 'Next year: half-termly meetings');
  send({ type: 'standards.declare', officerId: mark.id, at: '2026-07-13T16:30:00+01:00', by: lm }, 'SLT declaration made');
  tracker('certified, Academic Year: 2025', '2025');
  print('');
  print(`Audit trail: ${audit.length} lines, ${audit.filter((a) => a.outcome === 'rejected').length} rejected.`);
}
