/**
 * The EOPS machine's persistence spec: the schema every restored context must pass, the migration from
 * snapshot version 1 (audit trail kept in the context) and when the centre next needs a tick (the start of
 * the next academic year, when the year's Standards lapse and `year.rollover` renews them).
 *
 * The schema is strict about every field the machine reads: statuses, roles, strands, areas and methods
 * are enums; instants and dates are checked; no unknown keys anywhere (so a `__proto__` or a stray field
 * from a torn write is refused). It also checks what the machine keeps true across fields: a centre and an
 * academic year together or neither, unique account ids, an active administrator, one record per officer
 * per year, records of this centre and no later year, certificates only with a declaration. It accepts
 * every context the machine can reach, and nothing the machine would misread.
 */
import { z } from 'zod';
import { calendarDateSchema, centreNumberSchema, instantSchema, academicYearSchema } from '../domain/identifierSchemas.js';
import { dropContextAudit, type PersistedMachineSpec } from '../persistence/persistedMachine.js';
import { academicYearBounds, londonDate, type AcademicYear, type Instant } from '../time/clock.js';
import { EOPS_ACHIEVEMENT_METHODS, EOPS_KEY_SKILL_AREAS, EOPS_KNOWLEDGE_AREAS } from './eopsAreas.js';
import { EOPS_LEADER_ROLES, EOPS_MEETING_KINDS, EOPS_ROLES, type EopsContext } from './eopsContext.js';
import { eopsMachine } from './eopsMachine.js';

// The same rules as the events the values came from (eopsEvents.ts), so every reachable context passes.
const text = z.string().refine((s) => s.trim().length > 0, 'must not be blank');
const ids = <T extends readonly { readonly id: string }[]>(list: T) => list.map((x) => x.id) as unknown as [T[number]['id'], ...T[number]['id'][]];
const instant = instantSchema;
const date = calendarDateSchema;
/** Who did something, as the machine records it: an account acting in one of its EOPS roles. */
const actor = z.strictObject({ id: text, role: z.enum(EOPS_ROLES) });
const signature = z.strictObject({ by: actor, name: text, at: instant });

const accountSchema = z.strictObject({
  id: text,
  name: text,
  email: z.email().nullable(),
  roles: z.array(z.enum(EOPS_ROLES)).min(1),
  status: z.enum(['pending', 'active', 'deactivated']),
  admin: z.boolean(),
  registeredAt: instant,
  decidedBy: text.nullable(),
  decidedAt: instant.nullable(),
});

const targetBase = {
  id: text,
  ownArea: text.nullable(),
  description: text,
  methods: z.array(z.enum(ids(EOPS_ACHIEVEMENT_METHODS))).min(1),
  otherMethod: text.nullable(),
  successMeasure: text,
  dueBy: date,
  agreedBy: actor,
  agreedAt: instant,
  confirmedBy: actor.nullable(),
  confirmedAt: instant.nullable(),
  status: z.enum(['open', 'achieved', 'not_applicable']),
  markedBy: actor.nullable(),
  markedAt: instant.nullable(),
  note: text.nullable(),
};
const targetSchema = z.discriminatedUnion('strand', [
  z.strictObject({ strand: z.literal('knowledge_and_understanding'), area: z.enum(ids(EOPS_KNOWLEDGE_AREAS)), ...targetBase }),
  z.strictObject({ strand: z.literal('key_skills'), area: z.enum(ids(EOPS_KEY_SKILL_AREAS)), ...targetBase }),
]);

const meetingKind = z.enum(EOPS_MEETING_KINDS);
const meetingSchema = z.strictObject({
  heldOn: date,
  kind: meetingKind.nullable(),
  progress: text,
  wentWell: text,
  notSoWell: text,
  nextFocus: text,
  recordedBy: actor,
  recordedAt: instant,
});

const scheduledSchema = z.strictObject({ date, kind: meetingKind, halfTerm: text });

const inductionSchema = z.strictObject({
  id: text,
  period: z.enum(['first_week', 'first_month', 'first_three_months']),
  title: text,
  dueOn: date,
  source: z.string(),
  fulfilledBy: z.enum(['registration', 'values_and_attributes', ...EOPS_MEETING_KINDS.map((k) => `meeting:${k}` as const)]).nullable(),
  completedBy: actor.nullable(),
  completedAt: instant.nullable(),
});

const certificateSchema = z.strictObject({
  id: text,
  officerId: text,
  officerName: text,
  centreNumber: centreNumberSchema,
  centreName: text,
  academicYear: academicYearSchema,
  issuedOn: date,
  issuedAt: instant,
  authorisedBy: z.strictObject({ id: text, name: text, role: z.enum(EOPS_LEADER_ROLES) }),
});

const recordSchema = z.strictObject({
  officerId: text,
  officerName: text,
  centreNumber: centreNumberSchema,
  academicYear: academicYearSchema,
  experience: z.enum(['new', 'new_to_centre', 'experienced']),
  startedOn: date,
  registeredBy: actor,
  registeredAt: instant,
  targets: z.array(targetSchema),
  valuesAndAttributes: z.strictObject({ statement: signature.nullable(), agreement: signature.nullable() }),
  meetings: z.array(meetingSchema),
  schedule: z.array(scheduledSchema),
  induction: z.array(inductionSchema),
  certificateRequest: signature.nullable(),
  declaration: signature.nullable(),
  certificate: certificateSchema.nullable(),
  lapsedAt: instant.nullable(),
});

/**
 * The schema of the EOPS machine's persisted context (snapshot version 2: no `audit`).
 *
 * @example
 * ```ts
 * eopsContextSchema.safeParse(actor.getSnapshot().context).success; // true
 * eopsContextSchema.safeParse({ ...context, accounts: [{ ...account, status: 'actve' }] }).success; // false
 * ```
 */
