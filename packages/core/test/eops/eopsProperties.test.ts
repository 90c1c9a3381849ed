import { fc, test } from '@fast-check/vitest';
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { eopsRecords, EOPS_LEADER_ROLES, eopsMachine, eopsTracker, type AuditLine, type EopsActor, type EopsEvent, type EopsRecord, type EopsStrand, type EopsRecordsSource } from '@examcycle/core';
import { ok } from '../results/resultsOutcome.js';
import { eventsArb } from './eopsArbitraries.js';
import { auditOf, centreActor, trackAudit } from './eopsFixture.js';

const LEADERS: readonly string[] = EOPS_LEADER_ROLES;

/** A strand's criterion, computed here from the targets, independently of the library. */
function strandDone(record: EopsRecord, strand: EopsStrand): boolean {
  const mine = record.targets.filter((t) => t.strand === strand);
  return mine.length > 0 && mine.every((t) => t.status !== 'open' && t.confirmedBy !== null) && mine.some((t) => t.status === 'achieved');
}

/** After each event: the centre's snapshot, its officers' records, and the audit lines emitted so far (what the store's log would hold). */
interface Step {
  readonly snapshot: EopsRecordsSource;
  readonly records: readonly EopsRecord[];
  readonly audit: readonly AuditLine[];
}

function run(events: readonly EopsEvent[]): { actor: EopsActor; audit: readonly AuditLine[]; steps: Step[]; linesPerEvent: number[] } {
  const { actor } = centreActor('2025-09-02T06:00:00.000Z');
  const audit = auditOf(actor);
  const steps: Step[] = [];
  const linesPerEvent: number[] = [];
  for (const e of events) {
    const before = audit.length;
    actor.send(e);
    linesPerEvent.push(audit.length - before);
    // The persisted form freezes the officer-years as they were (a live snapshot's children are running actors).
    steps.push({ snapshot: actor.getPersistedSnapshot() as unknown as EopsRecordsSource, records: eopsRecords(actor), audit: audit.slice() });
  }
  return { actor, audit, steps, linesPerEvent };
}

/** The accepted lines of a type about an officer's year, since the officer's account was last deleted (a deletion drops uncertified records). */
function accepted(audit: readonly AuditLine[], type: EopsEvent['type'], officerId: string, year: string) {
  const deleted = audit.findLastIndex((a) => a.outcome === 'accepted' && a.event === 'account.delete' && a.details?.accountId === officerId);
  return audit.slice(deleted + 1).filter((a) => a.outcome === 'accepted' && a.event === type && a.details?.officerId === officerId && a.details?.academicYear === year);
}

