/**
 * Arbor access arrangements: each `CandidateAccessArrangement` links a `CandidateEntry` (whose `candidate`
 * is a `Candidate` of a student) to an `AccessArrangement` type (`code`, `name`). examcycle holds one
 * {@link AccessArrangement} per student and type, with the stable id `<studentId>/<accessArrangementId>`,
 * so arrangements repeated across a student's entries become one. The kind is read from the type's name
 * (else code) by the table below; a name it does not know is kept as `other`, reported. Arbor records the
 * extra-time percentage per sitting (`CandidateAssessableEntry.extraTimePercentage`), so an extra-time
 * arrangement takes the percentage of the student's sittings under the same entries (the largest, reported,
 * when they differ), else a percentage written in the name ("Extra time 25%"); without one it is an issue
 * and left out, since core needs it. Arbor's public model does not say how an arrangement was approved, so
 * `approval` is examcycle's default `none` and `evidenceHeld` false.
 */
import { accessArrangementSchema, type AccessArrangement, type AccessArrangementKind, type ExamcycleIssue, type IssueLocation } from '@examcycle/core';
import { misIssue } from '../misIssue.js';
import type { MisIssueCode } from '../MisPort.js';
import type { ArborChange, ArborPart } from './arborChangelog.js';
import { isArborNotFound, type ArborSession } from './arborClient.js';
import { arborAt, arborId, arborText, isArborRef, type ArborEntity } from './arborEntity.js';

/** The resource types an access arrangement is built from (and whose change logs a delta reads). */
export const ARBOR_ACCESS_TYPES: readonly string[] = ['CandidateAccessArrangement', 'CandidateAssessableEntry'];

/**
 * How an arrangement type's name (or code) gives examcycle's kind; the first match wins.
 *
 * @example
 * ```ts
 * ARBOR_ACCESS_KINDS.find(([pattern]) => pattern.test('Reader (computer)'))?.[1]; // 'computer_reader'
 * ```
 */
export const ARBOR_ACCESS_KINDS: ReadonlyArray<readonly [RegExp, AccessArrangementKind]> = [
  [/computer reader|reader \(computer\)|screen reader|text to speech/i, 'computer_reader'],
  [/\breader\b/i, 'reader'],
  [/\bscribe\b|speech recognition|voice recognition/i, 'scribe'],
  [/\bprompter\b/i, 'prompter'],
  [/word processor|\blaptop\b|\bcomputer\b/i, 'word_processor'],
  [/extra time|additional time|\b\d{1,3} ?%/i, 'extra_time'],
  [/rest break|supervised rest/i, 'rest_breaks'],
  [/separate invigilation|separate room|smaller room/i, 'separate_invigilation'],
  [/modified|enlarged|braille|coloured (paper|overlay)/i, 'modified_paper'],
  [/practical assistant/i, 'practical_assistant'],
];

/**
 * examcycle's kind for an Arbor access-arrangement name or code, or `undefined` when the table does not know it.
 *
 * @param name - e.g. `'25% Extra Time'`, `'Reader'`
 * @example
 * ```ts
 * arborAccessKind('25% Extra Time'); // 'extra_time'
 * ```
 */
export function arborAccessKind(name: string): AccessArrangementKind | undefined {
  return ARBOR_ACCESS_KINDS.find(([pattern]) => pattern.test(name))?.[1];
}

async function studentOfEntry(s: ArborSession, candidateEntryHref: string): Promise<string | undefined> {
  const entry = await s.get(candidateEntryHref, 'CandidateEntry');
  if (!isArborRef(entry['candidate'])) return undefined;
  const candidate = await s.get(entry['candidate'].href, 'Candidate');
  return isArborRef(candidate['student']) ? candidate['student'].href : undefined;
}

interface Group {
  readonly student: string;
  readonly type: ArborEntity;
  readonly entries: string[];
  readonly at: IssueLocation;
}

