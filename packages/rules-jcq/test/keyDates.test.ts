import { examSeries, isExamcycleError, toLondon, type ExamSeries } from '@examcycle/core';
import { jcq } from '@examcycle/rules-jcq';
import { describe, expect, it } from 'vitest';

const june2026 = examSeries('june', 2026);
const june2025 = examSeries('june', 2025);
const find = (series: ExamSeries, id: string) => {
  const found = jcq.keyDates(series).find((k) => k.id === id);
  if (found === undefined) throw new Error(`no key date ${id}`);
  return found;
};

const ALL_SERIES = (['november', 'january', 'march', 'june'] as const).flatMap((month) =>
  [2024, 2025, 2026, 2027].flatMap((year) => {
    const s = examSeries(month, year);
    return jcq.academicYears.includes(s.academicYear as never) ? [s] : [];
  }),
);

describe('keyDates', () => {
  it('gives every key date a stable id, its series, a London instant and its rule, in time order', () => {
    for (const series of ALL_SERIES) {
      const dates = jcq.keyDates(series);
      expect(new Set(dates.map((k) => k.id)).size).toBe(dates.length);
      const ms = dates.map((k) => toLondon(k.at).toMillis());
      expect([...ms].sort((a, b) => a - b)).toEqual(ms);
      for (const k of dates) {
        expect(k.seriesId).toBe(series.id);
        expect(k.id.startsWith(`${series.id}/`) || /^\d{4}-\d{2}\//.test(k.id)).toBe(true);
        expect(toLondon(k.at).toISODate()).toBe(k.date);
        if (k.dueRule === 'end_of_day') expect(toLondon(k.at).toFormat('HH:mm:ss.SSS')).toBe('23:59:59.999');
      }
    }
  });

  it('ends the entry deadline at 23:59:59.999 London time, GMT in February and BST in April', () => {
    expect(find(june2026, 'june-2026/entry_deadline').at).toBe('2026-02-21T23:59:59.999+00:00');
    expect(find(june2026, 'june-2026/very_late_deadline').at).toBe('2026-04-21T23:59:59.999+01:00');
    expect(find(june2026, 'june-2026/entry_deadline').dueRule).toBe('end_of_day');
  });

  it('opens restricted release at 00:01 the day before results day, candidates at 08:00 and the press at 09:30 on it', () => {
    expect(find(june2026, 'june-2026/restricted_release/GCE')).toMatchObject({ at: '2026-08-12T00:01:00.000+01:00', dueRule: 'at_time', confidence: 'primary', level: 'GCE' });
    expect(find(june2026, 'june-2026/restricted_release/GCSE').at).toBe('2026-08-19T00:01:00.000+01:00');
    expect(find(june2026, 'june-2026/release_to_candidates/GCSE')).toMatchObject({ at: '2026-08-20T08:00:00.000+01:00', confidence: 'primary' });
    expect(find(june2026, 'june-2026/release_to_press/GCSE')).toMatchObject({ at: '2026-08-20T09:30:00.000+01:00', confidence: 'secondary' });
  });

  it('is no stronger than its weakest input: restricted release from a pattern-derived results day is a pattern', () => {
    const june2027 = examSeries('june', 2027);
    expect(find(june2027, 'june-2027/restricted_release/GCE')).toMatchObject({ at: '2027-08-18T00:01:00.000+01:00', confidence: 'pattern' });
    expect(find(june2027, 'june-2027/restricted_release/GCE').note).toMatch(/Derived: A level results days/);
    expect(find(june2025, 'june-2025/restricted_release/GCE')).toMatchObject({ at: '2025-08-13T00:01:00.000+01:00', confidence: 'primary' });
  });

  it('makes the conflicts-of-interest declaration due by the series entry deadline', () => {
    for (const series of ALL_SERIES) {
      const entry = jcq.keyDates(series).find((k) => k.kind === 'entry_deadline')!;
      const coi = jcq.keyDates(series).find((k) => k.kind === 'conflicts_of_interest_declaration')!;
      expect(coi.at).toBe(entry.at);
      expect(coi.source.section).toBe('5.3(i)');
    }
  });

  it('closes the very late arrival report window seven working days, and the special consideration window seven days, after the last timetabled day', () => {
    const vla = find(june2026, 'june-2026/very_late_arrival_report_window');
    expect(vla.from).toBe('2026-06-24T00:00:00.000+01:00');
    expect(vla.date).toBe(jcq.addWorkingDays('2026-06-24', 7));
    expect(vla.date).toBe('2026-07-03');
    expect(vla.source.document).toBe('JCQ, Guidance notes concerning very late arrivals');
    const sc = find(june2026, 'june-2026/special_consideration_window');
    expect(sc.date).toBe('2026-07-01');
    expect(sc.confidence).toBe('secondary'); // as weak as its anchor, the schools' 24 June contingency day
  });

  it('makes the NCN Register update and the head of centre declaration due by 31 October of the academic year', () => {
    for (const series of ALL_SERIES) {
      const start = Number(series.academicYear.slice(0, 4));
      const dates = jcq.keyDates(series);
      expect(dates.find((k) => k.kind === 'ncn_register_update')).toMatchObject({ date: `${start}-10-31`, at: `${start}-10-31T23:59:59.999+00:00` });
      expect(dates.find((k) => k.kind === 'head_of_centre_declaration')?.date).toBe(`${start}-10-31`);
    }
  });

  it('gives NEA mark deadlines per awarding body and scope', () => {
    expect(find(june2026, 'june-2026/nea_marks_deadline/OCR')).toMatchObject({ date: '2026-05-15', awardingBodyId: 'OCR' });
    expect(find(june2026, 'june-2026/nea_marks_deadline/OCR/art-and-design').date).toBe('2026-05-31');
  });

  it('leaves out key dates no source gives, such as the November 2024 results day', () => {
    const nov = jcq.keyDates(examSeries('november', 2024));
    expect(nov.some((k) => k.kind === 'results_day' || k.kind === 'restricted_release')).toBe(false);
    expect(jcq.keyDates(examSeries('november', 2025)).find((k) => k.kind === 'results_day')?.date).toBe('2026-01-08');
  });

  it('refuses a series without an edition with unknown_series, and a malformed series with invalid_value', () => {
    const codeOf = (fn: () => unknown) => {
      try {
        fn();
        return 'none';
      } catch (error) {
        return isExamcycleError(error) ? error.code : 'not an ExamcycleError';
      }
    };
    expect(codeOf(() => jcq.keyDates(examSeries('june', 2030)))).toBe('unknown_series');
    expect(codeOf(() => jcq.keyDates({ ...june2026, academicYear: '2026/27' }))).toBe('invalid_value');
  });

  it('returns the same frozen answer on every call', () => {
    const a = jcq.keyDates(june2026);
    expect(jcq.keyDates(june2026)).toBe(a);
    expect(Object.isFrozen(a)).toBe(true);
    expect(Object.isFrozen(a[0])).toBe(true);
  });
});
