/**
 * The exam-room record of one sitting (a room in a session): the attendance register with each arrival
 * classified (present, late, very late, absent), the seating plan actually used, the incident log, the
 * "second pair of eyes" check of each question paper packet by two different people before it is opened,
 * emergency access arrangements, and the scripts despatch log. Every entry says when and who. The record
 * is plain data changed only through these functions, each returning a new record; a problem with what
 * is recorded is an {@link ExamcycleError}, and what is missing is listed by {@link sittingRecordIssues}.
 */
import type { Actor } from '../audit/auditTrail.js';
import type { AccessArrangementKind } from '../domain/accessArrangement.js';
import type { Session, TimetabledPaper } from '../domain/paper.js';
import { ExamcycleError } from '../errors/ExamcycleError.js';
import type { ExamcycleIssue } from '../errors/ExamcycleIssue.js';
import type { ExamRoomRules, RetainedRecord } from '../rules/RulesPack.js';
import type { CalendarDate, Instant } from '../time/clock.js';
import { instantToMillis } from '../time/instantToMillis.js';
import { classifyArrival, type AttendanceStatus } from './classifyArrival.js';
import { EXAM_TIME_LIMITS } from './examTimeLimits.js';
import type { RoomPlan } from './planSeating.js';

/**
 * A line of the attendance register: one candidate for one paper.
 *
 * @example
 * ```ts
 * declare const record: SittingRecord;
 * const line: RegisterLine | undefined = record.register.find((l) => l.candidateNumber === '0042');
 * line?.status;
 * ```
 */
export interface RegisterLine {
  readonly candidateId: string;
  readonly candidateNumber: string;
  readonly paperId: string;
  readonly seat: string;
  readonly status: AttendanceStatus | 'not_marked';
  readonly arrivedAt?: Instant;
  /** Minutes after the published start. */
  readonly minutesAfterStart?: number;
  readonly explanation?: string;
  readonly recordedAt?: Instant;
  readonly recordedBy?: Actor;
}

/**
 * What an incident was.
 *
 * @example
 * ```ts
 * const kind: IncidentKind = 'illness';
 * ```
 */
export type IncidentKind = 'malpractice' | 'illness' | 'disruption' | 'evacuation' | 'paper_error' | 'other';

/**
 * An entry in the incident log.
 *
 * @example
 * ```ts
 * declare const eo: Actor, inv: Actor;
 * const incident: Incident = { id: 'inc-2', at: '2026-06-01T10:15:00+01:00', by: inv, kind: 'illness', description: 'Candidate left unwell', candidateIds: ['c7'], specialConsideration: true };
 * ```
 */
export interface Incident {
  readonly id: string;
  readonly at: Instant;
  readonly by: Actor;
  readonly kind: IncidentKind;
  readonly description: string;
  /** Candidates affected or involved. */
  readonly candidateIds: readonly string[];
  /** The paper concerned, when one. */
  readonly paperId?: string;
  /** Whether the affected candidates should have special consideration applied for. */
  readonly specialConsideration: boolean;
}

/**
 * The "second pair of eyes" check of a question paper packet.
 *
 * @example
 * ```ts
 * declare const eo: Actor, inv: Actor;
 * const check: PacketCheck = { paperId: '8300/1H', checkedAt: '2026-06-01T08:50:00+01:00', checkedBy: [eo, inv] };
 * ```
 */
export interface PacketCheck {
  readonly paperId: string;
  readonly checkedAt: Instant;
  /** Two different people. */
  readonly checkedBy: readonly [Actor, Actor];
}

/**
 * A question paper packet opened in the room.
 *
 * @example
 * ```ts
 * declare const eo: Actor, inv: Actor;
 * const opening: PacketOpening = { paperId: '8300/1H', openedAt: '2026-06-01T08:55:00+01:00', by: inv };
 * ```
 */
export interface PacketOpening {
  readonly paperId: string;
  readonly openedAt: Instant;
  readonly by: Actor;
}

/**
 * An access arrangement put in place on the day (e.g. a scribe after an injury).
 *
 * @example
 * ```ts
 * declare const eo: Actor, inv: Actor;
 * const arrangement: EmergencyArrangement = { candidateId: 'c4', kind: 'scribe', at: '2026-06-01T08:45:00+01:00', approvedBy: eo, reason: 'Broken wrist' };
 * ```
 */
export interface EmergencyArrangement {
  readonly candidateId: string;
  readonly kind: AccessArrangementKind;
  readonly at: Instant;
  readonly approvedBy: Actor;
  readonly reason: string;
}

