/**
 * The JCQ pack's exam-cycle task catalogue as data: each task of an exams officer's series with its
 * workstream, phase, key date, opening, who may close it, and the source of both (the JCQ documents, and the
 * exams officer job descriptions of examcycle's seed documents where JCQ names no one). One table serves the
 * catalogue (`pack.cycleTasks(series)`) and the authority rows (`pack.authorities(year)`, `cycle.task.<id>`),
 * so a task never exists without its roles.
 */
import type { ActorRole, Confidence, CycleTaskInput, SourceRef } from '@examcycle/core';
import { documents } from '../editions/documents.js';
import type { NeaMarksDeadline, SeriesEdition } from '../editions/Edition.js';

/** Who may close a catalogue task, with the source that says so. */
export interface JcqTaskAuthority {
  readonly roles: readonly ActorRole[];
  /** Who does it, in the source's words. */
  readonly title: string;
  readonly source: SourceRef;
  readonly confidence: Confidence;
  readonly note?: string;
}

/** One catalogue entry: the task and who may close it. */
export interface JcqCycleTaskEntry {
  readonly task: CycleTaskInput & { readonly source: SourceRef; readonly confidence: Confidence };
  readonly authority: JcqTaskAuthority;
}

/** Exams officer job description, examcycle seed 000. */
const jd000 = (year: string): SourceRef => ({ document: 'Exams Officer job description (examcycle seed 000)', year });
/** Examinations Officer job description, Plume Academy, examcycle seed 002. */
const jd002 = (year: string): SourceRef => ({ document: 'Examinations Officer job description, Plume Academy (examcycle seed 002)', year });
/** SecEd, the results season (examcycle seed 003). */
const seced = (year: string): SourceRef => documents.secedResultsChecklist(year);

const EO: readonly ActorRole[] = ['exams_officer'];
const END_OF_TERM = 'Before the end of the summer term (SecEd: "Before the end of term"); the pack has no term dates, so the centre sets the date';
const BEFORE_COLLECTION = 'By release to candidates (08:00 on results day): done on restricted release day, the day before, so it is ready when candidates collect';

function eo(year: string, title = 'The exams officer', note?: string): JcqTaskAuthority {
  return { roles: EO, title, source: jd000(year), confidence: 'secondary', ...(note ? { note } : {}) };
}

/** The NEA (centre-assessed marks) tasks of a series: one per awarding-body deadline the edition has. */
function courseworkTasks(year: string, seriesId: string, deadlines: readonly NeaMarksDeadline[]): JcqCycleTaskEntry[] {
  return deadlines.map((d) => ({
    task: {
      id: `coursework.marks.${d.awardingBodyId}${d.scope ? `.${d.scope}` : ''}`,
      phase: 'examTime',
      workstream: 'coursework',
      title: `Centre-assessed marks submitted to ${d.awardingBodyId} (${d.covers})`,
      blocking: true,
      dueKeyDateId: `${seriesId}/nea_marks_deadline/${d.awardingBodyId}${d.scope ? `/${d.scope}` : ''}`,
      opens: { phase: 'planning' },
      source: d.date.source,
      confidence: d.date.confidence,
    },
    authority: {
      roles: ['exams_officer', 'head_of_department'],
      title: 'The exams officer submits centre-assessed marks, or the subject lead through the awarding body portal',
      source: jd002(year),
      confidence: 'reading',
      note: 'Seed 002: the exams officer "liaises with subject leaders" on coursework deadlines; marks go in through each board\'s portal.',
    },
  }));
}

/**
 * The catalogue of one series under an edition: what an exams officer does for it, from planning to the
 * certificates. Tasks fall due on the series' key dates (never on a date the pack does not have: such a
 * task has no due date and says when it falls due in `dueRule`).
 *
 * @internal
 * @param year - the edition's academic year (the year of the sources read)
 * @param seriesId - the series id, e.g. `june-2026`
 * @param series - the series' dated values
 */
