/**
 * Why each patterned value is a pattern, written once: the editions of several years share the same
 * reasoning (a fixed date AQA has used for years, a pattern in results days), and the README's
 * below-primary table quotes these notes.
 */

/**
 * The notes the editions attach to pattern-derived values, by value.
 *
 * @internal
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
    'Pattern: AQA gives 21 March for Summer 2026 ("The deadline to apply for Access Arrangements for the Summer 2026 exam series is 21 March 2026", Exams officers support: December, 2025/26); Pearson gave 31 March for May/June 2023 (Special requirements) and a school page gave 21 February (2019). This series follows AQA\'s 2026 date; no JCQ Key Dates edition was read.',
  modifiedPapersDeadline:
    'Pattern, re-derived: AQA gives 31 January for Summer 2026 ("The deadline to apply for modified papers for the Summer 2026 exam series is 31 January 2026"); Pearson gave 31 January for May/June 2023 (Special requirements: "31 January 2023 – modified versions of question papers") and for 2021; The Key gave 31 January for summer 2022. The 24 January the pack used before had no source. This series follows 31 January.',
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
