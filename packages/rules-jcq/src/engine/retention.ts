/**
 * Decides how long a record must be kept: the JCQ minimum for its kind (unclaimed certificates 12 months
 * from issue, the record of a destroyed certificate 4 years from destruction, NEA work until the
 * post-results deadline, proof of despatch until results, and the secondary-source periods for ATS
 * consent and access arrangement approvals), lengthened, never shortened, by the centre's policy. A
 * record whose kind has no sourced period and no centre period is kept: the pack never says "may destroy"
 * without a period behind it. An open enquiry, review or appeal keeps any record.
 */
import {
  toLondon,
  type Confidence,
  type Instant,
  type KeyDate,
  type RetainedRecord,
  type RetainedRecordKind,
  type RetentionDecision,
  type SourceRef,
  type Sourced,
} from '@examcycle/core';
import type { DateTime } from 'luxon';
import type { Edition } from '../editions/Edition.js';
import { weakestConfidence } from './weakestConfidence.js';

/** A centre's retention period for a kind of record, in months from the record's anchor date. */
export interface CentreRetentionPeriod {
  /** Keep at least this many months. */
  readonly keepMonths: number;
  /** Destroy by this many months (data protection), if the centre sets a limit. */
  readonly purgeAfterMonths?: number | undefined;
}

/** What a retention decision reads. */
export interface RetentionContext {
  /** The edition whose rules apply. */
  readonly edition: Edition;
  /** The key dates of a series, or `undefined` when the pack has no edition for it. */
  readonly keyDatesOf: (seriesId: string) => readonly KeyDate[] | undefined;
  /** The centre's periods by kind. */
  readonly centrePolicy: Partial<Record<RetainedRecordKind, CentreRetentionPeriod>>;
  /** The source of the centre's periods. */
  readonly centreSource: SourceRef | undefined;
}

/**
 * Adds whole months to an instant in London without ever coming short: when the day does not exist in
 * the target month (31 March plus one month), the period runs to the start of the following day.
 *
 * @param from - the anchor
 * @param months - whole months
 * @example
 * ```ts
 * addMonthsNotShort(toLondon('2024-02-29T10:00:00Z'), 12).toISO(); // '2025-03-01T00:00:00.000+00:00'
 * ```
 */
export function addMonthsNotShort(from: DateTime, months: number): DateTime {
  const plain = from.plus({ months });
  return plain.day === from.day ? plain : plain.plus({ days: 1 }).startOf('day');
}

interface Minimum {
  /** null: keep until an unknown instant. */
  readonly until: DateTime | null;
  readonly reason: string;
  readonly source: SourceRef;
  readonly confidence: Confidence;
}

/** The date a record's period runs from, or the name of the missing field (user data: answered, not thrown). */
function anchorOf(record: RetainedRecord): { at: DateTime; field: keyof RetainedRecord } | { at: null; field: keyof RetainedRecord } {
  const field: keyof RetainedRecord =
    record.kind === 'unclaimed_certificate'
      ? 'issuedAt'
      : record.kind === 'certificate_destruction_record'
        ? 'destroyedAt'
        : record.kind === 'access_arrangements_approval'
          ? 'approvedAt'
          : 'createdAt';
  const value = record[field];
  if (typeof value !== 'string') return { at: null, field };
  return { at: toLondon(value), field };
}

function months(anchor: DateTime, rule: Sourced<number>, what: string): Minimum {
  return {
    until: addMonthsNotShort(anchor, rule.value),
    reason: `${what} (${String(rule.value)} months, ${rule.confidence})`,
    source: rule.source,
    confidence: rule.confidence,
  };
}

function seriesEvent(record: RetainedRecord, ctx: RetentionContext, rule: Sourced<true>, pick: (k: readonly KeyDate[]) => KeyDate | undefined, what: string): Minimum {
  if (record.seriesId === undefined) {
    return {
      until: null,
      reason: `Kept until ${what}, but the record has no seriesId to find it by: keep it until its series is recorded`,
      source: rule.source,
      confidence: rule.confidence,
    };
  }
  const keyDates = ctx.keyDatesOf(record.seriesId);
  const event = keyDates === undefined ? undefined : pick(keyDates);
  if (event === undefined) {
    return {
      until: null,
      reason: `Kept until ${what}, which the pack does not know for ${record.seriesId}: keep it`,
      source: rule.source,
      confidence: 'reading',
    };
  }
  return {
    until: toLondon(event.at),
    reason: `Kept until ${what} (${event.at}, ${event.confidence})`,
    source: rule.source,
    confidence: weakestConfidence(event.confidence, rule.confidence),
  };
}