/**
 * Scripts despatched to the awarding body.
 *
 * @example
 * ```ts
 * declare const eo: Actor, inv: Actor;
 * const despatch: ScriptDespatch = { paperIds: ['8300/1H'], scriptCount: 28, at: '2026-06-01T15:00:00+01:00', by: eo, method: 'Parcelforce yellow label' };
 * ```
 */
export interface ScriptDespatch {
  readonly paperIds: readonly string[];
  readonly scriptCount: number;
  readonly at: Instant;
  readonly by: Actor;
  /** e.g. `'Parcelforce yellow label'`. */
  readonly method: string;
  readonly reference?: string;
}

/**
 * The exam-room record of one sitting.
 *
 * @example
 * ```ts
 * declare const plan: SeatingPlan, papers: TimetabledPaper[];
 * const record: SittingRecord = createSittingRecord({ date: '2026-06-01', session: 'AM', seatingPlanUsed: plan.rooms[0]!, papers });
 * record.register.length;
 * ```
 */
export interface SittingRecord {
  /** `YYYY-MM-DD.AM.<roomId>`. */
  readonly id: string;
  readonly date: CalendarDate;
  readonly session: Session;
  readonly roomId: string;
  readonly papers: readonly TimetabledPaper[];
  readonly seatingPlanUsed: RoomPlan;
  readonly register: readonly RegisterLine[];
  readonly incidents: readonly Incident[];
  readonly packetChecks: readonly PacketCheck[];
  readonly packetOpenings: readonly PacketOpening[];
  readonly emergencyArrangements: readonly EmergencyArrangement[];
  readonly despatches: readonly ScriptDespatch[];
}

/**
 * What a sitting record is opened with.
 *
 * @example
 * ```ts
 * declare const plan: SeatingPlan, papers: TimetabledPaper[];
 * const input: CreateSittingRecordInput = { date: '2026-06-01', session: 'AM', seatingPlanUsed: plan.rooms[0]!, papers };
 * createSittingRecord(input).id;
 * ```
 */
export interface CreateSittingRecordInput {
  readonly date: CalendarDate;
  readonly session: Session;
  /** The room's part of the seating plan actually used. */
  readonly seatingPlanUsed: RoomPlan;
  /** The timetabled papers sat in the room. */
  readonly papers: readonly TimetabledPaper[];
}

function invalid(message: string, field: string, value: string): ExamcycleError {
  return new ExamcycleError('invalid_value', message, { location: { field, value } });
}

function instant(at: Instant, field: string): number {
  try {
    return instantToMillis(at);
  } catch (cause) {
    throw new ExamcycleError('invalid_value', `${field} is not a valid instant: ${String(at)}`, { location: { field, value: String(at) }, cause });
  }
}

function paperOf(record: SittingRecord, paperId: string): TimetabledPaper {
  const p = record.papers.find((x) => x.id === paperId);
  if (!p) throw invalid(`Paper ${paperId} is not sat in ${record.id}`, 'paperId', paperId);
  return p;
}

/**
 * Opens the record of a sitting, with a register line (not yet marked) for every seated candidate and paper.
 *
 * @param input - the date, session, the room's seating plan and the papers
 * @throws ExamcycleError `invalid_value` when a seat names a paper not in `papers`
 * @example
 * ```ts
 * declare const plan: SeatingPlan, papers: TimetabledPaper[];
 * const record = createSittingRecord({ date: '2026-06-01', session: 'AM', seatingPlanUsed: plan.rooms[0]!, papers });
 * ```
 */
export function createSittingRecord(input: CreateSittingRecordInput): SittingRecord {
  const known = new Set(input.papers.map((p) => p.id));
  const register: RegisterLine[] = [];
  for (const s of input.seatingPlanUsed.seats) {
    for (const paperId of s.paperIds) {
      if (!known.has(paperId)) throw invalid(`Seat ${s.seat} (candidate ${s.candidateNumber}) names paper ${paperId}, which is not among the sitting's papers`, 'paperId', paperId);
      register.push({ candidateId: s.candidateId, candidateNumber: s.candidateNumber, paperId, seat: s.seat, status: 'not_marked' });
    }
  }
  return {
    id: `${input.date}.${input.session}.${input.seatingPlanUsed.roomId}`,
    date: input.date,
    session: input.session,
    roomId: input.seatingPlanUsed.roomId,
    papers: input.papers,
    seatingPlanUsed: input.seatingPlanUsed,
    register,
    incidents: [],
    packetChecks: [],
    packetOpenings: [],
    emergencyArrangements: [],
    despatches: [],
  };
}

