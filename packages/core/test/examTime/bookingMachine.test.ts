import { getShortestPaths, getSimplePaths } from '@xstate/graph';
import { fc } from '@fast-check/vitest';
import { createActor, SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  authorise,
  BOOKING_RULES,
  collectAudit,
  grantsFor,
  invigilatorBookingMachine,
  persistSnapshot,
  restoreSnapshot,
  createInvigilatorBooking,
  type ActorRole,
  type AuditLine,
  type InvigilatorBookingEvent,
  type InvigilatorBookingInput,
  VERSION_2_BOOKING_GRANTS,
} from '@examcycle/core';
import { fixturePack } from '../fixtures/fixturePack.js';
import type { Instant } from '@examcycle/core';

/** The offer as a host makes it; `input` adds the version-2 grants the older tests decide by. */
const offer: InvigilatorBookingInput = {
  bookingId: 'b-2026-06-01-AM-inv1',
  invigilatorId: 'inv-1',
  date: '2026-06-01',
  session: 'AM',
  offeredAt: '2026-05-01T09:00:00+01:00',
  respondBy: '2026-05-08T17:00:00+01:00',
  by: { id: 'eo-1', role: 'exams_officer' },
};
const input: InvigilatorBookingInput = { ...offer, grants: VERSION_2_BOOKING_GRANTS };
const WEEK_MS = 7 * 86_400_000 + 8 * 3_600_000;
const invigilatorActor = { id: 'inv-1', role: 'invigilator' } as const;
const eo = { id: 'eo-1', role: 'exams_officer' } as const;

function start() {
  const clock = new SimulatedClock();
  const actor = createActor(invigilatorBookingMachine, { input, clock });
  const audit = collectAudit(actor);
  actor.start();
  return { clock, actor, audit };
}

