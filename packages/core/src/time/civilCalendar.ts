/**
 * Proleptic Gregorian calendar arithmetic on day numbers (days since 1970-01-01), after Howard Hinnant's
 * `days_from_civil` / `civil_from_days`. Pure integer arithmetic: no `Date`, so no host time zone can leak in.
 * The London offset table and the fast instant functions build on it.
 *
 * @internal
 */

/**
 * The day number (days since 1970-01-01) of a proleptic Gregorian date.
 *
 * @param year - e.g. 2026
 * @param month - 1 to 12
 * @param day - 1 to 31
 * @internal
 * @example
 * ```ts
 * daysFromCivil(1970, 1, 2); // 1
 * ```
 */
export function daysFromCivil(year: number, month: number, day: number): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/**
 * The year, month (1–12) and day of a day number, packed as `year * 10000 + month * 100 + day` so the hot path
 * allocates nothing (years 0 to 9999).
 *
 * @param days - days since 1970-01-01
 * @internal
 * @example
 * ```ts
 * civilFromDays(20_677); // 20260812 (12 August 2026)
 * ```
 */
export function civilFromDays(days: number): number {
  const z = days + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return year * 10_000 + month * 100 + day;
}

/**
 * The number of days in a month of the proleptic Gregorian calendar.
 *
 * @param year - e.g. 2028
 * @param month - 1 to 12
 * @internal
 * @example
 * ```ts
 * daysInMonth(2028, 2); // 29
 * ```
 */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}