function regulationMinimum(record: RetainedRecord, anchor: DateTime, ctx: RetentionContext): Minimum | undefined {
  const r = ctx.edition.rules.retention;
  switch (record.kind) {
    case 'unclaimed_certificate':
      return months(anchor, r.unclaimedCertificateMonths, 'Unclaimed certificates are kept at least 12 months from issue; a record of each destroyed one is then kept 4 years');
    case 'certificate_destruction_record':
      return months(anchor, r.destructionRecordMonths, 'The record of a destroyed certificate is kept 4 years from destruction');
    case 'ats_consent':
      return months(anchor, r.atsConsentMonths, 'Candidate consent for access to scripts');
    case 'access_arrangements_approval':
      return months(anchor, r.accessArrangementsApprovalMonths, 'An access arrangements approval is valid, and kept, for 26 months from approval');
    case 'nea_work':
      return seriesEvent(
        record,
        ctx,
        r.neaWorkUntilPostResultsDeadline,
        (k) => k.find((d) => d.kind === 'post_results_final_deadline'),
        'the post-results final deadline of its series',
      );
    case 'script_despatch_proof':
      return seriesEvent(
        record,
        ctx,
        r.scriptDespatchProofUntilResults,
        (k) => {
          const releases = k.filter((d) => d.kind === 'release_to_candidates');
          const days = releases.length > 0 ? releases : k.filter((d) => d.kind === 'results_day');
          return days.at(-1);
        },
        'results are published (the last results release of its series)',
      );
    default:
      return undefined;
  }
}

function iso(dt: DateTime | null): Instant | null {
  return dt === null ? null : (dt.toISO() as Instant);
}

function later(a: DateTime | null, b: DateTime | null): DateTime | null {
  if (a === null || b === null) return a ?? b;
  return a.toMillis() >= b.toMillis() ? a : b;
}

/**
 * Decides how long one record must be kept.
 *
 * @param record - the record
 * @param ctx - the edition, the series key dates and the centre's policy
 * @returns the decision; a record missing the date its period runs from (`issuedAt`, `destroyedAt`,
 *   `approvedAt` or `createdAt`) or the series its period ends with is kept (`mayDestroyFrom: null`), and the
 *   reason names what is missing
 * @example
 * ```ts
 * declare const ctx: Parameters<typeof decideRetention>[1];
 * decideRetention({ id: 'c1', kind: 'unclaimed_certificate', createdAt: '2025-11-07T09:00:00Z', issuedAt: '2025-11-07T09:00:00Z' }, ctx).mayDestroyFrom;
 * // '2026-11-07T09:00:00.000+00:00'
 * ```
 */
