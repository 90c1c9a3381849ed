/**
 * Deciding the writes of a results store, once, for both stores. Who may make each write comes from the
 * rules pack's authorities (`results.<write>`, resolved into {@link RoleGrants} when the store opens; under
 * JCQ the exams office loads results, records a third party's authority, late cash-ins and an enquiry's
 * outcome, and only the head of centre nominates staff for restricted release day). With a staff directory,
 * a member's roles are the directory's, not the ones they claim. Each decision returns what to keep and the
 * audit line that records it, or a typed refusal with its audit line; the store keeps both together.
 */
import type { Actor, AuditLine } from '../audit/auditTrail.js';
import { resultSchema, type Result } from '../domain/result.js';
import { ExamcycleError, type ExamcycleErrorCode } from '../errors/ExamcycleError.js';
import type { ExamcycleIssue } from '../errors/ExamcycleIssue.js';
import { authorise, type ActorRole, type AuthorityDecision, type RoleGrants } from '../rules/authority.js';
import { isoInstant, toLondon, type Instant } from '../time/clock.js';
import { checkResultRow, type InstantMemo } from './checkResultRow.js';
import { RESULTS_RULE, type ResultsRefusal } from './decideResultsRead.js';
import type { ResultsContext } from './resultsContext.js';
import type { AppliedGradeChange, EnquiryGradeChange, LateCashInSubmission, Nomination, ThirdPartyAuthority } from './ResultsStore.js';

type Details = Record<string, string | number | boolean | null>;

/**
 * A write the store may keep: the value and its audit line.
 *
 * @internal
 * @example
 * ```ts
 * import type { ResultsContext } from './resultsContext.js';
 * declare const ctx: ResultsContext;
 * declare const grants: RoleGrants;
 * const at = '2026-08-13T09:00:00+01:00';
 * declare const request: unknown;
 * declare const nominations: Map<string, Nomination>;
 * declare function record(line: AuditLine): void;
 * const out = decideNomination(ctx, request, at, grants);
 * if (out.ok) { nominations.set(out.value.staffId, out.value); record(out.line); }
 * ```
 */
export interface ResultsWrite<T> {
  readonly ok: true;
  readonly value: T;
  readonly line: AuditLine;
}

function accepted<T>(value: T, line: Omit<AuditLine, 'from' | 'to' | 'outcome'>, phase = 'results'): ResultsWrite<T> {
  return { ok: true, value, line: { ...line, from: phase, to: phase, outcome: 'accepted' } };
}

function refused(code: ExamcycleErrorCode, reason: string, o: { event: string; at: Instant; by?: Actor; rule?: string; details: Details }): ResultsRefusal {
  return {
    ok: false,
    error: new ExamcycleError(code, reason, { ...(o.rule ? { rule: o.rule } : {}), details: o.details }),
    line: { at: o.at, ...(o.by ? { by: o.by } : {}), event: o.event, from: 'results', to: 'results', outcome: 'rejected', reason, code, ...(o.rule ? { rule: o.rule } : {}), details: o.details },
  };
}

function isActor(u: unknown): u is Actor {
  if (typeof u !== 'object' || u === null) return false;
  const a = u as { id?: unknown; role?: unknown };
  return typeof a.id === 'string' && a.id !== '' && (a.role === undefined || typeof a.role === 'string');
}

function str(u: unknown): string | null {
  return typeof u === 'string' ? u : u === undefined ? null : String(u);
}

/**
 * Whether an actor may make a write under the store's grants: in the roles the directory gives them when
 * the store has one (an unknown or inactive member has none), else in the role they act in.
 */
