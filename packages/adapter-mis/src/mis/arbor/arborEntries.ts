/**
 * Pushing examcycle's entries to Arbor as `CandidateRegistration`s (`candidate`, `qualificationAward`,
 * `qualificationAvailabilityInstance`). Arbor allows one registration of a candidate for an award in a
 * series, so that triple is the stable id an upsert looks up first (`filters.<property>.equals`, checked on
 * the answer): an entry already registered is `unchanged`, or `updated` when the caller's
 * `registrationFields` (for example Arbor's `entryStatus`, whose values are not public) differ; otherwise
 * it is created. Pushing the same entries again therefore changes nothing.
 *
 * - The candidate is the Arbor `Candidate` of the student whose id is the entry's `candidateId`.
 * - The award is the `QualificationAward` whose `awardIdentifier` is the entry code, from the awarding
 *   organisation whose `code`, `shortName` or `name` is the entry's awarding body id.
 * - The series is `availabilityInstance(entry)` when given, else the awarding organisation's
 *   `QualificationAvailabilityInstance` whose start and end dates hold the 15th of the series month.
 * - A withdrawn or rejected entry is not written unless `registrationFields` says how (Arbor withdraws
 *   through its own EDI flow); it is an issue. What cannot be resolved, and what Arbor refuses (HTTP 400 or
 *   422), is an issue for that entry; the other entries are still pushed.
 */
import { entrySchema, type Entry, type ExamcycleIssue } from '@examcycle/core';
import { misIssue } from '../misIssue.js';
import type { MisIssueCode, MisPush } from '../MisPort.js';
import { arborRefusal, arborRef, type ArborSession } from './arborClient.js';
import { arborCalendarDate, arborId, arborText, isArborRef, type ArborEntity } from './arborEntity.js';

/**
 * Extra properties written on a registration and kept in step with the entry (e.g. `{ entryStatus: '…' }`).
 *
 * @example
 * ```ts
 * const registrationFields: ArborRegistrationFields = (entry) => (entry.status === 'withdrawn' ? { entryStatus: 'WITHDRAWN' } : undefined);
 * const arbor = createArborMis({ baseUrl: 'https://example.uk.arbor.sc', username: 'app', password: 'secret', registrationFields });
 * ```
 */
export type ArborRegistrationFields = (entry: Entry) => Readonly<Record<string, string | number | boolean>> | undefined;

/** The caller's choices for pushing entries. */
export interface ArborEntriesContext {
  /** The `QualificationAvailabilityInstance` (id or href) of an entry's series; by default found from its dates. */
  readonly availabilityInstance?: (entry: Entry) => string | undefined;
  readonly registrationFields?: ArborRegistrationFields;
}

const MONTHS: Readonly<Record<string, number>> = { january: 1, march: 3, june: 6, november: 11 };

const hrefOf = (type: string, idOrHref: string): string => (idOrHref.startsWith('/') ? idOrHref : `${type}/${idOrHref}`);

/**
 * Upserts entries as Arbor candidate registrations.
 *
 * @param s - the Arbor session
 * @param entries - examcycle's entries
 * @param context - how to find the series and which extra fields to write
 * @internal
 */
