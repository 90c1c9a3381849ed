import { fc, test as fcTest } from '@fast-check/vitest';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  certificateMachine,
  collectRetainedRecords,
  enquiryMachine,
  isExamcycleError,
  planRetention,
  purgeList,
  signPurgeList,
  toLondon,
  type EnquiryService,
  type RetainedRecord,
  type RetainedRecordKind,
} from '@examcycle/core';
import { resultsTestPack } from './resultsTestPack.js';
import { june2026 } from './syntheticCentre.js';
import type { Instant, RetentionSources } from '@examcycle/core';

const EO = { id: 'EO', role: 'exams_officer' } as const;
const DPO = { id: 'DPO', name: 'A. Patel', role: 'senior_leader' } as const;

function enquiry(id: string, candidateId: string, service: EnquiryService, close: boolean) {
  const a = createActor(enquiryMachine, {
    input: { id, candidateId, series: june2026, level: 'GCE', awardingBodyId: 'AQA', awardCode: '7402', service, originalGrade: 'B', rulesPack: resultsTestPack, createdAt: '2026-08-14T09:00:00+01:00', by: EO },
  }).start();
  a.send({ type: 'consent.capture', at: '2026-08-14T10:00:00+01:00', by: EO, consent: { written: true, signedBy: candidateId, signedAt: '2026-08-14T10:00:00+01:00' } });
  a.send({ type: 'enquiry.submit', at: '2026-08-14T11:00:00+01:00', by: EO });
  if (close) {
    if (service === 'access_to_scripts') a.send({ type: 'enquiry.scriptsReceived', at: '2026-10-01T10:00:00+01:00', by: EO });
    else a.send({ type: 'enquiry.outcome', at: '2026-09-01T10:00:00+01:00', by: EO, grade: 'B' });
    a.send({ type: 'enquiry.close', at: '2026-10-02T10:00:00+01:00', by: EO });
  }
  return a.getSnapshot().context;
}

function certificate(id: string, destroyed: boolean) {
  const a = createActor(certificateMachine, {
    input: { certificate: { id, candidateId: 'C-4', seriesId: 'june-2026', awardingBodyId: 'AQA' }, rulesPack: resultsTestPack, series: june2026, createdAt: '2026-09-01T09:00:00Z', by: EO },
  }).start();
  a.send({ type: 'certificate.received', at: '2026-11-04T10:00:00Z', by: EO });
  a.send({ type: 'certificate.checked', at: '2026-11-04T11:00:00Z', by: EO, correct: true });
  a.send({ type: 'certificate.unclaimed', at: '2026-12-18T16:00:00Z', by: EO });
  if (destroyed) a.send({ type: 'certificate.destroyed', at: '2027-11-05T10:00:00Z', by: EO, method: 'shredded' });
  return a.getSnapshot().context;
}

function sources(): RetentionSources {
  return {
    seatingPlans: [{ id: 'SP-0611-AM', createdAt: '2026-06-11T08:30:00+01:00', subject: '2026-06-11/AM', seriesId: 'june-2026' }],
    attendanceRegisters: [{ id: 'REG-0611-AM', createdAt: '2026-06-11T09:00:00+01:00', seriesId: 'june-2026' }],
    neaWork: [
      { id: 'NEA-C-1', createdAt: '2026-05-01T10:00:00+01:00', subject: 'C-1/7402', seriesId: 'june-2026' },
      { id: 'NEA-C-2', createdAt: '2026-05-01T10:00:00+01:00', subject: 'C-2/7402', seriesId: 'june-2026' },
    ],
    scripts: [{ id: 'SCRIPT-C-2', createdAt: '2026-10-01T10:00:00+01:00', subject: 'C-2/7402', seriesId: 'june-2026' }],
    accessArrangementsEvidence: [{ id: 'AA-C-3', createdAt: '2025-10-01T10:00:00+01:00', subject: 'C-3' }],
    enquiries: [enquiry('EAR-1', 'C-1', 'review_of_marking', false), enquiry('EAR-2', 'C-2', 'access_to_scripts', true), enquiry('EAR-3', 'C-3', 'clerical_recheck', true)],
    certificates: [certificate('CERT-A', false), certificate('CERT-B', true)],
  };
}

