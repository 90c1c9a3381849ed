/**
 * The retention planner, the one way to plan retention: across every record examcycle knows, what may be
 * destroyed today, what must be kept until when and why, and what is past its must-purge date. The rules
 * pack's `retention(record)` gives each record's periods (keep until, may destroy from, must purge by, and
 * why); the planner sorts them as of an instant and adds what core knows on top: a record under an open
 * enquiry is held whatever the pack says, and nothing without a destroy-from instant already passed is
 * offered for destruction.
 */
import type { RetainedRecord, RetentionDecision, RulesPack } from '../rules/RulesPack.js';
import { ExamcycleError } from '../errors/ExamcycleError.js';
import type { Instant } from '../time/clock.js';
import { londonIso } from '../time/londonIso.js';
import { instantToMillis } from '../time/instantToMillis.js';
import { collectRetainedRecords, type RetentionSources } from './collectRetainedRecords.js';

/**
 * One record and what to do with it, and why.
 *
 * @example
 * ```ts
 * declare const schedule: RetentionSchedule;
 * const lines: readonly RetentionLine[] = schedule.mustPurge;
 * lines.map((l) => `${l.record.kind} ${l.record.id}: ${l.why}`);
 * ```
 */
export interface RetentionLine {
  readonly record: RetainedRecord;
  readonly decision: RetentionDecision;
  /** In words: why it may go, or until when and why it stays. */
  readonly why: string;
}

/**
 * The retention schedule as of an instant.
 *
 * @example
 * ```ts
 * declare const sources: RetentionSources;
 * const schedule: RetentionSchedule = planRetention({ rulesPack: jcq, asOf: '2027-12-01T09:00:00Z', sources });
 * `${schedule.mayDestroy.length} may go, ${schedule.held.length} held for open enquiries`;
 * ```
 */
export interface RetentionSchedule {
  readonly asOf: Instant;
  /** May be destroyed now (the purge list is made from these and `mustPurge`). */
  readonly mayDestroy: readonly RetentionLine[];
  /** Past their must-purge instant: destroy now. */
  readonly mustPurge: readonly RetentionLine[];
  /** Kept: until when (the decision's `keepUntil`, soonest first) and why. */
  readonly keep: readonly RetentionLine[];
  /** Past their destroy-from instant but held by an open enquiry, review or appeal. */
  readonly held: readonly RetentionLine[];
}

/**
 * Options for {@link planRetention}.
 *
 * @example
 * ```ts
 * declare const sources: RetentionSources;
 * const options: PlanRetentionOptions = { rulesPack: jcq, asOf: '2027-12-01T09:00:00Z', sources };
 * planRetention(options).mayDestroy.length;
 * ```
 */
export interface PlanRetentionOptions {
  /** The pack whose `retention(record)` gives each record's periods, e.g. `jcq` or a centre's overlay of it. */
  readonly rulesPack: Pick<RulesPack, 'retention'>;
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
 * Plans retention as of an instant: the pack decides each record's periods; the planner sorts them into
 * destroy, purge and keep, and holds records under an open enquiry.
 *
 * @param options - the rules pack, the instant, and the records (or sources to collect them from)
 * @throws ExamcycleError `invalid_value` when two records share an id; `rule_unsupported` when the pack
 *   answers for another record than the one asked about
 * @example
 * ```ts
 * declare const sources: RetentionSources; // the certificates, enquiries, seating plans… the centre holds
 * const schedule = planRetention({ rulesPack: jcq, asOf: '2027-12-01T09:00:00Z', sources });
 * schedule.keep.map((l) => `${l.record.id}: keep until ${l.decision.keepUntil} (${l.why})`);
 * ```
 */
export function planRetention(options: PlanRetentionOptions): RetentionSchedule {
  const asOf = londonIso(instantToMillis(options.asOf));
  const now = t(asOf);
  const records = [...(options.records ?? []), ...(options.sources ? collectRetainedRecords(options.sources) : [])];
  const ids = new Set<string>();
  for (const r of records) {
    if (ids.has(r.id)) throw new ExamcycleError('invalid_value', `Two records share the id "${r.id}"`, { details: { recordId: r.id } });
    ids.add(r.id);
  }
  const passed = (at: Instant | null) => at !== null && t(at) <= now;

  const mayDestroy: RetentionLine[] = [];
  const mustPurge: RetentionLine[] = [];
  const keep: RetentionLine[] = [];
  const held: RetentionLine[] = [];
  for (const record of records) {
    const d = options.rulesPack.retention(record);
    if (d.recordId !== record.id) {
      throw new ExamcycleError('rule_unsupported', `The rules pack answered for record "${d.recordId}" when asked about "${record.id}"`, { details: { recordId: record.id } });
    }
    const decision = d;
    if (!passed(d.mayDestroyFrom)) {
      const until = d.keepUntil ?? d.mayDestroyFrom;
      const why = record.openEnquiry
        ? `an enquiry, review or appeal is open; ${d.reason}`
        : until === null
          ? `no end to its retention is known yet: ${d.reason}`
          : `keep until ${until}: ${d.reason}`;
      keep.push({ record, decision, why });
    } else if (record.openEnquiry) {
      held.push({ record, decision, why: `held while an enquiry, review or appeal is open (otherwise: ${d.reason})` });
    } else if (passed(d.mustPurgeBy)) {
      mustPurge.push({ record, decision, why: `past its must-purge date ${d.mustPurgeBy}: ${d.reason}` });
    } else {
      mayDestroy.push({ record, decision, why: `may be destroyed since ${d.mayDestroyFrom}: ${d.reason}` });
    }
  }
  const until = (l: RetentionLine) => (l.decision.keepUntil ? t(l.decision.keepUntil) : Number.POSITIVE_INFINITY);
  keep.sort((a, b) => until(a) - until(b) || a.record.id.localeCompare(b.record.id));
  const byIdOrder = (a: RetentionLine, b: RetentionLine) => a.record.id.localeCompare(b.record.id);
  return { asOf, mayDestroy: mayDestroy.sort(byIdOrder), mustPurge: mustPurge.sort(byIdOrder), keep, held: held.sort(byIdOrder) };
}