describe('eopsMachine properties', () => {
  test.prop([eventsArb], { numRuns: 100, seed: 202509011 })('never produces a certificate without every criterion, whoever sends what', (events) => {
    for (const { records } of run(events).steps) {
      for (const r of records.filter((x) => x.certificate !== null)) {
        expect(r.valuesAndAttributes.statement).not.toBeNull();
        expect(r.valuesAndAttributes.agreement).not.toBeNull();
        expect(strandDone(r, 'knowledge_and_understanding')).toBe(true);
        expect(strandDone(r, 'key_skills')).toBe(true);
        expect(r.declaration).not.toBeNull();
        expect(r.certificateRequest).not.toBeNull();
        // "the exams officer and senior leader must agree": each target has one side's proposal and the other's confirmation
        for (const t of r.targets) expect((t.agreedBy.id === r.officerId) !== (t.confirmedBy!.id === r.officerId)).toBe(true);
      }
    }
  }, 30_000);

  test.prop([eventsArb], { numRuns: 100, seed: 202509012 })('never lets an exams officer declare their own Standards or countersign their own statement', (events) => {
    const { actor, audit } = run(events);
    for (const a of audit.filter((x) => x.outcome === 'accepted' && x.event === 'standards.declare')) {
      expect(a.by?.id).not.toBe(a.details?.officerId);
      expect(LEADERS).toContain(a.by?.role);
    }
    for (const r of eopsRecords(actor)) {
      if (r.certificate) {
        expect(r.certificate.authorisedBy.id).not.toBe(r.officerId);
        expect(LEADERS).toContain(r.certificate.authorisedBy.role);
      }
      if (r.valuesAndAttributes.statement) expect(r.valuesAndAttributes.statement.by).toEqual({ id: r.officerId, role: 'exams_officer' });
      if (r.valuesAndAttributes.agreement) expect(r.valuesAndAttributes.agreement.by.id).not.toBe(r.officerId);
    }
  }, 30_000);

  test.prop([eventsArb], { numRuns: 100, seed: 202509013 })('emits exactly one audit line for every event it is sent, accepted or rejected, in order and chronological', (events) => {
    const { audit, linesPerEvent } = run(events);
    expect(linesPerEvent).toEqual(events.map(() => 1));
    const tail = audit.slice(audit.length - events.length);
    expect(tail.map((a) => a.event)).toEqual(events.map((e) => e.type));
    for (const a of tail) if (a.outcome === 'rejected') expect(a.reason && a.code).toBeTruthy();
    const times = audit.map((a) => Date.parse(a.at));
    expect(times.every((t, i) => i === 0 || t >= times[i - 1]!)).toBe(true);
  }, 30_000);

  test.prop([eventsArb], { numRuns: 100, seed: 202509014 })('changes nothing in the context on a rejected event but the latest instant', (events) => {
    const { actor } = centreActor('2025-09-02T06:00:00.000Z');
    const audit = auditOf(actor);
    for (const e of events) {
      const before = actor.getSnapshot().context;
      actor.send(e);
      if (audit.at(-1)!.outcome === 'rejected') expect(actor.getSnapshot().context).toEqual({ ...before, lastEventAt: actor.getSnapshot().context.lastEventAt });
    }
  }, 30_000);

  test.prop([eventsArb], { numRuns: 100, seed: 202509015 })('has a tracker that always agrees with the machine and its audit trail', (events) => {
    for (const { snapshot, records, audit } of run(events).steps) {
      const rows = ok(eopsTracker(snapshot));
      expect(rows).toHaveLength(records.length);
      for (const r of records) {
        const row = rows.find((x) => x.officerId === r.officerId && x.academicYear === r.academicYear)!;
        const signs = accepted(audit, 'valuesAndAttributes.sign', r.officerId, r.academicYear);
        expect(row).toEqual({
          officerId: r.officerId,
          officerName: r.officerName,
          centreNumber: '12345',
          academicYear: r.academicYear,
          valuesAndAttributesStatement: signs.some((a) => a.by?.id === r.officerId),
          knowledgeAndUnderstanding: strandDone(r, 'knowledge_and_understanding'),
          keySkills: strandDone(r, 'key_skills'),
          valuesAndAttributesAgreement: signs.some((a) => a.by?.id !== r.officerId),
          // a certified record outlives its officer's deletion, so its declaration is read from the whole log
          certificate: audit.filter((a) => a.outcome === 'accepted' && a.event === 'standards.declare' && a.details?.officerId === r.officerId && a.details?.academicYear === r.academicYear).length === 1,
        });
        if (row.certificate) expect([row.valuesAndAttributesStatement, row.knowledgeAndUnderstanding, row.keySkills, row.valuesAndAttributesAgreement]).toEqual([true, true, true, true]);
      }
    }
  }, 30_000);

  it('reaches certificates, rejected self-declarations and year rollovers in the random sequences (the properties are not vacuous)', { timeout: 30_000 }, () => {
    const samples = fc.sample(eventsArb, { seed: 20250901, numRuns: 150 });
    const audits = samples.map((events) => run(events).audit);
    const count = (pred: (a: AuditLine) => boolean) => audits.filter((audit) => audit.some(pred)).length;
    expect(count((a) => a.event === 'standards.declare' && a.outcome === 'accepted')).toBeGreaterThan(15);
    expect(count((a) => a.event === 'standards.declare' && a.outcome === 'accepted' && a.details?.academicYear === '2026/27')).toBeGreaterThan(3);
    // An exams officer declaring is refused by the pack (`eops.standards.declare`); one who is also a senior leader, by the Standards.
    expect(count((a) => a.rule === 'eops.slt-declaration' || (a.rule === 'eops.standards.declare' && a.outcome === 'rejected'))).toBeGreaterThan(50);
    expect(count((a) => a.rule === 'eops.certificate-criteria')).toBeGreaterThan(20);
    expect(count((a) => a.event === 'year.rollover' && a.outcome === 'accepted')).toBeGreaterThan(40);
  });

  it('starts unregistered with an empty context and no audit line (no one has done anything yet)', () => {
    const actor = createActor(eopsMachine);
    const audit = trackAudit(actor);
    const snap = actor.start().getSnapshot();
    expect(snap.value).toBe('unregistered');
    expect(snap.context).toEqual({ centre: null, academicYear: null, accounts: [], grants: {}, officerYears: [], lastEventAt: null });
    expect(audit).toEqual([]);
  });
});
