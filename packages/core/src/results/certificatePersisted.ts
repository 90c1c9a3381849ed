/**
 * The certificate machine's persistence: the schema every restored certificate context must pass (each field
 * the machine reads, with its real type: a disposal `"bin"`, a handover method `"dpen"`, a retention decision
 * with no instant, an unknown key are all refused), the migrations from version 1 (audit trail kept in the
 * context; checks and disposals unbounded), version 2 (no grants in the context: every role could take
 * every step, as version 2 decided) and version 3 (the handover kept as `issue`), and how a restored
 * certificate gets the host's rules pack back.
 *
 * The pack is never in a snapshot, only its id. The host gives it at restore time through the machine:
 * {@link certificatePersistedFor} is the spec whose machine is {@link certificateMachineFor}(pack) and whose
 * schema accepts only snapshots kept under that pack's id, so the plain restore path (the runtime, or
 * `restoreSnapshot`) restores a certificate that can decide its retention. {@link certificatePersisted} is the
 * spec without a pack (validation, and actors whose retention steps are refused until a pack is given).
 * A certificate has no time-driven behaviour (retention is checked against each event's own instant), so it
 * takes no clock tick.
 */
import { z } from 'zod';
import type { Actor as XActor } from 'xstate';
import { instantMillis } from '../audit/eventStamp.js';
import { staffRoleSchema } from '../domain/staff.js';
import { ExamcycleError } from '../errors/ExamcycleError.js';
import { dropContextAudit, type PersistedMachineSpec, type SnapshotMigrations } from '../persistence/persistedMachine.js';
import type { RoleGrants } from '../rules/authority.js';
import { restoreWithSpec, type RestoreOptions } from '../persistence/persistSnapshot.js';
import {
  CERTIFICATE_HISTORY_KEPT,
  certificateMachine,
  certificateMachineFor,
  retentionDecisionSchema,
  type CertificateRulesPack,
} from './certificateMachine.js';

const instant = z.string().max(64).refine((s) => instantMillis(s) !== null, { error: 'not an ISO instant' });
const text = z.string().min(1);
const ROLES = [...staffRoleSchema.options, 'candidate', 'system'] as const;
const actor = z.strictObject({ id: z.string().min(1).max(200), role: z.enum(ROLES).optional() });
/** Who may take each step, as a certificate keeps it (`grantsFor(…, ['certificate.'])`). */
const grantsSchema = z.record(
  z.string().regex(/^certificate\./),
  z.strictObject({ roles: z.array(z.enum(ROLES)), staffIds: z.array(z.string().min(1)).optional(), rule: z.string().min(1), title: z.string().optional() }),
);
const disposal = z.enum(['return_to_awarding_body', 'destroy_in_centre']);
const decision = z.strictObject(retentionDecisionSchema.shape);

function contextSchema(packId: z.ZodType<string>) {
  return z.strictObject({
    certificate: z.strictObject({ id: text, candidateId: text, seriesId: text, awardingBodyId: text, awardCodes: z.array(z.string()).max(1_000) }),
    rules: z.strictObject({ packId }),
    expectedBy: instant.nullable(),
    incorrectDisposal: disposal,
    receivedAt: instant.nullable(),
    dateOfIssue: instant.nullable(),
    checks: z.array(z.strictObject({ at: instant, by: actor, correct: z.boolean(), problems: z.array(z.string()).max(1_000) })).max(CERTIFICATE_HISTORY_KEPT),
    disposals: z.array(z.strictObject({ at: instant, by: actor, disposal, reference: z.string().optional() })).max(CERTIFICATE_HISTORY_KEPT),
    handover: z
      .strictObject({
        at: instant,
        by: actor,
        method: z.enum(['collected', 'posted', 'third_party']),
        to: text,
        authority: z.strictObject({ written: z.literal(true), signedBy: text, signedAt: instant, reference: z.string().optional() }).optional(),
      })
      .nullable(),
    unclaimedAt: instant.nullable(),
    retention: decision.nullable(),
    destruction: z.strictObject({ at: instant, by: actor, method: z.enum(['shredded', 'incinerated', 'confidential_waste']), witnessedBy: z.string().optional() }).nullable(),
    recordRetention: decision.nullable(),
    purged: z.strictObject({ at: instant, by: actor }).nullable(),
    lastEventAt: instant,
    grants: grantsSchema,
  });
}

/**
 * The schema of the certificate machine's persisted context (version 4: who may take each step in it, no audit
 * trail, the handover as `handover`).
 *
 * @example
 * ```ts
 * declare const context: CertificateContext;
 * certificateContextSchema.safeParse(context).success; // true
 * ```
 */
export const certificateContextSchema = contextSchema(z.string().min(1));

/**
 * Migration from version 1: drops the context's audit trail and keeps the latest
 * {@link CERTIFICATE_HISTORY_KEPT} checks and disposals (every one is in the audit log).
 */
function fromVersion1(snapshot: Record<string, unknown>): Record<string, unknown> {
  const next = dropContextAudit(snapshot);
  const context = next['context'];
  if (typeof context !== 'object' || context === null || Array.isArray(context)) return next;
  const c = { ...(context as Record<string, unknown>) };
  for (const k of ['checks', 'disposals'] as const) if (Array.isArray(c[k])) c[k] = (c[k] as unknown[]).slice(-CERTIFICATE_HISTORY_KEPT);
  return { ...next, context: c };
}

