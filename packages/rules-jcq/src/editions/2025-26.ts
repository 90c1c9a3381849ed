/**
 * The 2025/26 edition (1 September 2025 to 31 August 2026): the November 2025, January 2026, March 2026
 * and June 2026 series. AQA confirms the June 2026 results and restricted release days and the November
 * 2025 basedata date; the rest follow patterns or secondary sources and are unconfirmed.
 */
import { documents } from './documents.js';
import type { Edition } from './Edition.js';
import { patternNotes } from './notes.js';
import { confirmed, unconfirmed } from './sourced.js';
import { standingRules } from './standingRules.js';

const Y = '2025/26';
const AQA_ENTRIES = documents.aqaEntries('2023/24');
const OCR_NEA = documents.ocrInternallyAssessedDeadlines('2019/20');

/**
 * The JCQ regulations of 2025/26 as data.
 *
 * @example
 * ```ts
 * edition2025_26.series.find((s) => s.month === 'june')?.resultsDays[0]?.date.value; // '2026-08-13'
 * ```
 */
export const edition2025_26: Edition = {
  academicYear: '2025/26',
  series: [
    {
      month: 'november',
      year: 2025,
      basedataPublished: confirmed('2025-09-01', documents.aqaNovemberBasedataReadme(Y), 'The AQA November 2025 basedata Readme: "published 1-September-25".'),
      entryDeadline: unconfirmed('2025-10-04', AQA_ENTRIES, patternNotes.novemberEntryDeadline),
      veryLateDeadline: unconfirmed('2025-10-25', AQA_ENTRIES, patternNotes.novemberVeryLateDeadline),
      neaMarksDeadlines: [],
      contingencyDays: [],
      resultsDays: [
        {
          key: 'all',
          title: 'November series results day (GCSE English Language and Mathematics)',
          levels: ['GCSE'],
          date: unconfirmed('2026-01-08', documents.feNewsNovemberResults(Y), 'Stated by FE News and Whickham School, not by JCQ or an awarding body.'),
          jcqRelease: true,
        },
      ],
      unknown: [
        { kind: 'access_arrangements_deadline', why: 'No source gives the November series access arrangements deadline.' },
        { kind: 'modified_papers_deadline', why: 'No source gives the November series modified papers deadline.' },
        { kind: 'post_results_final_deadline', why: 'No source gives the November series post-results deadlines.' },
        { kind: 'certificates_expected', why: 'No source gives when November series certificates arrive.' },
      ],
    },
    {
      month: 'january',
      year: 2026,
      entryDeadline: unconfirmed('2025-10-21', AQA_ENTRIES, patternNotes.januaryEntryDeadline),
      veryLateDeadline: unconfirmed('2025-12-15', AQA_ENTRIES, patternNotes.januaryVeryLateDeadline),
      neaMarksDeadlines: [],
      contingencyDays: [],
      resultsDays: [
        {
          key: 'all',
          title: 'January series results day',
          levels: 'all',
          date: unconfirmed('2026-03-19', documents.whickhamSchool(Y), 'Stated by a school (Whickham School) only.'),
          jcqRelease: false,
        },
      ],
      unknown: [{ kind: 'basedata_published', why: 'No source gives when January series basedata is published.' }],
    },
    {
      month: 'march',
      year: 2026,
      entryDeadline: unconfirmed('2026-01-21', AQA_ENTRIES, patternNotes.marchEntryDeadline),
      veryLateDeadline: unconfirmed('2026-02-21', AQA_ENTRIES, patternNotes.marchVeryLateDeadline),
      neaMarksDeadlines: [],
      contingencyDays: [],
      resultsDays: [],
      unknown: [
        { kind: 'basedata_published', why: 'No source gives when March series basedata is published.' },
        { kind: 'results_day', why: 'No source gives the March 2026 results day.' },
      ],
    },
    {
      month: 'june',
      year: 2026,
      entryDeadline: unconfirmed('2026-02-21', AQA_ENTRIES, patternNotes.juneEntryDeadline),
      veryLateDeadline: unconfirmed('2026-04-21', AQA_ENTRIES, patternNotes.juneVeryLateDeadline),
      accessArrangementsDeadline: unconfirmed('2026-03-21', documents.jcqAara(Y, '8'), patternNotes.accessArrangementsDeadline),
      modifiedPapersDeadline: unconfirmed('2026-01-24', documents.theKeyAccessArrangements('2021/22'), patternNotes.modifiedPapersDeadline),
      neaMarksDeadlines: [
        { awardingBodyId: 'OCR', covers: 'all other qualifications', date: unconfirmed('2026-05-15', OCR_NEA, patternNotes.ocrNeaOther) },
        {
          awardingBodyId: 'OCR',
          scope: 'physical-education',
          covers: 'AS/A Level and GCSE Physical Education',
          date: unconfirmed('2026-03-31', OCR_NEA, patternNotes.ocrNeaPhysicalEducation),
        },
        {
          awardingBodyId: 'OCR',
          scope: 'cambridge-nationals-visiting-moderation',
          covers: 'Cambridge Nationals visiting moderation',
          date: unconfirmed('2026-03-31', OCR_NEA, patternNotes.ocrNeaCambridgeNationals),
        },
        {
          awardingBodyId: 'OCR',
          scope: 'art-and-design',
          covers: 'AS/A Level Art & Design',
          date: unconfirmed('2026-05-31', OCR_NEA, patternNotes.ocrNeaArtAndDesign),
        },
      ],
      contingencyDays: [
        {
          date: unconfirmed('2026-06-10', documents.kesSheffield(Y), 'Stated by schools (KES Sheffield, Whickham School), not by JCQ; the session is not stated.'),
        },
        {
          date: unconfirmed('2026-06-24', documents.kesSheffield(Y), 'Stated by schools (KES Sheffield, Whickham School), not by JCQ: the all-day contingency day at the end of the timetable.'),
          session: 'all_day',
        },
      ],
      resultsDays: [
        {
          key: 'GCE',
          title: 'A level results day',
          levels: ['GCE', 'vtq_level3'],
          date: confirmed('2026-08-13', documents.aqaOnboardingJune(Y), 'AQA: the official results days are "Thursday 13 August and Thursday 20 August"; restricted release is Wednesday 12 August for A level.'),
          jcqRelease: true,
        },
        {
          key: 'GCSE',
          title: 'GCSE results day',
          levels: ['GCSE', 'vtq_level1_2'],
          date: confirmed('2026-08-20', documents.aqaOnboardingJune(Y), 'AQA: restricted release is Wednesday 19 August for GCSE, before the official results day of Thursday 20 August.'),
          jcqRelease: true,
        },
      ],
      postResultsPriorityDeadline: unconfirmed('2026-08-20', documents.simonBalle('2024/25'), patternNotes.priorityDeadlinePattern),
      postResultsFinalDeadline: unconfirmed('2026-09-24', documents.simonBalle('2024/25'), patternNotes.finalDeadlinePattern),
      certificatesExpected: unconfirmed('2026-11-07', documents.examsOfficeBlog2019(), patternNotes.certificatesExpected),
      unknown: [
        { kind: 'basedata_published', why: 'AQA published June basedata on 23 November 2023 (June 2024) and 13 November 2016 (June 2017): no fixed date, and no source for June 2026.' },
        { kind: 'nea_marks_deadline', why: 'Only OCR\'s mark deadlines were sourced; AQA, Pearson and WJEC/Eduqas deadlines are not in the pack.' },
      ],
    },
  ],
  annual: {
    ncnRegisterUpdate: confirmed(
      '2025-10-31',
      documents.jcqNcnRegister(Y),
      'Emailed to centres at the beginning of October; complete by 31 October every year, even when nothing has changed. Failure may lead to suspension of centre status.',
    ),
    headOfCentreDeclaration: confirmed(
      '2025-10-31',
      documents.ocrHeadOfCentreDeclaration(Y),
      'An online declaration only the head (or acting head) of centre may complete, due by 31 October every year; failure suspends centre status.',
    ),
  },
  rules: standingRules,
  eops: {
    newOfficerCadence: unconfirmed(
      { early: 'fortnightly', examTime: 'weekly', earlyWeeks: 12 },
      documents.sltSupportMeetings(Y),
      'SLT Support: a new exams officer meets "weekly or fortnightly in the early weeks and months" and weekly during exam time; the pack gives the least frequent cadence. No number of weeks is given: 12 (the toolkit\'s first three months) is the pack\'s reading.',
    ),
    experiencedOfficerCadence: confirmed(
      'half_termly',
      documents.sltSupportMeetings(Y),
      'SLT Support: an experienced exams officer meets "monthly or half-termly"; the pack gives the least frequent cadence.',
    ),
    registrationBy: confirmed(
      '2025-10-31',
      documents.sltSupportRegister(Y),
      'Register each academic year "as soon as possible in September or October"; for 2025/26 a new platform requires re-registration.',
    ),
  },
};
