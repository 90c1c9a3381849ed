/**
 * The 2026/27 edition (1 September 2026 to 31 August 2027): the November 2026, January 2027, March 2027
 * and June 2027 series. No source gives any 2026/27 date yet: every date follows a documented pattern and
 * is marked `pattern`, and the dates no pattern fixes (contingency days, November results day) are left unknown.
 */
import { documents } from './documents.js';
import type { Edition } from './Edition.js';
import { patternNotes } from './notes.js';
import { pattern, primary, primaryEarlierYear, reading } from './sourced.js';
import { standingRules } from './standingRules.js';

const CONSULTED = '2025/26';
const AQA_ENTRIES = documents.aqaEntries('2023/24');
const OCR_NEA = documents.ocrInternallyAssessedDeadlines('2019/20');

/**
 * The JCQ regulations of 2026/27 as data.
 *
 * @example
 * ```ts
 * edition2026_27.series.find((s) => s.month === 'june')?.entryDeadline.value; // '2027-02-21'
 * ```
 */
export const edition2026_27: Edition = {
  academicYear: '2026/27',
  series: [
    {
      month: 'november',
      year: 2026,
      basedataPublished: pattern('2026-09-01', AQA_ENTRIES, patternNotes.novemberBasedata),
      entryDeadline: pattern('2026-10-04', AQA_ENTRIES, `${patternNotes.novemberEntryDeadline} 4 October 2026 is a Sunday.`),
      veryLateDeadline: pattern('2026-10-25', AQA_ENTRIES, `${patternNotes.novemberVeryLateDeadline} 25 October 2026 is a Sunday.`),
      neaMarksDeadlines: [],
      contingencyDays: [],
      resultsDays: [],
      unknown: [
        { kind: 'results_day', why: 'No source gives the November 2026 results day (results days were Thursdays in early or mid January, with no fixed week).' },
        { kind: 'access_arrangements_deadline', why: 'No source gives the November series access arrangements deadline.' },
        { kind: 'modified_papers_deadline', why: 'No source gives the November series modified papers deadline.' },
        { kind: 'post_results_final_deadline', why: 'No source gives the November series post-results deadlines.' },
        { kind: 'certificates_expected', why: 'No source gives when November series certificates arrive.' },
      ],
    },
    {
      month: 'january',
      year: 2027,
      entryDeadline: pattern('2026-10-21', AQA_ENTRIES, patternNotes.januaryEntryDeadline),
      veryLateDeadline: pattern('2026-12-15', AQA_ENTRIES, patternNotes.januaryVeryLateDeadline),
      neaMarksDeadlines: [],
      contingencyDays: [],
      resultsDays: [],
      unknown: [
        { kind: 'basedata_published', why: 'No source gives when January series basedata is published.' },
        { kind: 'results_day', why: 'No source gives the January 2027 results day.' },
      ],
    },
    {
      month: 'march',
      year: 2027,
      entryDeadline: pattern('2027-01-21', AQA_ENTRIES, patternNotes.marchEntryDeadline),
      veryLateDeadline: pattern('2027-02-21', AQA_ENTRIES, `${patternNotes.marchVeryLateDeadline} 21 February 2027 is a Sunday.`),
      neaMarksDeadlines: [],
      contingencyDays: [],
      resultsDays: [],
      unknown: [
        { kind: 'basedata_published', why: 'No source gives when March series basedata is published.' },
        { kind: 'results_day', why: 'No source gives the March 2027 results day.' },
      ],
    },
    {
      month: 'june',
      year: 2027,
      entryDeadline: pattern('2027-02-21', AQA_ENTRIES, `${patternNotes.juneEntryDeadline} 21 February 2027 is a Sunday.`),
      veryLateDeadline: pattern('2027-04-21', AQA_ENTRIES, patternNotes.juneVeryLateDeadline),
      accessArrangementsDeadline: pattern('2027-03-21', documents.aqaOnboardingDecember(CONSULTED), `${patternNotes.accessArrangementsDeadline} 21 March 2027 is a Sunday.`),
      modifiedPapersDeadline: pattern('2027-01-31', documents.aqaOnboardingDecember(CONSULTED), `${patternNotes.modifiedPapersDeadline} 31 January 2027 is a Sunday.`),
      neaMarksDeadlines: [
        {
          awardingBodyId: 'OCR',
          covers: 'all other qualifications',
          date: pattern('2027-05-15', OCR_NEA, `${patternNotes.ocrNeaOther} 15 May 2027 is a Saturday.`),
        },
        {
          awardingBodyId: 'OCR',
          scope: 'physical-education',
          covers: 'AS/A Level and GCSE Physical Education',
          date: pattern('2027-03-31', OCR_NEA, patternNotes.ocrNeaPhysicalEducation),
        },
        {
          awardingBodyId: 'OCR',
          scope: 'cambridge-nationals-visiting-moderation',
          covers: 'Cambridge Nationals visiting moderation',
          date: pattern('2027-03-31', OCR_NEA, patternNotes.ocrNeaCambridgeNationals),
        },
        {
          awardingBodyId: 'OCR',
          scope: 'art-and-design',
          covers: 'AS/A Level Art & Design',
          date: pattern('2027-05-31', OCR_NEA, `${patternNotes.ocrNeaArtAndDesign} 31 May 2027 is the Spring bank holiday.`),
        },
      ],
      contingencyDays: [],
      resultsDays: [
        {
          key: 'GCE',
          title: 'A level results day',
          levels: ['GCE', 'vtq_level3'],
          date: pattern('2027-08-19', documents.aqaOnboardingJune(CONSULTED), patternNotes.resultsDaysPattern),
          jcqRelease: true,
        },
        {
          key: 'GCSE',
          title: 'GCSE results day',
          levels: ['GCSE', 'vtq_level1_2'],
          date: pattern('2027-08-26', documents.aqaOnboardingJune(CONSULTED), patternNotes.resultsDaysPattern),
          jcqRelease: true,
        },
      ],
      postResultsPriorityDeadline: pattern('2027-08-26', documents.simonBalle('2024/25'), `${patternNotes.priorityDeadlinePattern} GCSE results day 2027 is itself derived.`),
      postResultsFinalDeadline: pattern('2027-09-30', documents.simonBalle('2024/25'), patternNotes.finalDeadlinePattern),
      certificatesExpected: pattern('2027-11-07', documents.examsOfficeBlog2019(), `${patternNotes.certificatesExpected} 7 November 2027 is a Sunday.`),
      unknown: [
        { kind: 'basedata_published', why: 'No source gives when June 2027 basedata is published.' },
        { kind: 'contingency_day', why: 'No source gives the June 2027 contingency days; they follow the 2027 timetable.' },
        { kind: 'special_consideration_window', why: 'The series window is counted from the last contingency day, which is not known for June 2027.' },
        { kind: 'very_late_arrival_report_window', why: 'The series window is counted from the last contingency day, which is not known for June 2027.' },
        { kind: 'nea_marks_deadline', why: 'Only OCR\'s mark deadlines were sourced; AQA, Pearson and WJEC/Eduqas deadlines are not in the pack.' },
      ],
    },
  ],
  annual: {
    ncnRegisterUpdate: primaryEarlierYear(
      '2026-10-31',
      documents.jcqNcnRegister(CONSULTED),
      'Read in the 2025/26 page: emailed to centres at the beginning of October; complete by 31 October every year, even when nothing has changed. Failure may lead to suspension of centre status.',
    ),
    headOfCentreDeclaration: primaryEarlierYear(
      '2026-10-31',
      documents.ocrHeadOfCentreDeclaration(CONSULTED),
      'Read in the 2025/26 page: an online declaration only the head (or acting head) of centre may complete, due by 31 October every year; failure suspends centre status.',
    ),
  },
  rules: standingRules,
  eops: {
    newOfficerCadence: reading(
      { early: 'fortnightly', examTime: 'weekly', earlyWeeks: 12 },
      documents.sltSupportMeetings(CONSULTED),
      'SLT Support: a new exams officer meets "weekly or fortnightly in the early weeks and months" and weekly during exam time; the pack gives the least frequent cadence. No number of weeks is given: 12 (the toolkit\'s first three months) is the pack\'s reading.',
    ),
    experiencedOfficerCadence: primary(
      'half_termly',
      documents.sltSupportMeetings(CONSULTED),
      'SLT Support: an experienced exams officer meets "monthly or half-termly"; the pack gives the least frequent cadence.',
    ),
    registrationBy: reading(
      '2026-10-31',
      documents.sltSupportRegister(CONSULTED),
      'SLT Support: register each academic year "as soon as possible in September or October"; 31 October is the pack\'s reading of that wording.',
    ),
  },
};