export function decideRetention(record: RetainedRecord, ctx: RetentionContext): RetentionDecision {
  const { at: anchor, field } = anchorOf(record);
  const base = { recordId: record.id, kind: record.kind };
  if (anchor === null) {
    const rule = ruleOf(record.kind, ctx);
    return {
      ...base,
      keepUntil: null,
      mayDestroyFrom: null,
      mustPurgeBy: null,
      reason: `${capitalised(withArticle(record.kind.replaceAll('_', ' ')))} record's retention runs from its ${field}, which is missing: keep it until ${field} is recorded.${record.openEnquiry === true ? ' An enquiry, review or appeal is open on it too.' : ''}`,
      source: rule.source,
      confidence: rule.confidence,
    };
  }
  const minimum = regulationMinimum(record, anchor, ctx);
  const policy = ctx.centrePolicy[record.kind];
  const centreSource = ctx.centreSource;

  if (record.openEnquiry === true) {
    return {
      ...base,
      keepUntil: null,
      mayDestroyFrom: null,
      mustPurgeBy: null,
      reason: `An enquiry, review or appeal is open on this record: keep it until that is resolved.${minimum === undefined ? '' : ` ${minimum.reason}.`}`,
      source: minimum?.source ?? ctx.edition.rules.retention.neaWorkUntilPostResultsDeadline.source,
      confidence: minimum?.confidence ?? ctx.edition.rules.retention.neaWorkUntilPostResultsDeadline.confidence,
    };
  }

  const centreKeep = policy === undefined ? null : addMonthsNotShort(anchor, policy.keepMonths);
  const centrePurge = policy?.purgeAfterMonths === undefined ? null : addMonthsNotShort(anchor, policy.purgeAfterMonths);

  if (minimum === undefined) {
    if (policy === undefined || centreSource === undefined) {
      const rule = ctx.edition.rules.retention.centrePolicyKinds;
      return {
        ...base,
        keepUntil: null,
        mayDestroyFrom: null,
        mustPurgeBy: null,
        reason: `No retention period is set for ${withArticle(record.kind.replaceAll('_', ' '))}: the pack found no JCQ period and the centre's policy sets none, so it is kept until the centre sets one.`,
        source: rule.source,
        confidence: rule.confidence,
      };
    }
    return {
      ...base,
      keepUntil: iso(centreKeep),
      mayDestroyFrom: iso(centreKeep),
      mustPurgeBy: iso(centrePurge === null ? null : later(centrePurge, centreKeep)),
      reason: `Centre policy: keep ${String(policy.keepMonths)} months from ${field}${policy.purgeAfterMonths === undefined ? '' : `, destroy by ${String(policy.purgeAfterMonths)} months`}.`,
      source: centreSource,
      confidence: 'primary',
    };
  }

  if (minimum.until === null) {
    return { ...base, keepUntil: null, mayDestroyFrom: null, mustPurgeBy: null, reason: `${minimum.reason}.`, source: minimum.source, confidence: minimum.confidence };
  }
  const keep = later(minimum.until, centreKeep)!;
  const lengthened = centreKeep !== null && centreKeep.toMillis() > minimum.until.toMillis();
  const purge = centrePurge === null ? null : later(centrePurge, keep);
  const purgeClamped = centrePurge !== null && purge !== null && purge.toMillis() > centrePurge.toMillis();
  const parts = [`${minimum.reason}.`];
  if (lengthened && policy !== undefined) parts.push(`The centre's policy keeps it longer: ${String(policy.keepMonths)} months from ${field}.`);
  if (purge !== null && policy?.purgeAfterMonths !== undefined) {
    parts.push(
      purgeClamped
        ? `The centre's ${String(policy.purgeAfterMonths)}-month destruction limit falls before the minimum, so it applies from the end of the minimum.`
        : `The centre's policy destroys it by ${String(policy.purgeAfterMonths)} months from ${field}.`,
    );
  }
  return {
    ...base,
    keepUntil: iso(keep),
    mayDestroyFrom: iso(keep),
    mustPurgeBy: iso(purge),
    reason: parts.join(' '),
    source: lengthened && centreSource !== undefined ? centreSource : minimum.source,
    confidence: minimum.confidence,
  };
}

/** The edition's rule behind a kind of record's period (the centre-policy rule for a kind JCQ sets none for). */
function ruleOf(kind: RetainedRecordKind, ctx: RetentionContext): { readonly source: SourceRef; readonly confidence: Confidence } {
  const r = ctx.edition.rules.retention;
  switch (kind) {
    case 'unclaimed_certificate':
      return r.unclaimedCertificateMonths;
    case 'certificate_destruction_record':
      return r.destructionRecordMonths;
    case 'ats_consent':
      return r.atsConsentMonths;
    case 'access_arrangements_approval':
      return r.accessArrangementsApprovalMonths;
    case 'nea_work':
      return r.neaWorkUntilPostResultsDeadline;
    case 'script_despatch_proof':
      return r.scriptDespatchProofUntilResults;
    default:
      return r.centrePolicyKinds;
  }
}

function capitalised(words: string): string {
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** "a seating plan", "an enquiry consent": the indefinite article for a record kind's words. */
function withArticle(words: string): string {
  return `${/^[aeiou]/.test(words) ? 'an' : 'a'} ${words}`;
}