function authoriseWrite(ctx: ResultsContext, grants: RoleGrants, by: Actor, action: string): AuthorityDecision {
  const member = ctx.staffById && by.role !== 'system' ? ctx.staffById.get(by.id) : undefined;
  if (ctx.staffById && by.role !== 'system' && !member?.active) {
    const d = authorise(grants, { id: by.id }, action);
    return d.allowed ? d : { ...d, reason: `"${by.id}" is not an active member of staff in the directory; ${d.reason}` };
  }
  const roles: readonly (ActorRole | undefined)[] = member ? member.roles : [by.role];
  let refusal: AuthorityDecision | undefined;
  for (const role of roles.length ? roles : [undefined]) {
    const d = authorise(grants, role === undefined ? { id: by.id } : { id: by.id, role }, action);
    if (d.allowed) return d;
    refusal ??= d;
  }
  return refusal!;
}

/** Refuses a write by someone who may not make it (or by no identifiable actor), audited; `undefined` when they may. */
function notAuthorised(ctx: ResultsContext, grants: RoleGrants, event: string, by: unknown, at: Instant, details: Details): ResultsRefusal | undefined {
  if (!isActor(by)) return refused('not_authorised', 'The write names no identifiable actor', { event, at, rule: event, details });
  const d = authoriseWrite(ctx, grants, by, event);
  return d.allowed ? undefined : refused('not_authorised', d.reason, { event, at, by, rule: d.rule, details });
}

/**
 * Decides a nomination: whoever the pack lets nominate (`results.nominate`; the JCQ pack: the head of
 * centre, by the directory's roles when there is one) nominates an active member of TEACHING staff, with a
 * reason, for their own subjects, to read results on restricted release day (SecEd, seed 003: "those
 * teaching staff who, in the opinion of the head of centre, need to be aware of the information"). A nominee who is not a teacher, a nomination without a reason or without subjects,
 * or one naming a subject the centre does not have is refused as `invalid_value`. Whether the nomination
 * opens results early is the rules pack's decision at each read (JCQ pack: only where the centre opted
 * in), not the store's; while it is, the teacher reads their subjects' lines only.
 *
 * @internal
 * @param ctx - the store's context
 * @param request - `{ staffId, by, reason, subjects }`
 * @param at - now
 * @param grants - who may make each write (`results.nominate`)
 * @example
 * ```ts
 * import type { ResultsContext } from './resultsContext.js';
 * declare const ctx: ResultsContext;
 * declare const grants: RoleGrants;
 * const at = '2026-08-13T09:00:00+01:00';
 * const HEAD: Actor = { id: 'hoc-1', role: 'head_of_centre' };
 * decideNomination(ctx, { staffId: 'T-BIO', by: HEAD, reason: 'Head of biology', subjects: ['AQA-7402'] }, at, grants); // { ok: true, … }
 * ```
 */
export function decideNomination(ctx: ResultsContext, request: unknown, at: Instant, grants: RoleGrants): ResultsWrite<Nomination> | ResultsRefusal {
  const event = 'results.nominate';
  const r = (typeof request === 'object' && request !== null ? request : {}) as { staffId?: unknown; by?: unknown; reason?: unknown; subjects?: unknown };
  const staffId = str(r.staffId);
  const denied = notAuthorised(ctx, grants, event, r.by, at, { staffId });
  if (denied) return denied;
  const by = r.by as Actor;
  const member = typeof r.staffId === 'string' ? ctx.staffById?.get(r.staffId) : undefined;
  if (typeof r.staffId !== 'string' || r.staffId === '' || (ctx.staffById && !member?.active)) {
    return refused('invalid_value', `"${staffId ?? ''}" is not an active member of staff in the directory`, { event, at, by, rule: RESULTS_RULE.nomination, details: { staffId } });
  }
  const rule = RESULTS_RULE.nominateTeachingStaff;
  if (member && !member.roles.includes('teacher')) {
    return refused('invalid_value', `Only teaching staff are nominated to see results on restricted release day; "${r.staffId}" is not a teacher (${member.roles.join(', ')})`, { event, at, by, rule, details: { staffId } });
  }
  if (typeof r.reason !== 'string' || r.reason.trim() === '') {
    return refused('invalid_value', 'A nomination gives the head of centre\'s reason the teacher needs to see results before results day', { event, at, by, rule, details: { staffId } });
  }
  const subjects = r.subjects;
  if (!Array.isArray(subjects) || subjects.length === 0 || !subjects.every((x): x is string => typeof x === 'string' && x.trim() !== '')) {
    return refused('invalid_value', 'A nomination names the teacher\'s own subjects (qualification ids or option codes), at least one', { event, at, by, rule, details: { staffId } });
  }
  const unknown = subjects.find((x) => !ctx.knowsSubject(x));
  if (unknown !== undefined) {
    return refused('invalid_value', `"${unknown.slice(0, 60)}" is not a subject of this centre (a qualification id, option or component code)`, { event, at, by, rule, details: { staffId, subject: unknown.slice(0, 60) } });
  }
  const nomination: Nomination = { staffId: r.staffId, nominatedBy: by, at, reason: r.reason.trim(), subjects: [...new Set(subjects)] };
  return accepted(nomination, { at, by, event, rule: RESULTS_RULE.nomination, details: { staffId: r.staffId, reason: nomination.reason, subjects: nomination.subjects.join(',') } });
}

