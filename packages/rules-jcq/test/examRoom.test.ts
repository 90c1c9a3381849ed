import { isExamcycleError } from '@examcycle/core';
import { clashResolution, invigilatorsRequired, jcq, veryLateArrival } from '@examcycle/rules-jcq';
import { describe, expect, it } from 'vitest';

describe('veryLateArrival', () => {
  it('is very late more than one hour after the published start of an exam over an hour', () => {
    const paper = { date: '2026-05-20' as const, startTime: '09:00', durationMinutes: 105 };
    expect(veryLateArrival(paper, '2026-05-20T10:00:00+01:00')).toMatchObject({ veryLate: false, veryLateAfter: '2026-05-20T10:00:00.000+01:00' });
    expect(veryLateArrival(paper, '2026-05-20T10:00:01+01:00')).toMatchObject({ veryLate: true, reportBy: '2026-06-01', rule: 'jcq.exam-room.very-late-after-start', confidence: 'primary' });
  });

  it('is very late after the published finish of an exam of an hour or less', () => {
    const paper = { date: '2026-05-20' as const, startTime: '13:30', durationMinutes: 45 };
    expect(veryLateArrival(paper, '2026-05-20T14:15:00+01:00').veryLate).toBe(false);
    expect(veryLateArrival(paper, '2026-05-20T14:16:00+01:00')).toMatchObject({ veryLate: true, rule: 'jcq.exam-room.very-late-after-finish' });
  });

  it('counts the seven working days of the report window past the Spring bank holiday', () => {
    expect(veryLateArrival({ date: '2026-05-20', startTime: '09:00', durationMinutes: 90 }, '2026-05-20T11:00:00+01:00').reportBy).toBe('2026-06-01');
    expect(veryLateArrival({ date: '2026-05-22', startTime: '09:00', durationMinutes: 90 }, '2026-05-22T11:00:00+01:00').reportBy).toBe('2026-06-03');
  });
});

describe('clashResolution', () => {
  it('has a GCE candidate with three papers totalling exactly 6 h sit all three that day, one in the other session with supervised breaks (ICE 2025/26 §7, §8.2), not ask the awarding body', () => {
    const papers = [
      { id: 'p1', session: 'AM' as const, level: 'GCE' as const, minutes: 120 },
      { id: 'p2', session: 'AM' as const, level: 'GCE' as const, minutes: 120 },
      { id: 'p3', session: 'PM' as const, level: 'GCE' as const, minutes: 120 },
    ];
    const d = clashResolution('2026-06-10', papers);
    expect(d.overnightSupervision.permitted).toBe(false);
    expect(d.dayAdvice).toMatchObject({ action: 'sit_all_on_the_day', confidence: 'reading', source: { section: '7, 8.2', year: '2025/26' } });
    expect(d.dayAdvice!.steps.join(' ')).toMatch(/other session of the same day/);
    expect(d.dayAdvice!.steps.join(' ')).toMatch(/supervised break/);
    // A day that some split fits, or that overnight supervision covers, needs no such advice.
    expect(clashResolution('2026-06-10', papers.map((p) => ({ ...p, minutes: 90 }))).dayAdvice).toBeUndefined();
    expect(clashResolution('2026-06-10', papers.map((p) => ({ ...p, minutes: 121 }))).dayAdvice).toBeUndefined();
  });

  it('sits papers in one session consecutively up to three hours, extra time included, and moves one within the day beyond', () => {
    const within = clashResolution('2026-05-20', [
      { id: 'maths', session: 'AM', level: 'GCSE', minutes: 90 },
      { id: 'german', session: 'AM', level: 'GCSE', minutes: 90 },
    ]);
    expect(within.sessions).toEqual([{ session: 'AM', paperIds: ['maths', 'german'], totalMinutes: 180, action: 'consecutive' }]);
    const over = clashResolution('2026-05-20', [
      { id: 'maths', session: 'AM', level: 'GCSE', minutes: 113 },
      { id: 'german', session: 'AM', level: 'GCSE', minutes: 75 },
    ]);
    expect(over.sessions[0]?.action).toBe('move_within_day');
  });

  it('allows overnight supervision only for three or more exams over 5h30 (GCSE) or 6h (GCE) in a day, with its conditions', () => {
    const gcse = [
      { id: 'a', session: 'AM' as const, level: 'GCSE' as const, minutes: 120 },
      { id: 'b', session: 'AM' as const, level: 'GCSE' as const, minutes: 60 },
      { id: 'c', session: 'PM' as const, level: 'GCSE' as const, minutes: 151 },
    ];
    const d = clashResolution('2026-05-20', gcse);
    expect(d.overnightSupervision).toMatchObject({ permitted: true, thresholdMinutes: 330 });
    expect(d.overnightSupervision.conditions.join(' ')).toMatch(/last resort/);
    expect(clashResolution('2026-05-20', gcse.map((p) => ({ ...p, level: 'GCE' as const }))).overnightSupervision).toMatchObject({ permitted: false, thresholdMinutes: 360, conditions: [] });
    expect(clashResolution('2026-05-20', gcse.slice(0, 2).map((p) => ({ ...p, minutes: 200 }))).overnightSupervision.permitted).toBe(false);
  });
});

