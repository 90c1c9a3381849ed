/**
 * Decides whether a read of results is allowed at an instant, and from when it would be. JCQ's
 * confidentiality rules: the head of centre and exams office staff from restricted release (00:01 the
 * day before results day); no other teacher before results day by default (JCQ: results "cannot be
 * divulged to or discussed with other teachers"; AQA: only exams office staff and the head of centre on
 * restricted release day). A centre may opt in, through its overlay, to staff its head of centre
 * nominates reading from restricted release: that rests on SecEd alone, so each read it allows is
 * decided by the rule `centre.results.nominated-staff-opt-in`, covers teaching staff only (SecEd: "those
 * teaching staff who, in the opinion of the head of centre, need to be aware"), names SecEd as its source and is
 * `secondary`, which core's results store writes to the audit trail. Every other member of staff reads
 * from 08:00 on results day (AQA: results, data and reports are shared with staff on the results day,
 * not on restricted release day; the 08:00 is the pack's reading); candidates and parents from 08:00; the press and local authorities from 09:30. A read before
 * its instant is denied and named as a malpractice risk.
 */
import {
  ExamcycleError,
  instantToMillis,
  type Confidence,
  type KeyDate,
  type QualificationLevel,
  type ResultsAccessDecision,
  type ResultsAccessRequest,
  type SourceRef,
  type StaffRole,
} from '@examcycle/core';
import type { Edition, ResultsDay } from '../editions/Edition.js';
import { weakestConfidence } from './weakestConfidence.js';

/** The inputs a results-access decision reads. */
export interface ResultsAccessContext {
  readonly edition: Edition;
  readonly keyDates: readonly KeyDate[];
  readonly resultsDays: readonly ResultsDay[];
  /**
   * Whether staff the head of centre nominates may read on restricted release day: only when the
   * centre's overlay opts in (`results.allowNominatedStaff: true`); the edition's default is off.
   */
  readonly allowNominatedStaff: boolean;
}

const EXAMS_OFFICE: readonly StaffRole[] = ['head_of_centre', 'exams_officer', 'exams_office_staff'];

function resultsDayFor(days: readonly ResultsDay[], level: QualificationLevel): ResultsDay | undefined {
  return days.find((d) => d.levels === 'all' || d.levels.includes(level));
}

interface Grant {
  readonly rule: string;
  readonly kind: 'restricted_release' | 'release_to_candidates' | 'release_to_press';
  readonly who: string;
  readonly source?: SourceRef;
  readonly confidence?: Confidence;
  readonly note: string;
}

function grantFor(request: ResultsAccessRequest, ctx: ResultsAccessContext): Grant {
  const rules = ctx.edition.rules.results;
  switch (request.audience) {
    case 'centre_staff': {
      const role = request.role;
      const officeRole = role !== undefined && EXAMS_OFFICE.includes(role) ? role : undefined;
      if (officeRole !== undefined) {
        return {
          rule: 'jcq.results.restricted-release',
          kind: 'restricted_release',
          who: `the ${officeRole.replaceAll('_', ' ')}`,
          note: 'the head of centre and exams office staff may check results from restricted release',
        };
      }
      // SecEd (seed 003) opens restricted release to "those teaching staff who, in the opinion of the head of
      // centre, need to be aware": a nomination counts for teaching staff only.
      const teaching = role === 'teacher';
      if (request.nominatedByHeadOfCentre === true && ctx.allowNominatedStaff && teaching) {
        const optIn = rules.centreNominationOptIn;
        return {
          rule: 'centre.results.nominated-staff-opt-in',
          kind: 'restricted_release',
          who: 'staff nominated by the head of centre',
          source: optIn.source,
          confidence: optIn.confidence,
          note: `allowed only because this centre opted in to nominated staff reading on restricted release day; the one source for that is ${optIn.source.document} (${optIn.confidence}), while JCQ and AQA allow only the head of centre and exams office staff`,
        };
      }
      return {
        rule: 'jcq.results.staff-on-results-day',
        kind: 'release_to_candidates',
        who:
          request.nominatedByHeadOfCentre !== true
            ? 'other centre staff'
            : !ctx.allowNominatedStaff
              ? 'staff nominated by the head of centre (JCQ and AQA keep restricted release to the head of centre and exams office staff; this centre has not opted in)'
              : 'non-teaching staff nominated by the head of centre (the opt-in covers teaching staff only: SecEd, "those teaching staff who … need to be aware")',
        source: rules.staffOnResultsDay.source,
        confidence: rules.staffOnResultsDay.confidence,
        note: 'results, data and reports are shared with centre staff on the results day, not on restricted release day',
      };
    }
    case 'candidate':
      return { rule: 'jcq.results.release-to-candidates', kind: 'release_to_candidates', who: 'candidates', note: 'candidates receive results from 08:00 on results day' };
    case 'parent':
      return {
        rule: 'jcq.results.release-to-candidates',
        kind: 'release_to_candidates',
        who: 'parents and carers',
        note: 'parents receive results through the candidate, from 08:00 on results day; collecting them needs the candidate\'s written authority',
      };
    case 'press':
    case 'local_authority':
      return {
        rule: 'jcq.results.release-to-press',
        kind: 'release_to_press',
        who: request.audience === 'press' ? 'the press' : 'local authorities',
        note: 'results data may go to the press and local authorities from 09:30 on results day',
      };
    case 'other_institution':
      return {
        rule: 'jcq.results.other-institutions',
        kind: 'release_to_candidates',
        who: 'other educational institutions',
        source: rules.otherInstitutions.source,
        confidence: rules.otherInstitutions.confidence,
        note: 'results stay confidential from other educational institutions until they are released to candidates',
      };
  }
}

