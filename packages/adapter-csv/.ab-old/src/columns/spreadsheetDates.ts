/**
 * Dates and times as spreadsheets write them. Exams officers' files come out of Excel and the MIS, so a
 * date cell may hold `2026-05-11` (ISO), `11/05/2026` (UK day first; never US month first), an Excel
 * serial number in the 1900 date system (`46153` is 11 May 2026), or any of these followed by a midnight
 * time (`11/05/2026 00:00`), which is how Excel writes a date-typed cell with a time format. Times are
 * `HH:mm`, `H:mm`, `HH:mm:ss`, `9.00am`/`1:30 PM` or an Excel day fraction (`0.375` is 09:00). Instants
 * with an offset are kept exactly; wall-clock ones are read in Europe/London. Nothing here reads the host
 * clock or the host time zone.
 */
import { DateTime } from 'luxon';
import { LONDON } from '@examcycle/core';
import { CellFailure } from './CellCodec.js';

/** The largest Excel serial date, 9999-12-31. */
const MAX_EXCEL_SERIAL = 2958465;
/** Days from 1970-01-01 back to 1899-12-30, the origin that makes Excel serials from 61 on come out right. */
const EXCEL_ORIGIN_DAYS = -25569;

const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})$/;
const UK_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const SERIAL = /^\d{1,7}$/;
const MIDNIGHT_SUFFIX = /[ T]00:00(?::00(?:\.0{1,3})?)?(?:Z|[+-]00:?00)?$/;
const TIME = /^(\d{1,2})[:.](\d{2})(?::(\d{2}))?\s*([ap]\.?m\.?)?$/i;
const DAY_FRACTION = /^(?:0?\.\d+|0)$/;
const ZONED_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/;
const DATE_AND_TIME = /^(\S+)[ T](\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?)$/i;
const SERIAL_WITH_FRACTION = /^(\d{1,7})\.(\d+)$/;

const DATE_HELP = 'use yyyy-mm-dd, dd/mm/yyyy (day first) or an Excel serial date number';

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Proleptic Gregorian date from days since 1970-01-01 (H. Hinnant's civil_from_days). */
function civilFromDays(days: number): string {
  const z = days + 719468;
  const era = Math.floor(z / 146097);
  const doe = z - era * 146097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36524) - Math.floor(doe / 146096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return isoDate(year, month, day);
}

function checkedDate(year: number, month: number, day: number, text: string): string | CellFailure {
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) {
    return new CellFailure(`"${text}" is not a real date (${DATE_HELP})`);
  }
  return isoDate(year, month, day);
}

/**
 * The date of an Excel serial number in the 1900 date system: 1 is 1900-01-01, and 60 is Excel's
 * fictitious 1900-02-29 (Lotus 1-2-3's leap-year bug), which is refused.
 *
 * @param serial - a whole number from 1 to 2958465
 * @example
 * ```ts
 * excelSerialDate(46153); // '2026-05-11'
 * ```
 */
export function excelSerialDate(serial: number): string | CellFailure {
  if (!Number.isInteger(serial) || serial < 1 || serial > MAX_EXCEL_SERIAL) {
    return new CellFailure(`${serial} is outside Excel's date serial numbers (1 to ${MAX_EXCEL_SERIAL})`);
  }
  if (serial === 60) return new CellFailure('60 is Excel\'s 29 February 1900, a day that never existed');
  return civilFromDays(EXCEL_ORIGIN_DAYS + serial - (serial < 60 ? -1 : 0));
}

/**
 * Reads a calendar date cell into `yyyy-mm-dd`.
 *
 * @param text - trimmed cell text
 * @param excelSerial - whether a whole number is read as an Excel serial date
 * @example
 * ```ts
 * readCalendarDate('01/02/2009', true); // '2009-02-01'
 * ```
 */