export function jcqCycleTaskCatalogue(year: string, seriesId: string, series: SeriesEdition): readonly JcqCycleTaskEntry[] {
  const hasResults = series.resultsDays.length > 0;
  const entries: JcqCycleTaskEntry[] = [
    // planning: the centre's year (opens when the cycle starts)
    {
      task: { id: 'planning.annual-plan', phase: 'planning', workstream: 'planning', title: 'Annual exam plan and internal deadlines published', blocking: true, source: jd000(year), confidence: 'secondary' },
      authority: eo(year, 'The exams officer plans the year and publishes internal deadlines'),
    },
    {
      task: { id: 'planning.ncn-register', phase: 'planning', workstream: 'planning', title: 'NCN register annual update completed', blocking: true, dueKeyDate: 'ncn_register_update', source: documents.jcqNcnRegister(year), confidence: 'primary' },
      authority: {
        roles: ['exams_officer', 'head_of_centre'],
        title: 'The exams officer completes the NCN annual update (sent to exams officers), for the head of centre',
        source: jd002(year),
        confidence: 'secondary',
        note: 'Seed 002: "Complete annually the National Centre Number (NCN) Register update"; OCR sends the NCN annual update to exams officers.',
      },
    },
    {
      task: {
        id: 'planning.head-of-centre-declaration',
        phase: 'planning',
        workstream: 'planning',
        title: 'Head of centre annual declaration completed',
        blocking: true,
        dueKeyDate: 'head_of_centre_declaration',
        source: documents.ocrHeadOfCentreDeclaration(year),
        confidence: 'primary',
      },
      authority: {
        roles: ['head_of_centre'],
        title: 'The head of centre completes the declaration; it cannot be delegated (unless to the acting head of centre)',
        source: documents.ocrHeadOfCentreDeclaration(year),
        confidence: 'primary',
      },
    },
    {
      task: { id: 'planning.policies-reviewed', phase: 'planning', workstream: 'planning', title: 'Exam policies reviewed and signed off', blocking: true, source: jd002(year), confidence: 'secondary' },
      authority: {
        roles: ['senior_leader', 'head_of_centre'],
        title: 'Senior leaders sign off the centre\'s exam policies',
        source: documents.jcqGeneralRegulations(year, '5'),
        confidence: 'reading',
        note: 'General Regulations section 5 makes the head of centre and senior leadership responsible for the centre\'s compliance; the exams officer drafts the policies (seed 002).',
      },
    },
    {
      task: {
        id: 'planning.conflicts-of-interest',
        phase: 'planning',
        workstream: 'planning',
        title: 'Conflicts of interest declared to the awarding bodies and mitigated',
        blocking: true,
        dueKeyDate: 'conflicts_of_interest_declaration',
        source: documents.aqaConflictOfInterest(year),
        confidence: 'secondary',
      },
      authority: {
        roles: ['head_of_centre'],
        title: 'The head of centre manages conflicts of interest and signs off the declarations (the exams officer supports)',
        source: documents.aqaConflictOfInterest(year),
        confidence: 'secondary',
        note: 'General Regulations 5.3(i) as AQA quotes it; seed 000: the exams officer "supports the Head of Centre in managing potential conflicts of interest".',
      },
    },
    {
      task: { id: 'planning.secure-storage', phase: 'planning', workstream: 'planning', title: 'Secure storage checked', blocking: true, source: documents.jcqIce(year), confidence: 'secondary' },
      authority: eo(year, 'The exams officer keeps confidential materials in secure storage'),
    },
    {
      task: { id: 'planning.course-approvals', phase: 'planning', workstream: 'planning', title: 'Course approvals in place', blocking: false, source: jd000(year), confidence: 'secondary' },
      authority: eo(year),
    },
    // access arrangements: the SENCo's applications, from the start of the cycle
    {
      task: {
        id: 'planning.access-arrangements',
        phase: 'planning',
        workstream: 'accessArrangements',
        title: 'Access arrangements applied for',
        blocking: true,
        dueKeyDate: 'access_arrangements_deadline',
        source: documents.jcqAara(year),
        confidence: 'primary',
      },
      authority: {
        roles: ['senco'],
        title: 'The SENCo (or access arrangements lead) applies for access arrangements',
        source: documents.jcqAara(year),
        confidence: 'secondary',
        note: 'AARA names the SENCo as responsible for access arrangements; seeds 000 and 002: the exams officer supports the SENCo.',
      },
    },
    {
      task: {
        id: 'planning.modified-papers',
        phase: 'planning',
        workstream: 'accessArrangements',
        title: 'Modified papers ordered',
        blocking: false,
        dueKeyDate: 'modified_papers_deadline',
        source: documents.jcqAara(year),
        confidence: 'primary',
      },
      authority: { roles: ['exams_officer', 'senco'], title: 'The exams officer orders modified papers with the SENCo', source: jd000(year), confidence: 'reading' },
    },
    // entries: gathered and checked through the autumn, submitted by the deadline
    {
      task: { id: 'entries.identities-verified', phase: 'entries', workstream: 'entries', title: 'Candidate identities verified', blocking: true, opens: { phase: 'planning' }, source: jd000(year), confidence: 'secondary' },
      authority: eo(year),
    },
    {
      task: {
        id: 'entries.gathered',
        phase: 'entries',
        workstream: 'entries',
        title: 'Entries gathered from departments',
        blocking: true,
        opens: series.basedataPublished ? { keyDate: 'basedata_published' } : { phase: 'planning' },
        source: jd002(year),
        confidence: 'secondary',
      },
      authority: { roles: ['exams_officer', 'head_of_department'], title: 'Heads of department give their entries to the exams officer', source: jd002(year), confidence: 'secondary' },
    },
    {
      task: { id: 'entries.checked', phase: 'entries', workstream: 'entries', title: 'Entries checked by the departments', blocking: true, opens: { phase: 'planning' }, source: jd002(year), confidence: 'secondary' },
      authority: {
        roles: ['head_of_department', 'exams_officer'],
        title: 'Heads of department check entries before the exams officer submits them',
        source: jd002(year),
        confidence: 'secondary',
        note: 'Seed 002: "Check entries before submitting them to the awarding body by involving relevant members of staff in the checking process".',
      },
    },
    {
      task: { id: 'entries.submitted', phase: 'entries', workstream: 'entries', title: 'Entries submitted', blocking: true, dueKeyDate: 'entry_deadline', opens: { phase: 'planning' }, source: jd002(year), confidence: 'secondary' },
      authority: { roles: EO, title: 'The exams officer submits entries to the awarding bodies', source: jd002(year), confidence: 'secondary', note: 'Seed 002: "Submit registrations, examination entries, amendments, withdrawals and certification claims by the deadline(s)".' },
    },
    {
      task: { id: 'entries.amendments', phase: 'entries', workstream: 'entries', title: 'Amendments and withdrawals made', blocking: false, dueKeyDate: 'very_late_deadline', opens: { phase: 'planning' }, source: jd002(year), confidence: 'secondary' },
      authority: eo(year, 'The exams officer submits amendments and withdrawals'),
    },
    {
      task: { id: 'entries.fees-reconciled', phase: 'entries', workstream: 'entries', title: 'Entry fees reconciled', blocking: false, opens: { phase: 'planning' }, source: jd000(year), confidence: 'secondary' },
      authority: eo(year),
    },
    // exam rooms: rooming, seating and invigilation, from the entries phase
    ...(
      [
        ['preExams.timetable-clashes', 'Centre timetable built and clashes resolved', documents.jcqIce(year)],
        ['preExams.rooming-seating', 'Rooms and seating planned', jd000(year)],
        ['preExams.invigilators', 'Invigilators recruited, trained and deployed', documents.jcqIce(year)],
        ['preExams.candidates-notified', 'Candidates notified of entries and regulations', jd002(year)],
      ] as const
    ).map(([id, title, source]): JcqCycleTaskEntry => ({
      task: { id, phase: 'preExams', workstream: 'examRooms', title, blocking: true, opens: { phase: 'entries' }, source, confidence: 'secondary' },
      authority: eo(year),
    })),
    {
      task: { id: 'preExams.alternative-site', phase: 'preExams', workstream: 'examRooms', title: 'Alternative-site notices submitted', blocking: false, opens: { phase: 'entries' }, source: jd000(year), confidence: 'secondary' },
      authority: eo(year),
    },
    // coursework: centre-assessed marks by each board's deadline (they fall in the exam season)
    ...courseworkTasks(year, seriesId, series.neaMarksDeadlines),
    // exam time
    ...(
      [
        ['examTime.sessions-conducted', 'Every exam session conducted', jd000(year), undefined],
        ['examTime.incidents', 'Incidents logged and followed up', jd000(year), undefined],
        ['examTime.very-late-arrivals', 'Very late arrivals reported', documents.jcqVeryLateArrivals(year), 'very_late_arrival_report_window'],
        ['examTime.special-consideration', 'Special consideration applications submitted', documents.jcqSpecialConsiderationGuide(year), 'special_consideration_window'],
        ['examTime.malpractice', 'Malpractice reported', documents.jcqGeneralRegulations(year, '5'), undefined],
        ['examTime.scripts-dispatched', 'Scripts dispatched', documents.jcqIce(year), undefined],
      ] as const
    ).map(([id, title, source, due]): JcqCycleTaskEntry => ({
      task: { id, phase: 'examTime', workstream: 'examTime', title, blocking: true, ...(due ? { dueKeyDate: due } : {}), source, confidence: 'secondary' },
      authority: eo(year),
    })),
    // results: from restricted release
    {
      task: {
        id: 'results.restricted-release-prepared',
        phase: 'results',
        workstream: 'results',
        title: 'Restricted release prepared (access, MIS embargo)',
        blocking: true,
        dueKeyDate: 'restricted_release',
        source: documents.jcqPublicationOfResults(year),
        confidence: 'primary',
      },
      authority: { roles: ['exams_officer', 'head_of_centre'], title: 'The exams officer prepares restricted release for the head of centre', source: documents.jcqPublicationOfResults(year), confidence: 'reading' },
    },
    ...(
      [
        ['results.downloaded-checked', 'Results downloaded and checked', undefined],
        ['results.missing-late-cash-ins', 'Missing results and late cash-ins resolved', undefined],
        ['results.statements-issued', 'Statements of results issued', 'release_to_candidates'],
      ] as const
    ).map(([id, title, due]): JcqCycleTaskEntry => ({
      task: {
        id,
        phase: 'results',
        workstream: 'results',
        title,
        blocking: true,
        ...(due ? { dueKeyDate: due } : {}),
        ...(hasResults ? { opens: { keyDate: 'restricted_release' } } : {}),
        source: jd000(year),
        confidence: 'secondary',
      },
      authority: eo(year, 'The exams officer downloads, checks and issues results'),
    })),
    ...(
      [
        ['results.candidates-told-collection-and-enquiries', 'Candidates told how results are collected and how to make enquiries (requests only through the centre; written consent for re-marking and scripts)', undefined, END_OF_TERM],
        ['results.venue-collection-arrangements', 'Results venue, collection times, absent candidates and collection by parents or carers confirmed, and all candidates (private candidates too) informed', undefined, END_OF_TERM],
        ['results.collection-by-others-authorised', 'Written authority recorded for every candidate whose results another person collects', 'release_to_candidates', 'By release to candidates (08:00 on results day), when collection starts'],
        ['results.support-staff-identified', 'Staff who support candidates on results day identified with their roles, and told that academic and pastoral support is theirs', 'restricted_release', 'By restricted release (00:01 the day before results day)'],
        ['results.senior-staff-available', 'Senior staff accessible to candidates immediately after the publication of results', 'release_to_candidates', 'From release to candidates (08:00 on results day)'],
        ['results.post-results-information-prepared', 'Post-results services information prepared for candidates, and a process to receive their requests', 'release_to_candidates', BEFORE_COLLECTION],
        ['results.late-cash-ins-submitted', 'Late cash-ins submitted to the awarding bodies and recorded', 'release_to_candidates', BEFORE_COLLECTION],
        ['results.press-release-drafted', 'Press release drafted (released to the press and local authorities only from 09:30 on results day)', 'release_to_press', 'Drafted on restricted release day; due by release to the press (09:30 on results day), never released before it'],
        ['results.summaries-analysis-prepared', 'Result summaries, information for subject heads and results analysis prepared', 'release_to_candidates', BEFORE_COLLECTION],
      ] as const
    ).map(([id, title, due, dueRule]): JcqCycleTaskEntry => ({
      task: { id, phase: 'results', workstream: 'results', title, blocking: false, ...(due ? { dueKeyDate: due } : {}), dueRule, source: seced(year), confidence: 'secondary' },
      authority:
        id === 'results.senior-staff-available' || id === 'results.press-release-drafted'
          ? { roles: ['senior_leader', 'head_of_centre', 'exams_officer'], title: 'Senior staff (with the exams officer) on results day and the press release', source: seced(year), confidence: 'reading' }
          : eo(year, 'The exams office prepares results day', 'SecEd (seed 003): "Exams office staff will need to prepare …".'),
    })),
    // post-results: from release to candidates
    {
      task: {
        id: 'postResults.priority-enquiries',
        phase: 'postResults',
        workstream: 'postResults',
        title: 'Priority reviews of marking submitted (candidates whose higher-education places depend on them)',
        blocking: false,
        dueKeyDate: 'post_results_priority_deadline',
        ...(hasResults ? { opens: { keyDate: 'release_to_candidates' } } : {}),
        source: documents.jcqGeneralRegulations(year, '5'),
        confidence: 'secondary',
      },
      authority: { roles: EO, title: 'The exams officer submits post-results services requests', source: jd002(year), confidence: 'secondary' },
    },
    {
      task: {
        id: 'postResults.enquiries',
        phase: 'postResults',
        workstream: 'postResults',
        title: 'Enquiries about results and access to scripts handled to deadline',
        blocking: true,
        dueKeyDate: 'post_results_final_deadline',
        ...(hasResults ? { opens: { keyDate: 'release_to_candidates' } } : {}),
        source: documents.jcqGeneralRegulations(year, '5'),
        confidence: 'secondary',
      },
      authority: { roles: EO, title: 'The exams officer submits post-results services requests', source: jd002(year), confidence: 'secondary' },
    },
    // certificates
    {
      task: { id: 'certificates.received', phase: 'certificates', workstream: 'certificates', title: 'Certificates received', blocking: true, dueKeyDate: 'certificates_expected', opens: { phase: 'postResults' }, source: jd000(year), confidence: 'secondary' },
      authority: eo(year),
    },
    {
      task: { id: 'certificates.checked', phase: 'certificates', workstream: 'certificates', title: 'Certificates checked', blocking: true, source: jd000(year), confidence: 'secondary' },
      authority: eo(year),
    },
    {
      task: { id: 'certificates.issued', phase: 'certificates', workstream: 'certificates', title: 'Certificates issued', blocking: true, source: jd000(year), confidence: 'secondary' },
      authority: eo(year),
    },
    {
      task: { id: 'certificates.unclaimed-retained', phase: 'certificates', workstream: 'certificates', title: 'Unclaimed certificates retained', blocking: true, source: documents.jcqUnclaimedCertificates(year), confidence: 'primary' },
      authority: eo(year),
    },
  ];
  return entries;
}
