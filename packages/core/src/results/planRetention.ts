/**
 * The retention planner: across every record examcycle knows, what may be destroyed today, what must be
 * kept until when and why, and what is past its must-purge date. The rules pack's `retentionPlan` decides;
 * the planner adds what core knows on top: a record under an open enquiry is held whatever the pack says,
 * and nothing the pack has not cleared (no destroy-from instant, or one still in the future) is offered
 * for destruction.
 */
import type { RetainedRecord, RetentionDecision, RetentionPlan, RulesPack } from '../rules/RulesPack.js';
import { ExamcycleError } from '../errors/ExamcycleError.js';
import type { Instant } from '../time/clock.js';
import { londonIso } from '../time/londonIso.js';
import { instantToMillis } from '../time/instantToMillis.js';
import { collectRetainedRecords, type RetentionSources } from './collectRetainedRecords.js';

/** One record and what to do with it, and why. */
export interface RetentionLine {
  readonly record: RetainedRecord;
  readonly decision: RetentionDecision;
  /** In words: why it may go, or until when and why it stays. */
  readonly why: string;
}

/** The retention schedule as of an instant. */
export interface RetentionSchedule {
  readonly asOf: Instant;
  /** May be destroyed now (the purge list is made from these and `mustPurge`). */
  readonly mayDestroy: readonly RetentionLine[];
  /** Past their must-purge instant: destroy now. */
  readonly mustPurge: readonly RetentionLine[];
  /** Kept: until when (the decision's `keepUntil`, soonest first) and why. */
  readonly keep: readonly RetentionLine[];
  /** Cleared by the pack but held by an open enquiry, review or appeal. */
  readonly held: readonly RetentionLine[];
  /** The pack's own plan, as it gave it. */
  readonly packPlan: RetentionPlan;
}

/** Options for {@link planRetention}. */
export interface PlanRetentionOptions {
  readonly rulesPack: Pick<RulesPack, 'retentionPlan'>;
  /** The instant to plan at ("today"). */
  readonly asOf: Instant;
  /** Records already in the pack's form. */
  readonly records?: readonly RetainedRecord[];
  /** Records to collect first (see {@link collectRetainedRecords}). */
  readonly sources?: RetentionSources;
}

function t(at: Instant): number {
  return instantToMillis(at);
}

/**
 * Plans retention as of an instant: the pack decides each record; records under an open enquiry are held.
 *
 * @param options - the rules pack, the instant, and the records (or sources to collect them from)
 * @throws ExamcycleError `invalid_value` when two records share an id
 * @example
 * ```ts
 * const schedule = planRetention({ rulesPack: jcq, asOf: '2027-12-01T09:00:00Z', sources: { certificates, enquiries, seatingPlans } });
 * schedule.keep.map((l) => `${l.record.id}: keep until ${l.decision.keepUntil} (${l.why})`);
 * ```
 */
export function planRetention(options: PlanRetentionOptions): RetentionSchedule {
  const asOf = londonIso(instantToMillis(options.asOf));
  const records = [...(options.records ?? []), ...(options.sources ? collectRetainedRecords(options.sources) : [])];
  const byId = new Map<string, RetainedRecord>();
  for (const r of records) {
    if (byId.has(r.id)) throw new ExamcycleError('invalid_value', `Two records share the id "${r.id}"`, { details: { recordId: r.id } });
    byId.set(r.id, r);
  }
  const packPlan = options.rulesPack.retentionPlan(records, asOf);
  const now = t(asOf);
  const line = (d: RetentionDecision, why: string): RetentionLine => ({ record: byId.get(d.recordId)!, decision: d, why });
  const cleared = (d: RetentionDecision) => d.mayDestroyFrom !== null && t(d.mayDestroyFrom) <= now;

  const mayDestroy: RetentionLine[] = [];
  const mustPurge: RetentionLine[] = [];
  const keep: RetentionLine[] = [];
  const held: RetentionLine[] = [];
  const seen = new Set<string>();
  const place = (d: RetentionDecision, bucket: 'mayDestroy' | 'mustPurge' | 'keep') => {
    if (seen.has(d.recordId) || !byId.has(d.recordId)) return;
    seen.add(d.recordId);
    const r = byId.get(d.recordId)!;
    if (bucket !== 'keep' && r.openEnquiry) {
      held.push(line(d, `held while an enquiry, review or appeal is open (otherwise: ${d.reason})`));
    } else if (bucket !== 'keep' && !cleared(d)) {
      keep.push(line(d, d.mayDestroyFrom === null ? `no end to its retention is known yet: ${d.reason}` : `keep until ${d.mayDestroyFrom}: ${d.reason}`));
    } else if (bucket === 'mustPurge') {
      mustPurge.push(line(d, `${d.mustPurgeBy ? `past its must-purge date ${d.mustPurgeBy}` : 'to purge now'}: ${d.reason}`));
    } else if (bucket === 'mayDestroy') {
      mayDestroy.push(line(d, `may be destroyed since ${d.mayDestroyFrom}: ${d.reason}`));
    } else {
      keep.push(line(d, r.openEnquiry ? `an enquiry, review or appeal is open; ${d.reason}` : d.keepUntil ? `keep until ${d.keepUntil}: ${d.reason}` : `keep: ${d.reason}`));
    }
  };
  for (const d of packPlan.mustPurge) place(d, 'mustPurge');
  for (const d of packPlan.mayDestroy) place(d, 'mayDestroy');
  for (const d of packPlan.keep) place(d, 'keep');
  if (seen.size !== byId.size) {
    const missing = [...byId.keys()].filter((id) => !seen.has(id));
    throw new ExamcycleError('rule_unsupported', `The rules pack's retention plan left out ${missing.length} record(s): ${missing.slice(0, 5).join(', ')}`, { details: { missing: missing.length } });
  }
  const until = (l: RetentionLine) => (l.decision.keepUntil ? t(l.decision.keepUntil) : Number.POSITIVE_INFINITY);
  keep.sort((a, b) => until(a) - until(b) || a.record.id.localeCompare(b.record.id));
  const byIdOrder = (a: RetentionLine, b: RetentionLine) => a.record.id.localeCompare(b.record.id);
  return { asOf, mayDestroy: mayDestroy.sort(byIdOrder), mustPurge: mustPurge.sort(byIdOrder), keep, held: held.sort(byIdOrder), packPlan };
}
