import { fc } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  EXAM_TIME_LIMITS,
  buildCentreTimetable,
  classifyArrival,
  effectiveDurationMinutes,
  examTimeTasks,
  findClashes,
  findClashesCompact,
  isExamcycleError,
  parseSeatCode,
  planSeating,
  requiredInvigilators,
  roomLayout,
  seatCode,
  timeAllowanceOf,
  type ExamRoomRules,
  type Room,
  type SittingRecord,
} from '@examcycle/core';
import { runExamTimeFuzz } from '../../fuzz/examTime.js';
import { fixturePack } from '../fixtures/fixturePack.js';
import { arrangement, candidate, entry, paper, room } from './centreFixture.js';

const rules: ExamRoomRules = fixturePack.examRoomRules('2025/26');
const withRule = (name: keyof ExamRoomRules, value: unknown): ExamRoomRules => ({ ...rules, [name]: { ...rules[name], value } }) as ExamRoomRules;

/** The error a call throws (failing the test when it returns). */
function thrown(call: () => unknown): unknown {
  try {
    call();
  } catch (e) {
    return e;
  }
  throw new Error('expected a throw');
}

/** Asserts a typed `invalid_value` naming the field, in location and details alike. */
function expectInvalid(call: () => unknown, field: string): void {
  const e = thrown(call);
  expect(isExamcycleError(e), String(e)).toBe(true);
  expect(e).toMatchObject({ code: 'invalid_value', location: { field }, details: { field } });
}

