/**
 * A centre's internal deadlines, derived from the JCQ key dates by working-day offsets: "entries to the
 * exams office ten working days before the entry deadline". Each is a key date of kind
 * `internal_deadline`, citing the centre's policy, and as strong (confidence) as the JCQ date it is counted from.
 */
import { endOfLondonDay, londonDate, londonTime, toLondon, type ExamSeries, type KeyDate, type SourceRef } from '@examcycle/core';
import { addWorkingDays } from '../calendar/addWorkingDays.js';
import type { CentreOverrides } from './centreOverridesSchema.js';
import type { Instant } from '@examcycle/core';

/**
 * The source a centre's own values cite: its policy document.
 *
 * @internal
 * @param overrides - the validated overlay
 */
export function centreSourceOf(overrides: Pick<CentreOverrides, 'centre'>): SourceRef {
  const c = overrides.centre;
  return {
    document: c.policyDocument ?? `${c.name} exams policy`,
    year: c.year,
    ...(c.url === undefined ? {} : { url: c.url }),
  };
}

/**
 * The internal deadlines of a series, from its JCQ key dates and the centre's offsets.
 *
 * @internal
 * @param keyDates - the series' JCQ key dates
 * @param overrides - the validated overlay
 * @param series - the series
 */
export function deriveInternalDeadlines(keyDates: readonly KeyDate[], overrides: CentreOverrides, series: ExamSeries): KeyDate[] {
  const source = centreSourceOf(overrides);
  const out: KeyDate[] = [];
  for (const d of overrides.internalDeadlines ?? []) {
    if (d.series !== undefined && !d.series.includes(series.month)) continue;
    const anchors = keyDates.filter(
      (k) =>
        k.kind === d.from &&
        (d.awardingBodyId === undefined || k.awardingBodyId === d.awardingBodyId) &&
        (d.level === undefined || k.level === d.level),
    );
    for (const anchor of anchors) {
      const qualifier = anchor.id.split('/').slice(2).join('/');
      const date = addWorkingDays(anchor.date, d.offsetWorkingDays);
      const at =
        anchor.dueRule === 'end_of_day'
          ? endOfLondonDay(date)
          : anchor.dueRule === 'start_of_day'
            ? (londonDate(date).toISO() as Instant)
            : londonTime(date, toLondon(anchor.at).toFormat('HH:mm'));
      const n = Math.abs(d.offsetWorkingDays);
      const offset = d.offsetWorkingDays === 0 ? 'on' : `${String(n)} working day${n === 1 ? '' : 's'} ${d.offsetWorkingDays < 0 ? 'before' : 'after'}`;
      out.push({
        id: `${series.id}/internal_deadline/${d.id}${qualifier === '' ? '' : `/${qualifier}`}`,
        kind: 'internal_deadline',
        title: `${d.title} (${offset} ${anchor.title})`,
        seriesId: series.id,
        at,
        date,
        dueRule: anchor.dueRule,
        ...(anchor.awardingBodyId === undefined ? {} : { awardingBodyId: anchor.awardingBodyId }),
        ...(anchor.level === undefined ? {} : { level: anchor.level }),
        source,
        confidence: anchor.confidence,
        note: `Centre deadline: ${offset} ${anchor.id} (${anchor.date}, ${anchor.confidence}).`,
      });
    }
  }
  return out;
}