export const eopsContextSchema = z
  .strictObject({
    centre: z.strictObject({ centreNumber: centreNumberSchema, name: text }).nullable(),
    academicYear: academicYearSchema.nullable(),
    accounts: z.array(accountSchema),
    records: z.array(recordSchema),
    lastEventAt: instant.nullable(),
  })
  .superRefine((c, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if ((c.centre === null) !== (c.academicYear === null)) issue(['academicYear'], 'a registered centre has an academic year, an unregistered one has none');
    if (c.centre === null || c.academicYear === null) {
      if (c.accounts.length) issue(['accounts'], 'an unregistered centre has no accounts');
      if (c.records.length) issue(['records'], 'an unregistered centre has no records');
      return;
    }
    const year = Number(c.academicYear.slice(0, 4));
    const accountIds = new Set<string>();
    c.accounts.forEach((a, i) => {
      if (accountIds.has(a.id)) issue(['accounts', i, 'id'], `account "${a.id}" is listed twice`);
      accountIds.add(a.id);
    });
    if (!c.accounts.some((a) => a.admin && a.status === 'active')) issue(['accounts'], 'a registered centre has an active administrator');
    if (c.lastEventAt === null) issue(['lastEventAt'], 'a registered centre has a latest event');
    const officerYears = new Set<string>();
    c.records.forEach((r, i) => {
      const key = `${r.officerId} ${r.academicYear}`;
      if (officerYears.has(key)) issue(['records', i], `"${r.officerId}" has two records for ${r.academicYear}`);
      officerYears.add(key);
      // A deleted officer's certified records stay (the certificate is kept); nothing else outlives the account.
      if (!accountIds.has(r.officerId) && r.certificate === null) issue(['records', i, 'officerId'], `"${r.officerId}" has no account at this centre`);
      if (r.centreNumber !== c.centre!.centreNumber) issue(['records', i, 'centreNumber'], `a record of centre ${r.centreNumber}, not ${c.centre!.centreNumber}`);
      if (Number(r.academicYear.slice(0, 4)) > year) issue(['records', i, 'academicYear'], `a record of ${r.academicYear}, after the current ${c.academicYear}`);
      if ((r.declaration === null) !== (r.certificate === null)) issue(['records', i, 'certificate'], 'a certificate is issued with the SLT declaration, never without');
      const targetIds = new Set<string>();
      r.targets.forEach((t, j) => {
        if (targetIds.has(t.id)) issue(['records', i, 'targets', j, 'id'], `target "${t.id}" is listed twice`);
        targetIds.add(t.id);
      });
    });
  });

type Json = Record<string, unknown>;
const isObject = (x: unknown): x is Json => typeof x === 'object' && x !== null && !Array.isArray(x);
const eachObject = (list: unknown, f: (x: Json) => Json): unknown => (Array.isArray(list) ? list.map((x) => (isObject(x) ? f(x) : x)) : list);

/**
 * Migration from snapshot version 1: drops `context.audit` (as every machine's v1 migration does) and gives
 * the fields issue 18 added their empty values: a target's other-side confirmation, a meeting's kind, an
 * induction item's trigger, a record's certificate request. A v1 target was agreed by one person, so it
 * arrives unconfirmed; a v1 certificate stays issued.
 *
 * @param snapshot - a version-1 xstate persisted snapshot of the EOPS machine
 * @example
 * ```ts
 * restoreSnapshot(eopsMachine, v1Json, { migrations: { 1: eopsV1Migration } });
 * ```
 */
export function eopsV1Migration(snapshot: Json): Json {
  const v2 = dropContextAudit(snapshot);
  const context = v2['context'];
  if (!isObject(context)) return v2;
  const records = eachObject(context['records'], (r) => ({
    ...r,
    targets: eachObject(r['targets'], (t) => ({ confirmedBy: null, confirmedAt: null, ...t })),
    meetings: eachObject(r['meetings'], (m) => ({ kind: null, ...m })),
    induction: eachObject(r['induction'], (i) => ({ fulfilledBy: null, ...i })),
    certificateRequest: r['certificateRequest'] ?? null,
  }));
  return { ...v2, context: { ...context, records } };
}

/**
 * When the centre next needs `year.rollover`: midnight (London) starting the academic year after the current
 * one, when this year's Standards lapse. `null` before the centre is registered.
 */
function nextRollover(context: Pick<EopsContext, 'academicYear'>, value: unknown): Instant | null {
  if (value !== 'registered' || context.academicYear === null) return null;
  const { end } = academicYearBounds(context.academicYear as AcademicYear);
  return londonDate(end).plus({ days: 1 }).toISO()!;
}

/**
 * The EOPS machine's persistence spec: its context schema, the migration from version 1, and its wake-up
 * (the runtime's tick is `year.rollover`, sent as the system: `by: { id: 'examcycle', role: 'system' }`).
 *
 * @example
 * ```ts
 * const restored = restoreSnapshot(eopsMachine, saved, { spec: eopsPersisted }).start();
 * eopsPersisted.wakeAt?.(restored.getSnapshot().context as never, 'registered'); // '2026-09-01T00:00:00.000+01:00'
 * ```
 */
export const eopsPersisted: PersistedMachineSpec<typeof eopsMachine> = {
  machine: eopsMachine,
  context: eopsContextSchema,
  migrations: { 1: eopsV1Migration },
  wakeAt: (context: EopsContext, value: unknown) => nextRollover(context, value),
  tickEvent: 'year.rollover',
};
