import { examSeries, isExamcycleError, type RulesPack } from '@examcycle/core';
import { centreOverridesSchema, jcq, withOverrides } from '@examcycle/rules-jcq';
import { describe, expect, it } from 'vitest';

const june2026 = examSeries('june', 2026);
const northgate = withOverrides(jcq, {
  centre: { name: 'Northgate Academy', policyDocument: 'Northgate exams policy 2025/26', year: '2025/26' },
  internalDeadlines: [
    { id: 'entries-in', title: 'Entries to the exams office', from: 'entry_deadline', offsetWorkingDays: -10 },
    { id: 'ocr-marks-in', title: 'OCR NEA marks to the exams office', from: 'nea_marks_deadline', awardingBodyId: 'OCR', offsetWorkingDays: -5, series: ['june'] },
    { id: 'results-briefing', title: 'Results briefing for staff', from: 'results_day', level: 'GCSE', offsetWorkingDays: 1 },
  ],
});

function thrown(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a throw');
}

describe('withOverrides', () => {
  it('returns a new pack and leaves jcq as it was', () => {
    expect(northgate).not.toBe(jcq);
    expect(northgate.id).toBe('jcq+Northgate Academy');
    expect(jcq.keyDates(june2026).some((k) => k.kind === 'internal_deadline')).toBe(false);
  });

  it('derives internal deadlines as working-day offsets from the JCQ key dates, citing the centre policy', () => {
    const internal = northgate.keyDates(june2026).filter((k) => k.kind === 'internal_deadline');
    const entries = internal.find((k) => k.id === 'june-2026/internal_deadline/entries-in')!;
    expect(entries).toMatchObject({
      date: jcq.addWorkingDays('2026-02-21', -10),
      at: '2026-02-09T23:59:59.999+00:00',
      dueRule: 'end_of_day',
      source: { document: 'Northgate exams policy 2025/26', year: '2025/26' },
      confidence: 'pattern',
    });
    expect(internal.filter((k) => k.id.startsWith('june-2026/internal_deadline/ocr-marks-in/OCR')).map((k) => k.date)).toEqual([
      '2026-03-24',
      '2026-03-24',
      '2026-05-08',
      '2026-05-22',
    ]);
    expect(internal.find((k) => k.id === 'june-2026/internal_deadline/results-briefing/GCSE')?.date).toBe('2026-08-21');
    expect(northgate.keyDates(examSeries('november', 2025)).some((k) => k.id.includes('ocr-marks-in'))).toBe(false);
  });

  it('stacks overlays: a later overlay replaces an internal deadline with the same id and keeps the others', () => {
    const stacked = withOverrides(northgate, {
      centre: { name: 'Northgate Academy', year: '2025/26' },
      internalDeadlines: [{ id: 'entries-in', title: 'Entries to the exams office', from: 'entry_deadline', offsetWorkingDays: -15 }],
    });
    const internal = stacked.keyDates(june2026).filter((k) => k.kind === 'internal_deadline');
    expect(internal.find((k) => k.id === 'june-2026/internal_deadline/entries-in')?.date).toBe(jcq.addWorkingDays('2026-02-21', -15));
    expect(internal.some((k) => k.id.startsWith('june-2026/internal_deadline/results-briefing'))).toBe(true);
  });

  it('refuses an invalid overlay with invalid_overrides, listing every zod issue', () => {
    const error = thrown(() =>
      withOverrides(jcq, {
        centre: { name: '' },
        internalDeadlines: [{ id: 'Entries In', title: 'x', from: 'lunch', offsetWorkingDays: 1.5 }],
        retention: { unclaimed_certificate: { keepMonths: 6 } },
        fees: [{ band: 'late', pence: -1 }],
        colour: 'blue',
      }),
    );
    expect(isExamcycleError(error) && error.code).toBe('invalid_overrides');
    expect(isExamcycleError(error) && error.details?.['issues']).toMatchInlineSnapshot(`
      [
        {
          "code": "too_small",
          "message": "Too small: expected string to have >=1 characters",
          "path": "centre.name",
        },
        {
          "code": "invalid_type",
          "message": "Invalid input: expected string, received undefined",
          "path": "centre.year",
        },
        {
          "code": "invalid_format",
          "message": "Use a lower-case slug like entries-to-exams-office",
          "path": "internalDeadlines.0.id",
        },
        {
          "code": "invalid_value",
          "message": "Invalid option: expected one of "basedata_published"|"entry_deadline"|"late_fee_period_ends"|"very_late_deadline"|"conflicts_of_interest_declaration"|"access_arrangements_deadline"|"modified_papers_deadline"|"nea_marks_deadline"|"contingency_day"|"restricted_release"|"results_day"|"release_to_candidates"|"release_to_press"|"post_results_priority_deadline"|"post_results_final_deadline"|"certificates_expected"|"special_consideration_window"|"very_late_arrival_report_window"|"ncn_register_update"|"head_of_centre_declaration"",
          "path": "internalDeadlines.0.from",
        },
        {
          "code": "invalid_type",
          "message": "Invalid input: expected int, received number",
          "path": "internalDeadlines.0.offsetWorkingDays",
        },
        {
          "code": "too_small",
          "message": "Too small: expected number to be >=0",
          "path": "fees.0.pence",
        },
        {
          "code": "unrecognized_keys",
          "message": "Unrecognized key: "colour"",
          "path": "",
        },
      ]
    `);
  });

  it('refuses a centre retention period shorter than the JCQ minimum', () => {
    const error = thrown(() => withOverrides(jcq, { centre: { name: 'C', year: '2025/26' }, retention: { unclaimed_certificate: { keepMonths: 6 } } }));
    expect(isExamcycleError(error) && error.message).toMatch(/retention\.unclaimed_certificate\.keepMonths: unclaimed_certificate must be kept at least 12 months/);
    expect(centreOverridesSchema.safeParse({ centre: { name: 'C', year: '2025/26' }, retention: { seating_plan: { keepMonths: 12, purgeAfterMonths: 6 } } }).success).toBe(false);
  });

  it('refuses to layer on a pack this package did not build', () => {
    const foreign = { ...jcq, id: 'other' } as RulesPack;
    expect(isExamcycleError(thrown(() => withOverrides(foreign, { centre: { name: 'C', year: '2025/26' } }))) ).toBe(true);
  });
});
