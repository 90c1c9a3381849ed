/**
 * The 2024/25 edition (1 September 2024 to 31 August 2025): the November 2024, January 2025, March 2025
 * and June 2025 series. Ofqual gives the June 2025 results days; most other dates follow a pattern or
 * come from a school or news page, and their confidence and note say so.
 */
import { documents } from './documents.js';
import type { Edition } from './Edition.js';
import { patternNotes } from './notes.js';
import { pattern, primary, reading, secondary } from './sourced.js';
import { standingRules } from './standingRules.js';

const Y = '2024/25';
const AQA_ENTRIES = documents.aqaEntries('2023/24');
const OCR_NEA = documents.ocrInternallyAssessedDeadlines('2019/20');

/**
 * The JCQ regulations of 2024/25 as data.
 *
 * @example
 * ```ts
 * edition2024_25.series.find((s) => s.month === 'june')?.entryDeadline.value; // '2025-02-21'
 * ```
 */
export const edition2024_25: Edition = {
  academicYear: '2024/25',
  series: [
    {
      month: 'november',
      year: 2024,
      basedataPublished: pattern('2024-09-01', AQA_ENTRIES, patternNotes.novemberBasedata),
      entryDeadline: pattern('2024-10-04', AQA_ENTRIES, patternNotes.novemberEntryDeadline),
      veryLateDeadline: pattern('2024-10-25', AQA_ENTRIES, patternNotes.novemberVeryLateDeadline),
      neaMarksDeadlines: [],
      contingencyDays: [],
      resultsDays: [],
      unknown: [
        { kind: 'results_day', why: 'No source gives the November 2024 results day (results days were Thursdays in early or mid January, with no fixed week).' },
        { kind: 'access_arrangements_deadline', why: 'No source gives the November series access arrangements deadline.' },
        { kind: 'modified_papers_deadline', why: 'No source gives the November series modified papers deadline.' },
        { kind: 'post_results_final_deadline', why: 'No source gives the November series post-results deadlines.' },
        { kind: 'certificates_expected', why: 'No source gives when November series certificates arrive.' },
      ],
    },
    {
      month: 'january',
      year: 2025,
      entryDeadline: pattern('2024-10-21', AQA_ENTRIES, patternNotes.januaryEntryDeadline),
      veryLateDeadline: pattern('2024-12-15', AQA_ENTRIES, patternNotes.januaryVeryLateDeadline),
      neaMarksDeadlines: [],
      contingencyDays: [],
      resultsDays: [],
      unknown: [
        { kind: 'basedata_published', why: 'No source gives when January series basedata is published.' },
        { kind: 'results_day', why: 'No source gives the January 2025 results day.' },
      ],
    },
    {
      month: 'march',
      year: 2025,
      entryDeadline: pattern('2025-01-21', AQA_ENTRIES, patternNotes.marchEntryDeadline),
      veryLateDeadline: pattern('2025-02-21', AQA_ENTRIES, patternNotes.marchVeryLateDeadline),
      neaMarksDeadlines: [],
      contingencyDays: [],
      resultsDays: [],
      unknown: [
        { kind: 'basedata_published', why: 'No source gives when March series basedata is published.' },
        { kind: 'results_day', why: 'No source gives the March 2025 results day.' },
      ],
    },
    {
      month: 'june',
      year: 2025,
      entryDeadline: pattern('2025-02-21', AQA_ENTRIES, patternNotes.juneEntryDeadline),
      veryLateDeadline: pattern('2025-04-21', AQA_ENTRIES, patternNotes.juneVeryLateDeadline),
      accessArrangementsDeadline: pattern('2025-03-21', documents.aqaOnboardingDecember('2025/26'), patternNotes.accessArrangementsDeadline),
      modifiedPapersDeadline: pattern('2025-01-31', documents.aqaOnboardingDecember('2025/26'), patternNotes.modifiedPapersDeadline),
      neaMarksDeadlines: [
        { awardingBodyId: 'OCR', covers: 'all other qualifications', date: pattern('2025-05-15', OCR_NEA, patternNotes.ocrNeaOther) },
        {
          awardingBodyId: 'OCR',
          scope: 'physical-education',
          covers: 'AS/A Level and GCSE Physical Education',
          date: pattern('2025-03-31', OCR_NEA, patternNotes.ocrNeaPhysicalEducation),
        },
        {
          awardingBodyId: 'OCR',
          scope: 'cambridge-nationals-visiting-moderation',
          covers: 'Cambridge Nationals visiting moderation',
          date: pattern('2025-03-31', OCR_NEA, patternNotes.ocrNeaCambridgeNationals),
        },
        {
          awardingBodyId: 'OCR',
          scope: 'art-and-design',
          covers: 'AS/A Level Art & Design',
          date: pattern('2025-05-31', OCR_NEA, patternNotes.ocrNeaArtAndDesign),
        },
      ],
      contingencyDays: [
        {
          date: secondary(
            '2025-06-11',
            documents.bordenGrammar(Y),
            'Stated by schools (Borden Grammar, St Benet\'s), not by JCQ: an afternoon contingency session on Wednesday 11 June 2025 (one school page calls it a Thursday).',
          ),
          session: 'PM',
        },
        {
          date: secondary('2025-06-25', documents.bordenGrammar(Y), 'Stated by schools (Borden Grammar, St Benet\'s), not by JCQ: the all-day contingency day at the end of the timetable.'),
          session: 'all_day',
        },
      ],
      resultsDays: [
        {
          key: 'GCE',
          title: 'A level results day',
          levels: ['GCE', 'vtq_level3'],
          date: primary(
            '2025-08-14',
            documents.ofqualResultsSummer2025(),
            'Ofqual: "results for many level 3 qualifications were issued on 14 August 2025".',
          ),
          jcqRelease: true,
        },
        {
          key: 'GCSE',
          title: 'GCSE results day',
          levels: ['GCSE', 'vtq_level1_2'],
          date: primary('2025-08-21', documents.ofqualResultsSummer2025(), 'Ofqual: "results for many level 1/2 and level 2 qualifications will be issued on 21 August 2025".'),
          jcqRelease: true,
        },
      ],
      postResultsPriorityDeadline: secondary(
        '2025-08-21',
        documents.simonBalle(Y),
        'Stated by a school (Simon Balle School), not by JCQ; it falls on GCSE results day, as in 2022.',
      ),
      postResultsFinalDeadline: secondary(
        '2025-09-25',
        documents.simonBalle(Y),
        'Simon Balle School gives 25 September 2025; Gosforth Academy gives 1pm 26 September 2025; one is probably a school\'s internal date. Not read in a JCQ document.',
      ),
      certificatesExpected: pattern('2025-11-07', documents.examsOfficeBlog2019(), patternNotes.certificatesExpected),
      unknown: [
        { kind: 'basedata_published', why: 'AQA published June basedata on 23 November 2023 (June 2024) and 13 November 2016 (June 2017): no fixed date, and no source for June 2025.' },
        { kind: 'nea_marks_deadline', why: 'Only OCR\'s mark deadlines were sourced; AQA, Pearson and WJEC/Eduqas deadlines are not in the pack.' },
      ],
    },
  ],
  annual: {
    ncnRegisterUpdate: primary(
      '2024-10-31',
      documents.jcqNcnRegister('2025/26'),
      'Emailed to centres at the beginning of October; complete by 31 October every year, even when nothing has changed. Failure may lead to suspension of centre status.',
    ),
    headOfCentreDeclaration: primary(
      '2024-10-31',
      documents.ocrHeadOfCentreDeclaration('2025/26'),
      'An online declaration only the head (or acting head) of centre may complete, due by 31 October every year; failure suspends centre status.',
    ),
  },
  rules: standingRules,
  eops: {
    newOfficerCadence: reading(
      { early: 'fortnightly', examTime: 'weekly', earlyWeeks: 12 },
      documents.sltSupportMeetings('2025/26'),
      'SLT Support: a new exams officer meets "weekly or fortnightly in the early weeks and months" and weekly during exam time; the pack gives the least frequent cadence. No number of weeks is given: 12 (the toolkit\'s first three months) is the pack\'s reading.',
    ),
    experiencedOfficerCadence: primary(
      'half_termly',
      documents.sltSupportMeetings('2025/26'),
      'SLT Support: an experienced exams officer meets "monthly or half-termly"; the pack gives the least frequent cadence.',
    ),
    registrationBy: reading(
      '2024-10-31',
      documents.sltSupportRegister('2025/26'),
      'SLT Support: register each academic year "as soon as possible in September or October"; 31 October is the pack\'s reading of that wording.',
    ),
  },
};