describe('invigilatorBookingMachine', () => {
  it('is offered, and the invigilator can accept', () => {
    const { actor, audit } = start();
    expect(actor.getSnapshot().value).toBe('offered');
    actor.send({ type: 'accept', at: '2026-05-02T10:00:00+01:00', by: invigilatorActor });
    expect(actor.getSnapshot().value).toBe('accepted');
    expect(actor.getSnapshot().context.closedAt).toBe('2026-05-02T10:00:00+01:00');
    expect(audit.map((a) => [a.event, a.from, a.to, a.outcome])).toEqual([
      ['offer', 'offered', 'offered', 'accepted'],
      ['accept', 'offered', 'accepted', 'accepted'],
    ]);
  });

  it('expires when not answered by its respond-by instant, on the injected clock', () => {
    const { actor, clock, audit } = start();
    clock.increment(WEEK_MS - 1);
    expect(actor.getSnapshot().value).toBe('offered');
    clock.increment(1);
    expect(actor.getSnapshot().value).toBe('expired');
    const last = audit.at(-1)!;
    expect(last).toMatchObject({ event: 'expire', at: '2026-05-08T17:00:00.000+01:00', to: 'expired', by: { id: 'system', role: 'system' } });
    // A late answer is refused and recorded.
    actor.send({ type: 'accept', at: '2026-05-09T08:00:00+01:00', by: invigilatorActor });
    expect(actor.getSnapshot().value).toBe('expired');
    expect(audit.at(-1)).toMatchObject({ event: 'accept', outcome: 'rejected', code: 'event_rejected' });
  });

  it('refuses an answer dated after the respond-by instant even before the timer fires', () => {
    const { actor, audit } = start();
    actor.send({ type: 'accept', at: '2026-05-08T17:00:01+01:00', by: invigilatorActor });
    expect(actor.getSnapshot().value).toBe('offered');
    expect(audit.at(-1)).toMatchObject({ outcome: 'rejected', code: 'deadline_passed' });
  });

  it('lets only the invigilator accept or decline, and the invigilator or exams office staff cancel', () => {
    const { actor, audit } = start();
    actor.send({ type: 'accept', at: '2026-05-02T10:00:00+01:00', by: eo });
    actor.send({ type: 'cancel', at: '2026-05-02T10:05:00+01:00', by: { id: 't-9', role: 'teacher' } });
    expect(actor.getSnapshot().value).toBe('offered');
    expect(audit.slice(1).map((a) => [a.event, a.outcome, a.code])).toEqual([
      ['accept', 'rejected', 'not_authorised'],
      ['cancel', 'rejected', 'not_authorised'],
    ]);
    actor.send({ type: 'decline', at: '2026-05-03T10:00:00+01:00', by: invigilatorActor, reason: 'On holiday' });
    expect(actor.getSnapshot().value).toBe('declined');
    expect(actor.getSnapshot().context.reason).toBe('On holiday');
  });

  it('lets exams office staff cancel an accepted booking, and then refuses every further event', () => {
    const { actor, clock, audit } = start();
    actor.send({ type: 'accept', at: '2026-05-02T10:00:00+01:00', by: invigilatorActor });
    actor.send({ type: 'cancel', at: '2026-05-20T10:00:00+01:00', by: eo, reason: 'Paper moved' });
    expect(actor.getSnapshot().value).toBe('cancelled');
    clock.increment(WEEK_MS * 2);
    actor.send({ type: 'accept', at: '2026-05-21T10:00:00+01:00', by: invigilatorActor });
    expect(actor.getSnapshot().value).toBe('cancelled');
    expect(audit.map((a) => `${a.event}:${a.outcome}`)).toEqual(['offer:accepted', 'accept:accepted', 'cancel:accepted', 'accept:rejected']);
  });

  it('refuses an event dated before the latest one, or without a valid instant', () => {
    const { actor, audit } = start();
    actor.send({ type: 'accept', at: '2026-04-30T10:00:00+01:00', by: invigilatorActor });
    actor.send({ type: 'accept', at: 'yesterday' as Instant, by: invigilatorActor });
    expect(actor.getSnapshot().value).toBe('offered');
    expect(audit.slice(1).map((a) => [a.code, a.at])).toEqual([
      ['invalid_value', '2026-05-01T09:00:00.000+01:00'],
      ['invalid_value', '2026-05-01T09:00:00.000+01:00'],
    ]);
  });

  it('persists as { machine, version } and restores to the same state', () => {
    const { actor } = start();
    actor.send({ type: 'accept', at: '2026-05-02T10:00:00+01:00', by: invigilatorActor });
    const saved = JSON.parse(JSON.stringify(persistSnapshot(actor)));
    expect(saved).toMatchObject({ format: 'examcycle.snapshot', machine: 'invigilatorBooking', version: 3 });
    const restored = restoreSnapshot(invigilatorBookingMachine, saved, { clock: new SimulatedClock() }).start();
    expect(restored.getSnapshot().value).toBe('accepted');
    expect(restored.getSnapshot().context).toEqual(actor.getSnapshot().context);
  });

  describe('paths (@xstate/graph)', () => {
    const events: InvigilatorBookingEvent[] = [
      { type: 'accept', at: '2026-05-02T10:00:00+01:00', by: invigilatorActor },
      { type: 'decline', at: '2026-05-02T10:00:00+01:00', by: invigilatorActor },
      { type: 'cancel', at: '2026-05-03T10:00:00+01:00', by: eo },
      { type: 'accept', at: '2026-05-02T10:00:00+01:00', by: eo },
    ];
    const expiry = { type: 'xstate.after.expiry.invigilatorBooking.offered' } as unknown as InvigilatorBookingEvent;
    const options = { input, events: [...events, expiry], serializeState: (s: { value: unknown }) => JSON.stringify(s.value) };

    it('reaches every state: offered, accepted, declined, expired, cancelled', () => {
      const reached = getShortestPaths(invigilatorBookingMachine, options).map((p) => p.state.value);
      expect(new Set(reached)).toEqual(new Set(['offered', 'accepted', 'declined', 'expired', 'cancelled']));
    });

    it('replays every simple path on a running actor with a simulated clock', () => {
      const paths = getSimplePaths(invigilatorBookingMachine, options);
      expect(paths.length).toBeGreaterThanOrEqual(6);
      for (const path of paths) {
        const { actor, clock, audit } = start();
        for (const step of path.steps.slice(1)) {
          if (step.event.type.startsWith('xstate.after.')) clock.increment(WEEK_MS);
          else actor.send(step.event);
          expect(actor.getSnapshot().value).toBe(step.state.value);
        }
        expect(actor.getSnapshot().value).toBe(path.state.value);
        // One line per event sent (accepted or refused) and one per expiry, after the offer line; never more.
        expect(audit).toHaveLength(path.steps.length);
        expect(audit[0]).toMatchObject({ event: 'offer' });
        expect(audit.map((a) => Date.parse(a.at))).toEqual([...audit.map((a) => Date.parse(a.at))].sort((x, y) => x - y));
      }
    });
  });
});

