import { fc, test as fcTest } from '@fast-check/vitest';
import { createActor, SimulatedClock } from 'xstate';
import { describe, expect } from 'vitest';
import { authorise, collectAudit, entryCheckingMachine, type Actor, type ActorRole, type EntryCheckingEvent } from '@examcycle/core';
import { hodMaths, hodScience, officer, scienceInput, seniorLeader, teacherScience } from './entryCheckingFixture.js';

const ROLES: readonly ActorRole[] = ['head_of_centre', 'senior_leader', 'line_manager', 'exams_officer', 'exams_office_staff', 'teacher', 'head_of_department', 'senco', 'invigilator', 'candidate', 'system'];
const IDS = ['hod-sci', 'hod-maths', 't-sci', 't-maths', 'eo-1', 'sl-1', 'hoc-1', 'x-1'] as const;
const ENTRY_IDS = ['e001', 'e002', 'e003', 'e999'] as const;

/** Random actors, with the list's real people often enough that runs get past the first steps. */
const actorArb: fc.Arbitrary<Actor> = fc.oneof(
  { arbitrary: fc.record({ id: fc.constantFrom(...IDS), role: fc.constantFrom(...ROLES) }), weight: 3 },
  { arbitrary: fc.constantFrom(officer, hodScience, seniorLeader, teacherScience, hodMaths), weight: 2 },
);
const eventArb = fc.oneof(
  fc.record({ type: fc.constant('send' as const) }),
  fc.record({ type: fc.constant('entry.mark' as const), entryId: fc.constantFrom(...ENTRY_IDS), verdict: fc.constantFrom('correct' as const, 'queried' as const, 'incorrect' as const), comment: fc.constantFrom('', 'Tier?', 'Wrong code') }),
  fc.record({ type: fc.constant('query.answer' as const), entryId: fc.constantFrom(...ENTRY_IDS), answer: fc.constantFrom('', 'Foundation') }),
  fc.record({ type: fc.constant('entries.amend' as const), entries: fc.subarray(['e001', 'e002', 'e003', 'e004']).map((ids) => ids.map((entryId) => ({ entryId, candidateId: `c-${entryId}`, awardingBodyId: 'AQA', entryCode: '8464', tier: 'H' }))), reason: fc.constantFrom('', 'Tier change') }),
  fc.record({ type: fc.constant('sign' as const) }),
  fc.record({ type: fc.constant('authorise' as const) }),
  fc.record({ type: fc.constant('decline' as const), reason: fc.constantFrom('', 'Look again'), entryIds: fc.subarray([...ENTRY_IDS]) }),
  fc.record({ type: fc.constant('submit' as const) }),
);

describe('entryCheckingMachine roles (property)', () => {
  fcTest.prop([fc.array(fc.tuple(actorArb, eventArb), { minLength: 1, maxLength: 60 })], { numRuns: 300, seed: 20261203 })(
    'random actors never take an action their role may not: every accepted step was granted, and signing was by the head of that department',
    (steps) => {
      const actor = createActor(entryCheckingMachine, { input: scienceInput(3), clock: new SimulatedClock() });
      const audit = collectAudit(actor);
      actor.start();
      const grants = actor.getSnapshot().context.grants;
      let t = Date.parse('2026-01-05T10:00:00Z');
      for (const [by, event] of steps) {
        t += 3_600_000;
        actor.send({ ...event, at: new Date(t).toISOString(), by } as EntryCheckingEvent);
      }
      for (const line of audit.slice(1)) {
        if (line.outcome !== 'accepted' || line.event === 'clock.tick') continue;
        expect(authorise(grants, line.by, `entryChecking.${line.event}`).allowed, JSON.stringify(line)).toBe(true);
        if (line.event === 'sign') expect(line.by?.id).toBe('hod-sci');
        if (line.event === 'entry.mark') expect(['hod-sci', 't-sci']).toContain(line.by?.id);
      }
      // Refusals are recorded, never dropped: one line per event sent.
      expect(audit.length).toBe(steps.length + 1);
    },
  );
});

describe('entryCheckingMachine amendments (property)', () => {
  fcTest.prop(
    [
      fc.integer({ min: 1, max: 12 }),
      fc.constantFrom('authorising' as const, 'released' as const, 'submitted' as const),
      fc.func(fc.boolean()),
      fc.integer({ min: 0, max: 2 }),
    ],
    { numRuns: 200, seed: 20261204 },
  )('an amendment after sign-off reopens exactly the entries it touches; the rest stay correct with their signatures', (n, stage, touches, added) => {
    const actor = createActor(entryCheckingMachine, { input: scienceInput(n), clock: new SimulatedClock() }).start();
    actor.send({ type: 'send', at: '2026-01-05T10:00:00Z', by: officer });
    for (const e of actor.getSnapshot().context.entries) actor.send({ type: 'entry.mark', entryId: e.entryId, verdict: 'correct', at: '2026-01-06T10:00:00Z', by: hodScience });
    actor.send({ type: 'sign', at: '2026-01-07T10:00:00Z', by: hodScience });
    if (stage !== 'authorising') actor.send({ type: 'authorise', at: '2026-01-08T10:00:00Z', by: seniorLeader });
    if (stage === 'submitted') actor.send({ type: 'submit', at: '2026-01-09T10:00:00Z', by: officer });
    expect(actor.getSnapshot().value).toBe(stage);
    const before = actor.getSnapshot().context.entries;
    const touched = before.filter((e) => touches(e.entryId));
    const fresh = Array.from({ length: added }, (_, i) => ({ entryId: `new-${String(i)}`, candidateId: `cn-${String(i)}`, awardingBodyId: 'OCR', entryCode: 'J260' }));
    const amendment = [...touched.map((e) => ({ ...e, tier: 'H' })), ...fresh];
    actor.send({ type: 'entries.amend', entries: amendment, reason: 'Changes after mocks', at: '2026-01-10T10:00:00Z', by: officer });
    const after = actor.getSnapshot().context.entries;
    if (amendment.length === 0) {
      expect(actor.getSnapshot().value).toBe(stage);
      expect(after).toEqual(before);
      return;
    }
    expect(actor.getSnapshot().value).toBe('checking');
    const ids = new Set(amendment.map((e) => e.entryId));
    for (const e of after) {
      const was = before.find((b) => b.entryId === e.entryId);
      if (ids.has(e.entryId)) {
        expect(e.status).toBe('unchecked');
        expect(e.signedAt).toBeUndefined();
      } else {
        expect(e).toEqual(was);
      }
    }
    expect(after.length).toBe(before.length + added);
  });
});
