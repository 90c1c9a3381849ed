/**
 * The EOPS machines' persistence specs: the schemas every restored centre and officer-year must pass, the
 * migrations from snapshot version 1 (audit trail kept in the context) and version 2 (every record in the
 * centre's context, before each officer-year became its own actor), and when the centre next needs a tick
 * (the start of the next academic year, when the year's Standards lapse and `year.rollover` renews them).
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
import { isoInstant, academicYearBounds, londonDate, type AcademicYear, type Instant } from '../time/clock.js';
import { EOPS_ACHIEVEMENT_METHODS, EOPS_KEY_SKILL_AREAS, EOPS_KNOWLEDGE_AREAS } from './eopsAreas.js';
import type { ActorRole, RoleGrant, RoleGrants } from '../rules/authority.js';
import { EOPS_LEADER_ROLES, EOPS_MEETING_KINDS, EOPS_ROLES, type EopsContext, type EopsRecord } from './eopsContext.js';
import { EOPS_EVENT_TYPES } from './eopsEvents.js';
import { eopsMachine } from './eopsMachine.js';
import { eopsOfficerYearMachine, eopsOfficerYearStep, eopsOfficerYearValue } from './eopsOfficerYearMachine.js';

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
 * The schema of an officer-year actor's persisted context: one officer's record for one academic year.
 *
 * @example
 * ```ts
 * declare const actor: EopsActor;
 * eopsRecordSchema.safeParse(eopsRecords(actor)[0]).success; // true
 * ```
 */
export const eopsRecordSchema = recordSchema.superRefine((r, ctx) => {
  const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
  if ((r.declaration === null) !== (r.certificate === null)) issue(['certificate'], 'a certificate is issued with the SLT declaration, never without');
  const targetIds = new Set<string>();
  r.targets.forEach((t, j) => {
    if (targetIds.has(t.id)) issue(['targets', j, 'id'], `target "${t.id}" is listed twice`);
    targetIds.add(t.id);
  });
});

const ACTOR_ROLES = ['head_of_centre', 'senior_leader', 'line_manager', 'exams_officer', 'exams_office_staff', 'teacher', 'head_of_department', 'senco', 'invigilator', 'candidate', 'system'] as const;
const grantSchema = z.strictObject({ roles: z.array(z.enum(ACTOR_ROLES)), staffIds: z.array(text).optional(), rule: text, title: text.optional() });
const officerYearSchema = z.strictObject({
  officerId: text,
  academicYear: academicYearSchema,
  step: z.enum(['inProgress', 'certificateRequested', 'certified', 'lapsed']),
  certified: z.boolean(),
});

/**
 * The schema of the EOPS centre machine's persisted context (snapshot version 3: the officer-years are child
 * actors; the context lists them and holds the grants).
 *
 * @example
 * ```ts
 * declare const actor: EopsActor;
 * declare const context: EopsContext;
 * declare const account: EopsAccount;
 * eopsContextSchema.safeParse(actor.getSnapshot().context).success; // true
 * eopsContextSchema.safeParse({ ...context, accounts: [{ ...account, status: 'actve' }] }).success; // false
 * ```
 */