function updateLine(record: SittingRecord, candidateId: string, paperId: string, change: (line: RegisterLine) => RegisterLine): SittingRecord {
  const i = record.register.findIndex((l) => l.candidateId === candidateId && l.paperId === paperId);
  if (i < 0) throw invalid(`Candidate ${candidateId} is not on the register of ${record.id} for paper ${paperId}`, 'candidateId', candidateId);
  const register = [...record.register];
  register[i] = change(register[i]!);
  return { ...record, register };
}

/**
 * Marks a candidate's arrival for a paper, classified from the paper's published start (present, late, very late).
 *
 * @param record - the sitting record
 * @param arrival - candidate, paper, when they arrived and who recorded it
 * @param rules - the exam-room rules in force (very-late thresholds)
 * @throws ExamcycleError `invalid_value` for a candidate or paper not on the register, or a bad instant
 * @example
 * ```ts
 * declare let record: SittingRecord;
 * declare const eo: Actor, inv: Actor;
 * const rules = jcq.examRoomRules('2025/26');
 * record = recordArrival(record, { candidateId: 'c1', paperId: 'p1', arrivedAt: '2026-06-01T10:10:00+01:00', by: eo }, rules);
 * ```
 */
export function recordArrival(record: SittingRecord, arrival: { readonly candidateId: string; readonly paperId: string; readonly arrivedAt: Instant; readonly by: Actor }, rules: ExamRoomRules): SittingRecord {
  instant(arrival.arrivedAt, 'arrivedAt');
  const c = classifyArrival(paperOf(record, arrival.paperId), arrival.arrivedAt, rules);
  return updateLine(record, arrival.candidateId, arrival.paperId, (l) => ({
    ...l,
    status: c.status,
    arrivedAt: arrival.arrivedAt,
    ...(c.minutesAfterStart !== undefined ? { minutesAfterStart: c.minutesAfterStart } : {}),
    explanation: c.explanation,
    recordedAt: arrival.arrivedAt,
    recordedBy: arrival.by,
  }));
}

/**
 * Marks a candidate absent for a paper.
 *
 * @param record - the sitting record
 * @param absence - candidate, paper, when it was recorded and by whom
 * @throws ExamcycleError `invalid_value` for a candidate or paper not on the register
 * @example
 * ```ts
 * declare let record: SittingRecord;
 * declare const eo: Actor, inv: Actor;
 * record = recordAbsence(record, { candidateId: 'c2', paperId: 'p1', at: '2026-06-01T10:30:00+01:00', by: eo });
 * ```
 */
export function recordAbsence(record: SittingRecord, absence: { readonly candidateId: string; readonly paperId: string; readonly at: Instant; readonly by: Actor }): SittingRecord {
  instant(absence.at, 'at');
  paperOf(record, absence.paperId);
  return updateLine(record, absence.candidateId, absence.paperId, (l) => {
    const { arrivedAt: _a, minutesAfterStart: _m, ...rest } = l;
    return { ...rest, status: 'absent', explanation: 'Did not arrive', recordedAt: absence.at, recordedBy: absence.by };
  });
}

/**
 * Adds an incident to the log.
 *
 * @param record - the sitting record
 * @param incident - what happened, when, who logged it, who was affected
 * @throws ExamcycleError `invalid_value` for a repeated incident id, a bad instant, or an unknown paper or candidate
 * @example
 * ```ts
 * declare let record: SittingRecord;
 * declare const eo: Actor, inv: Actor;
 * record = logIncident(record, { id: 'inc-1', at: '2026-06-01T09:40:00+01:00', by: inv, kind: 'malpractice', description: 'Phone found on desk', candidateIds: ['c3'], paperId: 'p1', specialConsideration: false });
 * ```
 */
export function logIncident(record: SittingRecord, incident: Incident): SittingRecord {
  instant(incident.at, 'at');
  if (record.incidents.some((i) => i.id === incident.id)) throw invalid(`Incident ${incident.id} is already in the log of ${record.id}`, 'id', incident.id);
  if (incident.paperId !== undefined) paperOf(record, incident.paperId);
  for (const id of incident.candidateIds) {
    if (!record.register.some((l) => l.candidateId === id)) throw invalid(`Candidate ${id} is not on the register of ${record.id}`, 'candidateIds', id);
  }
  return { ...record, incidents: [...record.incidents, incident] };
}

