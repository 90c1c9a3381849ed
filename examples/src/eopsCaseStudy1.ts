/**
 * The EOPS toolkit's case study 1, "An experienced exams officer", end to end through the public API, at a
 * synthetic centre (the people are the toolkit's fictional Emma and synthetic colleagues; no real data).
 * Emma has been in post five years and meets her senior leader every half term. At the first meeting her
 * Knowledge & Understanding and Key Skills targets are agreed (proposed by the senior leader, confirmed by
 * Emma: "the exams officer and senior leader must agree"), the Values & Attributes statement is signed by
 * both, and her senior leader registers her. Her progress is recorded at each half-termly meeting; once every
 * target is achieved her senior leader requests the certificate and makes the SLT declaration at the annual
 * appraisal. The tracker is printed where the toolkit shows it: the administrator's table part-way through
 * the year, the officer's own row with every criterion ticked ("ready to request your Certificate"), and
 * the administrator's "Academic Year: 2025 / Show only certified users" view at the end.
 */
import { createActor } from 'xstate';
import {
  collectAudit,
  eopsMachine,
  eopsTracker,
  keySkillAreasAdvice,
  meetingSchedule,
  renderTrackerText,
  type EopsTrackerRow,
  type Outcome,
  type RenderTrackerTextOptions,
  sendEops,
  type Actor,
  type EopsEvent,
  type EopsTargetInput,
  type TermPeriod,
  grantsFor,
  eopsRecords,
  type CalendarDate,
  type Instant,
} from '@examcycle/core';
import { jcq } from '@examcycle/rules-jcq';

const centre = { centreNumber: '99998', name: 'Synthetic 11-18 Academy' };
const slt: Actor = { id: 'slt-1', role: 'senior_leader' };
const emma: Actor = { id: 'eo-emma', role: 'exams_officer' };

const termDates: TermPeriod[] = [
  { name: 'Autumn 1', start: '2025-09-03', end: '2025-10-24' },
  { name: 'Autumn 2', start: '2025-11-03', end: '2025-12-19' },
  { name: 'Spring 1', start: '2026-01-05', end: '2026-02-13' },
  { name: 'Spring 2', start: '2026-02-23', end: '2026-03-27' },
  { name: 'Summer 1', start: '2026-04-13', end: '2026-05-22' },
  { name: 'Summer 2', start: '2026-06-01', end: '2026-07-22' },
];

/** Case study 1's Knowledge & Understanding targets, in its order. */
const knowledge: EopsTargetInput[] = [
  { id: 'ku-1', strand: 'knowledge_and_understanding', area: 'jcq_regulations', description: 'Keep up to date with JCQ regulation changes for the current academic year (JCQ website, documents, a training event)', methods: ['personal_research', 'face_to_face_training'], successMeasure: 'Changes briefed to SLT', dueBy: '2025-12-19' },
  { id: 'ku-2', strand: 'knowledge_and_understanding', area: 'own', ownArea: 'Exams Officer Digital Accreditation', description: 'Complete The Exams Office online Exams Officer Digital Accreditation', methods: ['online_training'], successMeasure: 'Accreditation awarded', dueBy: '2026-03-27' },
  { id: 'ku-3', strand: 'knowledge_and_understanding', area: 'mis_updates', description: 'Understand the updates applied to the MIS used within the centre', methods: ['online_training'], successMeasure: 'Entries made in the updated module', dueBy: '2026-02-13' },
  { id: 'ku-4', strand: 'knowledge_and_understanding', area: 'own', ownArea: 'Local exams officer network', description: 'Attend local exams officer network meetings', methods: ['networking'], successMeasure: 'Three meetings attended', dueBy: '2026-07-22' },
  { id: 'ku-5', strand: 'knowledge_and_understanding', area: 'awarding_body_processes', description: 'Research awarding body websites to keep abreast of the latest information and updates', methods: ['personal_research'], successMeasure: 'Monthly update note to heads of department', dueBy: '2026-07-22' },
  { id: 'ku-6', strand: 'knowledge_and_understanding', area: 'own', ownArea: 'Invigilator training', description: 'Deliver training for invigilators internally, after an external trainer in previous years', methods: ['peer_support', 'other'], otherMethod: 'Observing the external trainer', successMeasure: 'Invigilator training delivered before the summer series', dueBy: '2026-05-08' },
  { id: 'ku-7', strand: 'knowledge_and_understanding', area: 'key_dates', description: 'Reduce the number of late entry fees', methods: ['personal_research'], successMeasure: 'Fewer late entry fees than last year', dueBy: '2026-07-22' },
];