describe('invigilator booking expiry across late starts and restarts', () => {
  const H = 3_600_000;
  const at = (iso: string) => {
    const clock = new SimulatedClock();
    clock.set(Date.parse(iso));
    return clock;
  };

  it('expires at respondBy even when the actor starts days after the offer', () => {
    const clock = at('2026-05-07T09:00:00+01:00');
    const actor = createInvigilatorBooking({ clock, input });
    clock.increment(31 * H); // 2026-05-08 16:00, an hour before respondBy
    expect(actor.getSnapshot().value).toBe('offered');
    clock.increment(2 * H);
    expect(actor.getSnapshot().value).toBe('expired');
    expect(actor.getSnapshot().context.closedAt).toBe('2026-05-08T17:00:00.000+01:00');
  });

  it('expires at once when restored after respondBy has passed (the host was down)', () => {
    const first = createInvigilatorBooking({ clock: at(input.offeredAt), input });
    const saved = JSON.parse(JSON.stringify(persistSnapshot(first)));
    first.stop();
    const audit: AuditLine[] = [];
    const actor = createInvigilatorBooking({ clock: at('2026-05-10T09:00:00+01:00'), snapshot: saved, onAudit: (line) => audit.push(line) });
    expect(actor.getSnapshot().value).toBe('expired');
    expect(audit).toHaveLength(1);
    expect(audit.at(-1)).toMatchObject({ event: 'expire', outcome: 'accepted', at: '2026-05-08T17:00:00.000+01:00' });
  });

  it('schedules the expiry again when restored before respondBy', () => {
    const first = createInvigilatorBooking({ clock: at(input.offeredAt), input });
    const saved = JSON.parse(JSON.stringify(persistSnapshot(first)));
    first.stop();
    const clock = at('2026-05-06T09:00:00+01:00');
    const actor = createInvigilatorBooking({ clock, snapshot: saved });
    expect(actor.getSnapshot().value).toBe('offered');
    clock.increment(55 * H); // 2026-05-08 16:00
    expect(actor.getSnapshot().value).toBe('offered');
    actor.send({ type: 'accept', at: '2026-05-08T16:30:00+01:00', by: invigilatorActor });
    expect(actor.getSnapshot().value).toBe('accepted');
    clock.increment(2 * H);
    expect(actor.getSnapshot().value).toBe('accepted');
  });

  it('a tick before respondBy changes nothing and leaves no line; a tick after it expires the offer', () => {
    const actor = createActor(invigilatorBookingMachine, { input });
    const audit = collectAudit(actor);
    actor.start();
    const before = actor.getSnapshot().context;
    actor.send({ type: 'clock.tick', at: '2026-05-05T09:00:00+01:00', by: { id: 'examcycle', role: 'system' } });
    expect(actor.getSnapshot().value).toBe('offered');
    expect(actor.getSnapshot().context).toEqual(before);
    expect(audit.map((a) => a.event)).toEqual(['offer']);
    actor.send({ type: 'clock.tick', at: '2026-05-09T09:00:00+01:00' });
    expect(actor.getSnapshot().value).toBe('expired');
    expect(audit.map((a) => a.event)).toEqual(['offer', 'expire']);
  });
});

