/**
 * The glue from an EDI entries file to core's records: `readEntriesFile` gives the file's detail records as
 * the file has them (a `SURNAME:FORENAMES` name, a date of birth, identifiers, up to eighteen entry codes per
 * record); this maps them to core's zod-validated {@link Candidate} and {@link Entry}, one candidate per
 * candidate number (a candidate with more entries than one record holds continues on the next record) and
 * one entry per entry code. A record that cannot be mapped is never dropped silently: it becomes an issue at
 * its line, and the records that can be mapped still are.
 */
import {
  candidateSchema,
  countIssuesByCode,
  durationOf,
  entrySchema,
  ExamcycleError,
  notifyObserver,
  observerStopwatch,
  type AwardingBody,
  type Candidate,
  type Centre,
  type Entry,
  type EntryStatus,
  type ExamcycleIssue,
  type ExamcycleObserver,
  type ExamSeries,
} from '@examcycle/core';
import type { EdiEntryRecord } from './entriesRecord.js';

/**
 * What {@link ediEntriesToCore} needs beyond the records: the series, centre and awarding body the file is for.
 *
 * @example
 * ```ts
 * const options: EdiEntriesToCoreOptions = { series: examSeries('june', 2026), centre: { centreNumber: '12345' }, awardingBody: { id: 'AQA' }, file: 'E1234570.X03' };
 * ```
 */
export interface EdiEntriesToCoreOptions {
  /** The series the entries are for (the entries' `seriesId`). */
  readonly series: Pick<ExamSeries, 'id'>;
  /** The centre the file is for: a record for another centre is an issue. */
  readonly centre: Pick<Centre, 'centreNumber'>;
  /** The awarding body the file was made for (an EDI file names it only by its two-digit EDI id). */
  readonly awardingBody: Pick<AwardingBody, 'id'>;
  /** The file's name, repeated in every issue. */
  readonly file?: string;
  /**
   * The id a candidate gets, from their (first) record: use it to keep your MIS ids.
   * @default `${centreNumber}-${candidateNumber}`
   */
  readonly candidateId?: (record: EdiEntryRecord) => string;
  /**
   * The status of the entries read.
   * @default 'submitted' for an entries file (data type E), 'amended' for an amendments file (A)
   */
  readonly status?: EntryStatus;
  /** Hears of the mapping when it ends (`onImport`, source `edi`, kind `entries`). A callback that throws is ignored. */
  readonly observer?: ExamcycleObserver;
}

/**
 * Core records from an EDI entries file, and what could not be mapped.
 *
 * @example
 * ```ts
 * declare const reading: EntriesFileReading;
 * declare const options: EdiEntriesToCoreOptions;
 * const { entries, candidates, issues } = ediEntriesToCore(reading.records, options);
 * ```
 */
export interface EdiEntriesInCore {
  /** One per entry code, each valid against core's `entrySchema`. */
  readonly entries: readonly Entry[];
  /** One per candidate number, each valid against core's `candidateSchema`. */
  readonly candidates: readonly Candidate[];
  /** Each at its record's line; an `error` issue means the record (or the entry named) was left out. */
  readonly issues: readonly ExamcycleIssue<'malformed_record' | 'invalid_value'>[];
}

type Loose = Readonly<Record<string, unknown>>;

const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);

/** Any value as text for an issue, even one without a `toString` (a null-prototype object). */
function text(v: unknown): string {
  try {
    return String(v);
  } catch {
    return Object.prototype.toString.call(v);
  }
}

/**
 * Maps the detail records of an EDI entries file (`readEntriesFile(text).records`) to core candidates and
 * entries. Names are as the file spells them (`SURNAME:FORENAMES`, upper case, EDI characters only); the slot
 * flags, whose meaning the published layouts do not give, are not read.
 *
 * @param records - the file's detail records, in file order
 * @param options - the series, centre and awarding body the file is for
 * @throws ExamcycleError `invalid_value` when `records` is not an array or an option is missing (a programmer
 *   error), or the `candidateId` option throws; a record that cannot be mapped is an issue, never a throw
 * @example
 * ```ts
 * declare const text: string; // the file's content
 * const reading = readEntriesFile(text, { file: 'E1234570.X03' });
 * const { entries, candidates, issues } = ediEntriesToCore(reading.records, {
 *   series: examSeries('june', 2026), centre: { centreNumber: '12345' }, awardingBody: { id: 'AQA' }, file: 'E1234570.X03',
 * });
 * ```
 */
