/**
 * The conflicts-of-interest register of a centre for a series (JCQ General Regulations 5.3), kept in an
 * {@link ExamcycleStore} under `{ tenant, centreNumber, machine: 'conflictsRegister', id: seriesId }`:
 * declarations (a record each, collection `declarations`), their mitigations, the head of centre's
 * sign-off and each awarding body told, with the notification deadline from the series' key date
 * (`conflicts_of_interest_declaration`: before the entry deadline of each series). Every operation runs in
 * one `store.transaction` and appends one audit line; a refused one (`not_authorised`, `invalid_value`,
 * `guard_failed`) is recorded with outcome `rejected` and returned as a typed outcome, never thrown.
 *
 * Who may do what comes from the pack's `conflicts.*` authorities (`conflicts.declare`,
 * `conflicts.mitigate`, `conflicts.signOff`, `conflicts.notify`); a member of staff may always declare
 * their own conflict.
 */
import type { Outcome } from '../errors/Outcome.js';
import type { Actor, AuditEntry, AuditLine } from '../audit/auditTrail.js';
import { isActor } from '../audit/eventStamp.js';
import { ExamcycleError, isExamcycleError, type ExamcycleErrorCode } from '../errors/ExamcycleError.js';
import { authorise, grantsFor, type Authority, type Delegation, type RoleGrants } from '../rules/authority.js';
import type { KeyDate } from '../rules/RulesPack.js';
import type { AuditRange, ExamcycleStore, StoreKey, StoreTransaction } from '../store/ExamcycleStore.js';
import type { ExamClock, Instant } from '../time/clock.js';
import { instantToMillis } from '../time/instantToMillis.js';
import { londonIso } from '../time/londonIso.js';
import { conflictDeclarationInputSchema, type ConflictDeclaration, type ConflictDeclarationInput } from './conflictDeclaration.js';

/**
 * Options for {@link createConflictsRegister}.
 *
 * @example
 * ```ts
 * declare const store: ExamcycleStore;
 * const options: CreateConflictsRegisterOptions = { store, centreNumber: '99999', seriesId: 'june-2026', clock: new SimulatedClock(), authorities: jcq.authorities('2025/26'), dueSoonDays: 14 };
 * const register = createConflictsRegister(options);
 * ```
 */
export interface CreateConflictsRegisterOptions {
  /** Where the register keeps its declarations and audit log. */
  readonly store: ExamcycleStore;
  /** The centre's five-digit number (part of the key). */
  readonly centreNumber: string;
  /** A tenant, e.g. a multi-academy trust; omitted for a single-tenant database. */
  readonly tenant?: string;
  /** The series, e.g. `june-2026`. */
  readonly seriesId: string;
  /** The clock operations are stamped with. */
  readonly clock: ExamClock;
  /** The series' key dates (`pack.keyDates(series)`): the notification deadline is the `conflicts_of_interest_declaration` one. */
  readonly keyDates?: readonly KeyDate[];
  /** The pack's authorities (`pack.authorities(year)`); resolved to the `conflicts.` grants. */
  readonly authorities?: readonly Authority[];
  readonly delegations?: readonly Delegation[];
  /** Grants already resolved (instead of `authorities` and `delegations`). */
  readonly grants?: RoleGrants;
  /** Days before the deadline that an untold awarding body counts as due soon. @default 14 */
  readonly dueSoonDays?: number;
}


/**
 * An awarding body still to be told of a declaration, with its deadline.
 *
 * @example
 * ```ts
 * declare const register: ConflictsRegister;
 * const due: readonly ConflictNotificationDue[] = await register.notificationsDue();
 * due.filter((d) => d.status === 'overdue').map((d) => `${d.staffId} → ${d.awardingBodyId}`);
 * ```
 */
export interface ConflictNotificationDue {
  readonly declarationId: string;
  readonly staffId: string;
  readonly awardingBodyId: string;
  /** The deadline (absent when the key dates have none for the series). */
  readonly dueAt?: Instant;
  readonly keyDateId?: string;
  readonly status: 'pending' | 'due_soon' | 'overdue';
}