/**
 * Decides the withdrawal of a nomination (whoever the pack lets: `results.revokeNomination`).
 *
 * @internal
 * @param ctx - the store's context
 * @param request - `{ staffId, by }`
 * @param at - now
 * @param grants - who may make each write (`results.revokeNomination`)
 * @example
 * ```ts
 * import type { ResultsContext } from './resultsContext.js';
 * declare const ctx: ResultsContext;
 * declare const grants: RoleGrants;
 * const at = '2026-08-13T09:00:00+01:00';
 * const HEAD: Actor = { id: 'hoc-1', role: 'head_of_centre' };
 * decideRevocation(ctx, { staffId: 'T-BIO', by: HEAD }, at, grants).ok; // true
 * ```
 */
export function decideRevocation(ctx: ResultsContext, request: unknown, at: Instant, grants: RoleGrants): ResultsWrite<string> | ResultsRefusal {
  const event = 'results.revokeNomination';
  const r = (typeof request === 'object' && request !== null ? request : {}) as { staffId?: unknown; by?: unknown };
  const staffId = str(r.staffId);
  const denied = notAuthorised(ctx, grants, event, r.by, at, { staffId });
  if (denied) return denied;
  const by = r.by as Actor;
  if (typeof r.staffId !== 'string' || r.staffId === '') return refused('invalid_value', 'A nomination is withdrawn by staff id', { event, at, by, rule: RESULTS_RULE.nomination, details: { staffId } });
  return accepted(r.staffId, { at, by, event, rule: RESULTS_RULE.nomination, details: { staffId: r.staffId } });
}

/**
 * Decides the record of a candidate's written authority for a third party (`results.authoriseThirdParty`;
 * written, and signed no later than it is recorded).
 *
 * @internal
 * @param ctx - the store's context
 * @param request - `{ candidateId, thirdPartyId, written, signedAt, reference?, by }`
 * @param at - now
 * @param grants - who may make each write (`results.authoriseThirdParty`)
 * @example
 * ```ts
 * import type { ResultsContext } from './resultsContext.js';
 * declare const ctx: ResultsContext;
 * declare const grants: RoleGrants;
 * const at = '2026-08-13T09:00:00+01:00';
 * const EO: Actor = { id: 'eo-1', role: 'exams_officer' };
 * const signedAt = '2026-08-10T16:00:00+01:00';
 * decideAuthority(ctx, { candidateId: 'C-1', thirdPartyId: 'P-1', written: true, signedAt, by: EO }, at, grants).ok; // true
 * ```
 */