describe('invigilatorBookingMachine: who may do what (booking.* authorities)', () => {
  it('grants nothing when started with neither a rules pack nor grants: every step is refused not_authorised', () => {
    const actor = createActor(invigilatorBookingMachine, { input: offer, clock: new SimulatedClock() });
    const audit = collectAudit(actor);
    actor.start();
    expect(actor.getSnapshot().context.grants).toEqual({});
    expect(actor.getSnapshot().value).toBe('notOffered');
    expect(audit.at(-1)).toMatchObject({ outcome: 'rejected', code: 'not_authorised' });
  });

  const withPack: InvigilatorBookingInput = { ...offer, rulesPack: fixturePack };
  const startWith = (i: InvigilatorBookingInput) => {
    const actor = createActor(invigilatorBookingMachine, { input: i, clock: new SimulatedClock() });
    const audit = collectAudit(actor);
    actor.start();
    return { actor, audit };
  };

  it('resolves the pack\'s booking.* authorities into grants when the booking starts, and keeps them in its context', () => {
    const { actor } = startWith(withPack);
    expect(actor.getSnapshot().context.grants).toEqual(grantsFor(fixturePack.authorities('2025/26'), [], ['booking.']));
    expect(Object.keys(actor.getSnapshot().context.grants).every((k) => k.startsWith('booking.'))).toBe(true);
  });

  it('the exams officer books invigilators: an offer made by a teacher is refused not_authorised, audited, and never opens', () => {
    const { actor, audit } = startWith({ ...withPack, by: { id: 't-1', role: 'teacher' } });
    expect(actor.getSnapshot().value).toBe('notOffered');
    expect(audit).toEqual([expect.objectContaining({ event: 'offer', outcome: 'rejected', code: 'not_authorised', rule: 'booking.offer' })]);
    actor.send({ type: 'accept', at: '2026-05-02T10:00:00+01:00', by: invigilatorActor });
    expect(actor.getSnapshot().value).toBe('notOffered');
  });

  it('an invigilator accepts or declines only their own booking', () => {
    const { actor, audit } = startWith(withPack);
    actor.send({ type: 'accept', at: '2026-05-02T10:00:00+01:00', by: { id: 'inv-2', role: 'invigilator' } });
    actor.send({ type: 'decline', at: '2026-05-02T10:01:00+01:00', by: { id: 'inv-1', role: 'exams_officer' } });
    expect(actor.getSnapshot().value).toBe('offered');
    expect(audit.slice(1).map((a) => [a.event, a.code, a.rule])).toEqual([
      ['accept', 'not_authorised', 'examcycle.booking.own-booking'],
      ['decline', 'not_authorised', 'booking.decline'],
    ]);
    actor.send({ type: 'accept', at: '2026-05-02T10:02:00+01:00', by: invigilatorActor });
    expect(actor.getSnapshot().value).toBe('accepted');
  });

  it('an invigilator cancels only their own booking; the exams office cancels any', () => {
    const { actor, audit } = startWith(withPack);
    actor.send({ type: 'accept', at: '2026-05-02T10:00:00+01:00', by: invigilatorActor });
    actor.send({ type: 'cancel', at: '2026-05-03T10:00:00+01:00', by: { id: 'inv-2', role: 'invigilator' } });
    expect(actor.getSnapshot().value).toBe('accepted');
    expect(audit.at(-1)).toMatchObject({ outcome: 'rejected', code: 'not_authorised', rule: 'examcycle.booking.own-booking' });
    actor.send({ type: 'cancel', at: '2026-05-03T11:00:00+01:00', by: { id: 'eos-1', role: 'exams_office_staff' }, reason: 'Session merged' });
    expect(actor.getSnapshot().value).toBe('cancelled');
  });

  it('a centre delegation adds a named member of staff who may cancel', () => {
    const pack = { ...fixturePack, delegations: () => [{ action: 'booking.cancel', staffIds: ['hod-9'], grantedBy: 'hoc-1' }] };
    const { actor } = startWith({ ...offer, rulesPack: pack });
    actor.send({ type: 'cancel', at: '2026-05-03T10:00:00+01:00', by: { id: 'hod-9', role: 'head_of_department' } });
    expect(actor.getSnapshot().value).toBe('cancelled');
  });

  it('a refusal names the rule (guard) that failed, with that rule\'s own code and reason', () => {
    const { actor, audit } = startWith(withPack);
    actor.send({ type: 'accept', at: '2026-05-09T10:00:00+01:00', by: invigilatorActor });
    const ctx = actor.getSnapshot().context;
    const why = BOOKING_RULES.answeredByTheRespondByInstant.refusal(ctx, { type: 'accept', at: '2026-05-09T10:00:00+01:00', by: invigilatorActor });
    expect(audit.at(-1)).toMatchObject({ code: why.code, reason: why.reason, rule: why.rule });
  });

  it('property (seeded): random actors with random roles never take a booking action their role may not', () => {
    const roles: ActorRole[] = ['head_of_centre', 'senior_leader', 'line_manager', 'exams_officer', 'exams_office_staff', 'teacher', 'head_of_department', 'senco', 'invigilator', 'candidate', 'system'];
    const actorArb = fc.record({ id: fc.constantFrom('inv-1', 'inv-2', 'eo-1', 'x-1'), role: fc.constantFrom(...roles) });
    const stepArb = fc.record({ type: fc.constantFrom('accept', 'decline', 'cancel'), by: actorArb, minutes: fc.integer({ min: 0, max: 60 * 24 * 3 }) });
    fc.assert(
      fc.property(actorArb, fc.array(stepArb, { maxLength: 8 }), (offeredBy, steps) => {
        const { actor, audit } = startWith({ ...withPack, by: offeredBy });
        const grants = actor.getSnapshot().context.grants;
        let t = Date.parse('2026-05-01T08:00:00Z');
        for (const s of steps) {
          t += s.minutes * 60_000;
          actor.send({ type: s.type, at: (new Date(t).toISOString() as Instant), by: s.by } as InvigilatorBookingEvent);
        }
        for (const line of audit) {
          if (line.outcome !== 'accepted' || line.event === 'expire') continue;
          // Every action taken was granted to the sender's role, and an invigilator acted only on their own booking.
          expect(authorise(grants, line.by, `booking.${line.event}`).allowed).toBe(true);
          if (line.by?.role === 'invigilator') expect(line.by.id).toBe('inv-1');
        }
        // Every step is recorded once, accepted or refused; a refusal for want of authority names its rule.
        expect(audit).toHaveLength(steps.length + 1);
        for (const line of audit.filter((l) => l.outcome === 'rejected' && l.code === 'not_authorised')) expect(line.rule).toBeTruthy();
        steps.forEach((s, i) => {
          const line = audit[i + 1]!;
          if (!authorise(grants, s.by, `booking.${s.type}`).allowed && line.from !== 'notOffered') expect(line).toMatchObject({ outcome: 'rejected' });
        });
      }),
      { seed: 20260601, numRuns: 300 },
    );
  });
});
