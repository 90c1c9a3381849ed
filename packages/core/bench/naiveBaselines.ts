/**
 * The naive baselines the benchmark measures against: clash finding by comparing every pair of sittings
 * (quadratic), clash finding by grouping sittings per candidate in Maps of objects and comparing pairs
 * within each candidate (what a first implementation would do), and seating by scanning every seat of
 * every room and checking its distance to every candidate already seated.
 */
import type { CompactSittings, Room } from '@examcycle/core';

/** One sitting as the naive baselines see it: plain numbers. */
export interface NaiveSitting {
  readonly candidate: number;
  readonly paper: number;
  readonly slot: number;
  readonly minutes: number;
  readonly dayLimit: number;
}

/** Allowed minutes with extra time and rest breaks, rounded up (the same rule as core). */
function allowed(d: number, x: number, r: number): number {
  const ext = Math.ceil((d * (100 + x)) / 100 - 1e-9);
  return ext + Math.ceil((r * ext) / 60 - 1e-9);
}

/** Sittings `from … to - 1` of the columns as plain objects. */
export function naiveSittings(s: CompactSittings, from = 0, to = s.sittingCandidate.length): NaiveSitting[] {
  const out: NaiveSitting[] = [];
  for (let i = from; i < to; i++) {
    const c = s.sittingCandidate[i]!;
    const p = s.sittingPaper[i]!;
    out.push({ candidate: c, paper: p, slot: s.paperSlot[p]!, minutes: allowed(s.paperMinutes[p]!, s.candidateExtraTimePercent?.[c] ?? 0, s.candidateRestBreakMinutesPerHour?.[c] ?? 0), dayLimit: s.paperDayLimit[p]! });
  }
  return out;
}

/** Clashes found the naive way: every pair of sittings is compared. Returns same-session + day-total clash count. */
export function naivePairwiseClashes(sittings: readonly NaiveSitting[]): number {
  const sessionClash = new Set<string>();
  const dayPapers = new Map<string, NaiveSitting[]>();
  for (let i = 0; i < sittings.length; i++) {
    const a = sittings[i]!;
    for (let j = i + 1; j < sittings.length; j++) {
      const b = sittings[j]!;
      if (a.candidate === b.candidate && a.paper !== b.paper) {
        if (a.slot === b.slot) sessionClash.add(`${a.candidate}|${a.slot}`);
      }
    }
    const key = `${a.candidate}|${a.slot >> 1}`;
    const list = dayPapers.get(key);
    if (list) {
      if (!list.some((x) => x.paper === a.paper)) list.push(a);
    } else dayPapers.set(key, [a]);
  }
  let dayClashes = 0;
  for (const list of dayPapers.values()) {
    if (list.length < 2) continue;
    let total = 0;
    let limit = 0;
    for (const x of list) {
      total += x.minutes;
      if (x.dayLimit > 0 && (limit === 0 || x.dayLimit < limit)) limit = x.dayLimit;
    }
    if (limit > 0 && total > limit) dayClashes++;
  }
  return sessionClash.size + dayClashes;
}

/** Clashes found by grouping sittings per candidate in a Map and comparing pairs within each candidate. */
export function groupedPairwiseClashes(sittings: readonly NaiveSitting[]): number {
  const byCandidate = new Map<number, NaiveSitting[]>();
  for (const s of sittings) {
    const list = byCandidate.get(s.candidate);
    if (list) list.push(s);
    else byCandidate.set(s.candidate, [s]);
  }
  let count = 0;
  for (const list of byCandidate.values()) {
    const seenSlots = new Set<number>();
    const days = new Map<number, NaiveSitting[]>();
    for (let i = 0; i < list.length; i++) {
      const a = list[i]!;
      if (list.findIndex((x) => x.paper === a.paper) !== i) continue;
      for (let j = i + 1; j < list.length; j++) {
        const b = list[j]!;
        if (b.paper !== a.paper && b.slot === a.slot && !seenSlots.has(a.slot)) {
          seenSlots.add(a.slot);
          count++;
        }
      }
      const day = days.get(a.slot >> 1);
      if (day) day.push(a);
      else days.set(a.slot >> 1, [a]);
    }
    for (const day of days.values()) {
      if (day.length < 2) continue;
      const total = day.reduce((t, x) => t + x.minutes, 0);
      const limits = day.map((x) => x.dayLimit).filter((l) => l > 0);
      if (limits.length && total > Math.min(...limits)) count++;
    }
  }
  return count;
}

/** A candidate to seat, for the naive seating baseline. */
export interface NaiveSeatingCandidate {
  readonly candidateId: string;
  readonly paperId: string;
}

/**
 * Seats candidates (already in order) the naive way: for each, scan every seat of every room and take the
 * first one that is not switched off and is at least `spacing` from every candidate already seated there.
 * Returns how many were seated.
 */
export function naiveSeating(candidates: readonly NaiveSeatingCandidate[], rooms: readonly Room[], spacing: number): number {
  const seated = rooms.map(() => [] as { x: number; y: number }[]);
  const taken = rooms.map(() => new Set<string>());
  let count = 0;
  for (let k = 0; k < candidates.length; k++) {
    let placed = false;
    for (let ri = 0; ri < rooms.length && !placed; ri++) {
      const room = rooms[ri]!;
      for (let r = 0; r < room.rows && !placed; r++) {
        for (let c = 0; c < room.columns && !placed; c++) {
          const code = `${String.fromCharCode(65 + (r % 26))}${r >= 26 ? r : ''}${c + 1}`;
          if (room.disabledSeats.includes(code) || taken[ri]!.has(`${r}|${c}`)) continue;
          const x = c * room.seatPitchMetres;
          const y = r * room.rowPitchMetres;
          if (seated[ri]!.every((p) => Math.hypot(p.x - x, p.y - y) >= spacing - 1e-9)) {
            seated[ri]!.push({ x, y });
            taken[ri]!.add(`${r}|${c}`);
            placed = true;
            count++;
          }
        }
      }
    }
  }
  return count;
}