export function decideAuthority(ctx: ResultsContext, request: unknown, at: Instant, grants: RoleGrants): ResultsWrite<ThirdPartyAuthority> | ResultsRefusal {
  const event = 'results.authoriseThirdParty';
  const r = (typeof request === 'object' && request !== null ? request : {}) as Record<string, unknown>;
  const details = { candidateId: str(r['candidateId']), thirdPartyId: str(r['thirdPartyId']) };
  const denied = notAuthorised(ctx, grants, event, r['by'], at, details);
  if (denied) return denied;
  const by = r['by'] as Actor;
  const { candidateId, thirdPartyId, signedAt, reference } = r;
  if (typeof candidateId !== 'string' || candidateId === '' || typeof thirdPartyId !== 'string' || thirdPartyId === '') {
    return refused('invalid_value', 'An authority names the candidate and the third party', { event, at, by, rule: RESULTS_RULE.thirdPartyAuthority, details });
  }
  const signed = typeof signedAt === 'string' || typeof signedAt === 'number' ? toLondon(signedAt as Instant | number) : undefined;
  if (!signed?.isValid) return refused('invalid_value', 'The authority needs the instant it was signed', { event, at, by, rule: RESULTS_RULE.thirdPartyAuthority, details });
  if (r['written'] !== true || signed.toMillis() > toLondon(at).toMillis()) {
    const why = r['written'] !== true ? "A third party needs the candidate's written authority" : 'The authority is signed after it is recorded';
    return refused('consent_missing', why, { event, at, by, rule: RESULTS_RULE.thirdPartyAuthority, details });
  }
  const authority: ThirdPartyAuthority = { candidateId, thirdPartyId, signedAt: isoInstant(signed), ...(typeof reference === 'string' && reference ? { reference } : {}), recordedBy: by, recordedAt: at };
  return accepted(authority, { at, by, event, rule: RESULTS_RULE.thirdPartyAuthority, details: { candidateId, thirdPartyId } });
}

/**
 * Decides the record of a late cash-in submitted to the awarding body (`results.lateCashIn`): the candidate,
 * the awarding body and the option code, and when it was submitted (no later than it is recorded).
 *
 * @internal
 * @param ctx - the store's context
 * @param request - `{ candidateId, awardingBodyId, entryCode, submittedAt, reference?, by }`
 * @param at - now
 * @param grants - who may make each write (`results.lateCashIn`)
 * @example
 * ```ts
 * import type { ResultsContext } from './resultsContext.js';
 * declare const ctx: ResultsContext;
 * declare const grants: RoleGrants;
 * const at = '2026-08-13T09:00:00+01:00';
 * const EO: Actor = { id: 'eo-1', role: 'exams_officer' };
 * const submittedAt = '2026-08-12T12:00:00+01:00';
 * decideLateCashIn(ctx, { candidateId: 'C-2', awardingBodyId: 'AQA', entryCode: '8300H', submittedAt, by: EO }, at, grants).ok; // true
 * ```
 */
export function decideLateCashIn(ctx: ResultsContext, request: unknown, at: Instant, grants: RoleGrants): ResultsWrite<LateCashInSubmission> | ResultsRefusal {
  const event = 'results.lateCashIn';
  const rule = 'examcycle.results.late-cash-in-recorded';
  const r = (typeof request === 'object' && request !== null ? request : {}) as Record<string, unknown>;
  const details = { candidateId: str(r['candidateId']), awardingBodyId: str(r['awardingBodyId']), entryCode: str(r['entryCode']) };
  const denied = notAuthorised(ctx, grants, event, r['by'], at, details);
  if (denied) return denied;
  const by = r['by'] as Actor;
  const { candidateId, awardingBodyId, entryCode, submittedAt, reference } = r;
  if ([candidateId, awardingBodyId, entryCode].some((x) => typeof x !== 'string' || x.trim() === '')) {
    return refused('invalid_value', 'A late cash-in names the candidate, the awarding body and the option code', { event, at, by, rule, details });
  }
  const submitted = typeof submittedAt === 'string' || typeof submittedAt === 'number' ? toLondon(submittedAt as Instant | number) : undefined;
  if (!submitted?.isValid) return refused('invalid_value', 'A late cash-in needs the instant it was submitted', { event, at, by, rule, details });
  if (submitted.toMillis() > toLondon(at).toMillis()) return refused('invalid_value', 'A late cash-in is recorded after it is submitted, not before', { event, at, by, rule, details });
  if (reference !== undefined && typeof reference !== 'string') return refused('invalid_value', 'The awarding body\'s reference is text', { event, at, by, rule, details });
  const value: LateCashInSubmission = {
    candidateId: candidateId as string,
    awardingBodyId: awardingBodyId as string,
    entryCode: entryCode as string,
    submittedAt: isoInstant(submitted),
    ...(typeof reference === 'string' && reference ? { reference } : {}),
    recordedBy: by,
    recordedAt: at,
  };
  return accepted(value, { at, by, event, rule, details: { ...details, submittedAt: value.submittedAt } });
}

