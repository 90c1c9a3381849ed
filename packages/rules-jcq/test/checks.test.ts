import { examSeries, toLondon, type CheckFacts } from '@examcycle/core';
import { compileRules, jcq, jcqCheckRules, prepareCheckFacts } from '@examcycle/rules-jcq';
import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';

const entry = (id: string, e: Record<string, unknown>, candidate: Record<string, unknown> = { uci: '681990012058G' }): CheckFacts => ({
  subject: { kind: 'entry', id },
  entry: { seriesId: 'june-2026', status: 'submitted', identityVerified: true, ...e },
  candidate,
});
const rulesFired = (facts: CheckFacts) => jcq.check([facts]).map((f) => f.rule);

describe('check', () => {
  it('finds a late entry (after the entry deadline) and a very late one, with the conditions that held', () => {
    const [late] = jcq.check([entry('e1', { submittedAt: '2026-03-02T10:00:00Z' })]);
    expect(late).toMatchObject({
      rule: 'jcq.entries.late-entry',
      severity: 'warning',
      subject: { kind: 'entry', id: 'e1' },
      source: { document: 'AQA, Entries' },
    });
    expect(late?.explanation).toContain(
      `the entry was submitted after the entry deadline: entry.submittedAtMs (${toLondon('2026-03-02T10:00:00Z').toMillis()}) is greater than deadlines.entryDeadlineMs (${toLondon('2026-02-21T23:59:59.999Z').toMillis()})`,
    );
    expect(rulesFired(entry('e2', { submittedAt: '2026-04-22T09:00:00+01:00' }))).toEqual(['jcq.entries.very-late-entry']);
    expect(rulesFired(entry('e3', { submittedAt: '2026-02-21T23:59:59Z' }))).toEqual([]);
  });

  it('finds an entry without a verified identity, a missing UCI and an invalid UCI', () => {
    expect(rulesFired(entry('e1', { identityVerified: false }))).toEqual(['jcq.entries.identity-not-verified']);
    expect(rulesFired(entry('e1', { status: 'draft', identityVerified: false }))).toEqual([]);
    expect(rulesFired(entry('e1', {}, {}))).toEqual(['jcq.entries.missing-uci']);
    expect(rulesFired(entry('e1', {}, { uci: '681990012058X' }))).toEqual(['jcq.entries.invalid-uci']);
  });

  it('finds a withdrawal after the refund deadline', () => {
    expect(rulesFired(entry('e1', { status: 'withdrawn', withdrawnAt: '2026-05-01T09:00:00+01:00' }))).toEqual(['jcq.entries.withdrawal-after-refund-deadline']);
    expect(rulesFired(entry('e1', { status: 'withdrawn', withdrawnAt: '2026-04-01T09:00:00+01:00' }))).toEqual([]);
  });

  it('finds an invigilation ratio breached (1:30 written, 1:20 practical) and seats closer than 1.25 m', () => {
    const session = (s: Record<string, unknown>): CheckFacts => ({ subject: { kind: 'room_session', id: 'hall-am' }, session: { date: '2026-05-20', kind: 'written', candidates: 60, invigilators: 2, seatSpacingMetres: 1.25, ...s } });
    expect(rulesFired(session({}))).toEqual([]);
    expect(rulesFired(session({ candidates: 61 }))).toEqual(['jcq.invigilation.ratio-breached']);
    expect(rulesFired(session({ kind: 'practical', candidates: 41, invigilators: 2 }))).toEqual(['jcq.invigilation.ratio-breached']);
    expect(rulesFired(session({ seatSpacingMetres: 1.2 }))).toEqual(['jcq.exam-room.seat-spacing']);
  });

  it('finds an access arrangement used without approval, and one whose 26-month approval has lapsed', () => {
    const aa = (a: Record<string, unknown>): CheckFacts => ({ subject: { kind: 'access_arrangement', id: 'aa1' }, arrangement: { kind: 'reader', approval: 'aao_approved', approvedOn: '2025-01-10', neededOn: '2026-05-20', ...a } });
    expect(rulesFired(aa({}))).toEqual([]);
    expect(rulesFired(aa({ approval: 'pending' }))).toEqual(['jcq.access-arrangements.without-approval']);
    expect(rulesFired(aa({ approval: 'centre_delegated' }))).toEqual([]);
    expect(rulesFired(aa({ approvedOn: '2024-01-10' }))).toEqual(['jcq.access-arrangements.approval-expired']);
  });

  it('finds results read before their release to that reader', () => {
    const read = (r: Record<string, unknown>): CheckFacts => ({ subject: { kind: 'results_read', id: 'r1' }, read: { audience: 'centre_staff', role: 'teacher', seriesId: 'june-2026', level: 'GCSE', at: '2026-08-19T09:00:00+01:00', ...r } });
    expect(rulesFired(read({}))).toEqual(['jcq.results.read-before-release']);
    expect(rulesFired(read({ role: 'exams_officer' }))).toEqual([]);
    expect(rulesFired(read({ audience: 'press', at: '2026-08-20T09:00:00+01:00' }))).toEqual(['jcq.results.read-before-release']);
  });

  it('finds an unclaimed certificate destroyed within 12 months of issue, or destroyed without a record', () => {
    const cert = (c: Record<string, unknown>): CheckFacts => ({ subject: { kind: 'certificate', id: 'c1' }, certificate: { issuedAt: '2025-11-07T09:00:00Z', ...c } });
    expect(rulesFired(cert({ destroyedAt: '2026-11-01T09:00:00Z', destructionRecorded: true }))).toEqual(['jcq.certificates.destroyed-early']);
    expect(rulesFired(cert({ destroyedAt: '2026-11-08T09:00:00Z', destructionRecorded: true }))).toEqual([]);
    expect(rulesFired(cert({ destroyedAt: '2026-11-08T09:00:00Z' }))).toEqual(['jcq.certificates.destruction-not-recorded']);
    expect(rulesFired(cert({}))).toEqual([]);
  });

  it('finds an unreported very late arrival', () => {
    const arrival = (a: Record<string, unknown>): CheckFacts => ({ subject: { kind: 'arrival', id: 'a1' }, arrival: { date: '2026-05-20', startTime: '09:00', durationMinutes: 90, arrivedAt: '2026-05-20T10:01:00+01:00', ...a } });
    expect(rulesFired(arrival({}))).toEqual(['jcq.exam-room.very-late-arrival']);
    expect(rulesFired(arrival({ reported: true }))).toEqual([]);
    expect(rulesFired(arrival({ arrivedAt: '2026-05-20T10:00:00+01:00' }))).toEqual([]);
  });

  it('reports facts it cannot check as an error finding with their issues, and carries on', () => {
    const findings = jcq.check([
      { subject: { kind: 'entry', id: 'bad' }, entry: { seriesId: 'june-2026', status: 'lost' } },
      { subject: { kind: 'entry', id: 'unknown-series' }, entry: { seriesId: 'june-2031', status: 'submitted' }, candidate: { uci: '681990012058G' } },
      entry('ok', { submittedAt: '2026-03-02T10:00:00Z' }),
      { subject: { kind: 'timetable', id: 'nothing-checks-this' } },
    ]);
    expect(findings.map((f) => [f.rule, f.subject.id])).toEqual([
      ['jcq.check.invalid-facts', 'bad'],
      ['jcq.check.invalid-facts', 'unknown-series'],
      ['jcq.entries.late-entry', 'ok'],
    ]);
    expect(findings[0]?.explanation[0]).toMatch(/^entry\.status: /);
    expect(findings[1]?.explanation[0]).toMatch(/unknown_series/);
  });

  it('is authored as plain json-rules-engine JSON that runs in json-rules-engine as written', async () => {
    expect(JSON.parse(JSON.stringify(jcqCheckRules))).toEqual(jcqCheckRules);
    const engine = new Engine(structuredClone(jcqCheckRules) as never, { allowUndefinedFacts: true });
    const prepared = prepareCheckFacts(entry('e1', { submittedAt: '2026-03-02T10:00:00Z', identityVerified: false }), {
      keyDatesOf: () => jcq.keyDates(examSeries('june', 2026)),
      resultsAccess: (r) => jcq.resultsAccess(r),
      editionFor: () => {
        throw new Error('not needed for entries');
      },
    });
    expect(prepared.ok).toBe(true);
    if (!prepared.ok) return;
    const { events } = await engine.run(prepared.facts as Record<string, unknown>);
    expect(events.map((e) => e.params?.['rule']).sort()).toEqual(['jcq.entries.identity-not-verified', 'jcq.entries.late-entry']);
  });

  it('agrees with json-rules-engine on the JCQ checks for random entries', async () => {
    const compiled = compileRules(jcqCheckRules);
    const engine = new Engine(structuredClone(jcqCheckRules) as never, { allowUndefinedFacts: true });
    const june = jcq.keyDates(examSeries('june', 2026));
    const entryMs = toLondon(june.find((k) => k.kind === 'entry_deadline')!.at).toMillis();
    const veryLateMs = toLondon(june.find((k) => k.kind === 'very_late_deadline')!.at).toMillis();
    const ms = fc.option(fc.integer({ min: entryMs - 30 * 86_400_000, max: veryLateMs + 30 * 86_400_000 }), { nil: undefined });
    const facts = fc.record({
      status: fc.constantFrom('draft', 'submitted', 'accepted', 'amended', 'withdrawn', 'rejected'),
      identityVerified: fc.boolean(),
      submittedAtMs: ms,
      withdrawnAtMs: ms,
      hasUci: fc.boolean(),
      uciValid: fc.boolean(),
      kind: fc.constantFrom('entry', 'room_session', 'certificate'),
    });
    await fc.assert(
      fc.asyncProperty(facts, async (f) => {
        const prepared = {
          subject: { kind: f.kind, id: 'x' },
          entry: { status: f.status, identityVerified: f.identityVerified, submittedAtMs: f.submittedAtMs, withdrawnAtMs: f.withdrawnAtMs },
          deadlines: { entryDeadlineMs: entryMs, veryLateDeadlineMs: veryLateMs },
          candidate: { hasUci: f.hasUci, uciValid: f.uciValid },
        };
        const { events } = await engine.run(prepared);
        expect(compiled.run(prepared).map((e) => e.rule).sort()).toEqual(events.map((e) => String(e.params?.['rule'])).sort());
      }),
      { numRuns: 200 },
    );
  });
});
