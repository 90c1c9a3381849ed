/**
 * The purge list a data-protection officer signs off: the records a retention schedule clears for
 * destruction (never one held by an open enquiry), with why each may go. Signing is an explicit step by a
 * named person, and both making and signing the list are on its audit trail. A list is a value: signing
 * returns a new, signed list.
 */
import { appendAudit, type Actor, type AuditEntry } from '../audit/auditTrail.js';
import { ExamcycleError } from '../errors/ExamcycleError.js';
import type { RetainedRecordKind } from '../rules/RulesPack.js';
import type { Confidence, SourceRef } from '../rules/sources.js';
import type { Instant } from '../time/clock.js';
import { londonIso } from '../time/londonIso.js';
import { instantToMillis } from '../time/instantToMillis.js';
import type { RetentionSchedule } from './planRetention.js';

/**
 * One record to destroy.
 *
 * @example
 * ```ts
 * declare const list: PurgeList;
 * const items: readonly PurgeItem[] = list.items;
 * items.map((i) => `${i.kind} ${i.recordId} may be destroyed from ${i.mayDestroyFrom.slice(0, 10)}`);
 * ```
 */
export interface PurgeItem {
  readonly recordId: string;
  readonly kind: RetainedRecordKind;
  readonly subject?: string;
  readonly seriesId?: string;
  readonly mayDestroyFrom: Instant;
  /** Set when the record is past a must-purge date. */
  readonly mustPurgeBy: Instant | null;
  readonly why: string;
  readonly source: SourceRef;
  readonly confidence: Confidence;
}

/**
 * A record left off the list, and why.
 *
 * @example
 * ```ts
 * declare const list: PurgeList;
 * const kept: readonly PurgeExclusion[] = list.excluded;
 * kept.map((x) => `${x.recordId}: ${x.why}`);
 * ```
 */
export interface PurgeExclusion {
  readonly recordId: string;
  readonly kind: RetainedRecordKind;
  readonly why: string;
}

/**
 * Who signed a purge list off, and when.
 *
 * @example
 * ```ts
 * declare const list: PurgeList;
 * const signOff: PurgeSignOff = { by: { id: 'dpo-1', role: 'senior_leader', name: 'A. Patel' }, at: '2027-12-02T10:00:00Z' };
 * signPurgeList(list, signOff).signedOff?.by.name; // 'A. Patel'
 * ```
 */
export interface PurgeSignOff {
  readonly by: Actor & { readonly name: string };
  readonly at: Instant;
}

/**
 * A purge list, signed off or not.
 *
 * @example
 * ```ts
 * declare const schedule: RetentionSchedule;
 * const list: PurgeList = purgeList(schedule, { id: 'eo-1', role: 'exams_officer' });
 * list.items.length;
 * ```
 */
export interface PurgeList {
  readonly asOf: Instant;
  readonly preparedBy: Actor;
  readonly items: readonly PurgeItem[];
  /** Cleared by the rules but held by an open enquiry, review or appeal. */
  readonly excluded: readonly PurgeExclusion[];
  readonly signedOff: PurgeSignOff | null;
  readonly audit: readonly AuditEntry[];
}

/**
 * Makes the purge list from a retention schedule: everything it clears or must purge, nothing it holds.
 *
 * @param schedule - from {@link planRetention}
 * @param preparedBy - who prepared it (usually the exams officer)
 * @example
 * ```ts
 * declare const sources: RetentionSources;
 * const list = purgeList(planRetention({ rulesPack: jcq, asOf: '2027-12-01T09:00:00Z', sources }), { id: 'EO', role: 'exams_officer' });
 * ```
 */
