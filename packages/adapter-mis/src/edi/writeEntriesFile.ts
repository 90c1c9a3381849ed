/**
 * Writes an entries (E) or amendments (A) file for one centre and one awarding body: file header, centre
 * header, one detail record per twelve entry codes per candidate (continuation records repeat the
 * candidate fields), centre trailer and file trailer with their counts, named `dcccccbb.Xnn` from the
 * sequence number. Identifiers are checked first (UCI, ULN, UPN check characters, candidate and centre
 * numbers); names are upper-cased `SURNAME:FORENAMES` in the EDI character set with every transliteration
 * reported. Nothing is dropped silently: every candidate or entry not written is an issue or a skip.
 */
import {
  isValidCandidateNumber,
  isValidCentreNumber,
  isValidUci,
  isValidUln,
  isValidUpn,
  type AwardingBody,
  type CalendarDate,
  type Candidate,
  type Entry,
  type ExamcycleIssue,
  type IssueSubject,
} from '@examcycle/core';
import { toEdiCandidateName, type NameChange } from './ediCandidateName.js';
import { birthCentury } from './ediDate.js';
import { ediFileName } from './ediFileName.js';
import { ediCodec } from './ediRecordCodec.js';
import { isEdiSeries, seriesIdOf, type EdiSeries } from './ediSeries.js';
import { entryRecordToFields, type EdiEntriesCandidate, type EdiEntrySlot } from './entriesRecord.js';
import { ENTRIES_DETAIL_LAYOUT, ENTRY_SLOTS_PER_RECORD } from './layouts/entriesLayout.js';
import { writeEdiFile, type EdiSoftware } from './writeEdiFile.js';

/** The codes writing an entries file reports. */
type WriteCode = 'invalid_value' | 'unrepresentable_value' | 'bad_check_character';

/**
 * An entry deliberately not written, and why.
 *
 * @example
 * ```ts
 * declare const out: EntriesFileOutput;
 * const withdrawn: EdiSkippedEntry[] = out.skipped.filter((s) => s.reason === 'withdrawn');
 * ```
 */
export interface EdiSkippedEntry {
  readonly entryId: string;
  readonly candidateId: string;
  readonly reason: 'withdrawn' | 'rejected' | 'duplicate_code';
}

/**
 * A name change, with whose name it was.
 *
 * @example
 * ```ts
 * declare const out: EntriesFileOutput;
 * const changes: readonly EdiNameChange[] = out.nameChanges;
 * changes.map((c) => `${c.candidateId}: ${c.from} → ${c.to}`);
 * ```
 */
export interface EdiNameChange extends NameChange {
  readonly candidateId: string;
}

/**
 * Options for {@link writeEntriesFile}.
 *
 * @example
 * ```ts
 * const options: WriteEntriesFileOptions = {
 *   dataType: 'A', centreNumber: '12345', awardingBody: { id: 'AQA', name: 'AQA', ediId: '70' },
 *   series: { code: '6A', year: '26' }, sequence: 4, producedOn: '2026-03-02',
 * };
 * ```
 */
export interface WriteEntriesFileOptions {
  /**
   * `E` (entries) or `A` (amendments).
   * @default 'E'
   */
  readonly dataType?: 'E' | 'A';
  /** The centre's five-digit number. */
  readonly centreNumber: string;
  /** The awarding body, with its two-digit EDI identifier. Only its entries belong in the file. */
  readonly awardingBody: AwardingBody & { readonly ediId: string };
  /** The series, e.g. `{ code: '6A', year: '26' }`. Only entries of this series belong in the file. */
  readonly series: EdiSeries;
  /**
   * Core's id of the series (`june-2026`), which every entry's `seriesId` must match.
   * @default seriesIdOf(series), for the JCQ months (January, March, June, November)
   */
  readonly seriesId?: string;
  /** The file's sequence number for this series (1–999); its last two digits name the file. */
  readonly sequence: number;
  /** The day the file is produced (centre trailer). */
  readonly producedOn: CalendarDate;
  /** The centre's postcode (centre header). */
  readonly postcode?: string;
  /**
   * The software named in the file header.
   * @default { name: 'EXAMCYC', version: '010' }
   */
  readonly software?: EdiSoftware;
  /**
   * Column 3 of each detail record. Aspen writes `C`; the booklet's value list is unknown.
   * @default 'C'
   */
  readonly candidateStatus?: string;
  /**
   * A name character with no EDI representation: reject the candidate, or remove the character (reported).
   * @default 'reject'
   */
  readonly unrepresentable?: 'reject' | 'remove';
}

