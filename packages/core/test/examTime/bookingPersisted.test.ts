import { readFileSync, writeFileSync } from 'node:fs';
import { createActor, SimulatedClock } from 'xstate';
import { describe, expect, it } from 'vitest';
import {
  collectAudit,
  invigilatorBookingContextSchema,
  invigilatorBookingMachine,
  invigilatorBookingPersisted,
  persistSnapshot,
  restoreSnapshot,
  createInvigilatorBooking,
  VERSION_2_BOOKING_GRANTS,
  type AuditLine,
  type InvigilatorBookingInput,
} from '@examcycle/core';
import { fixturePack } from '../fixtures/fixturePack.js';

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
const inv = { id: 'inv-1', role: 'invigilator' } as const;
const eo = { id: 'eo-1', role: 'exams_officer' } as const;
const fixture = (name: string): unknown => JSON.parse(readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8'));
const clockAt = (iso: string) => {
  const clock = new SimulatedClock();
  clock.set(Date.parse(iso));
  return clock;
};

/** A booking driven into each state it can reach. */
function inEveryState() {
  const make = () => {
    const clock = new SimulatedClock();
    return { clock, actor: createActor(invigilatorBookingMachine, { input, clock }).start() };
  };
  const offered = make();
  offered.actor.send({ type: 'accept', at: '2026-05-02T10:00:00+01:00', by: eo }); // refused: still offered
  const accepted = make();
  accepted.actor.send({ type: 'accept', at: '2026-05-02T10:00:00+01:00', by: inv });
  const declined = make();
  declined.actor.send({ type: 'decline', at: '2026-05-02T10:00:00+01:00', by: inv, reason: 'On holiday' });
  const cancelled = make();
  cancelled.actor.send({ type: 'accept', at: '2026-05-02T10:00:00+01:00', by: inv });
  cancelled.actor.send({ type: 'cancel', at: '2026-05-03T10:00:00+01:00', by: eo, reason: 'Paper moved' });
  const expired = make();
  expired.clock.increment(8 * 86_400_000);
  return { offered, accepted, declined, cancelled, expired };
}

describe('invigilatorBookingPersisted (snapshot version 3)', () => {
  it('keeps no audit trail in the context, and the context does not grow with the events seen', () => {
    const { actor } = inEveryState().offered;
    const size = JSON.stringify(actor.getSnapshot().context).length;
    for (let i = 0; i < 50; i++) actor.send({ type: 'accept', at: '2026-05-02T10:00:00+01:00', by: eo });
    for (let i = 0; i < 50; i++) actor.send({ type: 'clock.tick', at: '2026-05-03T10:00:00+01:00' });
    expect(actor.getSnapshot().context).not.toHaveProperty('audit');
    expect(JSON.stringify(actor.getSnapshot().context).length).toBe(size);
  });

  it('emits exactly one audit line per event, and event.rejected with the same line for a refusal', () => {
    const actor = createActor(invigilatorBookingMachine, { input });
    const audit = collectAudit(actor);
    const rejected: AuditLine[] = [];
    actor.on('event.rejected', (e) => rejected.push(e.entry));
    actor.start();
    actor.send({ type: 'accept', at: '2026-05-02T10:00:00+01:00', by: eo });
    actor.send({ type: 'accept', at: '2026-05-02T11:00:00+01:00', by: inv });
    expect(audit.map((a) => `${a.event}:${a.outcome}`)).toEqual(['offer:accepted', 'accept:rejected', 'accept:accepted']);
    expect(audit[0]).toMatchObject({ by: eo, details: { bookingId: input.bookingId, invigilatorId: 'inv-1' } });
    expect(rejected).toEqual([audit[1]]);
  });

  it('does not emit the offer line again when a booking is restored', () => {
    const { actor } = inEveryState().offered;
    const restored = restoreSnapshot(invigilatorBookingMachine, JSON.parse(JSON.stringify(persistSnapshot(actor))), { clock: new SimulatedClock() });
    const audit = collectAudit(restored);
    restored.start();
    expect(audit).toEqual([]);
  });

  it('a fresh snapshot passes the context schema in every state the booking can reach', () => {
    const states = inEveryState();
    for (const [name, { actor }] of Object.entries(states)) {
      expect(actor.getSnapshot().value).toBe(name);
      const saved = JSON.parse(JSON.stringify(persistSnapshot(actor))) as { snapshot: { context: unknown } };
      expect(invigilatorBookingContextSchema.safeParse(saved.snapshot.context).success).toBe(true);
    }
  });

  it('refuses contexts with missing fields, unknown sessions, wrong types, bad instants, unknown keys and __proto__ keys', () => {
    const good = JSON.parse(JSON.stringify(inEveryState().declined.actor.getSnapshot().context)) as Record<string, unknown>;
    const bad: Record<string, unknown>[] = [
      ...['bookingId', 'invigilatorId', 'date', 'session', 'offeredAt', 'respondBy', 'startedAt', 'lastEventAt', 'grants'].map((k) => {
        const { [k]: _gone, ...rest } = good;
        return rest;
      }),
      { ...good, session: 'XM' },
      { ...good, session: 'am' },
      { ...good, date: 'dpen' },
      { ...good, date: '2026-02-30' },
      { ...good, bookingId: 42 },
      { ...good, bookingId: '' },
      { ...good, invigilatorId: null },
      { ...good, respondBy: 'yesterday' },
      { ...good, lastEventAt: 1786489260000 },
      { ...good, closedAt: 'soon' },
      { ...good, reason: ['On holiday'] },
      { ...good, audit: [] },
      JSON.parse(`{"__proto__": {"polluted": true}, ${JSON.stringify(good).slice(1)}`) as Record<string, unknown>,
    ];
    for (const context of bad) expect(invigilatorBookingContextSchema.safeParse(context).success, JSON.stringify(context)).toBe(false);
    expect(invigilatorBookingContextSchema.safeParse(good).success).toBe(true);
  });

  it('wakes an open offer at its respond-by instant with a clock tick, and a closed booking never', () => {
    const states = inEveryState();
    const wake = (s: { context: unknown; value: unknown }) => invigilatorBookingPersisted.wakeAt?.(s.context as never, s.value);
    expect(wake(states.offered.actor.getSnapshot())).toBe('2026-05-08T17:00:00.000+01:00');
    for (const name of ['accepted', 'declined', 'cancelled', 'expired'] as const) expect(wake(states[name].actor.getSnapshot())).toBeNull();
    expect(invigilatorBookingPersisted.tickEvent).toBe('clock.tick');
    const actor = states.offered.actor;
    actor.send({ type: invigilatorBookingPersisted.tickEvent as 'clock.tick', at: '2026-05-08T17:00:00+01:00' });
    expect(actor.getSnapshot().value).toBe('expired');
  });

  it('restores the golden version-1 snapshot through the migration (the audit trail leaves the context)', () => {
    const v1 = fixture('invigilatorBooking.v1.json');
    const restored = restoreSnapshot(invigilatorBookingMachine, v1, { migrations: invigilatorBookingPersisted.migrations!, clock: new SimulatedClock() }).start();
    expect(restored.getSnapshot().value).toBe('offered');
    expect(restored.getSnapshot().context).not.toHaveProperty('audit');
    expect(invigilatorBookingContextSchema.safeParse(restored.getSnapshot().context).success).toBe(true);
    restored.send({ type: 'accept', at: '2026-05-04T10:00:00+01:00', by: inv });
    expect(restored.getSnapshot().value).toBe('accepted');
  });

  it('createInvigilatorBooking restores a version-1 snapshot and expires it if respondBy passed while the host was down', () => {
    const audit: AuditLine[] = [];
    const actor = createInvigilatorBooking({ clock: clockAt('2026-05-10T09:00:00+01:00'), snapshot: fixture('invigilatorBooking.v1.json'), onAudit: (l) => audit.push(l) });
    expect(actor.getSnapshot().value).toBe('expired');
    expect(audit).toEqual([
      { at: '2026-05-08T17:00:00.000+01:00', by: { id: 'system', role: 'system' }, event: 'expire', from: 'offered', to: 'expired', outcome: 'accepted', details: { bookingId: input.bookingId, respondBy: '2026-05-08T17:00:00.000+01:00' } },
    ]);
  });

  it('restores the golden version-2 snapshot with the grants the version-2 machine enforced', () => {
    const restored = restoreSnapshot(invigilatorBookingMachine, fixture('invigilatorBooking.v2.json'), { clock: new SimulatedClock() }).start();
    expect(restored.getSnapshot().value).toBe('offered');
    expect(restored.getSnapshot().context.grants).toEqual(VERSION_2_BOOKING_GRANTS);
    restored.send({ type: 'cancel', at: '2026-05-04T10:00:00+01:00', by: { id: 't-1', role: 'teacher' } });
    expect(restored.getSnapshot().value).toBe('offered');
    restored.send({ type: 'accept', at: '2026-05-04T11:00:00+01:00', by: inv });
    expect(restored.getSnapshot().value).toBe('accepted');
  });

  it('persists exactly the golden version-3 snapshot, grants in the context (an accidental format change fails here)', () => {
    const actor = createActor(invigilatorBookingMachine, { input: { ...offer, rulesPack: fixturePack }, clock: new SimulatedClock() }).start();
    actor.send({ type: 'accept', at: '2026-05-02T10:00:00+01:00', by: eo });
    actor.send({ type: 'clock.tick', at: '2026-05-03T09:00:00+01:00', by: { id: 'examcycle', role: 'system' } });
    const saved = JSON.parse(JSON.stringify(persistSnapshot(actor))) as unknown;
    if (process.env.UPDATE_GOLDEN === '1') writeFileSync(new URL('./fixtures/invigilatorBooking.v3.json', import.meta.url), `${JSON.stringify(saved, null, 2)}\n`);
    const v3 = fixture('invigilatorBooking.v3.json');
    expect(saved).toEqual(v3);
    const restored = restoreSnapshot(invigilatorBookingMachine, v3, { clock: new SimulatedClock() }).start();
    expect(restored.getSnapshot().context).toEqual(actor.getSnapshot().context);
  });

  it('refuses a context whose grants are not booking grants (another namespace, a bad role, __proto__)', () => {
    const good = JSON.parse(JSON.stringify(inEveryState().offered.actor.getSnapshot().context)) as Record<string, unknown>;
    const grant = { roles: ['invigilator'], rule: 'x' };
    for (const grants of [{ 'results.read': grant }, { 'booking.accept': { ...grant, roles: ['wizard'] } }, { 'booking.accept': { ...grant, extra: 1 } }, JSON.parse('{"__proto__": {"roles": []}}') as unknown, []]) {
      expect(invigilatorBookingContextSchema.safeParse({ ...good, grants }).success, JSON.stringify(grants)).toBe(false);
    }
  });
});
