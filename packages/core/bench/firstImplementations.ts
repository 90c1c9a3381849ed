/**
 * What a competent engineer writes first, for the exam-time benchmark to measure against: clash finding by
 * grouping each candidate's sittings in a Map and comparing pairs within the candidate (linear in sittings:
 * a candidate has a handful), and seating by a grid scan per room with the spacing checked only against the
 * seats within reach (a per-room cursor: every seat is looked at once). No straw men: neither is quadratic.
 */
import type { CompactSittings, Room } from '@examcycle/core';

/** One sitting as the first implementation sees it: plain numbers. */
export interface PlainSitting {
  readonly candidate: number;
  readonly paper: number;
  readonly slot: number;
  readonly minutes: number;
  readonly dayLimit: number;
}

/** Allowed minutes with extra time and rest breaks, rounded up (the same rule as core). */
export function allowedMinutes(d: number, x: number, r: number): number {
  const ext = Math.ceil((d * (100 + x)) / 100 - 1e-9);
  return ext + Math.ceil((r * ext) / 60 - 1e-9);
}

/** The sittings of compact columns as plain objects (built inside the timed round: it is part of the work). */
export function plainSittings(s: CompactSittings): PlainSitting[] {
  const out: PlainSitting[] = new Array(s.sittingCandidate.length);
  for (let i = 0; i < s.sittingCandidate.length; i++) {
    const c = s.sittingCandidate[i]!;
    const p = s.sittingPaper[i]!;
    out[i] = { candidate: c, paper: p, slot: s.paperSlot[p]!, minutes: allowedMinutes(s.paperMinutes[p]!, s.candidateExtraTimePercent?.[c] ?? 0, s.candidateRestBreakMinutesPerHour?.[c] ?? 0), dayLimit: s.paperDayLimit[p]! };
  }
  return out;
}

/**
 * Clashes found by grouping sittings per candidate in a Map and comparing pairs within each candidate: one per
 * candidate and session with two different papers, one per candidate and day whose allowed minutes pass the
 * level's day total. Returns the count.
 */
export function groupedClashes(sittings: readonly PlainSitting[]): number {
  const byCandidate = new Map<number, PlainSitting[]>();
  for (const s of sittings) {
    const list = byCandidate.get(s.candidate);
    if (list) list.push(s);
    else byCandidate.set(s.candidate, [s]);
  }
  let count = 0;
  for (const list of byCandidate.values()) {
    const seenSlots = new Set<number>();
    const days = new Map<number, PlainSitting[]>();
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

/** A candidate to seat. */
export interface SeatingCandidate {
  readonly candidateId: string;
  readonly candidateNumber: string;
}

function seatCode(r: number, c: number): string {
  return `${String.fromCharCode(65 + (r % 26))}${r >= 26 ? r : ''}${c + 1}`;
}

/**
 * Seats candidates in candidate-number order, room after room (rooms by id), each at the first seat in row
 * order that is not switched off and is at least `spacing` from every seat taken in that room. Only the seats
 * within `spacing` are checked (a grid of taken seats), and a per-room cursor never looks at a seat twice.
 * Returns how many were seated.
 */
export function gridSeating(candidates: readonly SeatingCandidate[], rooms: readonly Room[], spacing: number): number {
  const ordered = [...candidates].sort((a, b) => (a.candidateNumber < b.candidateNumber ? -1 : a.candidateNumber > b.candidateNumber ? 1 : 0));
  const byId = [...rooms].sort((a, b) => (a.id < b.id ? -1 : 1));
  let k = 0;
  for (const room of byId) {
    if (k >= ordered.length) break;
    const taken = new Uint8Array(room.rows * room.columns);
    const off = new Set(room.disabledSeats);
    const reachRows = Math.ceil(spacing / room.rowPitchMetres);
    const reachCols = Math.ceil(spacing / room.seatPitchMetres);
    const limit = room.capacity ?? Number.POSITIVE_INFINITY;
    let placed = 0;
    for (let cursor = 0; cursor < taken.length && k < ordered.length && placed < limit; cursor++) {
      const r = Math.floor(cursor / room.columns);
      const c = cursor % room.columns;
      if (off.has(seatCode(r, c))) continue;
      let clear = true;
      for (let dr = -reachRows; dr <= reachRows && clear; dr++) {
        const rr = r + dr;
        if (rr < 0 || rr >= room.rows) continue;
        for (let dc = -reachCols; dc <= reachCols; dc++) {
          const cc = c + dc;
          if (cc < 0 || cc >= room.columns || !taken[rr * room.columns + cc]) continue;
          if (Math.hypot(dr * room.rowPitchMetres, dc * room.seatPitchMetres) < spacing - 1e-9) {
            clear = false;
            break;
          }
        }
      }
      if (!clear) continue;
      taken[cursor] = 1;
      placed++;
      k++;
    }
  }
  return k;
}
