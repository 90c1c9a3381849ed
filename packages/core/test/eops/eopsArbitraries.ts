/**
 * fast-check arbitraries for the EOPS property tests: random sequences of events sent by random people
 * in random roles (some they hold, some they do not), with instants that only move forward and may cross
 * into the next academic year.
 */
import { fc } from '@fast-check/vitest';
import { DateTime } from 'luxon';
import type { Actor, EopsEvent, EopsTargetInput } from '@examcycle/core';
import { kuTarget, ksTarget } from './eopsFixture.js';
import type { Instant } from '@examcycle/core';
import type { CalendarDate } from '@examcycle/core';

const IDS = ['slt-1', 'lm-1', 'eo-1', 'eo-2', 'eo-5', 'stranger'] as const;
const ROLES = ['senior_leader', 'line_manager', 'exams_officer', 'head_of_centre', 'system', undefined] as const;
const OFFICERS = ['eo-1', 'eo-2', 'eo-5', 'lm-1'] as const;
const TARGET_IDS = ['ku-1', 'ks-1', 'ku-2'] as const;

export const actorArb: fc.Arbitrary<Actor> = fc
  .record({ id: fc.constantFrom(...IDS), role: fc.constantFrom(...ROLES) })
  .map(({ id, role }) => (role === undefined ? { id } : { id, role }));

const targetArb: fc.Arbitrary<EopsTargetInput> = fc
  .tuple(fc.constantFrom(...TARGET_IDS), fc.boolean(), fc.constantFrom('2025-12-19', '2026-09-30'))
  .map(([id, ku, dueBy]) => ({ ...(ku ? kuTarget(id) : ksTarget(id)), dueBy }));

const meetingArb = fc
  .tuple(fc.constantFrom('2025-09-02', '2025-10-15', '2026-03-03'), fc.constantFrom(undefined, 'start' as const, 'first_week' as const, 'appraisal' as const))
  .map(([heldOn, kind]) => ({ heldOn, ...(kind ? { kind } : {}), progress: 'On track', wentWell: 'Entries', notSoWell: 'Clashes', nextFocus: 'Exam time' }));

type Unstamped = EopsEvent extends infer E ? (E extends { at: Instant; by: Actor } ? Omit<E, 'at' | 'by'> : never) : never;

/** An event without its instant and sender. */
export const eventBodyArb: fc.Arbitrary<Unstamped> = fc.oneof(
  fc.constantFrom(...IDS).map((id) => ({ type: 'account.register' as const, user: { id, name: `User ${id}`, roles: id.startsWith('eo') ? (['exams_officer'] as const) : (['line_manager'] as const) } })),
  fc.record({ accountId: fc.constantFrom(...IDS), admin: fc.boolean() }).map((p) => ({ type: 'account.approve' as const, ...p })),
  fc.constantFrom(...IDS).map((accountId) => ({ type: 'account.grantAdmin' as const, accountId })),
  fc.constantFrom(...IDS).map((accountId) => ({ type: 'account.revokeAdmin' as const, accountId })),
  fc.constantFrom(...IDS).map((accountId) => ({ type: 'account.deactivate' as const, accountId })),
  fc.constantFrom(...IDS).map((accountId) => ({ type: 'account.activate' as const, accountId })),
  fc
    .record({ accountId: fc.constantFrom(...IDS), name: fc.constantFrom('Renamed', ' '), roles: fc.constantFrom([], ['exams_officer'] as const, ['line_manager'] as const) })
    .map(({ accountId, name, roles }) => ({ type: 'account.update' as const, accountId, changes: roles.length ? { name, roles } : { name } })),
  { arbitrary: fc.constantFrom(...IDS).map((accountId) => ({ type: 'account.delete' as const, accountId })), weight: 1 },
  fc.record({ officerId: fc.constantFrom(...OFFICERS), experience: fc.constantFrom('new' as const, 'experienced' as const) }).map((p) => ({ type: 'officer.register' as const, ...p })),
  { arbitrary: fc.record({ officerId: fc.constantFrom(...OFFICERS), target: targetArb }).map((p) => ({ type: 'target.agree' as const, ...p })), weight: 3 },
  {
    arbitrary: fc
      .record({ officerId: fc.constantFrom(...OFFICERS), targetId: fc.constantFrom(...TARGET_IDS), status: fc.constantFrom('achieved' as const, 'achieved' as const, 'not_applicable' as const, 'open' as const) })
      .map((p) => ({ type: 'target.mark' as const, ...p })),
    weight: 4,
  },
  { arbitrary: fc.constantFrom(...OFFICERS).map((officerId) => ({ type: 'valuesAndAttributes.sign' as const, officerId })), weight: 3 },
  { arbitrary: fc.record({ officerId: fc.constantFrom(...OFFICERS), targetId: fc.constantFrom(...TARGET_IDS) }).map((p) => ({ type: 'target.confirm' as const, ...p })), weight: 3 },
  { arbitrary: fc.constantFrom(...OFFICERS).map((officerId) => ({ type: 'certificate.request' as const, officerId })), weight: 2 },
  fc.record({ officerId: fc.constantFrom(...OFFICERS), meeting: meetingArb }).map((p) => ({ type: 'meeting.record' as const, ...p })),
  { arbitrary: fc.constantFrom(...OFFICERS).map((officerId) => ({ type: 'standards.declare' as const, officerId })), weight: 4 },
  { arbitrary: fc.constant({ type: 'year.rollover' as const }), weight: 3 },
);

