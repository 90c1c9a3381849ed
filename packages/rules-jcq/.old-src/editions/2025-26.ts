/**
 * The 2025/26 edition (1 September 2025 to 31 August 2026): the November 2025, January 2026, March 2026
 * and June 2026 series. AQA confirms the June 2026 results and restricted release days and the November
 * 2025 basedata date, AQA the June 2026 access arrangements (21 March) and modified papers (31 January)
 * deadlines and Pearson its November 2025 access arrangements deadline; the rest are patterns or
 * secondary, and say so.
 */
import { documents } from './documents.js';
import type { Edition } from './Edition.js';
import { patternNotes } from './notes.js';
import { pattern, primary, reading, secondary } from './sourced.js';
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
      basedataPublished: primary('2025-09-01', documents.aqaNovemberBasedataReadme(Y), 'The AQA November 2025 basedata Readme: "published 1-September-25".'),
      entryDeadline: pattern('2025-10-04', AQA_ENTRIES, patternNotes.novemberEntryDeadline),
      veryLateDeadline: pattern('2025-10-25', AQA_ENTRIES, patternNotes.novemberVeryLateDeadline),
      accessArrangementsDeadline: primary(
        '2025-11-01',
        documents.pearsonGqBulletinInternational69(),
        'Pearson\'s date, for its GCSE English Language and Mathematics: "1 Nov | Nov 2025 | Deadline to submit access arrangments applications for GCSE English Language and Mathematics" (also International GCSE). Other awarding bodies\' November deadlines were not read.',
      ),
      accessArrangementsDeadlineAwardingBodyId: 'Pearson',
      neaMarksDeadlines: [],
      contingencyDays: [],
      resultsDays: [
        {
          key: 'all',
          title: 'November series results day (GCSE English Language and Mathematics)',
          levels: ['GCSE'],
          date: secondary('2026-01-08', documents.feNewsNovemberResults(Y), 'Stated by FE News and Whickham School, not by JCQ or an awarding body.'),
          jcqRelease: true,
        },
      ],
      unknown: [
        { kind: 'access_arrangements_deadline', why: 'Only Pearson\'s November 2025 deadline (1 November) was read; AQA, OCR and WJEC/Eduqas November deadlines are not in the pack.' },
        { kind: 'modified_papers_deadline', why: 'No source gives the November series modified papers deadline.' },
        { kind: 'post_results_final_deadline', why: 'No source gives the November series post-results deadlines.' },
        { kind: 'certificates_expected', why: 'No source gives when November series certificates arrive.' },
      ],
    },
    {
      month: 'january',
      year: 2026,
      entryDeadline: pattern('2025-10-21', AQA_ENTRIES, patternNotes.januaryEntryDeadline),
      veryLateDeadline: pattern('2025-12-15', AQA_ENTRIES, patternNotes.januaryVeryLateDeadline),
      neaMarksDeadlines: [],
      contingencyDays: [],
      resultsDays: [
        {
          key: 'all',
          title: 'January series results day',
          levels: 'all',
          date: secondary('2026-03-19', documents.whickhamSchool(Y), 'Stated by a school (Whickham School) only.'),
          jcqRelease: false,
        },
      ],
      unknown: [{ kind: 'basedata_published', why: 'No source gives when January series basedata is published.' }],
    },
    {
      month: 'march',
      year: 2026,
      entryDeadline: pattern('2026-01-21', AQA_ENTRIES, patternNotes.marchEntryDeadline),
      veryLateDeadline: pattern('2026-02-21', AQA_ENTRIES, patternNotes.marchVeryLateDeadline),
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
      entryDeadline: pattern('2026-02-21', AQA_ENTRIES, patternNotes.juneEntryDeadline),
      veryLateDeadline: pattern('2026-04-21', AQA_ENTRIES, patternNotes.juneVeryLateDeadline),
      accessArrangementsDeadline: primary('2026-03-21', documents.aqaOnboardingDecember(Y), 'AQA: "The deadline to apply for Access Arrangements for the Summer 2026 exam series is 21 March 2026". The JCQ Key Dates for 2025/26 were not read.'),
      modifiedPapersDeadline: primary('2026-01-31', documents.aqaOnboardingDecember(Y), 'AQA: "The deadline to apply for modified papers for the Summer 2026 exam series is 31 January 2026". Corrected from 24 January, which had no source; Pearson also gave 31 January (2021, 2023).'),
      neaMarksDeadlines: [
        { awardingBodyId: 'OCR', covers: 'all other qualifications', date: pattern('2026-05-15', OCR_NEA, patternNotes.ocrNeaOther) },
        {
          awardingBodyId: 'OCR',
          scope: 'physical-education',
          covers: 'AS/A Level and GCSE Physical Education',
          date: pattern('2026-03-31', OCR_NEA, patternNotes.ocrNeaPhysicalEducation),
        },
        {
          awardingBodyId: 'OCR',
          scope: 'cambridge-nationals-visiting-moderation',
          covers: 'Cambridge Nationals visiting moderation',
          date: pattern('2026-03-31', OCR_NEA, patternNotes.ocrNeaCambridgeNationals),
        },
        {
          awardingBodyId: 'OCR',
          scope: 'art-and-design',
          covers: 'AS/A Level Art & Design',
          date: pattern('2026-05-31', OCR_NEA, patternNotes.ocrNeaArtAndDesign),
        },
      ],
      contingencyDays: [
        {
          date: secondary(
            '2026-06-24',
            documents.whickhamSchool(Y),
            'Stated by schools (Whickham School, Harris Academy Sutton, Great Sankey High School, KES Sheffield), not read in a JCQ document: the all-day contingency day at the end of the timetable.',
          ),
          session: 'all_day',
        },
      ],
      resultsDays: [
        {
          key: 'GCE',
          title: 'A level results day',
          levels: ['GCE', 'vtq_level3'],
          date: primary('2026-08-13', documents.aqaOnboardingJune(Y), 'AQA: the official results days are "Thursday 13 August and Thursday 20 August"; restricted release is Wednesday 12 August for A level.'),
          jcqRelease: true,
        },
        {
          key: 'GCSE',
          title: 'GCSE results day',
          levels: ['GCSE', 'vtq_level1_2'],
          date: primary('2026-08-20', documents.aqaOnboardingJune(Y), 'AQA: restricted release is Wednesday 19 August for GCSE, before the official results day of Thursday 20 August.'),
          jcqRelease: true,
        },
      ],
      postResultsPriorityDeadline: pattern('2026-08-20', documents.simonBalle('2024/25'), patternNotes.priorityDeadlinePattern),
      postResultsFinalDeadline: pattern('2026-09-24', documents.simonBalle('2024/25'), patternNotes.finalDeadlinePattern),
      certificatesExpected: pattern('2026-11-07', documents.examsOfficeBlog2019(), patternNotes.certificatesExpected),
      unknown: [
        { kind: 'basedata_published', why: 'AQA published June basedata on 23 November 2023 (June 2024) and 13 November 2016 (June 2017): no fixed date, and no source for June 2026.' },
        { kind: 'nea_marks_deadline', why: 'Only OCR\'s mark deadlines were sourced; AQA, Pearson and WJEC/Eduqas deadlines are not in the pack.' },
        { kind: 'contingency_day', why: 'A mid-series contingency session on 10 June 2026 is given by one school (KES Sheffield) only; four others give only 24 June. Not shipped until a JCQ source gives it.' },
      ],
    },
  ],
  annual: {
    ncnRegisterUpdate: primary(
      '2025-10-31',
      documents.jcqNcnRegister(Y),
      'Emailed to centres at the beginning of October; complete by 31 October every year, even when nothing has changed. Failure may lead to suspension of centre status.',
    ),
    headOfCentreDeclaration: primary(
      '2025-10-31',
      documents.ocrHeadOfCentreDeclaration(Y),
      'An online declaration only the head (or acting head) of centre may complete, due by 31 October every year; failure suspends centre status.',
    ),
  },
  rules: standingRules,
  eops: {
    newOfficerCadence: reading(
      { early: 'fortnightly', examTime: 'weekly', earlyWeeks: 12 },
      documents.sltSupportMeetings(Y),
      'SLT Support: a new exams officer meets "weekly or fortnightly in the early weeks and months" and weekly during exam time; the pack gives the least frequent cadence. No number of weeks is given: 12 (the toolkit\'s first three months) is the pack\'s reading.',
    ),
    experiencedOfficerCadence: primary(
      'half_termly',
      documents.sltSupportMeetings(Y),
      'SLT Support: an experienced exams officer meets "monthly or half-termly"; the pack gives the least frequent cadence.',
    ),
    registrationBy: reading(
      '2025-10-31',
      documents.sltSupportRegister(Y),
      'SLT Support: register each academic year "as soon as possible in September or October"; 31 October is the pack\'s reading of that wording. For 2025/26 a new platform requires re-registration.',
    ),
  },
};