/** Case study 1's four Key Skills (the toolkit recommends three: the advice shows it). */
const skills: EopsTargetInput[] = (
  [
    ['ks-1', 'people_management', 'People management'],
    ['ks-2', 'contingency_planning', 'Contingency planning/risk management'],
    ['ks-3', 'handling_difficult_conversations', 'Handling difficult conversations'],
    ['ks-4', 'decision_making', 'Effective decision making'],
  ] as const
).map(([id, area, label]) => ({ id, strand: 'key_skills', area, description: label, methods: ['face_to_face_training', 'online_training', 'peer_support', 'other'], otherMethod: 'Shadowing colleagues', successMeasure: 'Feedback from external contacts', dueBy: '2026-07-22' }));

/** The tracker as text, or the refusal (a viewer who may not see it) as a host would show it. */
function trackerText(tracker: Outcome<EopsTrackerRow[]>, options?: RenderTrackerTextOptions): string {
  return tracker.ok ? renderTrackerText(tracker.value, options) : `(refused: ${tracker.error.code}: ${tracker.error.message})`;
}

/**
 * Runs case study 1 and prints what it shows.
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
  const emmaRecord = () => eopsRecords(actor, { officerId: emma.id })[0]!;
  const meeting = (heldOn: CalendarDate, kind: 'start' | 'half_termly' | 'appraisal', progress: string, nextFocus: string) =>
    send({ type: 'meeting.record', officerId: emma.id, meeting: { heldOn, kind, progress, wentWell: progress, notSoWell: 'Nothing raised', nextFocus }, at: `${heldOn}T16:00:00+01:00`, by: slt }, `${kind.replace('_', '-')} meeting: ${progress}`);
  const mark = (id: string, at: Instant, by: Actor = emma) => send({ type: 'target.mark', officerId: emma.id, targetId: id, status: 'achieved', at, by }, `${id} achieved`);

  print('EOPS toolkit, case study 1: an experienced exams officer (Emma, in post five years)');
  print('');
  print('Registration');
  send({ type: 'centre.register', centre, user: { id: slt.id, name: 'Sam Senior', email: 'ssenior@example.ac.uk', roles: ['senior_leader'] }, at: '2025-09-01T09:00:00+01:00', by: slt }, 'the senior leader registers the centre (its administrator)');
  send({ type: 'account.register', user: { id: emma.id, name: 'Emma', email: 'emma@example.ac.uk', roles: ['exams_officer'] }, at: '2025-09-01T09:10:00+01:00', by: emma }, 'Emma asks to join');
  send({ type: 'account.approve', accountId: emma.id, at: '2025-09-01T09:20:00+01:00', by: slt }, 'approved');

  print('');
  print('The first meeting of the year: targets agreed, Values & Attributes signed, Emma registered');
  send({ type: 'officer.register', officerId: emma.id, experience: 'experienced', at: '2025-09-03T10:00:00+01:00', by: slt }, "Emma's senior leader registers her for the current Standards");
  const planned = meetingSchedule({ termDates, officerExperience: 'experienced', rules: jcq.eopsRules('2025/26'), from: '2025-09-03', appraisal: '2026-07-13' });
  if (!planned.ok) return print(`Term dates refused: ${planned.error.message}`);
  const schedule = planned.value;
  send({ type: 'meetings.plan', officerId: emma.id, schedule, at: '2025-09-03T10:05:00+01:00', by: slt }, `meetings every half term: ${schedule.map((m) => `${m.date} ${m.kind}`).join(', ')}`);
  let minute = 10;
  for (const target of [...knowledge, ...skills]) {
    const at: Instant = `2025-09-03T10:${String(minute++).padStart(2, '0')}:00+01:00`;
    send({ type: 'target.agree', officerId: emma.id, target, at, by: slt });
    send({ type: 'target.confirm', officerId: emma.id, targetId: target.id, at, by: emma }, `${target.strand === 'key_skills' ? 'Key Skills' : 'K&U'} target agreed by both: ${target.description}`);
  }
  for (const finding of keySkillAreasAdvice(emmaRecord())) print(`  ADVICE [${finding.rule}, ${finding.severity}]: ${finding.message}`);
  send({ type: 'valuesAndAttributes.sign', officerId: emma.id, at: '2025-09-03T10:40:00+01:00', by: emma }, 'Emma signs the Values & Attributes statement');
  send({ type: 'valuesAndAttributes.sign', officerId: emma.id, at: '2025-09-03T10:41:00+01:00', by: slt }, 'her senior leader countersigns it');
  meeting('2025-09-03', 'start', 'Targets agreed and Values & Attributes signed', 'JCQ changes');

  print('');
  print('Half-termly meetings: progress against targets');
  meeting('2025-10-24', 'half_termly', 'JCQ training event attended', 'Brief SLT on changes');
  mark('ku-1', '2025-12-19T12:00:00+00:00');
  meeting('2025-12-19', 'half_termly', 'JCQ changes briefed', 'MIS update');
  mark('ku-3', '2026-02-13T12:00:00+00:00');
  meeting('2026-02-13', 'half_termly', 'MIS update learnt', 'Accreditation');
  print('');
  print("Tracker, February (administrator's view)");
  print(trackerText(eopsTracker(actor, { view: 'administrator', viewerId: slt.id })));
  print('');
  mark('ku-2', '2026-03-27T12:00:00+00:00');
  meeting('2026-03-27', 'half_termly', 'Digital Accreditation complete', 'Invigilator training');
  mark('ku-6', '2026-05-08T12:00:00+01:00');
  mark('ks-2', '2026-05-08T12:05:00+01:00');
  meeting('2026-05-22', 'half_termly', 'Invigilators trained in house; contingency plan rewritten', 'Summer series');
  for (const [id, minuteOf] of [['ku-4', 0], ['ku-5', 1], ['ku-7', 2], ['ks-1', 3], ['ks-3', 4], ['ks-4', 5]] as const) mark(id, `2026-07-10T12:0${minuteOf}:00+01:00`);
  print('');
  print("Emma's own view: every criterion ticked, ready to request the Certificate of Achievement");
  print(trackerText(eopsTracker(actor, { view: 'officer', viewerId: emma.id }), { marks: { done: '✓', notDone: '' } }));

  print('');
  print('Achieving the Standards: the senior leader requests the certificate, then declares at the annual appraisal');
  send({ type: 'standards.declare', officerId: emma.id, at: '2026-07-13T09:00:00+01:00', by: slt });
  send({ type: 'certificate.request', officerId: emma.id, at: '2026-07-13T09:05:00+01:00', by: slt }, 'certificate requested by the senior leader');
  meeting('2026-07-13', 'appraisal', 'Every target achieved', 'Next year: the centre’s processes');
  send({ type: 'standards.declare', officerId: emma.id, at: '2026-07-13T16:30:00+01:00', by: slt }, 'SLT declaration made');
  print('');
  print("Administrator's view, Academic Year: 2025, Show only certified users: ☑");
  print(trackerText(eopsTracker(actor, { view: 'administrator', viewerId: slt.id, academicYear: '2025', onlyCertified: true })));
  print('');
  print(`Audit trail: ${audit.length} lines, ${audit.filter((a) => a.outcome === 'rejected').length} rejected.`);
}