const LEGIT: readonly Actor[] = [
  { id: 'slt-1', role: 'senior_leader' },
  { id: 'lm-1', role: 'line_manager' },
  { id: 'eo-1', role: 'exams_officer' },
  { id: 'eo-2', role: 'exams_officer' },
  { id: 'eo-2', role: 'senior_leader' },
];

/** Mostly people acting in roles they hold, sometimes anyone in any role. */
const senderArb: fc.Arbitrary<Actor> = fc.oneof({ arbitrary: fc.constantFrom(...LEGIT), weight: 3 }, { arbitrary: actorArb, weight: 1 });

type Step = readonly [Unstamped, Actor];

/**
 * The steps that lead one officer to a certificate, in order: registration, a target in each strand
 * proposed by a leader and confirmed by the officer, both signatures, both targets achieved, the officer's
 * request, the declaration by a leader (or, sometimes, by the officer). Eo-2 also
 * holds the senior leader role, so "a leader" may be eo-2 themselves.
 */
const pathArb: fc.Arbitrary<Step[]> = fc
  .record({ officer: fc.constantFrom('eo-1', 'eo-2'), leader: fc.constantFrom(...LEGIT.filter((a) => a.role !== 'exams_officer')), selfDeclare: fc.boolean() })
  .map(({ officer, leader, selfDeclare }) => {
    const me: Actor = { id: officer, role: 'exams_officer' };
    return [
      [{ type: 'officer.register', officerId: officer, experience: 'new' }, leader],
      [{ type: 'target.agree', officerId: officer, target: kuTarget() }, leader],
      [{ type: 'target.confirm', officerId: officer, targetId: 'ku-1' }, me],
      [{ type: 'target.agree', officerId: officer, target: ksTarget() }, leader],
      [{ type: 'target.confirm', officerId: officer, targetId: 'ks-1' }, me],
      [{ type: 'valuesAndAttributes.sign', officerId: officer }, me],
      [{ type: 'valuesAndAttributes.sign', officerId: officer }, leader],
      [{ type: 'target.mark', officerId: officer, targetId: 'ku-1', status: 'achieved' }, me],
      [{ type: 'target.mark', officerId: officer, targetId: 'ks-1', status: 'achieved' }, me],
      [{ type: 'certificate.request', officerId: officer }, me],
      [{ type: 'standards.declare', officerId: officer }, selfDeclare ? { id: officer, role: 'senior_leader' } : leader],
    ] as Step[];
  })
  .chain((steps) => fc.subarray(steps, { minLength: steps.length - 2 }));

/** One year's worth of steps: one or two officers' paths (some steps missing) interleaved with random events. */
const yearArb: fc.Arbitrary<Step[]> = fc
  .record({
    paths: fc.array(pathArb, { minLength: 1, maxLength: 2 }),
    noise: fc.array(fc.tuple(eventBodyArb, senderArb), { maxLength: 20 }),
    picks: fc.array(fc.nat(), { minLength: 40, maxLength: 40 }),
  })
  .map(({ paths, noise, picks }) => {
    const queues: Step[][] = [...paths.map((p) => [...p]), [...noise]];
    const merged: Step[] = [];
    let i = 0;
    while (queues.some((q) => q.length)) {
      const open = queues.filter((q) => q.length);
      merged.push(open[picks[i++ % picks.length]! % open.length]!.shift()!);
    }
    return merged;
  });

const plusYear = (date: CalendarDate): CalendarDate => `${Number(date.slice(0, 4)) + 1}${date.slice(4)}` as CalendarDate;

/** The same step a year later: its target and meeting dates move into the next academic year. */
function nextYear([body, by]: Step): Step {
  if (body.type === 'target.agree') return [{ ...body, target: { ...body.target, dueBy: plusYear(body.target.dueBy) } }, by];
  if (body.type === 'meeting.record') return [{ ...body, meeting: { ...body.meeting, heldOn: plusYear(body.meeting.heldOn) } }, by];
  return [body, by];
}

function stamp(steps: readonly Step[], from: DateTime, hours: readonly number[]): EopsEvent[] {
  let t = from;
  return steps.map(([body, by], k) => {
    t = t.plus({ hours: hours[k % hours.length]! });
    return { ...body, at: (t.toISO() as Instant), by } as EopsEvent;
  });
}

/**
 * A random sequence of stamped events: a year from 2 September 2025, events hours to days apart (a few
 * stray into the next year), and sometimes a second year after 1 September 2026, with or without the
 * rollover between them.
 */
export const eventsArb: fc.Arbitrary<EopsEvent[]> = fc
  .record({
    first: yearArb,
    second: fc.option(fc.record({ steps: yearArb, rollover: fc.boolean() }), { nil: undefined }),
    hours: fc.array(fc.oneof({ arbitrary: fc.integer({ min: 0, max: 72 }), weight: 20 }, { arbitrary: fc.integer({ min: 24 * 30, max: 24 * 200 }), weight: 1 }), { minLength: 40, maxLength: 40 }),
  })
  .map(({ first, second, hours }) => {
    const london = (iso: string) => DateTime.fromISO(iso, { zone: 'Europe/London' });
    const year1 = stamp(first, london('2025-09-02T09:00:00'), hours);
    if (!second) return year1;
    const last = london(year1[year1.length - 1]!.at);
    const start = DateTime.max(last, london('2026-09-01T06:00:00'));
    const roll: EopsEvent[] = second.rollover ? [{ type: 'year.rollover', at: (start.toISO() as Instant), by: { id: 'examcycle', role: 'system' } }] : [];
    return [...year1, ...roll, ...stamp(second.steps.map(nextYear), start, hours.map((h) => Math.min(h, 72)))];
  });