describe('invigilatorsRequired', () => {
  it('needs one invigilator per 30 candidates (or part) in a written exam, and per 20 in a practical one', () => {
    expect(invigilatorsRequired('2026-05-20', 'written', 30)).toBe(1);
    expect(invigilatorsRequired('2026-05-20', 'written', 31)).toBe(2);
    expect(invigilatorsRequired('2026-05-20', 'practical', 41)).toBe(3);
    expect(invigilatorsRequired('2026-05-20', 'on_screen', 0)).toBe(0);
  });
});

describe('examRoomRules', () => {
  it('gives the ratios, spacing and thresholds of the year, weakest confidence over the three ratios', () => {
    const r = jcq.examRoomRules('2025/26');
    expect(r.invigilationRatio).toMatchObject({ value: { written: 30, practical: 20, on_screen: 20 }, confidence: 'secondary' });
    expect(r.invigilationRatio.note).toMatch(/written 1:30 \(WJEC, Invigilation.*primary/);
    expect(r.seatSpacingMetres.value).toBe(1.25);
    expect(r.consecutiveSessionMaxMinutes.value).toBe(180);
    expect(r.overnightThresholdMinutes.value).toEqual({ GCSE: 330, entry_level: 330, GCE: 360 });
    expect(r.veryLateAfterStartMinutes.value).toBe(60);
  });

  it('refuses a year the pack has no edition for', () => {
    try {
      jcq.examRoomRules('2030/31');
      expect.unreachable();
    } catch (error) {
      expect(isExamcycleError(error) && error.code).toBe('unknown_series');
    }
  });
});

describe('eopsRules', () => {
  it('registers exams officers by 31 October and sets the meeting cadence of new and experienced officers', () => {
    expect(jcq.eopsRules('2025/26')).toMatchObject({
      academicYear: '2025/26',
      registrationBy: { value: '2025-10-31', confidence: 'reading' },
      experiencedOfficerCadence: { value: 'half_termly' },
      newOfficerCadence: { value: { early: 'fortnightly', examTime: 'weekly' }, confidence: 'reading' },
    });
  });
});

describe('examRoomRules: the advice core follows when nothing fits', () => {
  it('gives resolveClashes the sit-all-on-the-day steps with their source and confidence', () => {
    const r = jcq.examRoomRules('2025/26');
    expect(r.sitAllOnTheDay?.value.length).toBeGreaterThan(0);
    expect(r.sitAllOnTheDay?.source.document).toBeTruthy();
    expect(r.sitAllOnTheDay?.confidence).toBeTruthy();
  });
});