/**
 * The written file and a full account of what was and was not written.
 *
 * @example
 * ```ts
 * declare const candidates: Candidate[];
 * declare const entries: Entry[];
 * const out: EntriesFileOutput = writeEntriesFile(candidates, entries, { centreNumber: '12345', awardingBody: { id: 'AQA', name: 'AQA', ediId: '70' }, series: { code: '6A', year: '26' }, sequence: 1, producedOn: '2026-02-10' });
 * out.counts; // { candidates, detailRecords, entries }
 * ```
 */
export interface EntriesFileOutput {
  /** `dcccccbb.Xnn`. */
  readonly fileName: string;
  /** The file (CR LF line ends); absent when the options themselves cannot be written (issues say why). */
  readonly content?: string;
  /** What each written candidate's records hold, with their line numbers. */
  readonly candidates: readonly EdiEntriesCandidate[];
  /**
   * Every problem met: `error`, the candidate or entry was not written; `warning`, written with what is said.
   * `subject` names the candidate (and entry), `location.field` the field at fault.
   */
  readonly issues: readonly ExamcycleIssue<'invalid_value' | 'unrepresentable_value' | 'bad_check_character'>[];
  readonly skipped: readonly EdiSkippedEntry[];
  readonly nameChanges: readonly EdiNameChange[];
  readonly counts: { readonly candidates: number; readonly detailRecords: number; readonly entries: number };
}

/** A date as core writes one, `YYYY-MM-DD`. */
const CALENDAR_DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Writes an entries or amendments file.
 *
 * @param candidates - the centre's candidates (those with entries are written)
 * @param entries - entries for this awarding body and series
 * @param options - centre, awarding body, series, sequence number, production date
 * @example
 * ```ts
 * declare const candidates: Candidate[];
 * declare const entries: Entry[];
 * const out = writeEntriesFile(candidates, entries, {
 *   centreNumber: '12345', awardingBody: { id: 'AQA', name: 'AQA', ediId: '70' },
 *   series: { code: '6A', year: '26' }, sequence: 1, producedOn: '2026-02-10',
 * });
 * out.fileName; // 'E1234570.X01'
 * out.nameChanges; // e.g. Siân → SIAN, reported
 * ```
 */