/** Who version 2 let take each step: every role (it had no rule on roles). */
const V2_GRANTS: RoleGrants = Object.fromEntries(
  ['certificate.checked', 'certificate.destroyed', 'certificate.disposed', 'certificate.issued', 'certificate.received', 'certificate.recordPurged', 'certificate.unclaimed'].map((action) => [
    action,
    { roles: [...ROLES], rule: 'examcycle.certificate.v2' },
  ]),
);

/** Migration from version 2: the grants, as version 2 decided (anyone could take any step). */
function fromVersion2(snapshot: Record<string, unknown>): Record<string, unknown> {
  const context = snapshot['context'];
  if (typeof context !== 'object' || context === null || Array.isArray(context)) return snapshot;
  return { ...snapshot, context: { ...(context as Record<string, unknown>), grants: V2_GRANTS } };
}

/** Migration from version 3: the handover, kept as `issue`, is `handover` (an issue is a problem in examcycle's words). */
function fromVersion3(snapshot: Record<string, unknown>): Record<string, unknown> {
  const context = snapshot['context'];
  if (typeof context !== 'object' || context === null || Array.isArray(context) || !Object.hasOwn(context, 'issue')) return snapshot;
  const { issue, ...rest } = context as Record<string, unknown>;
  return { ...snapshot, context: { ...rest, handover: issue } };
}

const migrations: SnapshotMigrations = { 1: fromVersion1, 2: fromVersion2, 3: fromVersion3 };

/**
 * The certificate machine's persistence spec without a rules pack: the context schema and the migrations from
 * versions 1, 2 and 3. Actors restored with it refuse retention steps (`rule_unsupported`) until restored with the
 * host's pack: use {@link certificatePersistedFor} for that.
 *
 * @example
 * ```ts
 * declare const saved: { snapshot: { context: unknown } };
 * certificatePersisted.context.safeParse(saved.snapshot.context).success;
 * ```
 */
export const certificatePersisted: PersistedMachineSpec<typeof certificateMachine> = {
  machine: certificateMachine,
  context: certificateContextSchema,
  migrations,
};

const specs = new WeakMap<CertificateRulesPack, PersistedMachineSpec<typeof certificateMachine>>();

/**
 * The certificate machine's persistence spec with the host's rules pack: its machine is
 * {@link certificateMachineFor}(`rulesPack`), and its schema refuses a snapshot kept under another pack's id
 * (`snapshot_invalid` on restore). Give this spec to the runtime (or `restoreSnapshot`'s `spec`) and a
 * restored certificate decides its retention with the host's pack. The same pack always gives the same spec.
 *
 * @param rulesPack - the host's rules pack (its `id` and `retention`)
 * @throws ExamcycleError `invalid_value` when `rulesPack` has no string `id` or no `retention` function
 * @example
 * ```ts
 * declare const saved: string;
 * const spec = certificatePersistedFor(jcq);
 * const actor = restoreSnapshot(spec.machine, JSON.parse(saved), { spec }).start();
 * ```
 */
export function certificatePersistedFor(rulesPack: CertificateRulesPack): PersistedMachineSpec<typeof certificateMachine> {
  const machine = certificateMachineFor(rulesPack);
  let spec = specs.get(rulesPack);
  if (!spec) {
    spec = { machine, context: contextSchema(z.literal(rulesPack.id, { error: `the certificate is kept under another rules pack, not "${rulesPack.id}"` })), migrations };
    specs.set(rulesPack, spec);
  }
  return spec;
}

/**
 * Restores a persisted certificate with the host's rules pack (a snapshot holds only the pack's id): the
 * plain restore path (`restoreWithSpec`) with {@link certificatePersistedFor}, after checking the ids match.
 *
 * @param persisted - the parsed JSON from `persistSnapshot(actor)`
 * @param options - the rules pack (its id must match), and restore options (clock, migrations)
 * @throws ExamcycleError `snapshot_invalid` for a snapshot of another pack, and the errors of `restoreSnapshot`
 * @example
 * ```ts
 * declare const saved: string;
 * const actor = restoreCertificate(JSON.parse(saved), { rulesPack: jcq }).start();
 * ```
 */
export function restoreCertificate(
  persisted: unknown,
  options: Omit<RestoreOptions<never>, 'input' | 'spec'> & { readonly rulesPack: CertificateRulesPack },
): XActor<typeof certificateMachine> {
  const { rulesPack, ...rest } = options;
  const spec = certificatePersistedFor(rulesPack);
  const p = persisted as { snapshot?: { context?: { rules?: { packId?: unknown } } } } | null;
  const context = p && typeof p === 'object' && p.snapshot && typeof p.snapshot === 'object' ? p.snapshot.context : undefined;
  if (context && typeof context === 'object') {
    const packId = context.rules?.packId;
    if (packId !== rulesPack.id) {
      throw new ExamcycleError('snapshot_invalid', `The certificate was kept under rules pack "${String(packId)}", not "${rulesPack.id}"`, { details: { expected: String(packId), found: rulesPack.id } });
    }
  }
  return restoreWithSpec(spec.machine, persisted, { ...rest, spec });
}
