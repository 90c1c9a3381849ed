/**
 * The Arbor mapping of the MIS port, over Arbor's REST API (`/rest-v2`, HTTP Basic with the app's
 * credentials) and its exams model, as the official PHP SDK names it: `Candidate` (student, candidate
 * number), `UkJcq_UciAssignment` and `UkDfe_UpnAssignment` (a student's UCI and UPN over time), `Student`
 * (ULN) and `Person` (legal names, date of birth, gender) for candidates; `QualificationResult` (grade,
 * endorsement, numeric value) with its `CandidateRegistration` and `QualificationAward` (award identifier)
 * for results. Related objects are fetched by their `href` once each. Listings page with `page` and
 * `page-size` until a short page. Arbor's deltas (its change log) are not used: pulls are complete
 * snapshots. Pushing entries and seating, staff, rooms and access arrangements are not mapped yet.
 */
import { ExamcycleError, isValidUci, isValidUln, isValidUpn, type ExamClock } from '@examcycle/core';
import { createMisHttp, type MisFetch } from '../misHttp.js';
import { misUnsupported, type MisCandidate, type MisIssue, type MisOperation, type MisPort, type MisResult } from '../MisPort.js';
import { arborCalendarDate, arborId, arborInstant, isArborRef, type ArborEntity } from './arborEntity.js';

/** Options for {@link createArborMis}. */
export interface ArborMisOptions {
  /** The school's Arbor host, e.g. `https://example.uk.arbor.sc`. */
  readonly baseUrl: string;
  /** The application's API user. */
  readonly username: string;
  readonly password: string;
  /**
   * A fetch-compatible transport.
   * @default globalThis.fetch
   */
  readonly fetch?: MisFetch;
  /** With a clock, Retry-After on 429 is waited out and retried. */
  readonly clock?: ExamClock;
  /**
   * Records per listing page.
   * @default 100
   */
  readonly pageSize?: number;
  /**
   * A guard against a listing that never ends.
   * @default 1000
   */
  readonly maxPages?: number;
}

/** Listing paths and their JSON roots (module resources by the SDK's naming rule: `UkJcq_UciAssignment` → `uk-jcq_uci-assignments`). */
const PATHS = {
  candidates: ['/rest-v2/candidates', 'candidates'],
  uciAssignments: ['/rest-v2/uk-jcq_uci-assignments', 'ukJcq_UciAssignments'],
  upnAssignments: ['/rest-v2/uk-dfe_upn-assignments', 'ukDfe_UpnAssignments'],
  qualificationResults: ['/rest-v2/qualification-results', 'qualificationResults'],
} as const;

