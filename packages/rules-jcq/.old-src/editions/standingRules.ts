/**
 * The standing JCQ rules: the policies with no date of their own (restricted release, fee bands,
 * invigilation ratios, retention minimums, clash limits) that every edition from 2024/25 carries, each
 * with its source and its confidence (primary › primary-earlier-year › secondary › pattern › reading). An edition that changes one of them overrides it in its own file.
 */
import { documents } from './documents.js';
import type { EditionRules } from './Edition.js';

const CONSULTED = '2025/26';

/**
 * The rules shared by the 2024/25, 2025/26 and 2026/27 editions.
 *
 * @example
 * ```ts
 * standingRules.examRoom.seatSpacingMetres.value; // 1.25
 * ```
 */
export const standingRules: EditionRules = {
  results: {
    restrictedRelease: {
      value: { daysBeforeResultsDay: 1, time: '00:01' },
      source: documents.jcqPublicationOfResults(CONSULTED),
      confidence: 'primary',
      note: 'JCQ: electronic results data is made available to centres "from midnight on Wednesday", the day before results day; the NAEO CEO message of August 2024 gives 00:01.',
    },
    restrictedReleaseReaders: {
      value: ['head_of_centre', 'exams_officer', 'exams_office_staff'],
      source: documents.jcqPublicationOfResults(CONSULTED),
      confidence: 'primary',
      note: 'JCQ: "The Head of Centre and exams office staff may check the results files"; AQA: "Only Exams Office staff and your Head of Centre should have access to results on the restricted results dates".',
    },
    nominatedStaffOnRestrictedRelease: {
      value: false,
      source: documents.jcqPublicationOfResults(CONSULTED),
      confidence: 'primary',
      note: 'Off: JCQ (Publication of results): results "cannot be divulged to or discussed with other teachers" before release, and only "The Head of Centre and exams office staff may check the results files"; AQA (Results, onboarding hub, Summer 2026): "Only Exams Office staff and your Head of Centre should have access to results on the restricted results dates". A centre may opt in through its overlay (see centreNominationOptIn), and every read it allows names that secondary source.',
    },
    centreNominationOptIn: {
      value: true,
      source: documents.secedResultsChecklist(CONSULTED),
      confidence: 'secondary',
      note: 'The only text for nomination: SecEd says results are also open to "those teaching staff who, in the opinion of the head of centre, need to be aware". JCQ and AQA forbid it, so the pack never applies it by default; a centre that opts in (results.allowNominatedStaff: true in its overlay) takes the risk, and each read it allows is decided by the rule centre.results.nominated-staff-opt-in with this source.',
    },
    staffOnResultsDay: {
      value: '08:00',
      source: documents.aqaOnboardingResults(CONSULTED),
      confidence: 'reading',
      note: 'The day is primary: AQA (Results, onboarding hub, Summer 2026): "Results, data and reports can only be shared with learners and centre staff on the official results dates and not on the restricted results release dates". The time is the pack\'s reading: no source gives one for staff; the pack uses 08:00, when candidates receive results, because JCQ keeps results from other teachers until release.',
    },
    candidates: {
      value: '08:00',
      source: documents.jcqPublicationOfResults(CONSULTED),
      confidence: 'primary',
      note: 'JCQ: "Candidates may receive their results from eight am on Thursday"; AQA moved the embargo from 06:00 to 08:00 from summer 2020. Releasing earlier is malpractice. Parents receive results through the candidate (third-party collection needs the candidate\'s written authority).',
    },
    pressAndLocalAuthorities: {
      value: '09:30',
      source: documents.secedResultsChecklist(CONSULTED),
      confidence: 'secondary',
      note: 'Only the SecEd article says results data may be released to the press and local authorities "from 9:30am on results day"; JCQ says only that results are confidential to them until release.',
    },
    otherInstitutions: {
      value: '08:00',
      source: documents.jcqPublicationOfResults(CONSULTED),
      confidence: 'reading',
      note: 'JCQ keeps results confidential from "educational institutions" until release but gives no time for them; the pack uses the candidates\' release time.',
    },
  },
  derived: {
    conflictsOfInterestByEntryDeadline: {
      value: true,
      source: documents.aqaConflictOfInterest(CONSULTED),
      confidence: 'primary',
      note: 'Conflicts of interest are notified "before the published deadline for entries for each series" (GR 5.3(i)). A commonly quoted 31 January was not found.',
    },
    specialConsiderationDays: {
      value: 7,
      source: documents.pearsonSpecialRequirements('2022/23'),
      confidence: 'primary-earlier-year',
      note: 'Calendar days from the last examination in the subject, as the primary wording reads: Pearson (Special requirements, May/June 2023 table): "Within seven days of the last examination in the series in each subject"; the older JCQ/SC Form 10 notes: "within 7 days of the last examination in the specification". The current JCQ guide (A guide to the special consideration process, effective 1 September 2025) was found but its deadline wording was not read, so this stays below primary.',
    },
    specialConsiderationWorkingDaysFromPaper: {
      value: 5,
      source: documents.pearsonSpecialRequirements('2022/23'),
      confidence: 'reading',
      note: 'For a per-paper reminder counted in working days from the affected paper (core\'s exam-time tasks): the primary deadline is seven calendar days from the last exam in the subject, which is never earlier than seven calendar days from the affected paper; five working days from the paper falls on or before that except when a bank holiday falls in the week. The pack\'s reading, chosen to remind early rather than late; the series window follows the primary wording.',
    },
    veryLateArrivalReportWorkingDays: {
      value: 7,
      source: documents.jcqVeryLateArrivals(CONSULTED),
      confidence: 'primary',
      note: 'JCQ: report on the JCQ/VLA form on the Centre Admin Portal within seven working days; Pearson says "within seven days".',
    },
    feeBands: {
      value: true,
      source: documents.aqaEntries('2023/24'),
      confidence: 'primary-earlier-year',
      note: 'AQA: "If you submit an entry after the deadline date, you will be charged a late entry fee"; its table heads the second date "Deadline for Very Late Entries / Amendment fees payable / No refunds for withdrawal".',
    },
  },
  examRoom: {
    consecutiveSessionMaxMinutes: {
      value: 180,
      source: documents.wjecTimetabling(CONSULTED),
      confidence: 'primary',
      note: 'Papers in one session totalling up to 3 hours (extra time and rest breaks included) are sat consecutively with a supervised break; over 3 hours, one paper may move to an earlier or later session on the same day.',
    },
    overnightThresholdMinutes: {
      value: { GCSE: 330, entry_level: 330, GCE: 360 },
      source: documents.jcqOvernightSupervision(CONSULTED),
      confidence: 'primary',
      note: 'Three or more exams in one day totalling over 5 h 30 (GCSE/ELC) or 6 h (GCE), extra time and rest breaks included (JCQ overnight supervision guidance notes; WJEC timetabling). ICE 2025/26 key changes, §8.2: "Where a GCSE candidate has more than five and a half hours of examinations in one day or where a GCE AS or A level candidate has more than six hours of examinations in one day and opts to sit all the examinations in the one day, the supervised break between each examination can be more than 20 minutes.',
    },
    overnightMinimumExams: {
      value: 3,
      source: documents.jcqOvernightSupervision(CONSULTED),
      confidence: 'primary',
    },
    invigilationWritten: {
      value: 30,
      source: documents.wjecInvigilation(CONSULTED),
      confidence: 'primary',
      note: 'WJEC (Invigilation, exams officers\' pages): "Generally, one invigilator must be present for every 30 candidates"; WJEC refers centres to ICE for full details. Relaxed to 1:40 for summer 2022 only.',
    },
    invigilationPractical: {
      value: 20,
      source: documents.tesInvigilationRatios2022(),
      confidence: 'secondary',
      note: 'Normally one invigilator per 20 for practical assessments (e.g. Art & Design), per Tes (2022), a secondary source.',
    },
    invigilationOnScreen: {
      value: 20,
      source: documents.jcqIce(CONSULTED, 'Appendix 1'),
      confidence: 'secondary',
      note: 'Often quoted as 1:20 for on-screen tests; ICE Appendix 1 was not retrieved.',
    },
    seatSpacingMetres: {
      value: 1.25,
      source: documents.jcqIce('2019/20', '11.10'),
      confidence: 'secondary',
      note: 'A minimum of 1.25 m in all directions, centre to centre of candidates\' chairs. The only text found is ICE 2019/20 §11.10 as quoted in a secondary template (The Exams Office seating plan template); the current ICE (2025/26) was not read at that clause, and its clause number may differ.',
    },
    veryLateAfterStartMinutes: {
      value: 60,
      source: documents.jcqVeryLateArrivals(CONSULTED),
      confidence: 'primary',
      note: 'For an examination of more than one hour: very late is more than one hour after the awarding body\'s published start (Pearson: "lasts one hour or more").',
    },
    veryLateLongExamMinutes: {
      value: 60,
      source: documents.jcqVeryLateArrivals(CONSULTED),
      confidence: 'primary',
      note: 'For an examination of one hour or less: very late is after the published finishing time. For a one-hour exam both readings give the same instant.',
    },
    overnightSupervisionConditions: {
      value: [
        'Overnight supervision is a last resort: first offer the candidate all exams on the scheduled day, with special consideration for the final paper.',
        'Only an afternoon exam may be deferred, to the following morning; a Friday-afternoon exam goes to Saturday morning; never earlier than scheduled.',
        'The candidate is under centre supervision from 30 minutes after the awarding body\'s published start of the delayed exam.',
        'A parent or carer, or centre staff, supervises the journeys and the night.',
        'No contact with anyone who may know the paper\'s content: no phone, internet, social media, television or radio.',
        'The head of centre reports any breach to the awarding body immediately.',
      ],
      source: documents.jcqOvernightSupervision(CONSULTED),
      confidence: 'primary',
    },
    sitAllOnTheDay: {
      value: [
        'The candidate sits every paper on the scheduled day: overnight supervision is not available at or below the day threshold.',
        'Papers in one session totalling more than 3 hours are split: one paper moves to the other session of the same day (no awarding body approval is needed), with the question paper kept secure and the candidate supervised until it is sat.',
        'Papers sat one after another have a supervised break between them; where the day is over the overnight threshold and the candidate opts to sit everything that day, the break may be longer than 20 minutes (ICE 2025/26 §8.2).',
        'Apply for special consideration for the final paper of the day if the candidate was disadvantaged.',
      ],
      source: documents.jcqIceKeyChanges(CONSULTED, '7, 8.2'),
      confidence: 'reading',
      note: 'What a centre does when a day\'s papers cannot fit the 3-hour session limit yet do not exceed the overnight threshold (e.g. three GCE papers totalling exactly 6 h): the pack\'s reading of ICE 2025/26 (timetable clashes §7; key change §8.2, sitting all exams in one day with supervised breaks) and Pearson (Special requirements, 2022/23: "Examinations can be rearranged between morning and afternoon sessions of the same day if there are timetable clashes … Awarding body approval is not required"). No source treats exactly this case; the awarding body is asked only if the centre cannot supervise the day.',
    },
    separateRoomArrangements: {
      value: ['reader', 'scribe', 'separate_invigilation'],
      source: documents.jcqAara(CONSULTED),
      confidence: 'reading',
      note: 'Not in the sources consulted: the pack assumes a reader or scribe (who read aloud or take dictation) and separate invigilation need a room apart. Check AARA.',
    },
  },
  retention: {
    unclaimedCertificateMonths: {
      value: 12,
      source: documents.jcqUnclaimedCertificates(CONSULTED),
      confidence: 'primary',
      note: 'Unclaimed certificates may be destroyed securely after 12 months from the date of issue.',
    },
    destructionRecordMonths: {
      value: 48,
      source: documents.jcqUnclaimedCertificates(CONSULTED),
      confidence: 'primary',
      note: 'A record of every destroyed certificate is kept for a further 4 years from the date of destruction.',
    },
    atsConsentMonths: {
      value: 6,
      source: documents.handsworthEnquiries(CONSULTED),
      confidence: 'secondary',
      note: 'Signed access-to-scripts consent "must be retained for six months", per school pages (Handsworth School, St Aidan\'s); the JCQ clause was not consulted.',
    },
    accessArrangementsApprovalMonths: {
      value: 26,
      source: documents.sjbSend(CONSULTED),
      confidence: 'secondary',
      note: 'An AAO approval "is only valid for 26 months" (a school SEND page): an approval lifetime, not a JCQ retention clause.',
    },
    neaWorkUntilPostResultsDeadline: {
      value: true,
      source: documents.aqaSpecificationNea(CONSULTED),
      confidence: 'secondary',
      note: 'Candidates\' work is kept securely so that an enquiry can be made, and may be returned after the deadline for reviews of results or once an enquiry is resolved. The only text is a third-party copy (alevelchem.com) of an old AQA specification (§6.8); no current JCQ or awarding-body text was read.',
    },
    scriptDespatchProofUntilResults: {
      value: true,
      source: documents.examsOfficeInductionModule(CONSULTED),
      confidence: 'secondary',
      note: 'Proof of postage of scripts (centres not using the secure despatch service) is kept until results are published: The Exams Office quoting ICE, a secondary source.',
    },
    centrePolicyKinds: {
      value: [
        'access_arrangements_evidence',
        'enquiry_consent',
        'seating_plan',
        'attendance_register',
        'incident_log',
        'special_consideration',
        'very_late_arrival_report',
        'malpractice_report',
        'conflict_of_interest',
        'invigilator_training',
        'eops_certificate',
        'other',
      ],
      source: documents.jcqGeneralRegulations(CONSULTED),
      confidence: 'reading',
      note: 'No retention period was found for these records: the JCQ clauses (General Regulations, ICE) and the Exams Office archiving template could not be consulted. The centre\'s policy, supplied in its overlay, sets their periods; without one they are kept.',
    },
  },
};