export async function arborPushEntries(s: ArborSession, entries: readonly Entry[], context: ArborEntriesContext): Promise<MisPush> {
  const created: string[] = [];
  const updated: string[] = [];
  const unchanged: string[] = [];
  const issues: ExamcycleIssue<MisIssueCode>[] = [];
  const note = (entry: Entry, field: string, message: string, code: MisIssueCode = 'invalid_value', value?: string, severity: 'error' | 'warning' = 'error'): void => {
    issues.push(misIssue({ file: 'arbor:candidateRegistrations' }, code, severity, message, { field, ...(value === undefined ? {} : { value }), recordId: entry.id }));
  };

  let candidates: Map<string, string> | undefined;
  const candidateOf = async (studentId: string): Promise<string | undefined> => {
    if (candidates === undefined) {
      candidates = new Map();
      for (const c of await s.list('Candidate')) if (isArborRef(c['student']) && typeof c.href === 'string' && !candidates.has(arborId(c['student'].href))) candidates.set(arborId(c['student'].href), c.href);
    }
    return candidates.get(studentId);
  };
  const organisationMatches = async (ref: unknown, body: string): Promise<boolean> => {
    if (!isArborRef(ref)) return false;
    const ao = { ...ref, ...(await s.get(ref.href, 'AwardingOrganization')) };
    return ['code', 'shortName', 'name'].some((k) => arborText(ao[k])?.trim().toUpperCase() === body.toUpperCase());
  };
  const awards = new Map<string, Promise<ArborEntity[]>>();
  const instances = new Map<string, Promise<ArborEntity[]>>();

  for (const entry of entries) {
    const valid = entrySchema.safeParse(entry);
    if (!valid.success) {
      for (const problem of valid.error.issues) note(entry, problem.path.join('.'), problem.message);
      continue;
    }
    const fields = context.registrationFields?.(entry);
    if ((entry.status === 'withdrawn' || entry.status === 'rejected') && fields === undefined) {
      note(entry, 'status', `A ${entry.status} entry is not written to Arbor (it withdraws through its own EDI flow; its status values are not public): withdraw it in Arbor, or pass registrationFields`, 'invalid_value', entry.status);
      continue;
    }
    const candidate = await candidateOf(entry.candidateId);
    if (candidate === undefined) {
      note(entry, 'candidateId', `No Arbor candidate for student ${entry.candidateId}: make the student a candidate in Arbor first`, 'invalid_value', entry.candidateId);
      continue;
    }
    let found = awards.get(entry.entryCode);
    if (found === undefined) {
      found = s.list('QualificationAward', { 'awardIdentifier.equals': entry.entryCode });
      awards.set(entry.entryCode, found);
    }
    const matching: ArborEntity[] = [];
    for (const award of await found) if (arborText(award['awardIdentifier'])?.trim() === entry.entryCode && (await organisationMatches(award['awardingOrganization'], entry.awardingBodyId))) matching.push(award);
    const award = matching[0];
    if (award === undefined || matching.length > 1 || typeof award.href !== 'string') {
      note(entry, 'entryCode', matching.length > 1 ? `${matching.length} Arbor awards ${entry.entryCode} from ${entry.awardingBodyId}: cannot tell which` : `No Arbor award ${entry.entryCode} from ${entry.awardingBodyId}: load the basedata in Arbor first`, 'invalid_value', entry.entryCode);
      continue;
    }
    let instance = context.availabilityInstance?.(entry);
    if (instance === undefined) {
      const ao = award['awardingOrganization'];
      const [month, year] = entry.seriesId.split('-');
      const monthNumber = MONTHS[month ?? ''];
      if (isArborRef(ao) && monthNumber !== undefined && year !== undefined && /^\d{4}$/.test(year)) {
        const day = `${year}-${String(monthNumber).padStart(2, '0')}-15`;
        let listed = instances.get(ao.href);
        if (listed === undefined) {
          listed = s.list('QualificationAvailabilityInstance', { 'awardingOrganization.equals': ao.href });
          instances.set(ao.href, listed);
        }
        const holding = (await listed).filter((i) => {
          const start = arborCalendarDate(i['startDate'] ?? i['startDatetime']);
          const end = arborCalendarDate(i['endDate'] ?? i['endDatetime']);
          return start !== undefined && end !== undefined && start <= day && day <= end && typeof i.href === 'string';
        });
        if (holding.length === 1) instance = holding[0]!.href;
        else {
          note(entry, 'seriesId', `${holding.length === 0 ? 'No' : holding.length} Arbor availability instance(s) of ${entry.awardingBodyId} hold ${day}: pass availabilityInstance`, 'invalid_value', entry.seriesId);
          continue;
        }
      } else {
        note(entry, 'seriesId', `Cannot find the Arbor availability instance of series "${entry.seriesId}": pass availabilityInstance`, 'invalid_value', entry.seriesId);
        continue;
      }
    }
    const instanceHref = hrefOf('/rest-v2/qualification-availability-instances', instance!);
    const key = { candidate, qualificationAward: award.href, qualificationAvailabilityInstance: instanceHref };
    try {
      const existing = (await s.list('CandidateRegistration', { 'candidate.equals': key.candidate, 'qualificationAward.equals': key.qualificationAward, 'qualificationAvailabilityInstance.equals': key.qualificationAvailabilityInstance })).filter(
        (r) =>
          isArborRef(r['candidate']) && r['candidate'].href === key.candidate && isArborRef(r['qualificationAward']) && r['qualificationAward'].href === key.qualificationAward && isArborRef(r['qualificationAvailabilityInstance']) && r['qualificationAvailabilityInstance'].href === key.qualificationAvailabilityInstance,
      );
      const current = existing[0];
      if (existing.length > 1) note(entry, 'id', `Arbor holds ${existing.length} registrations for this candidate, award and series; the first (${current?.href ?? ''}) is kept in step`, 'invalid_value', undefined, 'warning');
      if (current === undefined) {
        await s.create('CandidateRegistration', {
          candidate: arborRef('Candidate', key.candidate),
          qualificationAward: arborRef('QualificationAward', key.qualificationAward),
          qualificationAvailabilityInstance: arborRef('QualificationAvailabilityInstance', key.qualificationAvailabilityInstance),
          ...fields,
        });
        created.push(entry.id);
        continue;
      }
      const diff = Object.fromEntries(Object.entries(fields ?? {}).filter(([k, v]) => current[k] !== v));
      if (Object.keys(diff).length === 0 || typeof current.href !== 'string') {
        unchanged.push(entry.id);
        continue;
      }
      await s.update(current.href, 'CandidateRegistration', diff);
      updated.push(entry.id);
    } catch (error) {
      const refusal = arborRefusal(error);
      if (refusal === undefined) throw error;
      note(entry, 'id', `Arbor refused the registration: ${refusal}`, 'invalid_value');
    }
  }
  return { created, updated, unchanged, issues };
}