/**
 * The register.
 *
 * @example
 * ```ts
 * declare const store: ExamcycleStore;
 * const register: ConflictsRegister = createConflictsRegister({ store, centreNumber: '99999', seriesId: 'june-2026', clock: new SimulatedClock(), keyDates: jcq.keyDates(examSeries('june', 2026)) });
 * await register.mitigate({ id: 'eo-1', role: 'exams_officer' }, 'coi-1', 'Another teacher marks c-0042\'s NEA');
 * ```
 */
export interface ConflictsRegister {
  readonly key: StoreKey;
  /** Records a declaration (the staff member themselves, or the exams office). */
  declare(by: Actor, declaration: ConflictDeclarationInput): Promise<Outcome<ConflictDeclaration>>;
  /** Records how the centre mitigates a declared conflict. */
  mitigate(by: Actor, declarationId: string, mitigation: string): Promise<Outcome<ConflictDeclaration>>;
  /** The head of centre signs off a declaration and its mitigation. */
  signOff(by: Actor, declarationId: string): Promise<Outcome<ConflictDeclaration>>;
  /** Records that an awarding body was told of a declaration. */
  recordNotification(by: Actor, declarationId: string, awardingBodyId: string, reference?: string): Promise<Outcome<ConflictDeclaration>>;
  /** Every declaration of the series, by id. */
  declarations(): Promise<readonly ConflictDeclaration[]>;
  /** Each awarding body not yet told of each declaration, with its deadline and whether it is due soon or overdue now. */
  notificationsDue(): Promise<readonly ConflictNotificationDue[]>;
  /** The register's audit log. */
  audit(range?: AuditRange): Promise<readonly AuditEntry[]>;
}

const COLLECTION = 'declarations';
const DAY_MS = 86_400_000;

type Step<T> = { readonly value: T; readonly line: AuditLine } | { readonly refused: { code: ExamcycleErrorCode; reason: string; rule?: string } };

/**
 * Creates the handle on the conflicts-of-interest register of a centre for a series, kept in an {@link ExamcycleStore}: a
 * second handle on the same store, centre and series sees the same declarations.
 *
 * @param options - the store, centre, series, clock, key dates and authorities
 * @throws ExamcycleError `invalid_value` without a store, a clock or a five-digit centre number
 * @example
 * ```ts
 * declare const store: ExamcycleStore;
 * declare const clock: ExamClock;
 * const register = createConflictsRegister({ store, centreNumber: '99999', seriesId: 'june-2026', clock, keyDates: jcq.keyDates(examSeries('june', 2026)), authorities: jcq.authorities('2025/26') });
 * await register.declare({ id: 't-7', role: 'teacher' }, { id: 'coi-1', staffId: 't-7', kind: 'relative', candidateId: 'c-0042', relationship: 'Parent', awardingBodyIds: ['AQA'] });
 * (await register.notificationsDue())[0]?.dueAt; // the entry deadline
 * ```
 */
