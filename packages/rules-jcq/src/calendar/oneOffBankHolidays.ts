/**
 * One-off bank holidays in England & Wales: the days proclaimed for a single year (a jubilee, a state
 * funeral, a coronation) and the regular bank holidays moved to make room for them. They cannot be
 * computed, so they are data, each with its source. New ones are added here when they are proclaimed.
 */
import type { CalendarDate, Confidence, SourceRef } from '@examcycle/core';

/**
 * A one-off bank holiday, or a regular one moved to another day for a single year.
 *
 * @example
 * ```ts
 * const ve: OneOffBankHoliday | undefined = ONE_OFF_BANK_HOLIDAYS.find((h) => h.date === '2020-05-08');
 * ve?.replaces; // '2020-05-04': the Early May bank holiday moved for VE day
 * ```
 */
export interface OneOffBankHoliday {
  /** The day that is a bank holiday. */
  readonly date: CalendarDate;
  readonly name: string;
  /** For a moved bank holiday: the regular date that is, that year, not a bank holiday. */
  readonly replaces?: CalendarDate;
  readonly source: SourceRef;
  readonly confidence: Confidence;
}

const GOV_UK_BANK_HOLIDAYS = (year: string): SourceRef => ({
  document: 'GOV.UK, UK bank holidays (England and Wales)',
  year,
  url: 'https://www.gov.uk/bank-holidays',
});

/**
 * The one-off and moved bank holidays of England & Wales from 2018, the first year the calendar covers.
 *
 * @example
 * ```ts
 * ONE_OFF_BANK_HOLIDAYS.find((h) => h.date === '2022-09-19')?.name; // 'Bank holiday for the State Funeral of Queen Elizabeth II'
 * ```
 */
export const ONE_OFF_BANK_HOLIDAYS: readonly OneOffBankHoliday[] = [
  {
    date: '2020-05-08',
    name: 'Early May bank holiday (VE day)',
    replaces: '2020-05-04',
    source: GOV_UK_BANK_HOLIDAYS('2020'),
    confidence: 'primary',
  },
  {
    date: '2022-06-02',
    name: 'Spring bank holiday',
    replaces: '2022-05-30',
    source: GOV_UK_BANK_HOLIDAYS('2022'),
    confidence: 'primary',
  },
  {
    date: '2022-06-03',
    name: 'Platinum Jubilee bank holiday',
    source: GOV_UK_BANK_HOLIDAYS('2022'),
    confidence: 'primary',
  },
  {
    date: '2022-09-19',
    name: 'Bank holiday for the State Funeral of Queen Elizabeth II',
    source: GOV_UK_BANK_HOLIDAYS('2022'),
    confidence: 'primary',
  },
  {
    date: '2023-05-08',
    name: 'Bank holiday for the coronation of King Charles III',
    source: GOV_UK_BANK_HOLIDAYS('2023'),
    confidence: 'primary',
  },
];
