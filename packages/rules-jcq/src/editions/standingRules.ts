/**
 * The standing JCQ rules: the policies with no date of their own (restricted release, fee bands,
 * invigilation ratios, retention minimums, clash limits) that every edition from 2024/25 carries, each
 * with its source. An edition that changes one of them overrides it in its own file.
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
      confidence: 'confirmed',
      note: 'JCQ: electronic results data is made available to centres "from midnight on Wednesday", the day before results day; the NAEO CEO message of August 2024 gives 00:01.',
    },
    restrictedReleaseReaders: {
      value: ['head_of_centre', 'exams_officer', 'exams_office_staff'],
      source: documents.jcqPublicationOfResults(CONSULTED),
      confidence: 'confirmed',
      note: 'JCQ: "The Head of Centre and exams office staff may check the results files"; AQA: "Only Exams Office staff and your Head of Centre should have access to results on the restricted results dates".',
    },
    nominatedStaffOnRestrictedRelease: {
      value: true,
      source: documents.secedResultsChecklist(CONSULTED),
      confidence: 'unconfirmed',
      note: 'Only SecEd says results are also open to "those teaching staff who, in the opinion of the head of centre, need to be aware"; JCQ (Publication of results) and AQA name only the head of centre and exams office staff. A centre can turn nomination off in its overlay.',
    },
    staffOnResultsDay: {
      value: '08:00',
      source: documents.aqaOnboardingResults(CONSULTED),
      confidence: 'unconfirmed',
      note: 'AQA: "Results, data and reports can only be shared with learners and centre staff on the official results dates and not on the restricted results release dates". The day is AQA\'s; the time (08:00, when candidates receive results) is inferred from JCQ keeping results confidential from other teachers until release.',
    },
    candidates: {
      value: '08:00',
      source: documents.jcqPublicationOfResults(CONSULTED),
      confidence: 'confirmed',
      note: 'JCQ: "Candidates may receive their results from eight am on Thursday"; AQA moved the embargo from 06:00 to 08:00 from summer 2020. Releasing earlier is malpractice. Parents receive results through the candidate (third-party collection needs the candidate\'s written authority).',
    },
    pressAndLocalAuthorities: {
      value: '09:30',
      source: documents.secedResultsChecklist(CONSULTED),
      confidence: 'unconfirmed',
      note: 'Only the SecEd article says results data may be released to the press and local authorities "from 9:30am on results day"; JCQ says only that results are confidential to them until release.',
    },
    otherInstitutions: {
      value: '08:00',
      source: documents.jcqPublicationOfResults(CONSULTED),
      confidence: 'unconfirmed',
      note: 'JCQ keeps results confidential from "educational institutions" until release but gives no time for them; the pack uses the candidates\' release time.',
    },
  },
  derived: {
    conflictsOfInterestByEntryDeadline: {
      value: true,
      source: documents.aqaConflictOfInterest(CONSULTED),
      confidence: 'confirmed',
      note: 'Conflicts of interest are notified "before the published deadline for entries for each series" (GR 5.3(i)). A commonly quoted 31 January was not found.',
    },
    specialConsiderationWorkingDays: {
      value: 7,
      source: documents.jcqSpecialConsiderationForm10('older edition, undated'),
      confidence: 'unconfirmed',
      note: 'The older JCQ Form 10 notes say "within 7 days of the last examination in the specification" (calendar days); schools say "of the affected exam"; the current JCQ guide\'s wording was not retrieved. The pack uses seven working days.',
    },
    veryLateArrivalReportWorkingDays: {
      value: 7,
      source: documents.jcqVeryLateArrivals(CONSULTED),
      confidence: 'confirmed',
      note: 'JCQ: report on the JCQ/VLA form on the Centre Admin Portal within seven working days; Pearson says "within seven days".',
    },
    feeBands: {
      value: true,
      source: documents.aqaEntries('2023/24'),
      confidence: 'confirmed',
      note: 'AQA: "If you submit an entry after the deadline date, you will be charged a late entry fee"; its table heads the second date "Deadline for Very Late Entries / Amendment fees payable / No refunds for withdrawal".',
    },
  },
  examRoom: {
    consecutiveSessionMaxMinutes: {
      value: 180,
      source: documents.wjecTimetabling(CONSULTED),
      confidence: 'confirmed',
      note: 'Papers in one session totalling up to 3 hours (extra time and rest breaks included) are sat consecutively with a supervised break; over 3 hours, one paper may move to an earlier or later session on the same day.',
    },
    overnightThresholdMinutes: {
      value: { GCSE: 330, entry_level: 330, GCE: 360 },
      source: documents.jcqOvernightSupervision(CONSULTED),
      confidence: 'confirmed',
      note: 'Three or more exams in one day totalling over 5 h 30 (GCSE/ELC) or 6 h (GCE), extra time and rest breaks included (WJEC timetabling; SecEd clashes guide; JCQ overnight guidance notes).',
    },
    overnightMinimumExams: {
      value: 3,
      source: documents.jcqOvernightSupervision(CONSULTED),
      confidence: 'confirmed',
    },
    invigilationWritten: {
      value: 30,
      source: documents.jcqIce(CONSULTED),
      confidence: 'confirmed',
      note: 'At least one invigilator for every 30 candidates or fewer, as quoted from ICE by Telford College\'s invigilator training and WJEC; relaxed to 1:40 for summer 2022 only.',
    },
    invigilationPractical: {
      value: 20,
      source: documents.tesInvigilationRatios2022(),
      confidence: 'unconfirmed',
      note: 'Normally one invigilator per 20 for practical assessments (e.g. Art & Design), per Tes (2022), a secondary source.',
    },
    invigilationOnScreen: {
      value: 20,
      source: documents.jcqIce(CONSULTED, 'Appendix 1'),
      confidence: 'unconfirmed',
      note: 'Often quoted as 1:20 for on-screen tests; ICE Appendix 1 was not retrieved.',
    },
    seatSpacingMetres: {
      value: 1.25,
      source: documents.jcqIce('2019/20', '11.10'),
      confidence: 'confirmed',
      note: 'A minimum of 1.25 m in all directions, centre to centre of candidates\' chairs; read in ICE 2019/20 §11.10 (via the Exams Office seating plan template and WJEC); the clause number may differ in later editions.',
    },
    veryLateAfterStartMinutes: {
      value: 60,
      source: documents.jcqVeryLateArrivals(CONSULTED),
      confidence: 'confirmed',
      note: 'For an examination of more than one hour: very late is more than one hour after the awarding body\'s published start (Pearson: "lasts one hour or more").',
    },
    veryLateLongExamMinutes: {
      value: 60,
      source: documents.jcqVeryLateArrivals(CONSULTED),
      confidence: 'confirmed',
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
      confidence: 'confirmed',
    },
    separateRoomArrangements: {
      value: ['reader', 'scribe', 'separate_invigilation'],
      source: documents.jcqAara(CONSULTED),
      confidence: 'unconfirmed',
      note: 'Not in the sources consulted: the pack assumes a reader or scribe (who read aloud or take dictation) and separate invigilation need a room apart. Check AARA.',
    },
  },
  retention: {
    unclaimedCertificateMonths: {
      value: 12,
      source: documents.jcqUnclaimedCertificates(CONSULTED),
      confidence: 'confirmed',
      note: 'Unclaimed certificates may be destroyed securely after 12 months from the date of issue.',
    },
    destructionRecordMonths: {
      value: 48,
      source: documents.jcqUnclaimedCertificates(CONSULTED),
      confidence: 'confirmed',
      note: 'A record of every destroyed certificate is kept for a further 4 years from the date of destruction.',
    },
    atsConsentMonths: {
      value: 6,
      source: documents.handsworthEnquiries(CONSULTED),
      confidence: 'unconfirmed',
      note: 'Signed access-to-scripts consent "must be retained for six months", per school pages (Handsworth School, St Aidan\'s); the JCQ clause was not consulted.',
    },
    accessArrangementsApprovalMonths: {
      value: 26,
      source: documents.sjbSend(CONSULTED),
      confidence: 'unconfirmed',
      note: 'An AAO approval "is only valid for 26 months" (a school SEND page): an approval lifetime, not a JCQ retention clause.',
    },
    neaWorkUntilPostResultsDeadline: {
      value: true,
      source: documents.aqaSpecificationNea(CONSULTED),
      confidence: 'confirmed',
      note: 'Candidates\' work is kept securely so that an enquiry can be made; it may be returned after the deadline for reviews of results, or, if an enquiry is made, once it is resolved.',
    },
    scriptDespatchProofUntilResults: {
      value: true,
      source: documents.examsOfficeInductionModule(CONSULTED),
      confidence: 'unconfirmed',
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
      confidence: 'unconfirmed',
      note: 'No retention period was found for these records: the JCQ clauses (General Regulations, ICE) and the Exams Office archiving template could not be consulted. The centre\'s policy, supplied in its overlay, sets their periods; without one they are kept.',
    },
  },
};