export function readCalendarDate(text: string, excelSerial: boolean): string | CellFailure {
  const body = MIDNIGHT_SUFFIX.test(text) ? text.replace(MIDNIGHT_SUFFIX, '') : text;
  let m = ISO_DATE.exec(body);
  if (m) return checkedDate(Number(m[1]), Number(m[2]), Number(m[3]), text);
  m = UK_DATE.exec(body);
  if (m) return checkedDate(Number(m[3]), Number(m[2]), Number(m[1]), text);
  if (excelSerial && SERIAL.test(body)) return excelSerialDate(Number(body));
  return new CellFailure(`"${text}" is not a date (${DATE_HELP})`);
}

/**
 * Reads a wall-clock time cell into `HH:mm`.
 *
 * @param text - trimmed cell text
 * @example
 * ```ts
 * readClockTime('1.30pm'); // '13:30'
 * ```
 */
export function readClockTime(text: string): string | CellFailure {
  const help = `"${text}" is not a time: use HH:mm (24-hour), 9.00am or an Excel time`;
  if (DAY_FRACTION.test(text)) {
    const minutes = Math.round(Number(text) * 1440);
    if (minutes >= 1440) return new CellFailure(help);
    return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
  }
  const m = TIME.exec(text);
  if (!m) return new CellFailure(help);
  let hour = Number(m[1]);
  const minute = Number(m[2]);
  if (m[3] !== undefined && m[3] !== '00') return new CellFailure(`"${text}" has seconds; times are to the minute`);
  if (m[4] !== undefined) {
    if (hour < 1 || hour > 12) return new CellFailure(help);
    const pm = m[4].toLowerCase().startsWith('p');
    hour = (hour % 12) + (pm ? 12 : 0);
  }
  if (hour > 23 || minute > 59) return new CellFailure(help);
  return `${String(hour).padStart(2, '0')}:${String(minute).padStart(2, '0')}`;
}

function londonInstant(date: string, time: string, text: string): string | CellFailure {
  const [y, mo, d] = date.split('-').map(Number) as [number, number, number];
  const [h, mi] = time.split(':').map(Number) as [number, number];
  const dt = DateTime.fromObject({ year: y, month: mo, day: d, hour: h, minute: mi }, { zone: LONDON });
  if (!dt.isValid || dt.hour !== h || dt.minute !== mi) {
    return new CellFailure(`"${text}" is not a time that happened in London (the clocks went forward then)`);
  }
  return dt.toISO({ suppressMilliseconds: true }) ?? new CellFailure(`"${text}" is not a valid instant`);
}

/**
 * Reads an instant cell. An ISO 8601 instant with an offset (`2026-02-20T10:00:00+00:00`) is kept exactly;
 * a date with or without a wall-clock time (`20/02/2026 10:00`, `2026-02-20`, an Excel serial with a day
 * fraction) is read in Europe/London and written with its offset; a date alone means the start of that
 * London day.
 *
 * @param text - trimmed cell text
 * @param excelSerial - whether Excel serial numbers are accepted
 * @example
 * ```ts
 * readInstant('12/08/2026 08:00', true); // '2026-08-12T08:00:00+01:00'
 * ```
 */
export function readInstant(text: string, excelSerial: boolean): string | CellFailure {
  if (ZONED_INSTANT.test(text)) return text;
  let datePart = text;
  let timePart = '00:00';
  const serial = excelSerial ? SERIAL_WITH_FRACTION.exec(text) : null;
  if (serial) {
    const day = excelSerialDate(Number(serial[1]));
    if (day instanceof CellFailure) return day;
    const time = readClockTime(`0.${serial[2]}`);
    if (time instanceof CellFailure) return time;
    return londonInstant(day, time, text);
  }
  const m = DATE_AND_TIME.exec(text);
  if (m) {
    datePart = m[1]!;
    const time = readClockTime(m[2]!);
    if (time instanceof CellFailure) return time;
    timePart = time;
  }
  const day = readCalendarDate(datePart, excelSerial);
  if (day instanceof CellFailure) {
    return new CellFailure(`"${text}" is not a date and time: use an ISO instant, dd/mm/yyyy HH:mm (London time) or an Excel serial`);
  }
  return londonInstant(day, timePart, text);
}
