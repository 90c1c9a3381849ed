/**
 * Who may take each entry-checking action (`entryChecking.*`: a department's entry list checked, signed,
 * authorised and submitted) and each conflicts-of-interest register action (`conflicts.*`) under the JCQ
 * pack, with its source. JCQ says what must be right (entries, candidates' names) and when (the entry
 * deadline), not who in a school checks them: the exams officers' job descriptions give the gathering,
 * checking and submitting to the exams officer ("implement processes and liaise with relevant internal
 * stakeholders to gather correct entry information to internal deadlines"; "check entries before
 * submitting them to the awarding body by involving relevant members of staff in the checking process"),
 * and the department / senior-leader sign-off follows the flow Exams Assist describes (the head of
 * department marks each entry Correct / Query / Incorrect, a senior leader authorises or declines, the exams
 * officer submits), which is a product's flow: confidence `secondary` at best. Conflicts of interest rest on
 * JCQ General Regulations 5.3 as AQA quotes it, and on the job descriptions ("support the Head of Centre in
 * managing potential conflicts of interest by informing the awarding bodies to timescale for each
 * examination series and recording the measures taken to mitigate any potential risk").
 */
import type { Authority, SourceRef } from '@examcycle/core';
import { documents } from '../editions/documents.js';
import type { Edition } from '../editions/Edition.js';

/** The exams officer job descriptions read for the entries duties (NAEO-style template; Plume Academy). */
const jobDescription = (year: string, section: string): SourceRef => ({ document: 'Exams Officer job descriptions (NAEO-style template; Plume Academy Examinations Officer)', section, year });
/** Exams Assist's entry-checking flow, as issue 15 quotes it (a product's workflow, not a regulation). */
const examsAssist = (year: string): SourceRef => ({ document: 'Exams Assist, entry checking workflow (as quoted in examcycle issue 15)', section: 'Entries: department checking and senior leader authorisation', year });

/**
 * The entry-checking and conflicts-of-interest rows of the JCQ authority table for an edition.
 *
 * @internal
 * @param edition - the edition in force
 */
