/**
 * How documents write exam days and times: in Europe/London, whatever the host's zone (an exam starts at
 * 09:00 London time on a server in any zone).
 */
import { londonTime, toLondon, type CalendarDate, type Instant, type Session } from '@examcycle/core';

/**
 * A calendar date in words.
 *
 * @param date - `YYYY-MM-DD`
 * @example
 * ```ts
 * dayWords('2026-06-01'); // 'Monday 1 June 2026'
 * ```
 */
export function dayWords(date: CalendarDate): string {
  return toLondon(londonTime(date, '12:00')).toFormat('cccc d LLLL yyyy');
}

/**
 * A session in words.
 *
 * @param session - `AM` or `PM`
 * @example
 * ```ts
 * sessionWords('AM'); // 'Morning (AM)'
 * ```
 */
export function sessionWords(session: Session): string {
  return session === 'AM' ? 'Morning (AM)' : 'Afternoon (PM)';
}

/**
 * An instant as London clock time, `HH:mm`.
 *
 * @param instant - an ISO instant
 * @example
 * ```ts
 * clockTime('2026-06-01T08:00:00Z'); // '09:00'
 * ```
 */
export function clockTime(instant: Instant): string {
  return toLondon(instant).toFormat('HH:mm');
}

/**
 * An instant as a London date and time, `d MMM yyyy HH:mm`.
 *
 * @param instant - an ISO instant
 * @example
 * ```ts
 * dateTimeWords('2026-08-20T07:30:00Z'); // '20 Aug 2026 08:30'
 * ```
 */
export function dateTimeWords(instant: Instant): string {
  return toLondon(instant).toFormat('d MMM yyyy HH:mm');
}

/**
 * The London clock time a number of minutes after a published start.
 *
 * @param date - `YYYY-MM-DD`
 * @param startTime - `HH:mm`
 * @param minutes - minutes after the start
 * @example
 * ```ts
 * finishTime('2026-06-01', '09:00', 105); // '10:45'
 * ```
 */
export function finishTime(date: CalendarDate, startTime: string, minutes: number): string {
  return toLondon(londonTime(date, startTime)).plus({ minutes }).toFormat('HH:mm');
}

/**
 * A duration in words.
 *
 * @param minutes - whole minutes
 * @example
 * ```ts
 * durationWords(105); // '1 h 45 min'
 * ```
 */
export function durationWords(minutes: number): string {
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  return h === 0 ? `${m} min` : m === 0 ? `${h} h` : `${h} h ${m} min`;
}