describe('issue 12: the room layout takes only real seat grids', () => {
  it('refuses a zero seat pitch at once, naming room.seatPitchMetres (it used to spin at 100% CPU)', () => {
    expectInvalid(() => roomLayout(room('hall', 10, 10, { seatPitchMetres: 0 }), 1.25), 'room.seatPitchMetres');
    expectInvalid(() => roomLayout(room('hall', 10, 10, { rowPitchMetres: -0 }), 1.25), 'room.rowPitchMetres');
  });

  it('refuses a negative pitch (it used to make every seat usable, so candidates sat closer than the JCQ spacing)', () => {
    expectInvalid(() => roomLayout(room('hall', 10, 10, { seatPitchMetres: -1 }), 1.25), 'room.seatPitchMetres');
  });

  it('refuses rows: -1 as invalid_value, not a RangeError', () => {
    expectInvalid(() => roomLayout(room('hall', -1, 10), 1.25), 'room.rows');
    expectInvalid(() => roomLayout(room('hall', 10, 2.5), 1.25), 'room.columns');
  });

  it('refuses non-finite and absurd numbers: NaN, Infinity, 1e308 pitches, grids over 100,000 seats, a negative spacing', () => {
    expectInvalid(() => roomLayout(room('hall', 10, 10, { seatPitchMetres: Number.NaN }), 1.25), 'room.seatPitchMetres');
    expectInvalid(() => roomLayout(room('hall', 10, 10, { rowPitchMetres: Number.POSITIVE_INFINITY }), 1.25), 'room.rowPitchMetres');
    expectInvalid(() => roomLayout(room('hall', 10, 10, { seatPitchMetres: 1e308 }), 1.25), 'room.seatPitchMetres');
    expectInvalid(() => roomLayout(room('hall', 1e308, 10), 1.25), 'room.rows');
    expectInvalid(() => roomLayout(room('hall', 10_000, 10_000), 1.25), 'room.rows × room.columns');
    expectInvalid(() => roomLayout(room('hall', 10, 10, { capacity: 0 }), 1.25), 'room.capacity');
    expectInvalid(() => roomLayout(room('hall', 10, 10), -1.25), 'spacingMetres');
  });

  it('pins the shape of the error (code, field, value, bounds)', () => {
    expect((thrown(() => roomLayout(room('hall', 10, 10, { seatPitchMetres: 0 }), 1.25)) as { toJSON(): unknown }).toJSON()).toMatchInlineSnapshot(`
      {
        "code": "invalid_value",
        "details": {
          "field": "room.seatPitchMetres",
          "integer": false,
          "max": 100,
          "min": 0,
          "minExclusive": true,
          "value": "0",
        },
        "location": {
          "field": "room.seatPitchMetres",
          "value": "0",
        },
        "message": "room.seatPitchMetres must be a finite number, more than 0, at most 100 (got 0)",
        "name": "ExamcycleError",
      }
    `);
  });

  it('lays out the largest grid allowed, even with a tiny pitch, well within a second', () => {
    const started = performance.now();
    const l = roomLayout(room('hall', 100, 1000, { seatPitchMetres: 1e-6, rowPitchMetres: 1e-6 }), 1.25);
    expect(l.seats).toHaveLength(1);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('agrees with the window scan it replaced on every grid, pitch and spacing (seeded)', () => {
    /** The previous layout: scan every seat within reach of the spacing, front to back, left to right. */
    const reference = (r: Room, spacing: number): string[] => {
      const taken = new Set<number>();
      const minSq = spacing * spacing - 1e-9;
      const reachRows = spacing > 0 ? Math.ceil(spacing / r.rowPitchMetres) : 0;
      const reachCols = spacing > 0 ? Math.ceil(spacing / r.seatPitchMetres) : 0;
      const off = new Set(r.disabledSeats.map((c) => parseSeatCode(c)).map((p) => (p && p.row < r.rows && p.column < r.columns ? p.row * r.columns + p.column : -1)));
      const out: string[] = [];
      for (let y = 0; y < r.rows; y++) {
        for (let x = 0; x < r.columns; x++) {
          if (off.has(y * r.columns + x)) continue;
          let ok = true;
          for (let dr = 0; dr <= reachRows && ok && y - dr >= 0; dr++) {
            for (let dc = -reachCols; dc <= reachCols; dc++) {
              if (dr === 0 && dc >= 0) break;
              const cc = x + dc;
              if (cc < 0 || cc >= r.columns || !taken.has((y - dr) * r.columns + cc)) continue;
              if ((dc * r.seatPitchMetres) ** 2 + (dr * r.rowPitchMetres) ** 2 < minSq) {
                ok = false;
                break;
              }
            }
          }
          if (ok) {
            taken.add(y * r.columns + x);
            out.push(seatCode(y, x));
          }
        }
      }
      return out.slice(0, r.capacity ?? out.length);
    };
    const pitch = fc.constantFrom(0.3, 0.5, 0.6, 0.625, 0.75, 1, 1.1, 1.25, 1.3, 2.5, 0.883883476);
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 14 }),
        fc.integer({ min: 1, max: 14 }),
        pitch,
        pitch,
        fc.constantFrom(0, 0.5, 1, 1.25, 2, 3.7),
        fc.option(fc.integer({ min: 1, max: 40 }), { nil: undefined }),
        fc.subarray(['A1', 'B3', 'C2', 'D4']),
        (rows, columns, sp, rp, spacing, capacity, disabledSeats) => {
          const r = room('r', rows, columns, { seatPitchMetres: sp, rowPitchMetres: rp, disabledSeats, ...(capacity === undefined ? {} : { capacity }) });
          expect(roomLayout(r, spacing).seats.map((s) => s.code)).toEqual(reference(r, spacing));
        },
      ),
      { seed: 1212, numRuns: 400 },
    );
  });

  it('reads a seat code only when it fits a grid within the limits, and writes one only for a real row and column', () => {
    expect(parseSeatCode('B7')).toEqual({ row: 1, column: 6 });
    expect(parseSeatCode(`${'A'.repeat(400)}1`)).toBeUndefined();
    expect(parseSeatCode(`A${'9'.repeat(40)}`)).toBeUndefined();
    expectInvalid(() => seatCode(-1, 0), 'row');
    expectInvalid(() => seatCode(0, 0.5), 'column');
    expectInvalid(() => seatCode(Number.NaN, 0), 'row');
    expectInvalid(() => seatCode(EXAM_TIME_LIMITS.maxRowsOrColumns, 0), 'row');
  });
});