export function entryCheckingAuthorities(edition: Edition): readonly Authority[] {
  const year = edition.academicYear;
  const entriesJd = jobDescription(year, 'Main duties: entries');
  const gather =
    'Job descriptions: "Implement processes and liaise with relevant internal stakeholders to gather correct entry information to internal deadlines"; "Check entries before submitting them to the awarding body by involving relevant members of staff in the checking process". Job descriptions, not a JCQ document.';
  const flow =
    'Exams Assist\'s flow: the head of department marks each entry Correct, Query or Incorrect; a senior leader then authorises or declines; the exams officer submits. A product\'s workflow, not a JCQ rule.';
  const office =
    'Read as: exams office staff working for the exams officer may do the exams office\'s part (Plume Academy: the Examinations Officer is responsible for the Assistant Examinations Officer). The pack\'s reading, not a JCQ rule.';
  const coi = documents.aqaConflictOfInterest(year);
  const coiJd = jobDescription(year, 'Main duties: conflicts of interest');
  const coiDuty =
    'Job descriptions: "Support the Head of Centre in managing potential conflicts of interest by informing the awarding bodies to timescale for each examination series and recording the measures taken to mitigate any potential risk to the integrity of the qualifications affected". Job descriptions, not a JCQ document.';
  return [
    { action: 'entryChecking.send', roles: ['exams_officer'], title: 'The exams officer sends the entries to the department for checking', source: entriesJd, confidence: 'secondary', note: gather },
    { action: 'entryChecking.send', roles: ['exams_office_staff'], title: 'The exams officer sends the entries to the department for checking', source: entriesJd, confidence: 'reading', note: office },
    { action: 'entryChecking.entry.mark', roles: ['head_of_department'], title: 'The head of department marks each entry correct, queried or incorrect', source: examsAssist(year), confidence: 'secondary', note: flow },
    {
      action: 'entryChecking.entry.mark',
      roles: ['teacher'],
      title: 'The head of department marks each entry correct, queried or incorrect',
      source: entriesJd,
      confidence: 'reading',
      note: 'Job descriptions: checking "by involving relevant members of staff". Read as: a subject teacher the department names as a checker may mark entries (the machine also checks they check for that department); only the head signs. The pack\'s reading.',
    },
    { action: 'entryChecking.query.answer', roles: ['exams_officer'], title: 'The exams officer answers a department\'s query on an entry', source: entriesJd, confidence: 'secondary', note: gather },
    { action: 'entryChecking.query.answer', roles: ['exams_office_staff'], title: 'The exams officer answers a department\'s query on an entry', source: entriesJd, confidence: 'reading', note: office },
    {
      action: 'entryChecking.entries.amend',
      roles: ['exams_officer'],
      title: 'The exams officer amends or withdraws entries',
      source: entriesJd,
      confidence: 'secondary',
      note: 'Job descriptions: "Submit registrations, examination entries, amendments, withdrawals … by the deadline(s)"; "submitting timely changes (amendments/withdrawals)". Job descriptions, not a JCQ document.',
    },
    { action: 'entryChecking.entries.amend', roles: ['exams_office_staff'], title: 'The exams officer amends or withdraws entries', source: entriesJd, confidence: 'reading', note: office },
    { action: 'entryChecking.sign', roles: ['head_of_department'], title: 'The head of department signs off their department\'s entries', source: examsAssist(year), confidence: 'secondary', note: `${flow} The machine also checks that the signer heads that department.` },
    { action: 'entryChecking.authorise', roles: ['senior_leader'], title: 'A senior leader authorises the signed entries for submission', source: examsAssist(year), confidence: 'secondary', note: flow },
    { action: 'entryChecking.decline', roles: ['senior_leader'], title: 'A senior leader declines the signed entries, naming those to look at again', source: examsAssist(year), confidence: 'secondary', note: flow },
    {
      action: 'entryChecking.submit',
      roles: ['exams_officer'],
      title: 'The exams officer submits the authorised entries to the awarding bodies',
      source: entriesJd,
      confidence: 'secondary',
      note: 'Job descriptions: "Submit registrations, examination entries and certification claims by the deadline(s)". Job descriptions, not a JCQ document.',
    },
    { action: 'conflicts.declare', roles: ['exams_officer', 'exams_office_staff'], title: 'The exams office records declarations of conflicts of interest (staff may declare their own)', source: coiJd, confidence: 'secondary', note: coiDuty },
    {
      action: 'conflicts.declare',
      roles: ['head_of_centre'],
      title: 'The exams office records declarations of conflicts of interest (staff may declare their own)',
      source: coi,
      confidence: 'reading',
      note: 'GR 5.3 (as AQA quotes it) puts managing conflicts of interest on the centre; read as: the head of centre may record a declaration too. The register always lets a member of staff declare their own.',
    },
    { action: 'conflicts.mitigate', roles: ['exams_officer'], title: 'The exams office records how each conflict of interest is mitigated', source: coiJd, confidence: 'secondary', note: coiDuty },
    { action: 'conflicts.mitigate', roles: ['head_of_centre'], title: 'The exams office records how each conflict of interest is mitigated', source: coi, confidence: 'reading', note: 'The centre keeps "clear records, including how each conflict will be mitigated" (AQA, quoting GR 5.3); read as: the head of centre may record a mitigation.' },
    {
      action: 'conflicts.signOff',
      roles: ['head_of_centre'],
      title: 'The head of centre signs off each declaration and its mitigation',
      source: coi,
      confidence: 'reading',
      note: 'The job descriptions have the exams officer "support the Head of Centre in managing potential conflicts of interest": the duty is the head of centre\'s. The sign-off is the pack\'s reading of that duty, not a JCQ form.',
    },
    { action: 'conflicts.notify', roles: ['exams_officer'], title: 'The exams officer tells each awarding body of a declared conflict before the entry deadline of the series', source: coiJd, confidence: 'secondary', note: `${coiDuty} The deadline is GR 5.3(i): before the published deadline for entries for each series.` },
  ];
}