describe('collectRetainedRecords', () => {
  it('gathers every record examcycle knows, with its kind', () => {
    const records = collectRetainedRecords(sources());
    expect(Object.fromEntries(records.map((r) => [r.id, r.kind]))).toEqual({
      'SP-0611-AM': 'seating_plan',
      'REG-0611-AM': 'attendance_register',
      'NEA-C-1': 'nea_work',
      'NEA-C-2': 'nea_work',
      'SCRIPT-C-2': 'nea_work',
      'AA-C-3': 'access_arrangements_evidence',
      'EAR-1/consent': 'enquiry_consent',
      'EAR-2/consent': 'ats_consent',
      'EAR-3/consent': 'enquiry_consent',
      'CERT-A': 'unclaimed_certificate',
      'CERT-B/destruction-record': 'certificate_destruction_record',
    });
  });

  it('marks the records of a candidate with an open enquiry as held', () => {
    const held = collectRetainedRecords(sources()).filter((r) => r.openEnquiry).map((r) => r.id);
    expect(held.sort()).toEqual(['EAR-1/consent', 'NEA-C-1']);
  });
});

describe('planRetention', () => {
  const schedule = planRetention({ rulesPack: resultsTestPack, asOf: '2027-12-01T09:00:00Z', sources: sources() });

  it('says what may be destroyed today, what must be purged, and what is kept until when and why', () => {
    expect(schedule.mayDestroy.map((l) => l.record.id)).toEqual(['CERT-A', 'EAR-2/consent', 'NEA-C-2', 'REG-0611-AM', 'SCRIPT-C-2', 'SP-0611-AM']);
    expect(schedule.mustPurge.map((l) => l.record.id)).toEqual(['EAR-3/consent']);
    expect(schedule.keep.map((l) => [l.record.id, l.decision.keepUntil])).toEqual([
      ['CERT-B/destruction-record', '2031-11-05T10:00:00.000+00:00'],
      ['AA-C-3', null],
    ]);
    expect(schedule.keep[0]!.why).toBe('keep until 2031-11-05T10:00:00.000+00:00: 4 years from destruction');
    expect(schedule.keep[1]!.why).toContain('no period set');
  });

  it('holds a record under an open enquiry whatever the retention period says', () => {
    expect(schedule.held.map((l) => l.record.id)).toEqual(['EAR-1/consent', 'NEA-C-1']);
    expect(schedule.held[1]!.why).toContain('enquiry, review or appeal is open');
  });

  it('refuses two records with one id', () => {
    const r: RetainedRecord = { id: 'X', kind: 'seating_plan', createdAt: '2026-06-01T09:00:00Z' };
    expect(() => planRetention({ rulesPack: resultsTestPack, asOf: '2027-01-01T00:00:00Z', records: [r, r] })).toThrow(expect.objectContaining({ code: 'invalid_value' }));
  });

  it('refuses a pack that answers for another record than the one asked about', () => {
    const confused = { retention: (r: RetainedRecord) => ({ ...resultsTestPack.retention(r), recordId: `${r.id}-other` }) };
    expect(() => planRetention({ rulesPack: confused, asOf: '2027-01-01T00:00:00Z', records: [{ id: 'X', kind: 'seating_plan', createdAt: '2026-06-01T09:00:00Z' }] })).toThrow(expect.objectContaining({ code: 'rule_unsupported' }));
  });

  it('never offers a record for destruction before its may-destroy-from instant, whatever its must-purge instant', () => {
    const early = { retention: (r: RetainedRecord) => ({ ...resultsTestPack.retention(r), mustPurgeBy: '2020-01-01T00:00:00Z' as const }) };
    const s = planRetention({ rulesPack: early, asOf: '2026-12-01T00:00:00Z', sources: sources() });
    for (const l of [...s.mayDestroy, ...s.mustPurge]) expect(toLondon(l.decision.mayDestroyFrom!).toMillis()).toBeLessThanOrEqual(toLondon('2026-12-01T00:00:00Z').toMillis());
    expect(s.keep.map((l) => l.record.id)).toContain('CERT-A');
  });
});