/**
 * The key of a late cash-in record: candidate, awarding body and option.
 *
 * @internal
 * @param c - the submission
 * @example
 * ```ts
 * lateCashInKey({ candidateId: 'C-2', awardingBodyId: 'AQA', entryCode: '8300H' }); // 'C-2/AQA/8300H'
 * ```
 */
export function lateCashInKey(c: Pick<LateCashInSubmission, 'candidateId' | 'awardingBodyId' | 'entryCode'>): string {
  return [c.candidateId, c.awardingBodyId, c.entryCode].map(encodeURIComponent).join('/');
}

/**
 * Results that passed validation, with the issues of those that did not.
 *
 * @internal
 * @example
 * ```ts
 * import type { ResultsContext } from './resultsContext.js';
 * declare const ctx: ResultsContext;
 * declare const grants: RoleGrants;
 * const at = '2026-08-13T09:00:00+01:00';
 * const EO: Actor = { id: 'eo-1', role: 'exams_officer' };
 * declare const rows: unknown[];
 * const checked = checkResults(ctx, rows, EO, 'a2c.edi', at, grants);
 * if (checked.ok) checked.value.results.length;
 * ```
 */
export interface CheckedResults {
  readonly results: readonly Result[];
  readonly issues: readonly ExamcycleIssue<'invalid_value'>[];
  readonly by: Actor;
}

/**
 * Validates results from an adapter against the domain schema and the store's series (`results.received`).
 * Invalid results are issues with where they were; they are reported, not thrown.
 *
 * @internal
 * @param ctx - the store's context
 * @param input - the raw results
 * @param by - who loads them
 * @param source - the file or feed, for issues
 * @param at - now
 * @param grants - who may make each write (`results.received`)
 * @example
 * ```ts
 * import type { ResultsContext } from './resultsContext.js';
 * declare const ctx: ResultsContext;
 * declare const grants: RoleGrants;
 * const at = '2026-08-13T09:00:00+01:00';
 * const EO: Actor = { id: 'eo-1', role: 'exams_officer' };
 * declare const rows: unknown[];
 * const checked = checkResults(ctx, rows, EO, 'a2c.edi', at, grants);
 * if (checked.ok) checked.value.issues.length; // 0
 * ```
 */
