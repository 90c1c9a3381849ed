import { fc, test as fcTest } from '@fast-check/vitest';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { certificateMachine, collectAudit, instantToMillis, londonIso, type CertificateEvent, type Instant } from '@examcycle/core';
import { fixturePack } from '../fixtures/fixturePack.js';
import { june2026 } from './syntheticCentre.js';

const EO = { id: 'EO', role: 'exams_officer' } as const;

function start() {
  const actor = createActor(certificateMachine, {
    input: { certificate: { id: 'CERT-C-1', candidateId: 'C-1', seriesId: 'june-2026', awardingBodyId: 'AQA' }, rulesPack: fixturePack, series: june2026, createdAt: '2026-09-01T09:00:00+01:00', by: EO },
  });
  const audit = collectAudit(actor);
  actor.start();
  return { actor, audit };
}

/** The same instant (a whole minute) written several ways: UTC with and without milliseconds, an offset, no seconds. */
function writings(ms: number): Instant[] {
  const utc = new Date(ms).toISOString();
  const plus = new Date(ms + 3_600_000).toISOString().replace('Z', '+01:00');
  return [utc, utc.replace('.000Z', 'Z'), plus, utc.replace(/:\d\d\.\d{3}Z$/, 'Z')] as Instant[];
}

describe('certificateMachine instants (written once per instant sent)', () => {
  fcTest.prop([fc.array(fc.integer({ min: Date.parse('2026-09-02T00:00:00Z') / 60_000, max: Date.parse('2029-12-31T00:00:00Z') / 60_000 }).map((minute) => minute * 60_000), { minLength: 1, maxLength: 6 }), fc.nat()], { numRuns: 300, seed: 20261126 })(
    'keeps and audits every instant as londonIso of its milliseconds, however it was written and however often it was sent',
    (times, pick) => {
      const sorted = [...times].sort((a, b) => a - b);
      const at = (i: number): Instant => {
        const ways = writings(sorted[i]!);
        return ways[(pick + i) % ways.length]!;
      };
      // Received, checked and issued at instants that repeat across certificates: the second certificate's instants are written from the memo.
      for (let round = 0; round < 2; round += 1) {
        const { actor, audit } = start();
        const sent: CertificateEvent[] = [
          { type: 'certificate.received', at: at(0), by: EO, dateOfIssue: at(0) },
          { type: 'certificate.checked', at: at(Math.min(1, sorted.length - 1)), by: EO, correct: true },
          { type: 'certificate.issued', at: at(sorted.length - 1), by: EO, method: 'collected', to: 'C-1' },
        ];
        for (const e of sent) actor.send(e);
        const context = actor.getSnapshot().context;
        expect(context.receivedAt).toBe(londonIso(instantToMillis(sent[0]!.at)));
        expect(context.dateOfIssue).toBe(londonIso(instantToMillis(sent[0]!.at)));
        expect(context.checks.at(-1)?.at).toBe(londonIso(instantToMillis(sent[1]!.at)));
        expect(context.handover?.at).toBe(londonIso(instantToMillis(sent[2]!.at)));
        expect(audit.slice(1).map((l) => l.at)).toEqual(sent.map((e) => londonIso(instantToMillis(e.at))));
        actor.stop();
      }
    },
  );

  it('audits each accepted step from the context the step left: the date of issue, lateness, and who took it', () => {
    const { actor, audit } = start();
    actor.send({ type: 'certificate.received', at: '2026-11-09T09:00:00Z', by: { id: 'EO', role: 'exams_officer', name: 'not kept' } as never, dateOfIssue: '2026-11-02T09:00:00Z' });
    expect(audit.at(-1)).toEqual({
      at: '2026-11-09T09:00:00.000+00:00',
      by: { id: 'EO', role: 'exams_officer' },
      event: 'certificate.received',
      from: 'expected',
      to: 'received',
      outcome: 'accepted',
      details: { certificateId: 'CERT-C-1', candidateId: 'C-1', dateOfIssue: '2026-11-02T09:00:00.000+00:00', late: true },
    });
  });
});
