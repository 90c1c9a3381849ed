/**
 * The documents the editions cite, in one place, so a citation is written once and the same document
 * is spelled the same way everywhere. Each builder takes the year of the edition or page version the
 * value was read from (for an undated web page: the academic year it was consulted, 2025/26).
 */
import type { SourceRef } from '@examcycle/core';

function ref(document: string, url: string | undefined, year: string, section?: string): SourceRef {
  return {
    document,
    year,
    ...(section === undefined ? {} : { section }),
    ...(url === undefined ? {} : { url }),
  };
}

/**
 * Builders for the source of every value in the editions, by document.
 *
 * @example
 * ```ts
 * documents.aqaEntries('2023/24'); // { document: 'AQA, Entries', year: '2023/24', url: 'https://www.aqa.org.uk/exams-administration/entries' }
 * ```
 */
export const documents = {
  aqaEntries: (year: string, section?: string) =>
    ref('AQA, Entries', 'https://www.aqa.org.uk/exams-administration/entries', year, section),
  aqaNovemberBasedataReadme: (year: string) => ref('AQA, November 2025 basedata Readme', undefined, year),
  aqaAutumnSeries: (year: string) =>
    ref('AQA, Autumn 2020 exam series', 'https://www.aqa.org.uk/summer-results/autumn-exam-series', year),
  aqaConflictOfInterest: (year: string) =>
    ref(
      'JCQ General Regulations for Approved Centres, as quoted by AQA "Conflict of interest declarations"',
      'https://www.aqa.org.uk/exams-administration/exams/conflict-of-interest-declarations',
      year,
      '5.3(i)',
    ),
  aqaOnboardingJune: (year: string) =>
    ref(
      'AQA, Exams Officers support June (onboarding hub)',
      'https://www.aqa.org.uk/onboarding-hub-exam-officers/exams-officers-support-june',
      year,
    ),
  aqaOnboardingDecember: (year: string) =>
    ref(
      'AQA, Exams officers support: December (onboarding hub for exams officers)',
      'https://www.aqa.org.uk/onboarding-hub-exam-officers/exams-officers-support-december',
      year,
    ),
  ofqualResultsSummer2025: () =>
    ref(
      'Ofqual, Qualification results in England: summer 2025 (published 14 August 2025)',
      'https://www.gov.uk/government/publications/qualification-results-in-england-summer-2025/qualification-results-in-england-summer-2025-accessible',
      '2024/25',
      'Scope',
    ),
  pearsonGqBulletinInternational69: () =>
    ref(
      'Pearson, General Qualifications Bulletin International, issue 69 (October 2025)',
      'https://qualifications.pearson.com/en/news-policy/qualifications/general-qualifications/general-qualifications-bulletin-international-issue-69.html',
      '2025/26',
      'Key dates',
    ),
  pearsonSpecialRequirements: (year: string) =>
    ref(
      'Pearson, Special requirements (exams officers)',
      'https://qualifications.pearson.com/en/support/support-topics/exams/special-requirements.html',
      year,
    ),
  wjecInvigilation: (year: string) =>
    ref('WJEC, Invigilation (exams officers)', 'https://questionbank.wjec.co.uk/exam-officers/during-the-examinations/Invigiliation.html', year),
  jcqIceKeyChanges: (year: string, section?: string) =>
    ref(
      'JCQ Instructions for conducting examinations (ICE), key changes',
      'https://www.jcq.org.uk/knowledge-hub/intructions-for-conducting-examinations',
      year,
      section,
    ),
  harrisSutton: (year: string) => ref('Harris Academy Sutton, Exams', 'https://www.harrissutton.org.uk/learning-curriculum/exams', year),
  aqaOnboardingResults: (year: string) =>
    ref('AQA, Results (onboarding hub for exams officers)', 'https://www.aqa.org.uk/onboarding-hub-exam-officers/results', year),
  aqaResultsTime2020: () =>
    ref(
      'AQA, Change to results release time this summer',
      'https://www.aqa.org.uk/exams-administration/exams-administration-updates/change-to-results-release-time-this-summer',
      '2019/20',
    ),
  aqaSpecificationNea: (year: string) =>
    ref('AQA specification, administration: non-exam assessment', 'https://alevelchem.com/aqa/aqaspec/sections/spec6.8.htm', year, '6.8'),
  jcqPublicationOfResults: (year: string) =>
    ref('JCQ, Publication of results', 'https://www.jcq.org.uk/examination-system/publication-of-results/', year),
  jcqAara: (year: string, section?: string) =>
    ref(
      'JCQ Access Arrangements and Reasonable Adjustments (AARA)',
      'https://www.jcq.org.uk/knowledge-hub/adjustments-for-candidates-with-disabilities-and-learning-difficulties',
      year,
      section,
    ),
  jcqAaoFaq: (year: string) =>
    ref('JCQ, AAO – Frequently asked questions', 'https://www.jcq.org.uk/exams-office/cap/aao---frequently-asked-questions/', year),
  jcqIce: (year: string, section?: string) =>
    ref('JCQ Instructions for conducting examinations (ICE)', undefined, year, section),
  jcqVeryLateArrivals: (year: string) =>
    ref(
      'JCQ, Guidance notes concerning very late arrivals',
      'https://www.jcq.org.uk/exams-office/online-forms/guidance-notes-concerning-very-late-arrivals/',
      year,
    ),
  jcqOvernightSupervision: (year: string) =>
    ref(
      'JCQ, Guidance notes for overnight supervision of candidates with a timetable variation',
      'https://www.jcq.org.uk/exams-office/online-forms/guidance-notes-for-overnight-supervision-of-candidates-with-a-timetable-variation/',
      year,
    ),
  jcqSpecialConsiderationGuide: (year: string) =>
    ref(
      'JCQ, A guide to the special consideration process',
      'https://www.jcq.org.uk/knowledge-base/a-guide-to-the-special-consideration-process-2',
      year,
    ),
  jcqSpecialConsiderationForm10: (year: string) =>
    ref('JCQ/SC Form 10, Application for special consideration (notes)', 'https://docsbay.net/doc/882158/application-for-special-consideration', year),
  jcqUnclaimedCertificates: (year: string) =>
    ref(
      'JCQ, Notice to centres: Unclaimed certificates',
      'https://www.jcq.org.uk/exams-office/results-and-certification/notice-to-centres-unclaimed-certificates-april-2007-despatch',
      year,
    ),
  jcqNcnRegister: (year: string) =>
    ref(
      'JCQ, National Centre Number (NCN) Register',
      'https://www.jcq.org.uk/exams-office/general-regulations/national-centre-number-ncn-register/',
      year,
    ),
  jcqUci: (year: string) =>
    ref('JCQ, Unique Candidate Identifiers (UCI)', undefined, year),
  jcqGeneralRegulations: (year: string, section?: string) =>
    ref('JCQ General Regulations for Approved Centres', undefined, year, section),
  ocrHeadOfCentreDeclaration: (year: string) =>
    ref(
      'OCR, Head of centre declaration',
      'https://ocr-live-prd95.cambridgeassessment.org.uk/administration/head-of-centre-declaration',
      year,
    ),
  ocrInternallyAssessedDeadlines: (year: string) =>
    ref(
      'OCR, Meeting internally assessed deadlines',
      'https://ocr.org.uk/administration/support-and-tools/subject-updates/meeting-internally-assessed-deadlines-575611',
      year,
    ),
  wjecTimetabling: (year: string) =>
    ref(
      'WJEC, Timetabling (exams officers)',
      'https://questionbank.wjec.co.uk/exam-officers/during-the-examinations/timetabling.html',
      year,
    ),
  secedResultsChecklist: (year: string) =>
    ref(
      'SecEd, Preparing for exam results: a checklist (Jugjit Chima)',
      'http://www.sec-ed.co.uk/content/best-practice/preparing-for-exam-results-a-checklist',
      year,
    ),
  tesInvigilationRatios2022: () =>
    ref(
      'Tes, Exams 2022: invigilator rules relaxed amid shortage fears',
      'https://tes.com/magazine/news/general/exams-2022-invigilator-rules-relaxed-amid-shortage-fears',
      '2021/22',
    ),
  tesResultsDay: (year: string) =>
    ref('Tes, GCSE results day', 'https://www.tes.com/magazine/analysis/secondary/gcse-results-day', year),
  feNewsNovemberResults: (year: string) =>
    ref('FE News, November GCSE results released', 'https://www.fenews.co.uk/student-view/november-gcse-results-released/', year),
  whickhamSchool: (year: string) =>
    ref('Whickham School, Exam information', 'http://www.whickhamschool.org/supporting-your-child/exam-information', year),
  bordenGrammar: (year: string) =>
    ref('Borden Grammar School, Exam information', 'https://bordengrammar.kent.sch.uk/information/exam-information', year),
  kesSheffield: (year: string) => ref('King Edward VII School Sheffield, Exams', undefined, year),
  simonBalle: (year: string) =>
    ref(
      'Simon Balle School, A level post-results service information',
      'https://www.simonballe.herts.sch.uk/examinations/exams-post-results-service-information/a-level-post-results-service-information',
      year,
    ),
  examsOfficeBlog2019: () => ref('The Exams Office blog (October 2019)', 'https://www.theexamsoffice.org/blog-2/', '2019/20'),
  examsOfficeInductionModule: (year: string) =>
    ref('The Exams Office, Induction and Assessment Module (quoting ICE)', undefined, year),
  theKeyAccessArrangements: (year: string) =>
    ref(
      'The Key, Access arrangements for exams: an overview',
      'https://schoolleaders.thekeysupport.com/curriculum-and-learning/assessment-secondary/examinations/access-arrangements-for-exams-an-overview/',
      year,
    ),
  sjbSend: (year: string) =>
    ref(
      'St John the Baptist School, Exam access arrangements',
      'https://www.sjb.surrey.sch.uk/parents/send/exam-access-arrangements',
      year,
    ),
  handsworthEnquiries: (year: string) =>
    ref('Handsworth School, Enquiry about results', 'https://www.handsworth.bham.sch.uk/enquiry-about-results/', year),
  telfordInvigilation: (year: string) =>
    ref('Telford College, The role of the invigilator (quoting ICE)', 'https://www.telfordcollege.ac.uk/topic/the-role-of-the-invigilator/', year),
  sltSupportMeetings: (year: string) =>
    ref('SLT Support, Meeting agendas', 'https://www.sltsupport.org/supporting-your-eo/meeting-agendas.aspx', year),
  sltSupportRegister: (year: string) =>
    ref('SLT Support, Register for EOPS', 'https://www.sltsupport.org/eo-professional-standards/register-for-eops.aspx', year),
} as const;
