/**
 * Who may take each EOPS action (`eops.<event>`) under the JCQ pack, with its source: the Exams Officer
 * Professional Standards toolkit ("Easy to follow guide to achievement and certification") and the
 * registration page of the Senior Leader and Line Manager Exam Support website. The Standards are not a JCQ
 * document (so every row is `secondary`, with a note saying so); the pack carries them because centres
 * following JCQ run them. A centre administrator is an
 * account right, not a role: the EOPS machine checks it on top of these rows (`senderAdministersCentre`).
 */
import type { ActorRole, Authority } from '@examcycle/core';
import type { Edition } from '../editions/Edition.js';

const TOOLKIT = 'Exams Officer Professional Standards Toolkit';
const REGISTRATION = 'Registering, achieving and certificating for the Exams Officer Professional Standards';
const TOOLKIT_URL = 'https://www.sltsupport.org/eo-professional-standards/details.aspx';
const REGISTRATION_URL = 'https://www.sltsupport.org/eo-professional-standards/register-for-eops.aspx';
/** Why no row is primary: who publishes the Standards. */
const PUBLISHER =
  'The Standards were devised by the NAEO, The Exams Office and The Learning and Skills Office and are run through the Senior Leader & Line Manager Exam Support website, not by JCQ, an awarding body or Ofqual: quoted from their toolkit and registration page.';
const ALL: readonly ActorRole[] = ['senior_leader', 'line_manager', 'exams_officer'];
const LEADERS: readonly ActorRole[] = ['senior_leader', 'line_manager'];

/**
 * The EOPS rows of the JCQ authority table for an edition (the toolkit's year).
 *
 * @internal
 * @param edition - the edition in force
 */
export function eopsAuthorities(edition: Edition): readonly Authority[] {
  const year = edition.academicYear;
  const row = (action: string, roles: readonly ActorRole[], title: string, document: string, section: string, note?: string): Authority => ({
    action: `eops.${action}`,
    roles,
    title,
    source: { document, section, year, url: document === TOOLKIT ? TOOLKIT_URL : REGISTRATION_URL },
    confidence: 'secondary',
    note: note ? `${PUBLISHER} ${note}` : PUBLISHER,
  });
  const admin = 'The toolkit names a centre administrator, an account right held by any of the three roles; the machine checks the right as well as the role.';
  return [
    row('centre.register', ALL, 'The first user registers their centre, this can be a senior leader, line manager or exams officer', TOOLKIT, '1 Register'),
    row('account.register', ALL, 'They become the centre administrator and all other users register themselves and join the centre', TOOLKIT, '1 Register'),
    row('account.approve', ALL, 'Registrations are approved by a centre administrator, who can optionally assign administration rights to other users', TOOLKIT, '1 Register', admin),
    row('account.grantAdmin', ALL, 'A centre administrator can optionally assign administration rights to other users', TOOLKIT, '1 Register', admin),
    row('account.revokeAdmin', ALL, 'A centre administrator can choose to make the account an administrator if required', TOOLKIT, 'For centre admins - Tracking and managing exam officers', admin),
    row('account.deactivate', ALL, 'A centre administrator can activate or deactivate a centre account', TOOLKIT, 'For centre admins - Tracking and managing exam officers', admin),
    row('account.activate', ALL, 'A centre administrator can activate or deactivate a centre account', TOOLKIT, 'For centre admins - Tracking and managing exam officers', admin),
    row('account.update', ALL, 'To update or permanently delete the details held for an exams officer, click on their name and follow the instructions', TOOLKIT, 'For centre admins - Tracking and managing exam officers', admin),
    row('account.delete', ALL, 'To update or permanently delete the details held for an exams officer, click on their name and follow the instructions', TOOLKIT, 'For centre admins - Tracking and managing exam officers', admin),
    row(
      'officer.register',
      ALL,
      'The senior leader responsible for examinations/assessments within a centre, or the exams officer’s line manager, should register their exams officer; a senior leader or exams officer can complete the registration form',
      REGISTRATION,
      'Registering for the Exams Officer Professional Standards',
      'An exams officer registers only themselves (the machine checks it).',
    ),
    row('target.agree', ALL, 'Senior leader/line manager and exams officer meet to agree targets', TOOLKIT, '2 Agree targets'),
    row('target.confirm', ALL, 'An exams officer and senior leader must agree the areas, and the relevant targets', TOOLKIT, 'What is contained within the standards?', 'The other side confirms what one side proposed (the machine checks it).'),
    row('target.mark', ALL, 'Exams officers can undertake the Standards independently, or alongside a senior leader/line manager', TOOLKIT, '4 Track progress'),
    row('valuesAndAttributes.sign', ALL, 'You and your senior leader must have signed the Values and Attributes Statement', TOOLKIT, 'For exams officers - Tracking your progress'),
    row('meeting.record', ALL, 'Senior leader/line manager and exams officer meet on a regular basis to discuss progress against targets and the Standards criteria', TOOLKIT, '3 Regular meetings'),
    row('meetings.plan', ALL, 'Senior leader/line manager and exams officer meet on a regular basis (monthly is suggested)', TOOLKIT, '3 Regular meetings'),
    row('induction.complete', ALL, 'The new exams officer and their line manager work through the induction (case study 2)', TOOLKIT, 'Case study 2'),
    row(
      'certificate.request',
      ALL,
      'When all criteria is met and progress is complete … you are ready to request your Certificate of Achievement; the senior leader/line manager may request it via the Senior Leader and Line Manager Exam Support website',
      TOOLKIT,
      'For exams officers - Tracking your progress; Case studies',
    ),
    row('standards.declare', LEADERS, 'Senior leader/line manager authorises the Certificate of Achievement by declaring that the exams officer has achieved the Standards', TOOLKIT, '5 Appraisal'),
    row('year.rollover', ['system'], 'By achieving the Standards each academic year: the year’s Standards lapse when it ends (the clock, not a person)', TOOLKIT, 'Why have the Standards been launched?'),
  ];
}
