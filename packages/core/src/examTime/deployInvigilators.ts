/**
 * Invigilator deployment for one session, on its seating plan, ratio first. Each room needs enough
 * invigilators for the rules' ratios (one per 30 written, one per 20 practical, on-screen as the rules say;
 * a room with mixed papers needs the sum of its shares, rounded up), and an access-arrangements room needs
 * its own invigilator. Those needs are met first, in rounds: every room gets its first invigilator before
 * any room gets a second, rooms with the greatest need first, so when the pool is short the largest rooms
 * are not starved for small ones. Then each candidate whose arrangement needs a facilitator (reader,
 * scribe, prompter, practical assistant) gets a trained facilitator of their own (facilitator-trained
 * invigilators are kept for this while others can meet the ratios). Then a room left with a single
 * invigilator and no way to summon help gets a second person. Only invigilators available for the session
 * and with current training are used. A candidate's relative is kept out of their room, and is never the
 * sole invigilator there. Each room's plan is explained (needed, assigned, why); whatever cannot be met
 * is reported per room as a shortfall or an issue, never hidden.
 */
import type { AccessArrangementKind } from '../domain/accessArrangement.js';
import type { Invigilator } from '../domain/invigilator.js';
import type { Session } from '../domain/paper.js';
import type { ExamRoomRules } from '../rules/RulesPack.js';
import type { SourceRef } from '../rules/sources.js';
import type { CalendarDate } from '../time/clock.js';
import type { ExamcycleIssue } from '../errors/ExamcycleIssue.js';
import { checkArray, checkNumber, checkObject, checkRatios, count, EXAM_TIME_LIMITS, sourcedValue } from './examTimeLimits.js';
import { invigilatorTrainingStatus } from './invigilatorTraining.js';
import type { RatioKind, SeatingPlan } from './planSeating.js';

/**
 * A facilitator assigned to one candidate.
 *
 * @example
 * ```ts
 * declare const deployment: Deployment;
 * const f: FacilitatorAssignment | undefined = deployment.rooms[0]?.facilitators[0];
 * f && `${f.invigilatorId} for ${f.candidateNumber} (${f.arrangements.join(', ')})`;
 * ```
 */
export interface FacilitatorAssignment {
  readonly invigilatorId: string;
  readonly candidateId: string;
  readonly candidateNumber: string;
  readonly arrangements: readonly AccessArrangementKind[];
}

/**
 * One room's deployment.
 *
 * @example
 * ```ts
 * declare const deployment: Deployment;
 * const room: RoomDeployment | undefined = deployment.rooms.find((r) => !r.meetsRatio);
 * room?.explanation;
 * ```
 */
export interface RoomDeployment {
  readonly roomId: string;
  readonly roomName: string;
  readonly candidates: number;
  readonly byRatioKind: Readonly<Record<RatioKind, number>>;
  /** Invigilators the ratios require. */
  readonly required: number;
  /** Invigilators deployed (may exceed `required` by a second person where help cannot be summoned). */
  readonly invigilatorIds: readonly string[];
  readonly facilitators: readonly FacilitatorAssignment[];
  /** How help is summoned without leaving the room, when the centre recorded one. */
  readonly summonHelp?: string;
  readonly meetsRatio: boolean;
  /** What the room needs and why, who was assigned, and anything short, in words. */
  readonly explanation: string;
}

/**
 * A need that could not be met.
 *
 * @example
 * ```ts
 * declare const deployment: Deployment;
 * const short: readonly DeploymentShortfall[] = deployment.shortfalls;
 * short.map((s) => `${s.roomId}: ${s.missing} ${s.need} missing`);
 * ```
 */
export interface DeploymentShortfall {
  readonly roomId: string;
  readonly need: 'invigilators' | 'facilitator';
  readonly required: number;
  readonly assigned: number;
  readonly missing: number;
  /** The candidate without a facilitator. */
  readonly candidateId?: string;
  readonly reason: string;
}