/**
 * Records the "second pair of eyes" check of a question paper packet: two different people confirm it is
 * the right paper (subject, component, tier, date, session) before it is opened.
 *
 * @param record - the sitting record
 * @param check - the paper, when, and the two people
 * @throws ExamcycleError `guard_failed` when both checkers are the same person, or the packet was already opened
 * @example
 * ```ts
 * declare let record: SittingRecord;
 * declare const eo: Actor, inv: Actor;
 * record = recordPacketCheck(record, { paperId: 'p1', checkedAt: '2026-06-01T08:50:00+01:00', checkedBy: [eo, inv] });
 * ```
 */
export function recordPacketCheck(record: SittingRecord, check: PacketCheck): SittingRecord {
  const at = instant(check.checkedAt, 'checkedAt');
  paperOf(record, check.paperId);
  const [a, b] = check.checkedBy;
  if (!a?.id || !b?.id || a.id === b.id) {
    throw new ExamcycleError('guard_failed', `The packet check of ${check.paperId} needs two different people${a?.id ? ` (both were ${a.id})` : ''}`, { rule: 'examTime.packet-second-pair-of-eyes', details: { paperId: check.paperId } });
  }
  const opened = record.packetOpenings.find((o) => o.paperId === check.paperId && instant(o.openedAt, 'openedAt') <= at);
  if (opened) {
    throw new ExamcycleError('guard_failed', `The packet of ${check.paperId} was opened at ${opened.openedAt}, before this check: the check must come first`, { rule: 'examTime.packet-second-pair-of-eyes', details: { paperId: check.paperId } });
  }
  return { ...record, packetChecks: [...record.packetChecks, check] };
}

/**
 * Records that a question paper packet was opened. Opening without a prior two-person check is recorded
 * (it happened) and reported by {@link sittingRecordIssues}.
 *
 * @param record - the sitting record
 * @param opening - the paper, when, by whom
 * @throws ExamcycleError `invalid_value` for an unknown paper or a bad instant
 * @example
 * ```ts
 * declare let record: SittingRecord;
 * declare const eo: Actor, inv: Actor;
 * record = recordPacketOpened(record, { paperId: 'p1', openedAt: '2026-06-01T08:55:00+01:00', by: inv });
 * ```
 */
export function recordPacketOpened(record: SittingRecord, opening: PacketOpening): SittingRecord {
  instant(opening.openedAt, 'openedAt');
  paperOf(record, opening.paperId);
  return { ...record, packetOpenings: [...record.packetOpenings, opening] };
}

/**
 * Records an emergency access arrangement put in place on the day.
 *
 * @param record - the sitting record
 * @param arrangement - candidate, kind, when, who approved it, and why
 * @throws ExamcycleError `invalid_value` for a candidate not on the register or an empty reason
 * @example
 * ```ts
 * declare let record: SittingRecord;
 * declare const eo: Actor, inv: Actor;
 * record = recordEmergencyArrangement(record, { candidateId: 'c4', kind: 'scribe', at: '2026-06-01T08:45:00+01:00', approvedBy: eo, reason: 'Broken wrist' });
 * ```
 */
export function recordEmergencyArrangement(record: SittingRecord, arrangement: EmergencyArrangement): SittingRecord {
  instant(arrangement.at, 'at');
  if (!record.register.some((l) => l.candidateId === arrangement.candidateId)) throw invalid(`Candidate ${arrangement.candidateId} is not on the register of ${record.id}`, 'candidateId', arrangement.candidateId);
  if (!arrangement.reason.trim()) throw invalid('An emergency access arrangement needs its reason', 'reason', arrangement.reason);
  return { ...record, emergencyArrangements: [...record.emergencyArrangements, arrangement] };
}

/**
 * Records scripts despatched to the awarding body.
 *
 * @param record - the sitting record
 * @param despatch - papers, how many scripts, when, by whom and how
 * @throws ExamcycleError `invalid_value` for an unknown paper or a script count that is not a whole number
 * @example
 * ```ts
 * declare let record: SittingRecord;
 * declare const eo: Actor, inv: Actor;
 * record = recordDespatch(record, { paperIds: ['p1'], scriptCount: 28, at: '2026-06-01T15:00:00+01:00', by: eo, method: 'Parcelforce yellow label', reference: 'YL123' });
 * ```
 */