function base64(text: string): string {
  const bytes = new TextEncoder().encode(text);
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

function str(value: unknown): string | undefined {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return undefined;
}

function gradeText(grade: ArborEntity): string | undefined {
  return str(grade['shortName']) ?? str(grade['gradeLetter']) ?? str(grade['code']) ?? str(grade['displayName']);
}

/**
 * Creates the Arbor MIS.
 *
 * @param options - the school's host, API credentials, transport
 * @example
 * ```ts
 * const arbor = createArborMis({ baseUrl: 'https://example.uk.arbor.sc', username: 'app', password: secret });
 * const { records, issues } = await arbor.pullCandidates();
 * ```
 */
export function createArborMis(options: ArborMisOptions): MisPort {
  const { baseUrl, username, password, pageSize = 100, maxPages = 1000 } = options;
  const root = baseUrl.replace(/\/+$/, '');
  const http = createMisHttp({
    headers: { Authorization: `Basic ${base64(`${username}:${password}`)}` },
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
  const urlOf = (href: string): string => (/^https?:\/\//.test(href) ? href : `${root}${href.startsWith('/') ? '' : '/'}${href}`);

  const list = async (path: string, key: string): Promise<ArborEntity[]> => {
    const all: ArborEntity[] = [];
    for (let page = 1; ; page += 1) {
      const url = `${root}${path}?page=${page}&page-size=${pageSize}`;
      if (page > maxPages) throw new ExamcycleError('malformed_response', `Arbor listing ${path} does not end`, { location: { file: url } });
      const body = await http.getJson(url);
      const items = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[key] : undefined;
      if (!Array.isArray(items)) throw new ExamcycleError('malformed_response', `Arbor ${path} did not return a "${key}" list`, { location: { file: url, field: key } });
      for (const [i, item] of items.entries()) {
        if (typeof item !== 'object' || item === null) throw new ExamcycleError('malformed_response', `Arbor ${path} item ${i} is not an object`, { location: { file: url, field: `${key}[${i}]` } });
        all.push(item as ArborEntity);
      }
      if (items.length < pageSize) return all;
    }
  };

  const cache = new Map<string, Promise<ArborEntity>>();
  const get = (href: string, key: string): Promise<ArborEntity> => {
    const cached = cache.get(href);
    if (cached) return cached;
    const loaded = http.getJson(urlOf(href)).then((body) => {
      const item = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)[key] : undefined;
      if (typeof item !== 'object' || item === null) throw new ExamcycleError('malformed_response', `Arbor ${href} did not return a "${key}" object`, { location: { file: urlOf(href), field: key } });
      return item as ArborEntity;
    });
    cache.set(href, loaded);
    loaded.catch(() => cache.delete(href));
    return loaded;
  };

  const currentByStudent = (items: readonly ArborEntity[], valueKey: string, endKey: string, startKey: string): Map<string, string> => {
    const best = new Map<string, { value: string; start: string }>();
    for (const item of items) {
      if (!isArborRef(item['student'])) continue;
      if (item[endKey] !== undefined && item[endKey] !== null) continue;
      const value = str(item[valueKey]);
      if (value === undefined) continue;
      const start = arborInstant(item[startKey]) ?? '';
      const student = item['student'].href;
      const prev = best.get(student);
      if (prev === undefined || start > prev.start) best.set(student, { value: value.trim(), start });
    }
    return new Map([...best].map(([k, v]) => [k, v.value]));
  };

  const none = (op: MisOperation): Promise<never> => misUnsupported('arbor', op, 'not mapped in this adapter yet');

  return {
    name: 'arbor',
    supports: new Set<MisOperation>(['pullCandidates', 'pullResults']),
    async pullCandidates() {
      const candidates = await list(...PATHS.candidates);
      const ucis = currentByStudent(await list(...PATHS.uciAssignments), 'uci', 'cancelledDatetime', 'issuedDatetime');
      const upns = currentByStudent(await list(...PATHS.upnAssignments), 'upn', 'endDatetime', 'startDatetime');
      const records: MisCandidate[] = [];
      const issues: MisIssue[] = [];
      const seen = new Map<string, string>();
      for (const [i, c] of candidates.entries()) {
        const where = `arbor:${c.href ?? `candidates[${i}]`}`;
        const note = (field: string, message: string, code: MisIssue['code'], value?: string, recordId?: string): void => {
          issues.push({ where, ...(recordId === undefined ? {} : { recordId }), field, ...(value === undefined ? {} : { value }), code, message });
        };
        if (!isArborRef(c['student'])) {
          note('student', 'The candidate has no student reference', 'malformed_response');
          continue;
        }
        const studentHref = c['student'].href;
        const id = arborId(studentHref);
        const student = await get(studentHref, 'student');
        if (!isArborRef(student['person'])) {
          note('student.person', 'The student has no person reference', 'malformed_response', undefined, id);
          continue;
        }
        const person = await get(student['person'].href, 'person');
        const surname = str(person['legalLastName'])?.trim();
        if (!surname) {
          note('person.legalLastName', 'No legal last name: the student cannot be a candidate', 'invalid_value', undefined, id);
          continue;
        }
        const first = str(person['legalFirstName'])?.trim() ?? '';
        const middle = str(person['legalMiddleNames'])?.trim() ?? '';
        const preferred = str(person['preferredFirstName'])?.trim();
        const dob = arborCalendarDate(person['dateOfBirth']);
        if (person['dateOfBirth'] !== undefined && person['dateOfBirth'] !== null && dob === undefined) note('person.dateOfBirth', 'Unreadable date of birth', 'malformed_response', JSON.stringify(person['dateOfBirth']), id);
        const genderRaw = person['gender'];
        const gender = (typeof genderRaw === 'object' && genderRaw !== null ? str((genderRaw as ArborEntity)['code']) ?? str((genderRaw as ArborEntity)['displayName']) : str(genderRaw))?.toUpperCase();
        const sex = gender === 'F' || gender === 'FEMALE' ? 'F' : gender === 'M' || gender === 'MALE' ? 'M' : undefined;
        if (gender !== undefined && sex === undefined) note('person.gender', `Gender "${gender}" has no EDI sex code (M/F): left blank`, 'invalid_value', gender, id);
        const numberRaw = str(c['candidateNumber']);
        let candidateNumber: string | undefined;
        if (numberRaw !== undefined) {
          const padded = numberRaw.padStart(4, '0');
          if (/^\d{4}$/.test(padded) && padded !== '0000') candidateNumber = padded;
          else note('candidateNumber', `Candidate number "${numberRaw}" is not 1–9999`, 'invalid_value', numberRaw, id);
        }
        const checked = (field: string, value: string | undefined, valid: (v: string) => boolean, label: string): Record<string, string> => {
          if (value === undefined || value === '') return {};
          if (valid(value)) return { [field]: value };
          note(field, `${label} "${value}" fails its check character: not taken`, 'bad_check_character', value, id);
          return {};
        };
        const earlier = seen.get(id);
        if (earlier !== undefined) {
          note('student', `A second candidate record for student ${id} (first: ${earlier}); the first is kept`, 'invalid_value', c.href, id);
          continue;
        }
        seen.set(id, c.href ?? where);
        records.push({
          id,
          ...checked('uci', ucis.get(studentHref), isValidUci, 'UCI'),
          ...checked('upn', upns.get(studentHref), isValidUpn, 'UPN'),
          ...checked('uln', str(student['uniqueLearnerNumber'])?.trim(), isValidUln, 'ULN'),
          ...(candidateNumber === undefined ? {} : { candidateNumber }),
          legalSurname: surname,
          legalForenames: [first, middle].filter((x) => x !== '').join(' '),
          ...(preferred && preferred !== first ? { preferredName: preferred } : {}),
          ...(dob === undefined ? {} : { dateOfBirth: dob }),
          ...(sex === undefined ? {} : { sex }),
        });
      }
      return { records, deletedIds: [], issues, complete: true };
    },
    async pullResults() {
      const items = await list(...PATHS.qualificationResults);
      const records: MisResult[] = [];
      const issues: MisIssue[] = [];
      for (const [i, r] of items.entries()) {
        const where = `arbor:${r.href ?? `qualificationResults[${i}]`}`;
        const id = r.href === undefined ? undefined : arborId(r.href);
        if (id === undefined || !isArborRef(r['student'])) {
          issues.push({ where, field: id === undefined ? 'href' : 'student', code: 'malformed_response', message: 'A qualification result needs its href and a student reference' });
          continue;
        }
        const gradeOf = async (value: unknown): Promise<string | undefined> => {
          if (!isArborRef(value)) return undefined;
          return gradeText(value) ?? gradeText(await get(value.href, 'qualificationGrade'));
        };
        const grade = await gradeOf(r['qualificationGrade']);
        const endorsement = await gradeOf(r['endorsementGrade']);
        let awardCode: string | undefined;
        if (isArborRef(r['candidateRegistration'])) {
          const registration = await get(r['candidateRegistration'].href, 'candidateRegistration');
          if (isArborRef(registration['qualificationAward'])) {
            const award = await get(registration['qualificationAward'].href, 'qualificationAward');
            awardCode = str(award['awardIdentifier'])?.trim();
          }
        }
        if (awardCode === undefined) issues.push({ where, recordId: id, field: 'candidateRegistration.qualificationAward.awardIdentifier', code: 'invalid_value', message: 'The result\'s award code could not be found (no registration or award identifier); kept without it' });
        const mark = typeof r['numericValue'] === 'number' ? r['numericValue'] : str(r['numericValue']) !== undefined && !Number.isNaN(Number(r['numericValue'])) ? Number(r['numericValue']) : undefined;
        const missingReason = str(r['missingResultReason']);
        const receivedAt = arborInstant(r['resultDatetime']);
        records.push({
          id,
          candidateId: arborId(r['student'].href),
          ...(awardCode === undefined ? {} : { awardCode }),
          grade: grade ?? '',
          ...(endorsement === undefined ? {} : { endorsement }),
          ...(mark === undefined ? {} : { mark }),
          ...(missingReason === undefined ? {} : { missingReason }),
          ...(receivedAt === undefined ? {} : { receivedAt }),
        });
      }
      return { records, deletedIds: [], issues, complete: true };
    },
    pullStaff: () => none('pullStaff'),
    pullRooms: () => none('pullRooms'),
    pullAccessArrangements: () => none('pullAccessArrangements'),
    pushEntries: () => none('pushEntries'),
    pushSeating: () => none('pushSeating'),
  };
}