export function createConflictsRegister(options: CreateConflictsRegisterOptions): ConflictsRegister {
  const { store, centreNumber, tenant, seriesId, clock, keyDates = [], dueSoonDays = 14 } = options;
  if (typeof store !== 'object' || store === null || typeof store.transaction !== 'function') throw new ExamcycleError('invalid_value', 'createConflictsRegister needs an ExamcycleStore (store)');
  if (typeof centreNumber !== 'string' || !/^\d{5}$/.test(centreNumber)) throw new ExamcycleError('invalid_value', 'A centre number is five digits', { details: { option: 'centreNumber' } });
  if (typeof clock?.now !== 'function') throw new ExamcycleError('invalid_value', 'createConflictsRegister needs a clock');
  if (typeof seriesId !== 'string' || !seriesId) throw new ExamcycleError('invalid_value', 'createConflictsRegister needs a seriesId');
  const grants = options.grants ?? grantsFor(options.authorities ?? [], options.delegations ?? [], ['conflicts.']);
  const key: StoreKey = { ...(tenant !== undefined ? { tenant } : {}), centreNumber, machine: 'conflictsRegister', id: seriesId };
  const now = () => londonIso(clock.now());

  async function load(tx: StoreTransaction, declarationId: string): Promise<ConflictDeclaration | undefined> {
    return (await tx.loadRecords(key, COLLECTION, [declarationId]))[0]?.data as ConflictDeclaration | undefined;
  }

  /** One audited operation: the step decides in the transaction; a refusal is audited and returned. */
  async function run<T extends ConflictDeclaration>(event: string, by: unknown, details: Record<string, string>, decide: (tx: StoreTransaction, at: Instant, by: Actor) => Promise<Step<T>>): Promise<Outcome<T>> {
    try {
      return await store.transaction(async (tx) => {
        const at = now();
        const who = isActor(by) ? { id: by.id, ...(by.role !== undefined ? { role: by.role } : {}) } : undefined;
        const step: Step<T> = who ? await decide(tx, at, who) : { refused: { code: 'not_authorised', reason: 'The operation does not say who is doing it (by)' } };
        if ('refused' in step) {
          const r = step.refused;
          await tx.appendAudit(key, [{ at, ...(who ? { by: who } : {}), event, from: 'register', to: 'register', outcome: 'rejected', reason: r.reason, code: r.code, ...(r.rule ? { rule: r.rule } : {}), details }]);
          return { ok: false as const, error: new ExamcycleError(r.code, r.reason, { details: { event, ...details }, ...(r.rule ? { rule: r.rule } : {}) }) };
        }
        await tx.putRecords(key, COLLECTION, [{ id: step.value.id, data: step.value }]);
        await tx.appendAudit(key, [step.line]);
        return { ok: true as const, value: step.value };
      });
    } catch (cause) {
      if (isExamcycleError(cause)) throw cause;
      throw new ExamcycleError('store_failed', `The conflicts register could not complete: ${cause instanceof Error ? cause.message : String(cause)}`, { cause, retryable: true });
    }
  }

  const may = (by: Actor, action: string) => authorise(grants, by, action);
  const line = (at: Instant, by: Actor, event: string, rule: string, details: Record<string, string>): AuditLine => ({ at, by, event, from: 'register', to: 'register', outcome: 'accepted', rule, details });

  /** The declaration to act on, or why there is none. */
  async function existing(tx: StoreTransaction, declarationId: string): Promise<ConflictDeclaration | { code: 'invalid_value'; reason: string }> {
    const d = typeof declarationId === 'string' && declarationId ? await load(tx, declarationId) : undefined;
    return d ?? { code: 'invalid_value', reason: `No declaration "${String(declarationId)}" in the ${seriesId} register` };
  }

  function deadlineFor(awardingBodyId: string): KeyDate | undefined {
    let best: KeyDate | undefined;
    for (const k of keyDates) {
      if (k.kind !== 'conflicts_of_interest_declaration' || k.seriesId !== seriesId) continue;
      if (k.awardingBodyId !== undefined && k.awardingBodyId !== awardingBodyId) continue;
      // An awarding body's own date wins over the general one; otherwise the earliest.
      if (!best || (k.awardingBodyId !== undefined && best.awardingBodyId === undefined) || (k.awardingBodyId === best.awardingBodyId && instantToMillis(k.at) < instantToMillis(best.at))) best = k;
    }
    return best;
  }

  async function all(tx: StoreTransaction): Promise<ConflictDeclaration[]> {
    return (await tx.loadRecords(key, COLLECTION)).map((r) => r.data as ConflictDeclaration);
  }

  return {
    key,
    declare: (by, input) =>
      run('conflicts.declare', by, { declarationId: String((input as { id?: unknown } | undefined)?.id ?? '') }, async (tx, at, who) => {
        const parsed = conflictDeclarationInputSchema.safeParse(input);
        const decision = may(who, 'conflicts.declare');
        const own = parsed.success && parsed.data.staffId === who.id;
        if (!decision.allowed && !own) return { refused: { code: decision.code, reason: `${decision.reason} (a member of staff may always declare their own conflict)`, rule: decision.rule } };
        if (!parsed.success) return { refused: { code: 'invalid_value', reason: parsed.error.issues.map((i) => `${i.path.join('.') || '(declaration)'}: ${i.message}`).join('; ') } };
        if (await load(tx, parsed.data.id)) return { refused: { code: 'invalid_value', reason: `A declaration "${parsed.data.id}" is already in the register` } };
        const value: ConflictDeclaration = { ...parsed.data, seriesId, declaredAt: at, declaredBy: who, notifications: [] };
        return { value, line: line(at, who, 'conflicts.declare', own && !decision.allowed ? 'examcycle.conflicts.own-declaration' : decision.rule, { declarationId: value.id, staffId: value.staffId, kind: value.kind }) };
      }),
    mitigate: (by, declarationId, mitigation) =>
      run('conflicts.mitigate', by, { declarationId: String(declarationId) }, async (tx, at, who) => {
        const decision = may(who, 'conflicts.mitigate');
        if (!decision.allowed) return { refused: decision };
        const d = await existing(tx, declarationId);
        if (!('id' in d)) return { refused: d };
        const text = typeof mitigation === 'string' ? mitigation.trim() : '';
        if (!text) return { refused: { code: 'invalid_value', reason: 'A mitigation says how the conflict is managed' } };
        // A changed mitigation needs the head of centre's sign-off again.
        const { signedOff: _s, ...rest } = d;
        return { value: { ...rest, mitigation: { text, at, by: who } }, line: line(at, who, 'conflicts.mitigate', decision.rule, { declarationId: d.id }) };
      }),
    signOff: (by, declarationId) =>
      run('conflicts.signOff', by, { declarationId: String(declarationId) }, async (tx, at, who) => {
        const decision = may(who, 'conflicts.signOff');
        if (!decision.allowed) return { refused: decision };
        const d = await existing(tx, declarationId);
        if (!('id' in d)) return { refused: d };
        if (!d.mitigation) return { refused: { code: 'guard_failed', reason: `Declaration ${d.id} has no mitigation recorded: the head of centre signs off the declaration with its mitigation` } };
        return { value: { ...d, signedOff: { at, by: who } }, line: line(at, who, 'conflicts.signOff', decision.rule, { declarationId: d.id }) };
      }),
    recordNotification: (by, declarationId, awardingBodyId, reference) =>
      run('conflicts.notify', by, { declarationId: String(declarationId), awardingBodyId: String(awardingBodyId) }, async (tx, at, who) => {
        const decision = may(who, 'conflicts.notify');
        if (!decision.allowed) return { refused: decision };
        const d = await existing(tx, declarationId);
        if (!('id' in d)) return { refused: d };
        if (!d.awardingBodyIds.includes(awardingBodyId)) return { refused: { code: 'invalid_value', reason: `Declaration ${d.id} concerns ${d.awardingBodyIds.join(', ')}, not ${String(awardingBodyId)}` } };
        if (!d.mitigation) return { refused: { code: 'guard_failed', reason: `Declaration ${d.id} has no mitigation recorded: the awarding body is told how the centre will manage the conflict` } };
        if (d.notifications.some((n) => n.awardingBodyId === awardingBodyId)) return { refused: { code: 'guard_failed', reason: `${awardingBodyId} has already been told of declaration ${d.id}` } };
        const ref = typeof reference === 'string' && reference.trim() ? { reference: reference.trim() } : {};
        return { value: { ...d, notifications: [...d.notifications, { awardingBodyId, at, by: who, ...ref }] }, line: line(at, who, 'conflicts.notify', decision.rule, { declarationId: d.id, awardingBodyId }) };
      }),
    declarations: () => store.transaction((tx) => all(tx)),
    notificationsDue: async () => {
      const list = await store.transaction((tx) => all(tx));
      const t = clock.now();
      const out: ConflictNotificationDue[] = [];
      for (const d of list) {
        for (const ab of d.awardingBodyIds) {
          if (d.notifications.some((n) => n.awardingBodyId === ab)) continue;
          const k = deadlineFor(ab);
          const due = k ? instantToMillis(k.at) : undefined;
          const status = due === undefined ? 'pending' : t > due ? 'overdue' : due - t <= dueSoonDays * DAY_MS ? 'due_soon' : 'pending';
          out.push({ declarationId: d.id, staffId: d.staffId, awardingBodyId: ab, ...(k ? { dueAt: k.at, keyDateId: k.id } : {}), status });
        }
      }
      return out;
    },
    audit: (range) => store.readAudit(key, range),
  };
}