export function recordDespatch(record: SittingRecord, despatch: ScriptDespatch): SittingRecord {
  instant(despatch.at, 'at');
  for (const p of despatch.paperIds) paperOf(record, p);
  if (!Number.isInteger(despatch.scriptCount) || despatch.scriptCount < 0 || despatch.scriptCount > EXAM_TIME_LIMITS.maxCount) throw invalid(`The script count must be a whole number from 0 to ${EXAM_TIME_LIMITS.maxCount}`, 'scriptCount', String(despatch.scriptCount));
  return { ...record, despatches: [...record.despatches, despatch] };
}

/**
 * Something missing or wrong in a sitting record: a register line not marked, a packet without its two-person
 * check (or opened before it), scripts sat but not despatched.
 *
 * @example
 * ```ts
 * declare const record: SittingRecord;
 * const breach: SittingRecordIssueCode = 'packet_opened_before_check';
 * sittingRecordIssues(record).some((i) => i.code === breach);
 * ```
 */
export type SittingRecordIssueCode = 'register_not_marked' | 'packet_not_checked' | 'packet_opened_before_check' | 'scripts_not_despatched';

/**
 * Lists what is missing or wrong in a sitting record: unmarked register lines, packets not checked by two
 * people (or opened before the check), and papers with scripts but no despatch entry. Each is an `error` (the
 * record is not complete until it is put right) whose subject names the room, the paper and, for a register line,
 * the candidate.
 *
 * @param record - the sitting record
 * @example
 * ```ts
 * declare const record: SittingRecord;
 * sittingRecordIssues(record).map((i) => `${i.code}: ${i.message}`);
 * ```
 */
export function sittingRecordIssues(record: SittingRecord): ExamcycleIssue<SittingRecordIssueCode>[] {
  const issues: ExamcycleIssue<SittingRecordIssueCode>[] = [];
  const roomId = record.roomId;
  for (const l of record.register) {
    if (l.status === 'not_marked') issues.push({ code: 'register_not_marked', severity: 'error', subject: { roomId, candidateId: l.candidateId, paperId: l.paperId }, message: `Candidate ${l.candidateNumber} is not marked present or absent for ${l.paperId}` });
  }
  for (const p of record.papers) {
    const checks = record.packetChecks.filter((c) => c.paperId === p.id);
    const openings = record.packetOpenings.filter((o) => o.paperId === p.id);
    if (checks.length === 0) issues.push({ code: 'packet_not_checked', severity: 'error', subject: { roomId, paperId: p.id }, message: `The packet of ${p.title} (${p.id}) has no "second pair of eyes" check on record` });
    for (const o of openings) {
      const t = instant(o.openedAt, 'openedAt');
      if (!checks.some((c) => instant(c.checkedAt, 'checkedAt') <= t)) {
        issues.push({ code: 'packet_opened_before_check', severity: 'error', subject: { roomId, paperId: p.id }, location: { field: 'openedAt', value: o.openedAt }, message: `The packet of ${p.title} (${p.id}) was opened at ${o.openedAt} without a two-person check before it` });
      }
    }
    const sat = record.register.some((l) => l.paperId === p.id && (l.status === 'present' || l.status === 'late' || l.status === 'very_late'));
    if (sat && !record.despatches.some((d) => d.paperIds.includes(p.id))) {
      issues.push({ code: 'scripts_not_despatched', severity: 'error', subject: { roomId, paperId: p.id }, message: `Scripts for ${p.title} (${p.id}) have no despatch entry` });
    }
  }
  return issues;
}

/**
 * The centre records a sitting leaves, for the rules pack's retention: the seating plan, the attendance
 * register and the incident log (kept together).
 *
 * @param record - the sitting record
 * @param options - when the records were made, and the series
 * @example
 * ```ts
 * declare const record: SittingRecord;
 * const records = sittingRetainedRecords(record, { createdAt: '2026-06-01T16:00:00+01:00', seriesId: 'june-2026' });
 * planRetention({ rulesPack: jcq, asOf: '2026-12-01T09:00:00Z', records }).keep.length; // 3
 * ```
 */
export function sittingRetainedRecords(record: SittingRecord, options: { readonly createdAt: Instant; readonly seriesId?: string }): RetainedRecord[] {
  const base = { subject: record.id, createdAt: options.createdAt, ...(options.seriesId !== undefined ? { seriesId: options.seriesId } : {}) };
  return [
    { id: `seating-plan.${record.id}`, kind: 'seating_plan', ...base },
    { id: `attendance-register.${record.id}`, kind: 'attendance_register', ...base },
    { id: `incident-log.${record.id}`, kind: 'incident_log', ...base },
  ];
}