/**
 * A concern with a deployment that is not a missing ratio (reported as a `warning`: the deployment stands): a room
 * left with one invigilator and no way to summon help, or an invigilator deployed in a room with a relative.
 *
 * @example
 * ```ts
 * declare const deployment: Deployment;
 * const lone: DeploymentIssueCode = 'lone_invigilator_without_summon_help';
 * deployment.issues.filter((i) => i.code === lone).map((i) => i.subject?.roomId);
 * ```
 */
export type DeploymentIssueCode = 'lone_invigilator_without_summon_help' | 'relative_in_room';

/**
 * A session's deployment.
 *
 * @example
 * ```ts
 * declare const plan: SeatingPlan, invigilators: Invigilator[];
 * const deployment: Deployment = deployInvigilators({ plan, invigilators }, { rules: jcq.examRoomRules('2025/26') });
 * deployment.reserves.length;
 * ```
 */
export interface Deployment {
  readonly date: CalendarDate;
  readonly session: Session;
  readonly rooms: readonly RoomDeployment[];
  readonly shortfalls: readonly DeploymentShortfall[];
  /** Concerns that are not a missing ratio, each a `warning` naming the room and invigilator. */
  readonly issues: readonly ExamcycleIssue<DeploymentIssueCode>[];
  /** Invigilators who could not be used, and why (not available, training not current). */
  readonly notEligible: readonly { readonly invigilatorId: string; readonly reason: string }[];
  /** Eligible invigilators left over. */
  readonly reserves: readonly string[];
  /** How the plan was made, then one line per room (its {@link RoomDeployment.explanation}). */
  readonly explanation: readonly string[];
  readonly source: SourceRef;
}

/**
 * What a deployment is made from.
 *
 * @example
 * ```ts
 * declare const plan: SeatingPlan, invigilators: Invigilator[];
 * const input: DeployInvigilatorsInput = { plan, invigilators, summonHelp: { 'main-hall': 'radio' } };
 * deployInvigilators(input, { rules: jcq.examRoomRules('2025/26') });
 * ```
 */
export interface DeployInvigilatorsInput {
  /** The session's seating plan. */
  readonly plan: SeatingPlan;
  /** The invigilator pool. */
  readonly invigilators: readonly Invigilator[];
  /** For each room id, how help is summoned without leaving the room (`'radio'`, `'phone'`, `'call button'`). */
  readonly summonHelp?: Readonly<Record<string, string>>;
}

/**
 * Options for {@link deployInvigilators}.
 *
 * @example
 * ```ts
 * declare const input: DeployInvigilatorsInput;
 * const options: DeployInvigilatorsOptions = { rules: jcq.examRoomRules('2025/26'), facilitatorArrangements: ['reader', 'scribe'] };
 * deployInvigilators(input, options);
 * ```
 */
export interface DeployInvigilatorsOptions {
  /** The exam-room rules in force (invigilation ratios). */
  readonly rules: ExamRoomRules;
  /**
   * Arrangements that need a facilitator of the candidate's own (a centre policy, not a JCQ value).
   * @default ['reader', 'scribe', 'prompter', 'practical_assistant']
   */
  readonly facilitatorArrangements?: readonly AccessArrangementKind[];
}

/**
 * Invigilators a room needs for its candidates under the ratios: the sum of each kind's share, rounded up
 * (exact integer arithmetic); at least one when the room has candidates.
 *
 * @param byKind - candidates by ratio class (whole numbers, 0 to 1,000,000)
 * @param ratios - candidates per invigilator by class (whole numbers, 1 to 1,000)
 * @throws ExamcycleError `invalid_value` naming the field (`ratios.written`, `byKind.practical`, …) for a number out of range
 * @example
 * ```ts
 * requiredInvigilators({ written: 31, practical: 0, on_screen: 0 }, { written: 30, practical: 20, on_screen: 20 }); // 2
 * ```
 */