export function writeEntriesFile(candidates: readonly Candidate[], entries: readonly Entry[], options: WriteEntriesFileOptions): EntriesFileOutput {
  const {
    dataType = 'E',
    centreNumber,
    awardingBody,
    series,
    sequence,
    producedOn,
    postcode,
    software = { name: 'EXAMCYC', version: '010' },
    candidateStatus = 'C',
    unrepresentable = 'reject',
    seriesId = seriesIdOf(options.series),
  } = options;
  const fileName = ediFileName(dataType, centreNumber, awardingBody.ediId, sequence);
  const issues: ExamcycleIssue<WriteCode>[] = [];
  const issue = (code: WriteCode, message: string, field: string | undefined, value: string | undefined, subject?: IssueSubject, severity: 'error' | 'warning' = 'error'): ExamcycleIssue<WriteCode> => ({
    code,
    severity,
    message,
    location: { ...(field === undefined ? {} : { field }), ...(value === undefined ? {} : { value }) },
    ...(subject === undefined ? {} : { subject }),
  });
  const skipped: EdiSkippedEntry[] = [];
  const nameChanges: EdiNameChange[] = [];
  const written: EdiEntriesCandidate[] = [];
  const lines: string[] = [];
  const empty = { fileName, candidates: written, issues, skipped, nameChanges, counts: { candidates: 0, detailRecords: 0, entries: 0 } };

  if (!isValidCentreNumber(centreNumber)) {
    issues.push(issue('invalid_value', 'The centre number must be five digits', 'centreNumber', centreNumber));
  }
  if (!/^\d{2}$/.test(awardingBody.ediId)) {
    issues.push(issue('invalid_value', 'The awarding body EDI identifier must be two digits', 'awardingBodyId', awardingBody.ediId));
  }
  if (!isEdiSeries(series)) {
    issues.push(issue('invalid_value', 'The series must be a month character and series letter, and a two-digit year', 'series', `${series.code}${series.year}`));
  }
  if (issues.length > 0) return empty;
  const seriesYear = 2000 + Number(series.year);
  const seriesLabel = `${series.code}${series.year}`;
  if (seriesId === undefined && entries.length > 0) {
    issues.push(issue('invalid_value', `Series ${seriesLabel} is not in a JCQ series month, so entries' series cannot be checked: pass seriesId`, 'seriesId', seriesLabel, undefined, 'warning'));
  }

  const detailCodec = ediCodec(ENTRIES_DETAIL_LAYOUT);
  /** Each entry code is checked as the first slot's code before it is placed. */
  const entryCodeIndex = detailCodec.names.indexOf('entryCode1');
  /**
   * Each distinct entry code, checked once (a centre's entries share a few hundred codes): why it cannot be
   * written (`''`: it can), its slot (read-only, shared by the candidates who take it), and the last candidate
   * (by position) who took it, which finds a duplicate without a set per candidate.
   */
  const codeInfo = new Map<string, { readonly refused: string; readonly slot: EdiEntrySlot; takenBy: number }>();
  const birthYearOf = birthCentury(seriesYear);
  /** Each candidate's entries, by candidate id (one map: a candidate id not in it is unknown). */
  const byCandidate = new Map<string, Entry[]>();
  for (const candidate of candidates) if (!byCandidate.has(candidate.id)) byCandidate.set(candidate.id, []);
  for (const entry of entries) {
    if (entry.awardingBodyId !== awardingBody.id) {
      issues.push(issue('invalid_value', `Entry ${entry.entryCode} is with ${entry.awardingBodyId}, not ${awardingBody.id}: it belongs in that awarding body's file`, 'awardingBodyId', entry.awardingBodyId, { candidateId: entry.candidateId, entryId: entry.id }));
      continue;
    }
    if (seriesId !== undefined && entry.seriesId !== seriesId) {
      issues.push(issue('invalid_value', `Entry ${entry.entryCode} is for series ${entry.seriesId}, not ${seriesId} (${seriesLabel}): it belongs in that series' file`, 'seriesId', entry.seriesId, { candidateId: entry.candidateId, entryId: entry.id }));
      continue;
    }
    const list = byCandidate.get(entry.candidateId);
    if (list === undefined) {
      issues.push(issue('invalid_value', `Entry ${entry.entryCode} is for an unknown candidate ${entry.candidateId}`, 'candidateId', entry.candidateId, { candidateId: entry.candidateId, entryId: entry.id }));
      continue;
    }
    list.push(entry);
  }

  for (let position = 0; position < candidates.length; position += 1) {
    const candidate = candidates[position]!;
    const own = byCandidate.get(candidate.id)!;
    if (own.length === 0) continue;
    const slots: EdiEntrySlot[] = [];
    let removed = 0;
    for (const entry of own) {
      const status = entry.status;
      if (!(status === 'submitted' || status === 'accepted' || status === 'amended' || status === 'draft')) {
        skipped.push({ entryId: entry.id, candidateId: candidate.id, reason: status === 'withdrawn' ? 'withdrawn' : 'rejected' });
        removed += 1;
        continue;
      }
      const code = entry.entryCode;
      let info = codeInfo.get(code);
      if (info === undefined) {
        info = { refused: detailCodec.refuses(entryCodeIndex, code) ?? '', slot: { code, flag: '' }, takenBy: -1 };
        codeInfo.set(code, info);
      }
      if (info.takenBy === position) {
        skipped.push({ entryId: entry.id, candidateId: candidate.id, reason: 'duplicate_code' });
        continue;
      }
      if (info.refused !== '') {
        issues.push(issue('unrepresentable_value', `Entry code "${code}" cannot be written: ${info.refused}`, 'entryCode', code, { candidateId: candidate.id, entryId: entry.id }));
        continue;
      }
      info.takenBy = position;
      slots.push(info.slot);
    }
    // An amendments file still carries a candidate whose entries were all removed, as one empty record (Aspen).
    if (slots.length === 0 && !(dataType === 'A' && removed > 0)) continue;

    // the happy path makes no closure and no issue list: problems are gathered only when there is one
    let problems: ExamcycleIssue<WriteCode>[] | undefined;
    const subject = { candidateId: candidate.id };
    if (candidate.centreNumber !== centreNumber) (problems ??= []).push(issue('invalid_value', `The candidate is at centre ${candidate.centreNumber}, not ${centreNumber}`, 'centreNumber', candidate.centreNumber, subject));
    if (!isValidCandidateNumber(candidate.candidateNumber)) (problems ??= []).push(issue('invalid_value', 'The candidate number must be 0001–9999', 'candidateNumber', candidate.candidateNumber, subject));
    if (candidate.uci !== undefined && !isValidUci(candidate.uci)) (problems ??= []).push(issue('bad_check_character', `UCI ${candidate.uci} fails its check character`, 'uci', candidate.uci, subject));
    if (candidate.uln !== undefined && !isValidUln(candidate.uln)) (problems ??= []).push(issue('bad_check_character', `ULN ${candidate.uln} fails its check digit`, 'uln', candidate.uln, subject));
    if (candidate.upn !== undefined && !isValidUpn(candidate.upn)) (problems ??= []).push(issue('bad_check_character', `UPN ${candidate.upn} fails its check character`, 'upn', candidate.upn, subject));
    const dobYear = Number(candidate.dateOfBirth.slice(0, 4));
    if (!CALENDAR_DATE.test(candidate.dateOfBirth) || birthYearOf(dobYear % 100) !== dobYear) {
      (problems ??= []).push(
        issue(
          'unrepresentable_value',
          `Date of birth ${candidate.dateOfBirth} cannot be written as ddmmyy unambiguously for the ${seriesYear} series (it must be within the 99 years before it)`,
          'dateOfBirth',
          candidate.dateOfBirth,
          subject,
        ),
      );
    }
    const name = toEdiCandidateName(candidate.legalSurname, candidate.legalForenames, { unrepresentable });
    for (const p of name.problems) (problems ??= []).push(issue('unrepresentable_value', p.message, p.field, p.value, subject));
    if (problems !== undefined || name.name === undefined) {
      if (problems !== undefined) issues.push(...problems);
      continue;
    }
    for (const c of name.changes) nameChanges.push({ ...c, candidateId: candidate.id });
    if (candidate.uci === undefined) {
      issues.push(issue('invalid_value', 'No UCI: written blank, for the awarding body to allocate', 'uci', undefined, subject, 'warning'));
    }
    if (candidate.sex === undefined) {
      issues.push(issue('invalid_value', 'No sex recorded: written blank', 'sex', undefined, subject, 'warning'));
    }
    // what the candidate's records hold: also the account of what was written (its lines are filled in below)
    const recordLines: number[] = [];
    const fields: { -readonly [K in keyof EdiEntriesCandidate]: EdiEntriesCandidate[K] } = {
      dataType,
      candidateStatus,
      centreNumber,
      candidateNumber: candidate.candidateNumber,
      candidateName: name.name,
      sex: candidate.sex ?? '',
      dateOfBirth: candidate.dateOfBirth,
      qualifierFlag: '',
      documentationGroup: '',
      entries: slots,
      lines: recordLines,
    };
    if (candidate.uci !== undefined) fields.uci = candidate.uci;
    if (candidate.upn !== undefined) fields.upn = candidate.upn;
    if (candidate.uln !== undefined) fields.uln = candidate.uln;
    const firstLine = lines.length + 3; // after the file and centre headers
    let failed = false;
    for (let i = 0; i < Math.max(slots.length, 1); i += ENTRY_SLOTS_PER_RECORD) {
      const values = entryRecordToFields(fields, slots, i, Math.min(slots.length, i + ENTRY_SLOTS_PER_RECORD));
      // every field by its quick write; only a field that needs the reference check goes the long way (and is reported)
      const line = detailCodec.encodeLine(values);
      if (line !== null) {
        recordLines.push(firstLine + recordLines.length);
        lines.push(line);
        continue;
      }
      const out = detailCodec.encodeFields(values);
      if ('issues' in out) {
        failed = true;
        for (const problem of out.issues) issues.push({ ...problem, subject });
        break;
      }
      recordLines.push(firstLine + recordLines.length);
      lines.push(out.line);
    }
    if (failed) {
      lines.length = firstLine - 3; // none of this candidate's records is written
      continue;
    }
    written.push(fields);
  }

  const file = writeEdiFile(
    { dataType, centreOrSeries: centreNumber, awardingBodyId: awardingBody.ediId, series, sequence, producedOn, software, ...(postcode === undefined ? {} : { postcode }) },
    lines,
  );
  const counts = { candidates: written.length, detailRecords: lines.length, entries: written.reduce((n, c) => n + c.entries.length, 0) };
  if (!file.ok) {
    issues.push(...file.issues);
    return { ...empty, candidates: [], counts: { candidates: 0, detailRecords: 0, entries: 0 } };
  }
  return { fileName, content: file.content, candidates: written, issues, skipped, nameChanges, counts };
}