export function ediEntriesToCore(records: readonly EdiEntryRecord[], options: EdiEntriesToCoreOptions): EdiEntriesInCore {
  if (!Array.isArray(records)) throw new ExamcycleError('invalid_value', 'ediEntriesToCore needs an array of entries records (readEntriesFile(text).records)', { details: { option: 'records' } });
  if (typeof options !== 'object' || options === null) throw new ExamcycleError('invalid_value', 'ediEntriesToCore needs options: series, centre, awardingBody', { details: { option: 'options' } });
  const seriesId = str(options.series?.id);
  const centreNumber = str(options.centre?.centreNumber);
  const awardingBodyId = str(options.awardingBody?.id);
  for (const [option, value] of [['series.id', seriesId], ['centre.centreNumber', centreNumber], ['awardingBody.id', awardingBodyId]] as const) {
    if (value === undefined || value === '') throw new ExamcycleError('invalid_value', `ediEntriesToCore needs ${option}`, { details: { option } });
  }
  const { file, candidateId: idOf = (r: EdiEntryRecord) => `${r.centreNumber}-${r.candidateNumber}`, status, observer } = options;
  const elapsed = observerStopwatch(observer);
  const issues: ExamcycleIssue<'malformed_record' | 'invalid_value'>[] = [];
  const candidates = new Map<string, { readonly candidate: Candidate; readonly line: number; readonly codes: Set<string> }>();
  const entries: Entry[] = [];

  records.forEach((raw, index) => {
    const r = (typeof raw === 'object' && raw !== null ? raw : {}) as Loose;
    const line = typeof r.line === 'number' && Number.isSafeInteger(r.line) && r.line > 0 ? r.line : 0;
    const dataType = str(r.dataType);
    const at = { ...(file === undefined ? {} : { file }), ...(line > 0 ? { line } : {}), ...(dataType === 'E' || dataType === 'A' ? { recordType: `${dataType}5` } : {}) };
    const issue = (code: 'malformed_record' | 'invalid_value', message: string, field?: string, value?: unknown, severity: 'error' | 'warning' = 'error'): void => {
      const location = { ...at, ...(field === undefined ? {} : { field }), ...(value === undefined ? {} : { value: text(value).slice(0, 60) }) };
      issues.push({ code, severity, message, location });
    };
    const left = `record ${index + 1}${line ? ` (line ${line})` : ''} left out`;
    if (raw === null || typeof raw !== 'object') return issue('malformed_record', `Not an entries record: ${left}`, undefined, raw);
    if (dataType !== 'E' && dataType !== 'A') return issue('malformed_record', `Data type must be E or A: ${left}`, 'dataType', r.dataType);
    const number = str(r.candidateNumber);
    if (number === undefined || number === '') return issue('malformed_record', `No candidate number: ${left}`, 'candidateNumber', r.candidateNumber);
    if (r.centreNumber !== centreNumber) return issue('invalid_value', `Candidate ${number} is at centre ${text(r.centreNumber)}, not ${centreNumber}: ${left}`, 'centreNumber', r.centreNumber);
    const slots = r.entries;
    if (!Array.isArray(slots)) return issue('malformed_record', `No entry slots: ${left}`, 'entries', slots);

    let known = candidates.get(number);
    if (known === undefined) {
      const name = str(r.candidateName) ?? '';
      const colon = name.indexOf(':');
      if (colon <= 0) return issue('invalid_value', `Candidate ${number}'s name "${name}" is not SURNAME:FORENAMES: ${left}`, 'candidateName', name);
      if (r.dateOfBirth === undefined) return issue('invalid_value', `Candidate ${number} has no date of birth (a core candidate needs one): ${left}`, 'dateOfBirth', '000000');
      let id: unknown;
      try {
        id = idOf(raw);
      } catch (cause) {
        throw new ExamcycleError('invalid_value', `The candidateId option threw for candidate ${number}`, { cause });
      }
      const sex = r.sex === 'F' || r.sex === 'M' ? r.sex : undefined;
      if (sex === undefined && r.sex !== '' && r.sex !== undefined) issue('invalid_value', `Candidate ${number}'s sex "${text(r.sex)}" is neither F nor M: left blank`, 'sex', r.sex, 'warning');
      const parsed = candidateSchema.safeParse({
        id,
        centreNumber,
        candidateNumber: number,
        legalSurname: name.slice(0, colon).trim(),
        legalForenames: name.slice(colon + 1).trim(),
        dateOfBirth: r.dateOfBirth,
        ...(sex ? { sex } : {}),
        ...(r.uci !== undefined ? { uci: r.uci } : {}),
        ...(r.upn !== undefined ? { upn: r.upn } : {}),
        ...(r.uln !== undefined ? { uln: r.uln } : {}),
      });
      if (!parsed.success) {
        for (const z of parsed.error.issues) {
          const field = z.path.map(String).join('.');
          issue('invalid_value', `Candidate ${number}: ${field || 'record'}: ${z.message}: ${left}`, field || undefined, field ? (r as Loose)[field === 'legalSurname' || field === 'legalForenames' ? 'candidateName' : field] : undefined);
        }
        return;
      }
      known = { candidate: parsed.data, line, codes: new Set() };
      candidates.set(number, known);
    } else {
      const c = known.candidate;
      const same = (mine: unknown, theirs: unknown) => mine === theirs || (mine === undefined && (theirs === '' || theirs === undefined));
      const differs = (
        [
          ['candidateName', `${c.legalSurname}:${c.legalForenames}`, str(r.candidateName)?.split(':').map((p) => p.trim()).join(':')],
          ['dateOfBirth', c.dateOfBirth, r.dateOfBirth],
          ['uci', c.uci, r.uci],
          ['uln', c.uln, r.uln],
          ['upn', c.upn, r.upn],
        ] as const
      ).find(([, mine, theirs]) => !same(mine, theirs));
      if (differs) return issue('invalid_value', `Candidate ${number}'s ${differs[0]} differs from their record at line ${known.line}: ${left}`, differs[0], differs[2]);
    }

    const entryStatus = status ?? (dataType === 'A' ? 'amended' : 'submitted');
    const owner = known;
    const mapSlot = (slot: unknown, i: number): void => {
      const code = typeof slot === 'object' && slot !== null ? (slot as Loose).code : undefined;
      const field = `entryCode${i + 1}`;
      if (typeof code !== 'string' || code.trim() === '') return issue('malformed_record', `Candidate ${number}: entry slot ${i + 1} holds no entry code: left out`, field, code);
      if (owner.codes.has(code)) return issue('invalid_value', `Candidate ${number} is entered for ${code} more than once: one entry kept`, field, code, 'warning');
      const parsed = entrySchema.safeParse({
        id: `${owner.candidate.id}.${seriesId}.${awardingBodyId}.${code}`,
        candidateId: owner.candidate.id,
        seriesId,
        awardingBodyId,
        entryCode: code,
        componentCodes: [],
        status: entryStatus,
        identityVerified: false,
      });
      if (!parsed.success) return issue('invalid_value', `Candidate ${number}: entry code "${code}": ${parsed.error.issues.map((z) => z.message).join('; ')}: left out`, field, code);
      owner.codes.add(code);
      entries.push(parsed.data);
    };
    for (let i = 0; i < slots.length; i += 1) mapSlot(slots[i] as unknown, i);

  });

  const result = { entries, candidates: [...candidates.values()].map((c) => c.candidate), issues };
  notifyObserver(observer, 'onImport', {
    source: 'edi', kind: 'entries', ...(file === undefined ? {} : { file }), rows: records.length, records: entries.length, issues: countIssuesByCode(issues), ...durationOf(elapsed()),
  });
  return result;
}