export const eopsContextSchema = z
  .strictObject({
    centre: z.strictObject({ centreNumber: centreNumberSchema, name: text }).nullable(),
    academicYear: academicYearSchema.nullable(),
    accounts: z.array(accountSchema),
    grants: z.record(z.string().regex(/^eops\./, 'an eops.* action'), grantSchema),
    officerYears: z.array(officerYearSchema),
    lastEventAt: instant.nullable(),
  })
  .superRefine((c, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message });
    if ((c.centre === null) !== (c.academicYear === null)) issue(['academicYear'], 'a registered centre has an academic year, an unregistered one has none');
    if (c.centre === null || c.academicYear === null) {
      if (c.accounts.length) issue(['accounts'], 'an unregistered centre has no accounts');
      if (c.officerYears.length) issue(['officerYears'], 'an unregistered centre has no officer-years');
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
    c.officerYears.forEach((y, i) => {
      const key = `${y.officerId} ${y.academicYear}`;
      if (officerYears.has(key)) issue(['officerYears', i], `"${y.officerId}" has two officer-years for ${y.academicYear}`);
      officerYears.add(key);
      // A deleted officer's certified years stay (the certificate is kept); nothing else outlives the account.
      if (!accountIds.has(y.officerId) && !y.certified) issue(['officerYears', i, 'officerId'], `"${y.officerId}" has no account at this centre`);
      const start = Number(y.academicYear.slice(0, 4));
      if (start > year) issue(['officerYears', i, 'academicYear'], `an officer-year of ${y.academicYear}, after the current ${c.academicYear}`);
      if (start < year && y.step !== 'lapsed') issue(['officerYears', i, 'step'], `an officer-year of ${y.academicYear} has lapsed`);
      if (start === year && y.step === 'lapsed') issue(['officerYears', i, 'step'], `an officer-year of the current ${c.academicYear} has not lapsed`);
      if ((y.step === 'certified') !== (y.certified && y.step !== 'lapsed') && y.step !== 'lapsed') issue(['officerYears', i, 'certified'], 'an officer-year is certified exactly when it reached the certificate');
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
 * const v1Json = JSON.parse(readFileSync('eops-2024.json', 'utf8'));
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
 * The grants a centre restored from snapshot version 2 keeps: the roles version 2 of the machine enforced
 * itself (any account role for the centre's and the officer's steps, a senior leader / line manager for the
 * SLT declaration, the system or any account for the rollover), so a restored centre decides as it did.
 * A new centre takes its grants from the rules pack (`eops.*` authorities) instead.
 *
 * @example
 * ```ts
 * EOPS_V2_GRANTS['eops.standards.declare']?.roles; // ['senior_leader', 'line_manager']
 * ```
 */
export const EOPS_V2_GRANTS: RoleGrants = (() => {
  const all = ['senior_leader', 'line_manager', 'exams_officer'] as const;
  const grants: Record<string, RoleGrant> = {};
  for (const type of EOPS_EVENT_TYPES) {
    const roles: readonly ActorRole[] = type === 'standards.declare' ? EOPS_LEADER_ROLES : type === 'year.rollover' ? ['system', ...all] : all;
    grants[`eops.${type}`] = { roles: [...roles], rule: `eops.${type}`, title: 'As version 2 of the EOPS machine enforced it' };
  }
  return grants;
})();

/** The persisted child entry of an officer-year (xstate's form: its snapshot and the `officerYear` actor). */
function officerYearChild(record: Json): Json {
  const value = eopsOfficerYearValue(record as unknown as EopsRecord);
  // A v2 request made before a criterion was undone no longer stands (v3 withdraws it when that happens).
  const kept = value === 'certificateRequested' || record['certificateRequest'] === null || record['certificate'] !== null || record['lapsedAt'] !== null ? record : { ...record, certificateRequest: null };
  return { snapshot: { status: 'active', value, historyValue: {}, context: kept, children: {} }, src: 'officerYear', syncSnapshot: false };
}

/**
 * Migration from snapshot version 2 (every record in the centre's context) to version 3 (one officer-year
 * actor per record, spawned by the centre): each record becomes a child `officerYear:<officerId>:<year>` in
 * the state its fields show; the centre lists its officer-years and keeps {@link EOPS_V2_GRANTS}.
 *
 * @param snapshot - a version-2 xstate persisted snapshot of the EOPS machine
 * @example
 * ```ts
 * const v2Json = JSON.parse(readFileSync('eops-2025.json', 'utf8'));
 * restoreSnapshot(eopsMachine, v2Json); // migrated by eopsPersisted.migrations[2]
 * ```
 */
export function eopsV2Migration(snapshot: Json): Json {
  const context = snapshot['context'];
  if (!isObject(context)) return snapshot;
  const { records, ...rest } = context;
  const list = Array.isArray(records) ? records.filter(isObject) : [];
  const children: Json = {};
  const officerYears = list.map((r) => {
    children[`officerYear:${String(r['officerId'])}:${String(r['academicYear'])}`] = officerYearChild(r);
    const step = eopsOfficerYearStep(eopsOfficerYearValue(r as unknown as EopsRecord));
    return { officerId: r['officerId'], academicYear: r['academicYear'], step, certified: r['certificate'] !== null };
  });
  return { ...snapshot, context: { ...rest, grants: EOPS_V2_GRANTS, officerYears }, children };
}

/**
 * When the centre next needs `year.rollover`: midnight (London) starting the academic year after the current
 * one, when this year's Standards lapse. `null` before the centre is registered.
 */
function nextRollover(context: Pick<EopsContext, 'academicYear'>, value: unknown): Instant | null {
  if (value !== 'registered' || context.academicYear === null) return null;
  const { end } = academicYearBounds(context.academicYear as AcademicYear);
  return isoInstant(londonDate(end).plus({ days: 1 }));
}

/**
 * The officer-year machine's persistence spec (its record schema); its actors persist inside their centre's
 * snapshot, so it is the `officerYear` child of {@link eopsPersisted}, not hosted on its own.
 *
 * @example
 * ```ts
 * declare const actor: EopsActor;
 * eopsOfficerYearPersisted.context.safeParse(eopsRecords(actor)[0]).success; // true
 * ```
 */
export const eopsOfficerYearPersisted: PersistedMachineSpec<typeof eopsOfficerYearMachine> = {
  machine: eopsOfficerYearMachine,
  context: eopsRecordSchema,
  check: (snapshot) => {
    const context = snapshot['context'] as EopsRecord;
    const expected = JSON.stringify(eopsOfficerYearValue(context));
    return JSON.stringify(snapshot['value']) === expected ? undefined : ['snapshot.value', `the record is at ${expected}, not ${JSON.stringify(snapshot['value']).slice(0, 80)}`];
  },
};

/** The officer-years a centre's context lists must be exactly its children, each with the listed step and certificate. */
function centreChildrenMatch(snapshot: Json): readonly [string, string] | undefined {
  // A send completes with the officer-year's report: a centre waiting for one was stored half-way.
  if (snapshot['value'] === 'forwarding') return ['snapshot.value', 'a centre is stored between events, never while it waits for an officer-year'];
  const context = snapshot['context'] as EopsContext;
  const children = (snapshot['children'] ?? {}) as Record<string, { snapshot: { value: unknown; context: EopsRecord } }>;
  const listed = new Set<string>();
  for (const y of context.officerYears) {
    const id = `officerYear:${y.officerId}:${y.academicYear}`;
    listed.add(id);
    const child = children[id];
    if (!child) return [`snapshot.children.${id}`, 'the centre lists this officer-year but has no actor for it'];
    const record = child.snapshot.context;
    if (record.officerId !== y.officerId || record.academicYear !== y.academicYear) return [`snapshot.children.${id}`, 'the record is of another officer-year'];
    if (record.centreNumber !== context.centre?.centreNumber) return [`snapshot.children.${id}.snapshot.context.centreNumber`, `a record of centre ${record.centreNumber}, not ${context.centre?.centreNumber}`];
    if (eopsOfficerYearStep(child.snapshot.value) !== y.step) return [`snapshot.context.officerYears`, `${id} is at ${eopsOfficerYearStep(child.snapshot.value)}, listed as ${y.step}`];
    if ((record.certificate !== null) !== y.certified) return [`snapshot.context.officerYears`, `${id} is listed as ${y.certified ? '' : 'not '}certified`];
  }
  for (const id of Object.keys(children)) if (!listed.has(id)) return [`snapshot.children.${id.slice(0, 60)}`, 'an officer-year the centre does not list'];
  return undefined;
}

/**
 * The EOPS machine's persistence spec: its context schema, its officer-year children, the migrations from
 * versions 1 and 2, and its wake-up (the runtime's tick is `year.rollover`, sent as the system:
 * `by: { id: 'examcycle', role: 'system' }`).
 *
 * @example
 * ```ts
 * const saved = JSON.parse(readFileSync('eops.json', 'utf8'));
 * const restored = restoreSnapshot(eopsMachine, saved, { spec: eopsPersisted }).start();
 * eopsPersisted.wakeAt?.(restored.getSnapshot().context as never, 'registered'); // '2026-09-01T00:00:00.000+01:00'
 * ```
 */
export const eopsPersisted: PersistedMachineSpec<typeof eopsMachine> = {
  machine: eopsMachine,
  context: eopsContextSchema,
  migrations: { 1: eopsV1Migration, 2: eopsV2Migration },
  children: { officerYear: eopsOfficerYearPersisted },
  check: centreChildrenMatch,
  wakeAt: (context: EopsContext, value: unknown) => nextRollover(context, value),
  tickEvent: 'year.rollover',
};