describe('issue 12: seating and invigilation take only real numbers', () => {
  const t = buildCentreTimetable({ papers: [paper('P1', '2026-06-01', 'AM', 90)], candidates: [candidate('c1', '0001')], entries: [entry('e1', 'c1', ['P1'])] });
  const session = t.sessions[0]!;

  it('names the room in the seating plan whose pitch is 0', () => {
    expectInvalid(() => planSeating({ session, rooms: [room('a', 3, 3), room('b', 3, 3, { seatPitchMetres: 0 })] }, { rules }), 'rooms[1].seatPitchMetres');
  });

  it("refuses the rules' spacing, ratios or the gap between papers when they are not real numbers", () => {
    expectInvalid(() => planSeating({ session, rooms: [room('a', 3, 3)] }, { rules: withRule('seatSpacingMetres', Number.NaN) }), 'rules.seatSpacingMetres');
    expectInvalid(() => planSeating({ session, rooms: [room('a', 3, 3)] }, { rules: withRule('invigilationRatio', { written: 0, practical: 20, on_screen: 20 }) }), 'rules.invigilationRatio.written');
    expectInvalid(() => planSeating({ session, rooms: [room('a', 3, 3)] }, { rules, gapSeats: -1 }), 'gapSeats');
    expectInvalid(() => planSeating({ session, rooms: Array.from({ length: 12 }, (_, i) => room(`r${i}`, 300, 300)) }, { rules }), 'rooms (seats in every grid)');
  });

  it('counts invigilators only with whole-number ratios of at least 1 and whole-number candidate counts', () => {
    expect(requiredInvigilators({ written: 31, practical: 0, on_screen: 0 }, { written: 30, practical: 20, on_screen: 20 })).toBe(2);
    expectInvalid(() => requiredInvigilators({ written: 31, practical: 0, on_screen: 0 }, { written: 0, practical: 20, on_screen: 20 }), 'ratios.written');
    expectInvalid(() => requiredInvigilators({ written: 31, practical: 0, on_screen: 0 }, { written: 30, practical: 1e308, on_screen: 20 }), 'ratios.practical');
    expectInvalid(() => requiredInvigilators({ written: -1, practical: 0, on_screen: 0 }, { written: 30, practical: 20, on_screen: 20 }), 'byKind.written');
    expectInvalid(() => requiredInvigilators({ written: 1, practical: 0, on_screen: Number.NaN }, { written: 30, practical: 20, on_screen: 20 }), 'byKind.on_screen');
  });
});

