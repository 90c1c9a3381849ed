import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { certificateMachine, enquiryMachine, isExamcycleError, persistSnapshot, restoreCertificate, restoreSnapshot } from '@examcycle/core';
import { fixturePack } from '../fixtures/fixturePack.js';
import certificateGolden from './fixtures/certificate.snapshot.json' with { type: 'json' };
import enquiryGolden from './fixtures/enquiry.snapshot.json' with { type: 'json' };
import { june2026 } from './syntheticCentre.js';

const EO = { id: 'EO', role: 'exams_officer' } as const;

/** An enquiry submitted and awaiting its outcome, with one refused event on its trail. */
function submittedEnquiry() {
  const a = createActor(enquiryMachine, {
    input: {
      id: 'EAR-7',
      candidateId: 'C-1',
      series: june2026,
      level: 'GCE',
      awardingBodyId: 'AQA',
      awardCode: '7402',
      componentCodes: ['74021', '74022'],
      resultId: 'R-C-1-7402',
      service: 'review_of_marking',
      originalGrade: 'B',
      originalMark: 182,
      rulesPack: fixturePack,
      createdAt: '2026-08-13T09:00:00+01:00',
      by: EO,
    },
  }).start();
  a.send({ type: 'enquiry.submit', at: '2026-08-13T09:30:00+01:00', by: EO });
  a.send({ type: 'consent.capture', at: '2026-08-13T10:00:00+01:00', by: EO, consent: { written: true, signedBy: 'C-1', signedAt: '2026-08-13T09:55:00+01:00', reference: 'form 7' } });
  a.send({ type: 'enquiry.submit', at: '2026-08-14T09:00:00+01:00', by: EO, feePence: 4850, reference: 'AQA-EAR-0007' });
  return a;
}

/** A certificate retained unclaimed. */
function unclaimedCertificate() {
  const a = createActor(certificateMachine, {
    input: { certificate: { id: 'CERT-C-4', candidateId: 'C-4', seriesId: 'june-2026', awardingBodyId: 'AQA', awardCodes: ['8300F'] }, rulesPack: fixturePack, series: june2026, createdAt: '2026-09-01T09:00:00+01:00', by: EO },
  }).start();
  a.send({ type: 'certificate.received', at: '2026-11-04T10:00:00Z', by: EO, dateOfIssue: '2026-11-02T00:00:00Z' });
  a.send({ type: 'certificate.checked', at: '2026-11-04T11:00:00Z', by: EO, correct: true });
  a.send({ type: 'certificate.unclaimed', at: '2026-12-18T16:00:00Z', by: EO });
  return a;
}

const json = (v: unknown) => `${JSON.stringify(v, null, 2)}\n`;

describe('persisted snapshots', () => {
  it('persists an enquiry in the committed format (golden fixture)', async () => {
    await expect(json(persistSnapshot(submittedEnquiry()))).toMatchFileSnapshot('./fixtures/enquiry.snapshot.json');
  });

  it('persists a certificate in the committed format, holding only the rules pack\'s id (golden fixture)', async () => {
    await expect(json(persistSnapshot(unclaimedCertificate()))).toMatchFileSnapshot('./fixtures/certificate.snapshot.json');
  });

  it('restores the committed enquiry and carries it to its outcome', () => {
    const actor = restoreSnapshot(enquiryMachine, enquiryGolden).start();
    expect(actor.getSnapshot().value).toBe('submitted');
    expect(actor.getSnapshot().context.audit).toHaveLength(4);
    const changes: unknown[] = [];
    actor.on('enquiry.gradeChanged', (e) => changes.push(e.change));
    actor.send({ type: 'enquiry.outcome', at: '2026-09-03T10:00:00+01:00', by: EO, grade: 'A', feeRefunded: true });
    actor.send({ type: 'enquiry.close', at: '2026-09-04T10:00:00+01:00', by: EO });
    expect(actor.getSnapshot().status).toBe('done');
    expect(changes).toEqual([expect.objectContaining({ enquiryId: 'EAR-7', from: 'B', to: 'A' })]);
  });

  it('restores the committed certificate with its rules pack and keeps it until 12 months from issue', () => {
    const actor = restoreCertificate(certificateGolden, { rulesPack: fixturePack }).start();
    expect(actor.getSnapshot().value).toBe('unclaimed');
    actor.send({ type: 'certificate.destroyed', at: '2027-11-01T23:59:59Z', by: EO, method: 'shredded' });
    expect(actor.getSnapshot().context.audit.at(-1)).toMatchObject({ outcome: 'rejected', code: 'retention_not_expired' });
    actor.send({ type: 'certificate.destroyed', at: '2027-11-02T00:00:00Z', by: EO, method: 'shredded' });
    expect(actor.getSnapshot().value).toBe('destroyed');
  });

  it('refuses a snapshot of one machine for the other', () => {
    const err = (() => {
      try {
        restoreSnapshot(certificateMachine, enquiryGolden);
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(isExamcycleError(err) && err.code).toBe('snapshot_machine_mismatch');
  });
});
