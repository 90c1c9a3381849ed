/**
 * Overdue review meetings: the scheduled meetings whose day has passed without a meeting held for them.
 * A meeting held between the scheduled meeting before and the one after counts for it (a meeting held a
 * little late, or a little early, still counts); each held meeting counts once, for the earliest scheduled
 * meeting still waiting for one.
 */
import { isoDate, toLondon, type CalendarDate, type Instant } from '../time/clock.js';
import type { EopsMeeting, ScheduledMeeting } from './eopsContext.js';

/**
 * The scheduled meetings that are overdue as of an instant.
 *
 * @param record - an officer's record (its `schedule` and `meetings`), or the two lists
 * @param asOf - the instant to judge at; a scheduled meeting is overdue once its London day has ended
 * @example
 * ```ts
 * declare const actor: EopsActor;
 * const record = eopsCurrentRecord(actor, 'eo-1')!;
 * overdueMeetings(record, '2025-11-20T09:00:00Z').map((m) => m.date); // ['2025-11-05']
 * ```
 */
export function overdueMeetings(
  record: { readonly schedule: readonly ScheduledMeeting[]; readonly meetings: readonly Pick<EopsMeeting, 'heldOn'>[] },
  asOf: Instant,
): ScheduledMeeting[] {
  const today = isoDate(toLondon(asOf));
  const held: CalendarDate[] = record.meetings.map((m) => m.heldOn).filter((d) => d <= today).sort();
  const used = new Set<number>();
  const slots = [...record.schedule].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const overdue: ScheduledMeeting[] = [];
  slots.forEach((slot, i) => {
    const after = slots[i - 1]?.date;
    const before = slots[i + 1]?.date;
    const match = held.findIndex((d, k) => !used.has(k) && (after === undefined || d > after) && (before === undefined || d < before));
    if (match >= 0) used.add(match);
    else if (slot.date < today) overdue.push(slot);
  });
  return overdue;
}