describe('purgeList', () => {
  const schedule = planRetention({ rulesPack: resultsTestPack, asOf: '2027-12-01T09:00:00Z', sources: sources() });
  const list = purgeList(schedule, EO);

  it('lists what may be destroyed and what must be purged, never a record under an open enquiry', () => {
    expect(list.items.map((i) => i.recordId).sort()).toEqual(['CERT-A', 'EAR-2/consent', 'EAR-3/consent', 'NEA-C-2', 'REG-0611-AM', 'SCRIPT-C-2', 'SP-0611-AM']);
    expect(list.excluded.map((e) => e.recordId)).toEqual(['EAR-1/consent', 'NEA-C-1']);
    expect(list.items.find((i) => i.recordId === 'EAR-3/consent')?.mustPurgeBy).toBe('2027-08-14T10:00:00.000+01:00');
    expect(list.signedOff).toBeNull();
  });

  it('is signed off by a named person, once, and the signing is audited', () => {
    const signed = signPurgeList(list, { by: DPO, at: '2027-12-02T10:00:00Z' });
    expect(signed.signedOff).toEqual({ by: DPO, at: '2027-12-02T10:00:00.000+00:00' });
    expect(signed.audit.map((a) => [a.event, a.to, a.outcome, a.by?.id])).toEqual([
      ['purgeList.prepare', 'awaitingSignOff', 'accepted', 'EO'],
      ['purgeList.signOff', 'signedOff', 'accepted', 'DPO'],
    ]);
    expect(list.signedOff).toBeNull();
    const again = (() => {
      try {
        signPurgeList(signed, { by: DPO, at: '2027-12-03T10:00:00Z' });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(isExamcycleError(again) && again.code).toBe('event_rejected');
  });

  it('refuses a sign-off without a name, by a system, or dated before the list', () => {
    expect(() => signPurgeList(list, { by: { id: 'DPO', name: ' ' }, at: '2027-12-02T10:00:00Z' })).toThrow(expect.objectContaining({ code: 'not_authorised' }));
    expect(() => signPurgeList(list, { by: { id: 'cron', name: 'Nightly job', role: 'system' }, at: '2027-12-02T10:00:00Z' })).toThrow(expect.objectContaining({ code: 'not_authorised' }));
    expect(() => signPurgeList(list, { by: DPO, at: '2027-11-30T10:00:00Z' })).toThrow(expect.objectContaining({ code: 'invalid_value' }));
    expect(() => signPurgeList(list, { by: DPO, at: 'yesterday' as Instant })).toThrow(expect.objectContaining({ code: 'invalid_value' }));
  });

  const kinds: RetainedRecordKind[] = ['seating_plan', 'attendance_register', 'nea_work', 'ats_consent', 'enquiry_consent', 'unclaimed_certificate', 'certificate_destruction_record', 'access_arrangements_evidence'];
  const recordArb = fc.record({ kind: fc.constantFrom(...kinds), day: fc.integer({ min: 0, max: 2000 }), open: fc.boolean(), candidate: fc.integer({ min: 1, max: 5 }) });
  fcTest.prop([fc.array(recordArb, { maxLength: 30 }), fc.integer({ min: 0, max: 3500 })], { numRuns: 150 })(
    'never lists a record before its retention ends or while an enquiry is open, and places every record once',
    (rows, asOfDay) => {
      const base = toLondon('2026-06-01T09:00:00Z');
      const records: RetainedRecord[] = rows.map((r, i) => {
        const at = (base.plus({ days: r.day }).toISO() as Instant);
        return { id: `R${i}`, kind: r.kind, subject: `C-${r.candidate}`, createdAt: at, issuedAt: at, destroyedAt: at, ...(r.open ? { openEnquiry: true } : {}) };
      });
      const asOf = (base.plus({ days: asOfDay }).toISO() as Instant);
      const s = planRetention({ rulesPack: resultsTestPack, asOf, records });
      const l = purgeList(s, EO);
      const byId = new Map(records.map((r) => [r.id, r]));
      for (const item of l.items) {
        const r = byId.get(item.recordId)!;
        expect(r.openEnquiry).not.toBe(true);
        expect(toLondon(item.mayDestroyFrom).toMillis()).toBeLessThanOrEqual(toLondon(asOf).toMillis());
        if (r.kind === 'unclaimed_certificate') expect(toLondon(asOf).toMillis()).toBeGreaterThanOrEqual(toLondon(r.issuedAt!).plus({ months: 12 }).toMillis());
        if (r.kind === 'certificate_destruction_record') expect(toLondon(asOf).toMillis()).toBeGreaterThanOrEqual(toLondon(r.destroyedAt!).plus({ years: 4 }).toMillis());
      }
      const placed = [...s.mayDestroy, ...s.mustPurge, ...s.keep, ...s.held].map((x) => x.record.id).sort();
      expect(placed).toEqual(records.map((r) => r.id).sort());
    },
  );
});