export function checkResults(ctx: ResultsContext, input: unknown, by: unknown, source: string, at: Instant, grants: RoleGrants): ResultsWrite<CheckedResults> | ResultsRefusal {
  const event = 'results.received';
  const rows = Array.isArray(input) ? (input as unknown[]) : undefined;
  const denied = notAuthorised(ctx, grants, event, by, at, { count: rows?.length ?? 0 });
  if (denied || !isActor(by)) return denied!;
  if (!rows) return refused('invalid_value', 'Results are loaded as an array', { event, at, by, details: { source } });
  const issues: ExamcycleIssue<'invalid_value'>[] = [];
  const results: Result[] = [];
  const instants: InstantMemo = new Map();
  rows.forEach((raw, index) => {
    // The plainly valid row (the usual one) is checked without zod; any other goes to zod, which says what is wrong.
    let r = checkResultRow(raw, instants);
    if (r === undefined) {
      const parsed = resultSchema.safeParse(raw);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
          const field = path.join('.');
          const value = issue.path.reduce<unknown>((v, p) => (v && typeof v === 'object' && Object.hasOwn(v, p) ? (v as Record<PropertyKey, unknown>)[p as PropertyKey] : undefined), raw);
          const id = raw && typeof raw === 'object' && typeof (raw as { id?: unknown }).id === 'string' ? (raw as { id: string }).id : undefined;
          issues.push({
            code: 'invalid_value',
            severity: 'error',
            message: issue.message,
            location: { file: source, path: [index, ...path], ...(field ? { field } : {}), ...(value === undefined ? {} : { value: String(value) }) },
            ...(id === undefined ? {} : { subject: { recordId: id } }),
          });
        }
        return;
      }
      r = parsed.data;
    }
    if (r.seriesId !== ctx.series.id) {
      issues.push({
        code: 'invalid_value',
        severity: 'error',
        message: `Result ${r.id} is for ${r.seriesId}, not ${ctx.series.id}`,
        location: { file: source, path: [index, 'seriesId'], field: 'seriesId', value: r.seriesId },
        subject: { recordId: r.id, candidateId: r.candidateId },
      });
      return;
    }
    results.push(r);
  });
  return accepted({ results, issues, by }, { at, by, event, details: { source } });
}

/**
 * The audit line of a load of results: how many were added and replaced, and how many were refused.
 *
 * @internal
 * @param checked - the checked results
 * @param at - now
 * @param source - the file or feed
 * @param counts - added and replaced
 * @example
 * ```ts
 * declare const checked: CheckedResults;
 * const at = '2026-08-13T09:00:00+01:00';
 * resultsReceivedLine(checked, at, 'a2c.edi', { added: 3, replaced: 1 });
 * ```
 */
export function resultsReceivedLine(checked: CheckedResults, at: Instant, source: string, counts: { readonly added: number; readonly replaced: number }): AuditLine {
  return { at, by: checked.by, event: 'results.received', from: 'results', to: 'results', outcome: 'accepted', details: { source, added: counts.added, replaced: counts.replaced, issues: checked.issues.length } };
}

/**
 * A grade change checked for shape and authority, before its target is looked up.
 *
 * @internal
 * @example
 * ```ts
 * import type { ResultsContext } from './resultsContext.js';
 * declare const ctx: ResultsContext;
 * declare const grants: RoleGrants;
 * const at = '2026-08-13T09:00:00+01:00';
 * const EO: Actor = { id: 'eo-1', role: 'exams_officer' };
 * declare const change: unknown;
 * const checked = checkGradeChange(ctx, change, EO, at, grants);
 * if (checked.ok) checked.value.change.enquiryId;
 * ```
 */
export interface CheckedGradeChange {
  readonly change: EnquiryGradeChange;
  readonly by: Actor;
  readonly details: Details;
}

/**
 * Checks an enquiry outcome before the store looks up the result it changes (`results.gradeChanged`).
 *
 * @internal
 * @param ctx - the store's context
 * @param change - the grade change
 * @param by - who applies it
 * @param at - now
 * @param grants - who may make each write (`results.gradeChanged`)
 * @example
 * ```ts
 * import type { ResultsContext } from './resultsContext.js';
 * declare const ctx: ResultsContext;
 * declare const grants: RoleGrants;
 * declare const change: unknown;
 * const EO: Actor = { id: 'eo-1', role: 'exams_officer' };
 * const checked = checkGradeChange(ctx, change, EO, '2026-09-20T09:00:00+01:00', grants);
 * ```
 */