export function purgeList(schedule: RetentionSchedule, preparedBy: Actor): PurgeList {
  const items: PurgeItem[] = [...schedule.mustPurge, ...schedule.mayDestroy]
    .filter((l) => !l.record.openEnquiry && l.decision.mayDestroyFrom !== null)
    .map((l) => ({
      recordId: l.record.id,
      kind: l.record.kind,
      ...(l.record.subject !== undefined ? { subject: l.record.subject } : {}),
      ...(l.record.seriesId !== undefined ? { seriesId: l.record.seriesId } : {}),
      mayDestroyFrom: l.decision.mayDestroyFrom!,
      mustPurgeBy: l.decision.mustPurgeBy,
      why: l.why,
      source: l.decision.source,
      confidence: l.decision.confidence,
    }));
  const excluded = schedule.held.map((l) => ({ recordId: l.record.id, kind: l.record.kind, why: l.why }));
  const audit = appendAudit([], {
    at: schedule.asOf,
    by: preparedBy,
    event: 'purgeList.prepare',
    from: 'draft',
    to: 'awaitingSignOff',
    outcome: 'accepted',
    details: { items: items.length, excluded: excluded.length },
  });
  return { asOf: schedule.asOf, preparedBy, items, excluded, signedOff: null, audit };
}

/**
 * Signs a purge list off: an explicit step by a named person (the data-protection officer), audited.
 *
 * @param list - the list to sign
 * @param signOff - who signs (id and name) and when
 * @throws ExamcycleError `not_authorised` without a named person (or by a candidate or a system),
 *   `event_rejected` when the list is signed already, `invalid_value` when signed before it was prepared
 * @example
 * ```ts
 * declare const list: PurgeList;
 * const signed = signPurgeList(list, { by: { id: 'DPO', name: 'A. Patel' }, at: '2027-12-02T10:00:00Z' });
 * ```
 */
export function signPurgeList(list: PurgeList, signOff: { readonly by: Actor & { readonly name: string }; readonly at: Instant }): PurgeList {
  const { by } = signOff;
  let at: Instant | undefined;
  let badAt: string | undefined;
  try {
    at = londonIso(instantToMillis(signOff.at));
  } catch (cause) {
    badAt = `"${String(signOff.at)}" is not an instant: ${(cause as Error).message}`;
  }
  const refuse = (code: 'not_authorised' | 'event_rejected' | 'invalid_value', reason: string): never => {
    const entry = appendAudit(list.audit, {
      at: at ?? list.asOf,
      ...(by && typeof by.id === 'string' ? { by: { id: by.id, ...(by.role ? { role: by.role } : {}) } } : {}),
      event: 'purgeList.signOff',
      from: list.signedOff ? 'signedOff' : 'awaitingSignOff',
      to: list.signedOff ? 'signedOff' : 'awaitingSignOff',
      outcome: 'rejected',
      reason,
      code,
    });
    throw new ExamcycleError(code, reason, { rule: 'examcycle.retention.purge-sign-off', details: { audit: entry } });
  };
  if (!by || typeof by.id !== 'string' || !by.id.trim() || typeof by.name !== 'string' || !by.name.trim()) refuse('not_authorised', 'A purge list is signed off by a named person');
  if (by.role === 'candidate' || by.role === 'system') refuse('not_authorised', `A purge list is signed off by a person at the centre, not a ${by.role}`);
  if (list.signedOff) refuse('event_rejected', `The purge list was signed off already by ${list.signedOff.by.name} at ${list.signedOff.at}`);
  if (at === undefined) return refuse('invalid_value', badAt ?? 'No instant');
  if (instantToMillis(at) < instantToMillis(list.asOf)) refuse('invalid_value', `Signed at ${at}, before the list was prepared (${list.asOf})`);
  const audit = appendAudit(list.audit, {
    at,
    by: { id: by.id, ...(by.role ? { role: by.role } : {}) },
    event: 'purgeList.signOff',
    from: 'awaitingSignOff',
    to: 'signedOff',
    outcome: 'accepted',
    details: { name: by.name, items: list.items.length },
  });
  return { ...list, signedOff: { by, at }, audit };
}
