import { examSeries, planRetention, toLondon, type RetainedRecord, type RetainedRecordKind } from '@examcycle/core';
import { jcq, withOverrides } from '@examcycle/rules-jcq';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';

const rec = (kind: RetainedRecordKind, extra: Partial<RetainedRecord> = {}): RetainedRecord => ({
  id: `${kind}-1`,
  kind,
  createdAt: '2025-11-07T09:00:00Z',
  ...extra,
});
const centre = withOverrides(jcq, {
  centre: { name: 'Northgate Academy', policyDocument: 'Northgate exams archiving policy', year: '2025/26' },
  retention: {
    seating_plan: { keepMonths: 12, purgeAfterMonths: 24 },
    unclaimed_certificate: { keepMonths: 24 },
    nea_work: { keepMonths: 0, purgeAfterMonths: 1 },
  },
});

describe('retention', () => {
  it('keeps unclaimed certificates at least 12 months from issue (JCQ, primary)', () => {
    const d = jcq.retention(rec('unclaimed_certificate', { issuedAt: '2025-11-07T09:00:00Z' }));
    expect(d).toMatchObject({ keepUntil: '2026-11-07T09:00:00.000+00:00', mayDestroyFrom: '2026-11-07T09:00:00.000+00:00', mustPurgeBy: null, confidence: 'primary' });
    expect(d.source.document).toBe('JCQ, Notice to centres: Unclaimed certificates');
  });

  it('never comes short of a month: a certificate issued on 29 February is kept to 1 March the next year', () => {
    expect(jcq.retention(rec('unclaimed_certificate', { issuedAt: '2024-02-29T10:00:00Z' })).mayDestroyFrom).toBe('2025-03-01T00:00:00.000+00:00');
  });

  it('keeps the record of a destroyed certificate 4 years from its destruction', () => {
    expect(jcq.retention(rec('certificate_destruction_record', { destroyedAt: '2026-12-01T12:00:00Z' })).keepUntil).toBe('2030-12-01T12:00:00.000+00:00');
  });

  it('keeps NEA work until the post-results final deadline of its series, and while an enquiry is open', () => {
    const d = jcq.retention(rec('nea_work', { seriesId: 'june-2026', createdAt: '2026-03-01T10:00:00Z' }));
    const final = jcq.keyDates(examSeries('june', 2026)).find((k) => k.kind === 'post_results_final_deadline')!;
    expect(d).toMatchObject({ keepUntil: final.at, mayDestroyFrom: final.at, confidence: 'pattern' });
    expect(jcq.retention(rec('nea_work', { seriesId: 'june-2026', openEnquiry: true }))).toMatchObject({ keepUntil: null, mayDestroyFrom: null });
    expect(jcq.retention(rec('nea_work', { seriesId: 'november-2024' }))).toMatchObject({ keepUntil: null, mayDestroyFrom: null });
  });

  it('keeps proof of script despatch until results are published', () => {
    expect(jcq.retention(rec('script_despatch_proof', { seriesId: 'june-2026' })).keepUntil).toBe('2026-08-20T08:00:00.000+01:00');
  });

  it('keeps access-to-scripts consent 6 months and access arrangement approvals 26 months, both from secondary sources', () => {
    expect(jcq.retention(rec('ats_consent', { createdAt: '2026-08-21T10:00:00+01:00' }))).toMatchObject({ keepUntil: '2027-02-21T10:00:00.000+00:00', confidence: 'secondary' });
    expect(jcq.retention(rec('access_arrangements_approval', { approvedAt: '2025-01-10T00:00:00Z' }))).toMatchObject({ keepUntil: '2027-03-10T00:00:00.000+00:00', confidence: 'secondary' });
  });

  it('keeps a record with no JCQ period and no centre policy, saying no period is set, never "may destroy"', () => {
    const d = jcq.retention(rec('seating_plan'));
    expect(d).toMatchObject({ keepUntil: null, mayDestroyFrom: null, mustPurgeBy: null });
    expect(d.reason).toMatch(/No retention period is set/);
    expect(planRetention({ rulesPack: jcq, asOf: '2099-01-01T00:00:00Z', records: [rec('seating_plan')] }).keep).toHaveLength(1);
  });

  it('applies the centre policy: seating plans kept 12 months and destroyed by 24, certificates kept longer, never shorter', () => {
    expect(centre.retention(rec('seating_plan'))).toMatchObject({
      keepUntil: '2026-11-07T09:00:00.000+00:00',
      mustPurgeBy: '2027-11-07T09:00:00.000+00:00',
      source: { document: 'Northgate exams archiving policy' },
    });
    expect(centre.retention(rec('unclaimed_certificate', { issuedAt: '2025-11-07T09:00:00Z' })).keepUntil).toBe('2027-11-07T09:00:00.000+00:00');
    const nea = centre.retention(rec('nea_work', { seriesId: 'june-2026', createdAt: '2026-03-01T10:00:00Z' }));
    expect(toLondon(nea.mustPurgeBy!).toMillis()).toBeGreaterThanOrEqual(toLondon(nea.keepUntil!).toMillis());
    expect(nea.reason).toMatch(/falls before the minimum/);
  });

  it('sorts records into must purge, may destroy and keep as of an instant, with core\'s planRetention', () => {
    const records = [rec('seating_plan', { id: 'old', createdAt: '2023-01-01T00:00:00Z' }), rec('seating_plan', { id: 'mid', createdAt: '2025-06-01T00:00:00Z' }), rec('seating_plan', { id: 'new' })];
    const plan = planRetention({ rulesPack: centre, asOf: '2026-08-01T00:00:00+01:00', records });
    expect(plan.asOf).toBe('2026-08-01T00:00:00.000+01:00');
    expect(plan.mustPurge.map((l) => l.record.id)).toEqual(['old']);
    expect(plan.mayDestroy.map((l) => l.record.id)).toEqual(['mid']);
    expect(plan.keep.map((l) => l.record.id)).toEqual(['new']);
  });

  it('keeps a record missing the date its period runs from, naming the missing date, never "may destroy"', () => {
    const d = jcq.retention(rec('unclaimed_certificate'));
    expect(d).toMatchObject({ recordId: 'unclaimed_certificate-1', keepUntil: null, mayDestroyFrom: null, mustPurgeBy: null, confidence: 'primary' });
    expect(d.reason).toMatch(/issuedAt, which is missing/);
    expect(d.source.document).toBe('JCQ, Notice to centres: Unclaimed certificates');
    expect(jcq.retention(rec('certificate_destruction_record')).reason).toMatch(/destroyedAt, which is missing/);
    expect(centre.retention(rec('unclaimed_certificate'))).toMatchObject({ mayDestroyFrom: null, mustPurgeBy: null });
    const plan = planRetention({ rulesPack: centre, asOf: '2099-01-01T00:00:00Z', records: [rec('unclaimed_certificate')] });
    expect(plan.keep.map((l) => l.record.id)).toEqual(['unclaimed_certificate-1']);
    expect(plan.mayDestroy).toEqual([]);
  });

  it('keeps NEA work and proof of despatch with no seriesId, saying which series it waits for', () => {
    expect(jcq.retention(rec('nea_work'))).toMatchObject({ keepUntil: null, mayDestroyFrom: null, mustPurgeBy: null });
    expect(jcq.retention(rec('script_despatch_proof')).reason).toMatch(/no seriesId/);
  });

  it('is never shorter than its minimum, with or without a centre policy, for random records', () => {
    const minimums: Partial<Record<RetainedRecordKind, [keyof RetainedRecord, number]>> = {
      unclaimed_certificate: ['issuedAt', 12],
      certificate_destruction_record: ['destroyedAt', 48],
      ats_consent: ['createdAt', 6],
      access_arrangements_approval: ['approvedAt', 26],
    };
    const kinds = Object.keys(minimums) as RetainedRecordKind[];
    const start = toLondon('2024-09-01T00:00:00Z').toMillis();
    fc.assert(
      fc.property(
        fc.constantFrom(...kinds),
        fc.integer({ min: start, max: start + 3 * 365 * 86_400_000 }),
        fc.option(fc.record({ keep: fc.integer({ min: 48, max: 120 }), extra: fc.option(fc.integer({ min: 0, max: 60 }), { nil: undefined }) }), { nil: undefined }),
        (kind, ms, policy) => {
          const anchor = toLondon(ms).toISO()!;
          const [field, months] = minimums[kind]!;
          const record = { ...rec(kind), createdAt: anchor, [field]: anchor } as RetainedRecord;
          const pack =
            policy === undefined
              ? jcq
              : withOverrides(jcq, {
                  centre: { name: 'C', year: '2025/26' },
                  retention: { [kind]: { keepMonths: policy.keep, ...(policy.extra === undefined ? {} : { purgeAfterMonths: policy.keep + policy.extra }) } },
                });
          const d = pack.retention(record);
          const from = toLondon(d.mayDestroyFrom!);
          expect(from.minus({ months }).toMillis()).toBeGreaterThanOrEqual(ms);
          expect(from.toMillis() - ms).toBeGreaterThanOrEqual(months * 28 * 86_400_000);
          if (d.mustPurgeBy !== null) expect(toLondon(d.mustPurgeBy).toMillis()).toBeGreaterThanOrEqual(from.toMillis());
        },
      ),
      { numRuns: 200 },
    );
  });
});