describe('issue 12: durations, extra time and deadlines take only real numbers', () => {
  it('refuses a duration or allowance that is negative, fractional, non-finite or absurdly large', () => {
    expect(effectiveDurationMinutes(90, { extraTimePercent: 25, restBreakMinutesPerHour: 0 })).toBe(113);
    expectInvalid(() => effectiveDurationMinutes(1e308, { extraTimePercent: 0, restBreakMinutesPerHour: 0 }), 'durationMinutes');
    expectInvalid(() => effectiveDurationMinutes(90, { extraTimePercent: Number.POSITIVE_INFINITY, restBreakMinutesPerHour: 0 }), 'extraTimePercent');
    expectInvalid(() => effectiveDurationMinutes(90, { extraTimePercent: 0, restBreakMinutesPerHour: 61 }), 'restBreakMinutesPerHour');
    expectInvalid(() => timeAllowanceOf('c1', [arrangement('c1', 'extra_time', { extraTimePercent: Number.NaN })]), 'arrangements[c1-extra_time].extraTimePercent');
  });

  it('reports a paper with an absurd duration and an arrangement with a broken extra time as timetable issues, not throws', () => {
    const t = buildCentreTimetable({
      papers: [paper('P1', '2026-06-01', 'AM', 1e308), paper('P2', '2026-06-01', 'PM', 90)],
      candidates: [candidate('c1', '0001')],
      entries: [entry('e1', 'c1', ['P1', 'P2'])],
      accessArrangements: [arrangement('c1', 'extra_time', { extraTimePercent: -25 })],
    });
    expect(t.issues.map((i) => i.code)).toEqual(expect.arrayContaining(['invalid_paper', 'invalid_arrangement']));
    expect(t.candidates[0]!.allowance.extraTimePercent).toBe(0);
  });

  it("refuses the clash finders' limits, thresholds and column values when they are not real numbers", () => {
    const t = buildCentreTimetable({ papers: [paper('P1', '2026-06-01', 'AM', 90), paper('P2', '2026-06-01', 'AM', 90)], candidates: [candidate('c1', '0001')], entries: [entry('e1', 'c1', ['P1', 'P2'])] });
    expectInvalid(() => findClashes(t, { rules: withRule('consecutiveSessionMaxMinutes', Number.NaN) }), 'rules.consecutiveSessionMaxMinutes');
    expectInvalid(() => findClashes(t, { rules: withRule('overnightThresholdMinutes', { GCSE: -330 }) }), 'rules.overnightThresholdMinutes.GCSE');
    const columns = { candidateCount: 1, sittingCandidate: Int32Array.from([0]), sittingPaper: Int32Array.from([0]), paperSlot: Int32Array.from([0]), paperMinutes: Int32Array.from([90]), paperDayLimit: Int32Array.from([330]) };
    expectInvalid(() => findClashesCompact({ ...columns, candidateCount: 1e308 }, { consecutiveMaxMinutes: 180 }), 'candidateCount');
    expectInvalid(() => findClashesCompact({ ...columns, candidateExtraTimePercent: [Number.NaN] }, { consecutiveMaxMinutes: 180 }), 'candidateExtraTimePercent[0]');
    expectInvalid(() => findClashesCompact(columns, { consecutiveMaxMinutes: Number.POSITIVE_INFINITY }), 'consecutiveMaxMinutes');
  });

  it('refuses very-late thresholds and report windows that are not whole numbers in range (a pack would loop on 1e308 working days)', () => {
    expectInvalid(() => classifyArrival({ date: '2026-06-01', startTime: '09:00', durationMinutes: 90 }, '2026-06-01T10:05:00+01:00', withRule('veryLateAfterStartMinutes', Number.POSITIVE_INFINITY)), 'rules.veryLateAfterStartMinutes');
    expectInvalid(() => classifyArrival({ date: '2026-06-01', startTime: '09:00', durationMinutes: -90 }, undefined, rules), 'paper.durationMinutes');
    const record = { date: '2026-06-01', papers: [], register: [], incidents: [] } as unknown as SittingRecord;
    expectInvalid(() => examTimeTasks(record, { rulesPack: fixturePack, veryLateReportWorkingDays: 1e308 }), 'veryLateReportWorkingDays');
    expectInvalid(() => examTimeTasks(record, { rulesPack: fixturePack, specialConsiderationWorkingDays: -1 }), 'specialConsiderationWorkingDays');
  });
});

describe('issue 12: exam-time fuzz (seeded)', () => {
  it('never throws anything but an ExamcycleError and never takes a second, over random numbers and shapes', () => {
    const { row, failures, typedThrows } = runExamTimeFuzz(1500, 0x12e7);
    expect(failures).toEqual([]);
    expect(row).toMatchObject({ package: 'core', surface: 'exam-time', inputs: 1500, untypedThrows: 0, over1s: 0 });
    // The inputs reach both sides: refusals, and calls that return.
    expect(typedThrows).toBeGreaterThan(100);
    expect(typedThrows).toBeLessThan(1400);
  });
});