async function build(s: ArborSession, links: readonly ArborEntity[], only?: ReadonlySet<string>): Promise<{ records: AccessArrangement[]; issues: ExamcycleIssue<MisIssueCode>[]; rows: number }> {
  const issues: ExamcycleIssue<MisIssueCode>[] = [];
  const groups = new Map<string, Group>();
  let rows = 0;
  for (const [i, link] of links.entries()) {
    if (only === undefined) rows += 1;
    const at = arborAt(link.href, 'candidateAccessArrangements', i);
    if (!isArborRef(link['candidateEntry']) || !isArborRef(link['accessArrangement'])) {
      issues.push(misIssue(at, 'malformed_response', 'error', 'A candidate access arrangement needs a candidate entry and an access arrangement', { field: isArborRef(link['candidateEntry']) ? 'accessArrangement' : 'candidateEntry' }));
      continue;
    }
    const student = await studentOfEntry(s, link['candidateEntry'].href);
    if (student === undefined) {
      issues.push(misIssue(at, 'malformed_response', 'error', 'The arrangement\'s entry leads to no student', { field: 'candidateEntry.candidate.student' }));
      continue;
    }
    if (only !== undefined && !only.has(student)) continue;
    if (only !== undefined) rows += 1; // a delta counts only the links it touches
    const key = `${arborId(student)}/${arborId(link['accessArrangement'].href)}`;
    const group = groups.get(key);
    if (group) group.entries.push(link['candidateEntry'].href);
    else groups.set(key, { student, type: await s.get(link['accessArrangement'].href, 'AccessArrangement'), entries: [link['candidateEntry'].href], at });
  }
  const records: AccessArrangement[] = [];
  for (const [id, g] of groups) {
    const candidateId = arborId(g.student);
    const note = (field: string, message: string, value?: string, severity: 'error' | 'warning' = 'error'): void => {
      issues.push(misIssue(g.at, 'invalid_value', severity, message, { field, ...(value === undefined ? {} : { value }), recordId: id }));
    };
    const name = arborText(g.type['name'])?.trim() ?? '';
    const code = arborText(g.type['code'])?.trim() ?? '';
    let kind = arborAccessKind(name) ?? arborAccessKind(code);
    if (kind === undefined) {
      kind = 'other';
      note('accessArrangement.name', `Access arrangement "${name || code}" is not one examcycle knows: kept as "other"`, name || code, 'warning');
    }
    let extraTimePercent: number | undefined;
    if (kind === 'extra_time') {
      const percents = new Set<number>();
      for (const entry of new Set(g.entries)) {
        for (const sitting of await s.list('CandidateAssessableEntry', { 'candidateEntry.equals': entry })) {
          const p = sitting['extraTimePercentage'];
          const n = typeof p === 'number' ? p : typeof p === 'string' && p.trim() !== '' ? Number(p) : Number.NaN;
          if (Number.isFinite(n) && n > 0) percents.add(n);
        }
      }
      if (percents.size === 0) {
        const written = /(\d{1,3}) ?%/.exec(name)?.[1];
        if (written !== undefined) percents.add(Number(written));
      }
      if (percents.size === 0) {
        note('extraTimePercentage', `Extra time "${name}" with no percentage on the sittings or in its name: left out`);
        continue;
      }
      extraTimePercent = Math.max(...percents);
      if (percents.size > 1) note('extraTimePercentage', `The sittings give different extra time (${[...percents].sort((a, b) => a - b).join(', ')}%): the largest, ${extraTimePercent}%, is kept`, [...percents].join(','), 'warning');
    }
    const parsed = accessArrangementSchema.safeParse({ id, candidateId, kind, ...(extraTimePercent === undefined ? {} : { extraTimePercent }), approval: 'none', evidenceHeld: false });
    if (!parsed.success) {
      for (const problem of parsed.error.issues) note(problem.path.join('.'), problem.message);
      continue;
    }
    records.push(parsed.data);
  }
  return { records, issues, rows };
}

/**
 * Every Arbor access arrangement, one per student and type.
 *
 * @param s - the Arbor session
 * @internal
 */
export async function arborAccessArrangements(s: ArborSession): Promise<ArborPart<AccessArrangement>> {
  return { ...(await build(s, await s.list('CandidateAccessArrangement'))), deletedIds: [] };
}

/**
 * The students an Arbor delta touches, with all their arrangements rebuilt; a removed arrangement that no
 * longer applies is in `deletedIds`.
 *
 * @param s - the Arbor session
 * @param changes - the changes of {@link ARBOR_ACCESS_TYPES} since the cursor
 * @internal
 */
export async function arborAccessChanges(s: ArborSession, changes: readonly ArborChange[]): Promise<ArborPart<AccessArrangement>> {
  const students = new Set<string>();
  const removed = new Set<string>();
  for (const change of changes) {
    const entry = change.object['candidateEntry'];
    if (!isArborRef(entry)) continue;
    let student: string | undefined;
    try {
      student = await studentOfEntry(s, entry.href);
    } catch (error) {
      if (!isArborNotFound(error)) throw error;
    }
    if (student === undefined) continue;
    students.add(student);
    const type = change.object['accessArrangement'];
    if (change.type === 'CandidateAccessArrangement' && change.removed && isArborRef(type)) removed.add(`${arborId(student)}/${arborId(type.href)}`);
  }
  if (students.size === 0) return { records: [], issues: [], deletedIds: [], rows: 0 };
  const built = await build(s, await s.list('CandidateAccessArrangement'), students);
  const kept = new Set(built.records.map((r) => r.id));
  return { ...built, deletedIds: [...removed].filter((id) => !kept.has(id)) };
}
