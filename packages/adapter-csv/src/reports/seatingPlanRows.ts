/**
 * The glue from core's seating plan to the seating plan export: {@link planSeating} places candidate ids in
 * seats by paper id; the sheet an invigilator reads names the rooms, the papers (code, title, awarding body,
 * start and duration), each candidate by number and name, their extra time and their access arrangements.
 * The names come from the centre timetable the plan was made from, so what is printed is what was planned.
 */
import { ExamcycleError, type AccessArrangementKind, type AwardingBody, type Candidate, type CandidateSitting, type CentreTimetable, type SeatingPlan, type SeatVariation, type TimetableCandidate } from '@examcycle/core';
import type { SeatingPlanRow } from './seatingPlan.js';

/**
 * Where {@link seatingPlanRows} finds the names a seating plan leaves as ids.
 *
 * @example
 * ```ts
 * declare const timetable: CentreTimetable;
 * const lookups: SeatingPlanLookups = { timetable, awardingBodies: [{ id: 'AQA', name: 'AQA' }] };
 * ```
 */
export interface SeatingPlanLookups {
  /** The centre timetable the plan's session came from (`buildCentreTimetable`): papers, candidates, extra time. */
  readonly timetable: CentreTimetable;
  /**
   * Awarding bodies, for the names printed (a body not listed is printed by its id).
   * @default []
   */
  readonly awardingBodies?: readonly Pick<AwardingBody, 'id' | 'name'>[];
  /**
   * How a candidate's name is printed.
   * @default legal surname in capitals, a colon, legal forenames (`JONES: Siân`), as a register prints it
   */
  readonly candidateName?: (candidate: Candidate) => string;
  /**
   * The words printed for each access arrangement.
   * @default {@link SEATING_ARRANGEMENT_WORDS}
   */
  readonly arrangementWords?: Readonly<Record<AccessArrangementKind, string>>;
}

/**
 * The words a seating plan prints for each access arrangement.
 *
 * @example
 * ```ts
 * SEATING_ARRANGEMENT_WORDS.rest_breaks; // 'Supervised rest breaks'
 * ```
 */
export const SEATING_ARRANGEMENT_WORDS: Readonly<Record<AccessArrangementKind, string>> = {
  extra_time: 'Extra time',
  rest_breaks: 'Supervised rest breaks',
  reader: 'Reader',
  computer_reader: 'Computer reader',
  scribe: 'Scribe',
  prompter: 'Prompter',
  word_processor: 'Word processor',
  separate_invigilation: 'Separate invigilation',
  modified_paper: 'Modified paper',
  practical_assistant: 'Practical assistant',
  other: 'Other arrangement',
};

const VARIATION_WORDS: Readonly<Record<SeatVariation['kind'], string>> = {
  consecutive_in_session: 'Sat consecutively',
  move_to_other_session: 'Moved from its published session',
  overnight_supervision: 'Overnight supervision',
};

function registerName(candidate: Candidate): string {
  const surname = candidate.legalSurname.toLocaleUpperCase('en-GB');
  return candidate.legalForenames === '' ? surname : `${surname}: ${candidate.legalForenames}`;
}

function variationWords(v: SeatVariation): string {
  const slot = `published ${v.published.date} ${v.published.session} ${v.published.startTime}`;
  return `${VARIATION_WORDS[v.kind]} (${slot})${v.conditions.length ? `: ${v.conditions.join('; ')}` : ''}`;
}

/**
 * The lines of a seating plan export: one per candidate per paper they sit in the session, room by room in
 * the plan's order, seat by seat, papers in sitting order. Write them with `exportCsv('seating_plan', rows)`.
 * Candidates the plan could not seat are in `plan.unseated`, not here.
 *
 * @param plan - a seating plan from `planSeating`
 * @param lookups - the timetable the plan was made from, and how to print names
 * @throws ExamcycleError `invalid_value` when the plan names a candidate or a sitting the timetable does not hold
 *   (the plan was made from another timetable)
 * @example
 * ```ts
 * declare const papers: TimetabledPaper[], entries: Entry[], candidates: Candidate[], accessArrangements: AccessArrangement[], rooms: Room[];
 * declare const awardingBodies: readonly AwardingBody[];
 * const timetable = buildCentreTimetable({ papers, entries, candidates, accessArrangements });
 * const plan = planSeating({ session: timetable.sessions[0]!, rooms }, { rules: jcq.examRoomRules('2025/26') });
 * const csv = exportCsv('seating_plan', seatingPlanRows(plan, { timetable, awardingBodies }), { bom: true });
 * ```
 */
export function seatingPlanRows(plan: SeatingPlan, lookups: SeatingPlanLookups): SeatingPlanRow[] {
  const { timetable, awardingBodies = [], candidateName = registerName, arrangementWords = SEATING_ARRANGEMENT_WORDS } = lookups;
  const session = timetable.sessions.find((s) => s.key === plan.id);
  if (session === undefined) {
    throw new ExamcycleError('invalid_value', `The timetable has no session ${plan.id}: the seating plan was made from another timetable`, { details: { planId: plan.id } });
  }
  const sittings = new Map<string, CandidateSitting>(session.sittings.map((s) => [`${s.candidateId}\u0000${s.paperId}`, s]));
  const candidates = new Map<string, TimetableCandidate>(timetable.candidates.map((c) => [c.candidateId, c]));
  const bodies = new Map(awardingBodies.map((b) => [b.id, b.name]));
  const rows: SeatingPlanRow[] = [];
  for (const room of plan.rooms) {
    for (const seat of room.seats) {
      const candidate = candidates.get(seat.candidateId);
      if (candidate === undefined) {
        throw new ExamcycleError('invalid_value', `Candidate ${seat.candidateNumber} (${seat.candidateId}) in seat ${seat.seat} of ${room.roomName} is not on the timetable`, { details: { planId: plan.id, candidateId: seat.candidateId } });
      }
      const { extraTimePercent } = candidate.allowance;
      for (const paperId of seat.paperIds) {
        const sitting = sittings.get(`${seat.candidateId}\u0000${paperId}`);
        if (sitting === undefined) {
          throw new ExamcycleError('invalid_value', `Candidate ${seat.candidateNumber} sits paper ${paperId} in ${plan.id} on the plan but not on the timetable`, { details: { planId: plan.id, candidateId: seat.candidateId, paperId } });
        }
        const variation = seat.variations?.find((v) => v.paperId === paperId);
        const arrangements = [...seat.arrangementKinds.map((k) => arrangementWords[k] ?? k), ...(variation ? [variationWords(variation)] : [])];
        rows.push({
          date: sitting.date,
          session: sitting.session,
          startTime: sitting.startTime,
          room: room.roomName,
          seat: seat.seat,
          candidateNumber: seat.candidateNumber,
          candidateName: candidateName(candidate.candidate),
          componentCode: sitting.paper.componentCode,
          componentTitle: sitting.paper.title,
          awardingBody: bodies.get(sitting.paper.awardingBodyId) ?? sitting.paper.awardingBodyId,
          durationMinutes: sitting.paper.durationMinutes,
          ...(extraTimePercent > 0 ? { extraTimePercent } : {}),
          ...(arrangements.length ? { arrangements } : {}),
        });
      }
    }
  }
  return rows;
}