export function checkGradeChange(ctx: ResultsContext, change: unknown, by: unknown, at: Instant, grants: RoleGrants): ResultsWrite<CheckedGradeChange> | ResultsRefusal {
  const event = 'results.gradeChanged';
  const c = (typeof change === 'object' && change !== null ? change : {}) as Record<string, unknown>;
  const details = { enquiryId: str(c['enquiryId']), candidateId: str(c['candidateId']), awardCode: str(c['awardCode']), from: str(c['from']), to: str(c['to']) };
  const denied = notAuthorised(ctx, grants, event, by, at, details);
  if (denied || !isActor(by)) return denied!;
  const strings = ['enquiryId', 'candidateId', 'seriesId', 'awardingBodyId', 'awardCode', 'from', 'to'] as const;
  if (strings.some((k) => typeof c[k] !== 'string') || (c['resultId'] !== undefined && typeof c['resultId'] !== 'string') || (c['mark'] !== undefined && typeof c['mark'] !== 'number')) {
    return refused('invalid_value', 'The enquiry outcome is incomplete', { event, at, by, details });
  }
  if (c['seriesId'] !== ctx.series.id) return refused('invalid_value', `The enquiry is about ${String(c['seriesId'])}, not ${ctx.series.id}`, { event, at, by, details });
  return accepted({ change: change as EnquiryGradeChange, by, details }, { at, by, event, details });
}

/**
 * Whether a result is the one an enquiry outcome names (its id, or the candidate's qualification result for the award).
 *
 * @internal
 * @param change - the grade change
 * @param r - a result of the candidate
 * @example
 * ```ts
 * declare const results: Result[];
 * declare const change: EnquiryGradeChange;
 * results.find((r) => isGradeChangeTarget(change, r));
 * ```
 */
export function isGradeChangeTarget(change: EnquiryGradeChange, r: Result): boolean {
  if (change.resultId) return r.id === change.resultId;
  return r.kind === 'qualification' && r.candidateId === change.candidateId && r.awardingBodyId === change.awardingBodyId && r.awardCode === change.awardCode && r.seriesId === change.seriesId;
}

/**
 * Decides an enquiry outcome once its target is found: the result must exist, the enquiry must not be
 * applied already, and the result's grade must be the one the enquiry changed.
 *
 * @internal
 * @param ctx - the store's context
 * @param checked - the checked change
 * @param target - the result it changes, if found
 * @param alreadyApplied - whether this enquiry's outcome was applied before
 * @param at - now
 * @example
 * ```ts
 * import type { ResultsContext } from './resultsContext.js';
 * declare const ctx: ResultsContext;
 * declare const checked: CheckedGradeChange;
 * declare const target: Result;
 * const at = '2026-09-20T09:00:00+01:00';
 * const out = decideGradeChange(ctx, checked, target, false, at);
 * if (out.ok) out.value.updated.grade; // 'A'
 * ```
 */
export function decideGradeChange(
  ctx: ResultsContext,
  checked: CheckedGradeChange,
  target: Result | undefined,
  alreadyApplied: boolean,
  at: Instant,
): ResultsWrite<{ readonly applied: AppliedGradeChange; readonly updated: Result }> | ResultsRefusal {
  const event = 'results.gradeChanged';
  const { change, by, details } = checked;
  const fail = (why: string) => refused('invalid_value', why, { event, at, by, details });
  if (!target) return fail(`No result of ${change.candidateId} for ${change.awardCode} to change`);
  if (alreadyApplied) return fail(`The outcome of enquiry ${change.enquiryId} was applied already`);
  if (target.grade.trim() !== change.from.trim()) return fail(`The result's grade is "${target.grade}", not "${change.from}" as the enquiry says`);
  const updated: Result = { ...target, grade: change.to, ...(change.mark !== undefined ? { mark: change.mark } : {}) };
  const applied: AppliedGradeChange = { ...change, resultId: target.id, appliedAt: at, appliedBy: by };
  return accepted({ applied, updated }, { at, by, event, details: { ...details, resultId: target.id, direction: change.direction } }, ctx.phaseAt(target.level, at));
}