export function requiredInvigilators(byKind: Readonly<Record<RatioKind, number>>, ratios: Readonly<Record<RatioKind, number>>): number {
  checkObject(byKind, 'byKind');
  const n = count(EXAM_TIME_LIMITS.maxCount);
  const w = checkNumber(byKind.written, 'byKind.written', n);
  const p = checkNumber(byKind.practical, 'byKind.practical', n);
  const o = checkNumber(byKind.on_screen, 'byKind.on_screen', n);
  const { written: rw, practical: rp, on_screen: ro } = checkRatios(ratios, 'ratios');
  const den = rw * rp * ro;
  const num = w * rp * ro + p * rw * ro + o * rw * rp;
  return Math.ceil(num / den);
}

function cmp(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * Deploys invigilators to the rooms of a session's seating plan.
 *
 * @param input - the seating plan, the pool, and each room's way to summon help
 * @param options - the rules, and centre choices
 * @throws ExamcycleError `invalid_value` naming the field for invigilation ratios that are not whole numbers from 1 to 1,000
 * @example
 * ```ts
 * declare const plan: SeatingPlan, invigilators: Invigilator[];
 * const d = deployInvigilators({ plan, invigilators, summonHelp: { hall: 'radio' } }, { rules: jcq.examRoomRules('2025/26') });
 * d.shortfalls.map((s) => s.reason);
 * ```
 */
export function deployInvigilators(input: DeployInvigilatorsInput, options: DeployInvigilatorsOptions): Deployment {
  checkObject(input, 'input');
  checkObject(options, 'options');
  const { rules, facilitatorArrangements = ['reader', 'scribe', 'prompter', 'practical_assistant'] } = options;
  const { plan } = input;
  const ratios = checkRatios(sourcedValue(rules, 'invigilationRatio'), 'rules.invigilationRatio');
  checkObject(plan, 'plan');
  checkArray(plan.rooms, 'plan.rooms');
  checkArray(input.invigilators, 'invigilators');
  const needsFacilitator = new Set(facilitatorArrangements);
  const summon = input.summonHelp ?? {};

  const notEligible: { invigilatorId: string; reason: string }[] = [];
  const eligible: Invigilator[] = [];
  for (const inv of [...input.invigilators].sort((a, b) => cmp(a.id, b.id))) {
    if (!inv.availability.some((a) => a.date === plan.date && a.session === plan.session)) {
      notEligible.push({ invigilatorId: inv.id, reason: `${inv.name} is not available on ${plan.date} ${plan.session}` });
      continue;
    }
    const t = invigilatorTrainingStatus(inv, plan.date);
    if (!t.current) {
      notEligible.push({ invigilatorId: inv.id, reason: t.reason });
      continue;
    }
    eligible.push(inv);
  }
  const used = new Set<string>();
  const relatedTo = (inv: Invigilator, candidateIds: ReadonlySet<string>) => inv.relativeOfCandidateIds.some((id) => candidateIds.has(id));

  const shortfalls: DeploymentShortfall[] = [];
  const issues: ExamcycleIssue<DeploymentIssueCode>[] = [];
  interface Working {
    index: number;
    roomId: string;
    roomName: string;
    use: 'main' | 'access_arrangements';
    candidateIds: Set<string>;
    byKind: Record<RatioKind, number>;
    required: number;
    invigilators: Invigilator[];
    facilitators: FacilitatorAssignment[];
    secondPerson?: Invigilator;
    relatives: Invigilator[];
  }
  const rooms: Working[] = plan.rooms.map((r, index) => {
    const byKind: Record<RatioKind, number> = { written: 0, practical: 0, on_screen: 0 };
    for (const s of r.seats) byKind[s.ratioKind]++;
    return { index, roomId: r.roomId, roomName: r.roomName, use: r.use, candidateIds: new Set(r.seats.map((s) => s.candidateId)), byKind, required: r.seats.length ? requiredInvigilators(byKind, ratios) : 0, invigilators: [], facilitators: [], relatives: [] };
  });
  const facilitationNeeds = plan.rooms.flatMap((r, i) => r.seats.flatMap((s) => {
    const arrangements = s.arrangementKinds.filter((k) => needsFacilitator.has(k));
    return arrangements.length ? [{ room: rooms[i]!, seat: s, arrangements }] : [];
  }));

  // 1. The ratios, in rounds: every room its first invigilator before any room a second, greatest need first.
  // Facilitator-trained invigilators are kept for facilitation while others (or spare facilitators) can go.
  const facilitatorsLeft = () => eligible.filter((inv) => inv.facilitator && !used.has(inv.id)).length;
  let facilitationLeft = facilitationNeeds.length;
  const pick = (w: Working, allowRelative: boolean): Invigilator | undefined => {
    const fits = (inv: Invigilator) => !used.has(inv.id) && (allowRelative || !relatedTo(inv, w.candidateIds));
    return eligible.find((inv) => !inv.facilitator && fits(inv)) ?? (facilitatorsLeft() > facilitationLeft ? eligible.find((inv) => inv.facilitator && fits(inv)) : undefined) ?? eligible.find(fits);
  };
  const byNeed = [...rooms].filter((w) => w.required > 0).sort((a, b) => b.required - a.required || b.candidateIds.size - a.candidateIds.size || a.index - b.index);
  for (let round = 1, progress = true; progress; round++) {
    progress = false;
    for (const w of byNeed) {
      if (w.invigilators.length >= w.required || w.invigilators.length >= round) continue;
      let inv = pick(w, false);
      // A relative may be deployed only alongside another invigilator, never as the sole one.
      if (!inv && w.invigilators.length >= 1) {
        inv = pick(w, true);
        if (inv) {
          w.relatives.push(inv);
          issues.push({ code: 'relative_in_room', severity: 'warning', subject: { roomId: w.roomId, invigilatorId: inv.id }, message: `${inv.name} is a relative of a candidate in ${w.roomName}; deployed only alongside another invigilator, never as the sole one` });
        }
      }
      if (!inv) continue;
      used.add(inv.id);
      w.invigilators.push(inv);
      progress = true;
    }
  }
  for (const w of rooms) {
    if (w.invigilators.length >= w.required) continue;
    const missing = w.required - w.invigilators.length;
    shortfalls.push({
      roomId: w.roomId,
      need: 'invigilators',
      required: w.required,
      assigned: w.invigilators.length,
      missing,
      reason: `${w.roomName} needs ${w.required} invigilator(s) for ${w.byKind.written} written, ${w.byKind.practical} practical and ${w.byKind.on_screen} on-screen candidates (1:${ratios.written}, 1:${ratios.practical}, 1:${ratios.on_screen}); ${missing} short`,
    });
  }

  // 2. Facilitators: a trained facilitator of their own for each candidate whose arrangement needs one.
  for (const { room: w, seat: s, arrangements } of facilitationNeeds) {
    facilitationLeft--;
    const f = eligible.find((inv) => inv.facilitator && !used.has(inv.id) && !relatedTo(inv, w.candidateIds));
    if (!f) {
      shortfalls.push({ roomId: w.roomId, need: 'facilitator', required: 1, assigned: 0, missing: 1, candidateId: s.candidateId, reason: `No available, trained facilitator (unrelated to the room's candidates) for candidate ${s.candidateNumber}'s ${arrangements.join(' + ')}` });
      continue;
    }
    used.add(f.id);
    w.facilitators.push({ invigilatorId: f.id, candidateId: s.candidateId, candidateNumber: s.candidateNumber, arrangements });
  }

  // 3. Never a lone invigilator without a way to summon help: a second person, else report it.
  for (const w of byNeed) {
    if (w.invigilators.length !== 1 || summon[w.roomId]) continue;
    const second = pick(w, false);
    if (second) {
      used.add(second.id);
      w.invigilators.push(second);
      w.secondPerson = second;
      continue;
    }
    issues.push({ code: 'lone_invigilator_without_summon_help', severity: 'warning', subject: { roomId: w.roomId, invigilatorId: w.invigilators[0]!.id }, message: `${w.roomName} has a single invigilator and no recorded way to summon help without leaving the room, and no second invigilator is free` });
  }

  const explain = (w: Working): string => {
    if (w.required === 0) return `${w.roomName}: no candidates, no invigilator needed`;
    const kinds = (['written', 'practical', 'on_screen'] as const).filter((k) => w.byKind[k] > 0).map((k) => `${w.byKind[k]} ${k.replace('_', '-')} (1:${ratios[k]})`);
    const ratioIds = w.invigilators.filter((i) => i !== w.secondPerson).map((i) => i.id);
    const short = w.required - ratioIds.length;
    const parts = [
      `${w.roomName}: ${w.candidateIds.size} candidate(s), ${kinds.join(', ')}, need ${w.required} invigilator(s)${w.use === 'access_arrangements' && w.required === 1 ? ' (an access-arrangements room has its own invigilator)' : ''}`,
      `assigned ${ratioIds.length ? ratioIds.join(', ') : 'none'}${short > 0 ? `: ${short} short, the pool is used up${byNeed.length > 1 ? ' (shared in rounds, greatest need first)' : ''}` : ': ratio met'}`,
    ];
    if (w.relatives.length) parts.push(`${w.relatives.map((i) => i.id).join(', ')} related to a candidate here, so only alongside another invigilator`);
    if (w.facilitators.length) parts.push(`facilitator(s) ${w.facilitators.map((f) => `${f.invigilatorId} for ${f.candidateNumber} (${f.arrangements.join(' + ')})`).join(', ')}`);
    const noFacilitator = shortfalls.filter((x) => x.roomId === w.roomId && x.need === 'facilitator').length;
    if (noFacilitator) parts.push(`${noFacilitator} candidate(s) without a facilitator`);
    if (w.secondPerson) parts.push(`${w.secondPerson.id} added as a second person: no way to summon help without leaving the room is recorded`);
    else if (summon[w.roomId]) parts.push(`help is summoned by ${summon[w.roomId]}`);
    else if (w.invigilators.length === 1) parts.push('a single invigilator with no recorded way to summon help, and no one free to be a second person');
    return parts.join('; ');
  };

  return {
    date: plan.date,
    session: plan.session,
    rooms: rooms.map((w) => ({
      roomId: w.roomId,
      roomName: w.roomName,
      candidates: w.candidateIds.size,
      byRatioKind: w.byKind,
      required: w.required,
      invigilatorIds: w.invigilators.map((i) => i.id),
      facilitators: w.facilitators,
      ...(summon[w.roomId] ? { summonHelp: summon[w.roomId]! } : {}),
      meetsRatio: w.invigilators.length >= w.required,
      explanation: explain(w),
    })),
    shortfalls,
    issues,
    notEligible,
    reserves: eligible.filter((i) => !used.has(i.id)).map((i) => i.id),
    explanation: [
      `Ratios first (1:${ratios.written} written, 1:${ratios.practical} practical, 1:${ratios.on_screen} on screen; an access-arrangements room has its own invigilator): every room gets its first invigilator before any room a second, greatest need first; then a facilitator for each candidate who needs one; then a second person where a lone invigilator cannot summon help`,
      `${eligible.length} of ${input.invigilators.length} invigilator(s) available and trained for ${plan.date} ${plan.session}; ${eligible.filter((i) => !used.has(i.id)).length} left in reserve`,
      ...rooms.map(explain),
    ],
    source: rules.invigilationRatio.source,
  };
}