/** A series' key dates by id with their instants in epoch ms, built once per frozen key-date list (the pack's are). */
const KEY_DATES_BY_ID = /* @__PURE__ */ new WeakMap<readonly KeyDate[], Map<string, KeyDate & { readonly ms: number }>>();

function keyDateById(keyDates: readonly KeyDate[], id: string): (KeyDate & { readonly ms: number }) | undefined {
  if (!Object.isFrozen(keyDates)) {
    // A list the caller may still change is searched every time.
    const k = keyDates.find((x) => x.id === id);
    return k === undefined ? undefined : { ...k, ms: instantToMillis(k.at) };
  }
  let byId = KEY_DATES_BY_ID.get(keyDates);
  if (byId === undefined) {
    byId = new Map();
    // The first key date with an id wins, as `find` did.
    for (const k of keyDates) if (!byId.has(k.id)) byId.set(k.id, { ...k, ms: instantToMillis(k.at) });
    KEY_DATES_BY_ID.set(keyDates, byId);
  }
  return byId.get(id);
}

/**
 * Decides a results-access request.
 *
 * @param request - who reads, when, which series and level
 * @param ctx - the edition, the series' key dates and the centre's choice on nominated staff
 * @throws ExamcycleError `unknown_series` when the pack knows no JCQ release instant for that series and level
 * @example
 * ```ts
 * declare const ctx: Parameters<typeof decideResultsAccess>[1];
 * decideResultsAccess({ audience: 'candidate', at: '2026-08-20T07:59:00+01:00', series: examSeries('june', 2026), level: 'GCSE' }, ctx).allowed; // false
 * ```
 */
export function decideResultsAccess(request: ResultsAccessRequest, ctx: ResultsAccessContext): ResultsAccessDecision {
  const day = resultsDayFor(ctx.resultsDays, request.level);
  if (day === undefined || !day.jcqRelease) {
    throw new ExamcycleError(
      'unknown_series',
      day === undefined
        ? `The pack knows no ${request.level} results day for ${request.series.id}`
        : `JCQ's publication-of-results arrangements do not cover the ${request.series.id} results day; the pack cannot say when ${request.level} results may be read`,
      { details: { seriesId: request.series.id, level: request.level } },
    );
  }
  const grant = grantFor(request, ctx);
  const qualifier = day.key === 'all' ? '' : `/${day.key}`;
  const opens = keyDateById(ctx.keyDates, `${request.series.id}/${grant.kind}${qualifier}`);
  if (opens === undefined) {
    throw new ExamcycleError('unknown_series', `The ${request.series.id} series has no ${grant.kind.replaceAll('_', ' ')} for ${request.level}`, {
      details: { seriesId: request.series.id, level: request.level },
    });
  }
  const allowed = instantToMillis(request.at) >= opens.ms;
  const source = grant.source ?? opens.source;
  const confidence = weakestConfidence(opens.confidence, grant.confidence ?? 'primary');
  const reason = allowed
    ? `Allowed: ${grant.who} may read ${request.level} results for ${request.series.id} from ${opens.at} (${grant.note}).`
    : `Denied: ${grant.who} may not read ${request.level} results for ${request.series.id} until ${opens.at} (${grant.note}). Reading or sharing them earlier breaks JCQ results confidentiality and is a malpractice risk.`;
  return { allowed, rule: grant.rule, reason, allowedFrom: opens.at, malpracticeRisk: !allowed, source, confidence };
}
