/**
 * The 2024/25 edition (1 September 2024 to 31 August 2025): the November 2024, January 2025, March 2025
 * and June 2025 series. Almost every date here follows a pattern or comes from a school or news page, so
 * it is unconfirmed; each note says why.
 */
import { documents } from './documents.js';
import type { Edition } from './Edition.js';
import { patternNotes } from './notes.js';
import { confirmed, unconfirmed } from './sourced.js';
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
      basedataPublished: unconfirmed('2024-09-01', AQA_ENTRIES, patternNotes.novemberBasedata),
      entryDeadline: unconfirmed('2024-10-04', AQA_ENTRIES, patternNotes.novemberEntryDeadline),
      veryLateDeadline: unconfirmed('2024-10-25', AQA_ENTRIES, patternNotes.novemberVeryLateDeadline),
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
      entryDeadline: unconfirmed('2024-10-21', AQA_ENTRIES, patternNotes.januaryEntryDeadline),
      veryLateDeadline: unconfirmed('2024-12-15', AQA_ENTRIES, patternNotes.januaryVeryLateDeadline),
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
      entryDeadline: unconfirmed('2025-01-21', AQA_ENTRIES, patternNotes.marchEntryDeadline),
      veryLateDeadline: unconfirmed('2025-02-21', AQA_ENTRIES, patternNotes.marchVeryLateDeadline),
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
      entryDeadline: unconfirmed('2025-02-21', AQA_ENTRIES, patternNotes.juneEntryDeadline),
      veryLateDeadline: unconfirmed('2025-04-21', AQA_ENTRIES, patternNotes.juneVeryLateDeadline),
      accessArrangementsDeadline: unconfirmed('2025-03-21', documents.jcqAara(Y, '8'), patternNotes.accessArrangementsDeadline),
      modifiedPapersDeadline: unconfirmed('2025-01-24', documents.theKeyAccessArrangements('2021/22'), patternNotes.modifiedPapersDeadline),
      neaMarksDeadlines: [
        { awardingBodyId: 'OCR', covers: 'all other qualifications', date: unconfirmed('2025-05-15', OCR_NEA, patternNotes.ocrNeaOther) },
        {
          awardingBodyId: 'OCR',
          scope: 'physical-education',
          covers: 'AS/A Level and GCSE Physical Education',
          date: unconfirmed('2025-03-31', OCR_NEA, patternNotes.ocrNeaPhysicalEducation),
        },
        {
          awardingBodyId: 'OCR',
          scope: 'cambridge-nationals-visiting-moderation',
          covers: 'Cambridge Nationals visiting moderation',
          date: unconfirmed('2025-03-31', OCR_NEA, patternNotes.ocrNeaCambridgeNationals),
        },
        {
          awardingBodyId: 'OCR',
          scope: 'art-and-design',
          covers: 'AS/A Level Art & Design',
          date: unconfirmed('2025-05-31', OCR_NEA, patternNotes.ocrNeaArtAndDesign),
        },
      ],
      contingencyDays: [
        {
          date: unconfirmed(
            '2025-06-11',
            documents.bordenGrammar(Y),
            'Stated by schools (Borden Grammar, St Benet\'s), not by JCQ: an afternoon contingency session on Wednesday 11 June 2025 (one school page calls it a Thursday).',
          ),
          session: 'PM',
        },
        {
          date: unconfirmed('2025-06-25', documents.bordenGrammar(Y), 'Stated by schools (Borden Grammar, St Benet\'s), not by JCQ: the all-day contingency day at the end of the timetable.'),
          session: 'all_day',
        },
      ],
      resultsDays: [
        {
          key: 'GCE',
          title: 'A level results day',
          levels: ['GCE', 'vtq_level3'],
          date: unconfirmed(
            '2025-08-14',
            documents.tesResultsDay(Y),
            'Inferred: results days are Thursdays, A level a week before GCSE, and GCSE results day 2025 is 21 August (schools also give 14 August).',
          ),
          jcqRelease: true,
        },
        {
          key: 'GCSE',
          title: 'GCSE results day',
          levels: ['GCSE', 'vtq_level1_2'],
          date: unconfirmed('2025-08-21', documents.tesResultsDay(Y), 'Stated by Tes (a third party) and schools, not by JCQ or an awarding body.'),
          jcqRelease: true,
        },
      ],
      postResultsPriorityDeadline: unconfirmed(
        '2025-08-21',
        documents.simonBalle(Y),
        'Stated by a school (Simon Balle School), not by JCQ; it falls on GCSE results day, as in 2022.',
      ),
      postResultsFinalDeadline: unconfirmed(
        '2025-09-25',
        documents.simonBalle(Y),
        'Simon Balle School gives 25 September 2025; Gosforth Academy gives 1pm 26 September 2025; one is probably a school\'s internal date. Not read in a JCQ document.',
      ),
      certificatesExpected: unconfirmed('2025-11-07', documents.examsOfficeBlog2019(), patternNotes.certificatesExpected),
      unknown: [
        { kind: 'basedata_published', why: 'AQA published June basedata on 23 November 2023 (June 2024) and 13 November 2016 (June 2017): no fixed date, and no source for June 2025.' },
        { kind: 'nea_marks_deadline', why: 'Only OCR\'s mark deadlines were sourced; AQA, Pearson and WJEC/Eduqas deadlines are not in the pack.' },
      ],
    },
  ],
  annual: {
    ncnRegisterUpdate: confirmed(
      '2024-10-31',
      documents.jcqNcnRegister('2025/26'),
      'Emailed to centres at the beginning of October; complete by 31 October every year, even when nothing has changed. Failure may lead to suspension of centre status.',
    ),
    headOfCentreDeclaration: confirmed(
      '2024-10-31',
      documents.ocrHeadOfCentreDeclaration('2025/26'),
      'An online declaration only the head (or acting head) of centre may complete, due by 31 October every year; failure suspends centre status.',
    ),
  },
  rules: standingRules,
  eops: {
    newOfficerCadence: unconfirmed(
      { early: 'fortnightly', examTime: 'weekly', earlyWeeks: 12 },
      documents.sltSupportMeetings('2025/26'),
      'SLT Support: a new exams officer meets "weekly or fortnightly in the early weeks and months" and weekly during exam time; the pack gives the least frequent cadence. No number of weeks is given: 12 (the toolkit\'s first three months) is the pack\'s reading.',
    ),
    experiencedOfficerCadence: confirmed(
      'half_termly',
      documents.sltSupportMeetings('2025/26'),
      'SLT Support: an experienced exams officer meets "monthly or half-termly"; the pack gives the least frequent cadence.',
    ),
    registrationBy: confirmed(
      '2024-10-31',
      documents.sltSupportRegister('2025/26'),
      'Register each academic year "as soon as possible in September or October".',
    ),
  },
};
