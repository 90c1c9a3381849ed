/**
 * Why each patterned value is unconfirmed, written once: the editions of several years share the same
 * reasoning (a fixed date AQA has used for years, a pattern in results days), and the README's
 * unconfirmed-values table quotes these notes.
 */

/**
 * The notes the editions attach to unconfirmed values, by value.
 *
 * @example
 * ```ts
 * patternNotes.juneEntryDeadline; // 'AQA gives 21 February for June 2015, 2017 and 2024 …'
 * ```
 */
export const patternNotes = {
  juneEntryDeadline:
    'AQA gives 21 February for June 2015, 2017 and 2024 (Pearson for summer 2018): a fixed date for over ten years. This series follows the pattern; it was not read in the JCQ Key Dates for the year.',
  juneVeryLateDeadline:
    'AQA gives 21 April for June 2017 and June 2024 as the deadline for very late entries, amendment fees and withdrawal refunds. This series follows the pattern.',
  novemberBasedata: 'AQA published November basedata on 1 September in 2016, 2023 and 2025. This series follows the pattern.',
  novemberEntryDeadline: 'AQA gives 4 October for November 2014, 2016 and 2023. This series follows the pattern.',
  novemberVeryLateDeadline: 'AQA gives 25 October for November 2016 and 2023. This series follows the pattern.',
  januaryEntryDeadline: 'AQA gives 21 October of the year before for January 2017 and 2024. This series follows the pattern.',
  januaryVeryLateDeadline: 'AQA gives 15 December for January 2017 and 2024. This series follows the pattern.',
  marchEntryDeadline: 'AQA gives 21 January for March 2017 and 2024. This series follows the pattern.',
  marchVeryLateDeadline: 'AQA gives 21 February for March 2017 and 2024. This series follows the pattern.',
  accessArrangementsDeadline:
    'Commonly quoted as 21 March but not found in a JCQ source (AARA chapter 8 and the Key Dates were not consulted); sources found give 21 February (2019) and 31 March (summer 2022).',
  modifiedPapersDeadline:
    'Commonly quoted as 24 January but not confirmed; the only source found gives 31 January (summer 2022, The Key).',
  ocrNeaOther:
    'OCR gives 15 May for "all other qualifications" (2020; 15 May 2023 for Cambridge Nationals). This series follows the pattern.',
  ocrNeaPhysicalEducation:
    'OCR gives 31 March for AS/A Level and GCSE Physical Education (2020). This series follows the pattern.',
  ocrNeaCambridgeNationals:
    'OCR gives 31 March for Cambridge Nationals visiting moderation (2020). This series follows the pattern.',
  ocrNeaArtAndDesign: 'OCR gives 31 May for AS/A Level Art & Design (2020). This series follows the pattern.',
  certificatesExpected:
    'AQA said in 2019 that certificates are issued no later than 7 November (The Exams Office blog; SecEd); JCQ says only "later in the year, following the conclusion of any Enquiries About Results". This series follows that date.',
  priorityDeadlinePattern:
    'Pattern: the priority review-of-marking deadline fell on GCSE results day in 2022 (25 August) and 2025 (21 August), per school sources; not read in a JCQ document.',
  finalDeadlinePattern:
    'Pattern: the final post-results deadline was the last Thursday of September in 2022 (29 September) and 2025 (25 September), and probably 2023 (28 September, from a school\'s internal date), per school sources; not read in a JCQ document.',
  resultsDaysPattern:
    'Derived: A level results days 2023 to 2026 were the Thursday from 13 to 19 August and GCSE results day the Thursday a week later; no source gives this year\'s dates.',
} as const;
