import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { collectAudit, grantsFor, invigilatorBookingMachine } from '@examcycle/core';
import { jcq } from '@examcycle/rules-jcq';
import { main } from '../src/examWeek.js';

async function run(): Promise<string> {
  const lines: string[] = [];
  await main((line) => lines.push(line));
  return lines.join('\n');
}

describe('examWeek', () => {
  it('applies the recommended clash resolutions: the candidate advised to sit Maths in the afternoon is seated for it in the afternoon', async () => {
    const out = await run();
    expect(out).toMatch(/Applied \d+ of \d+ recommendations to the timetable/);
    expect(out).toContain('Candidate 0001 sits GCSE Mathematics 1H on 2026-06-02 PM (published 2026-06-02 AM)');
    expect(out).toMatch(/Seated on 2 June PM for papers moved there: .*0001 \(8300\/1H\) in Main hall/);
  });

  it('deploys invigilators ratio first and explains each room', async () => {
    const out = await run();
    expect(out).toContain('Ratios first');
    expect(out).toMatch(/Main hall: 29 candidate\(s\), 29 written \(1:30\), need 1 invigilator\(s\); assigned inv-a: ratio met/);
    expect(out).toMatch(/Room S1: .*an access-arrangements room has its own invigilator/);
  });

  it('books invigilators under the JCQ pack\'s booking roles: a teacher\'s cancellation is refused and recorded', async () => {
    const out = await run();
    expect(out).toMatch(/cancel by t-9: rejected \(.*only exams officer or exams office staff or head of centre or invigilator may do this/);
  });
});

describe('the JCQ pack\'s booking.* authorities', () => {
  const rows = jcq.authorities('2025/26').filter((a) => a.action.startsWith('booking.'));

  it('say who books, answers and cancels, each with a source, and a note when below primary', () => {
    expect(new Set(rows.map((a) => a.action))).toEqual(new Set(['booking.offer', 'booking.accept', 'booking.decline', 'booking.cancel']));
    for (const a of rows) {
      expect(a.source.document.length).toBeGreaterThan(0);
      if (a.confidence !== 'primary') expect(a.note?.length ?? 0).toBeGreaterThan(0);
    }
    const grants = grantsFor(jcq.authorities('2025/26'), [], ['booking.']);
    expect(grants['booking.offer']!.roles).toContain('exams_officer');
    expect(grants['booking.accept']!.roles).toEqual(['invigilator']);
  });

  it('a teacher cannot book an invigilator: the offer is refused not_authorised and audited', () => {
    const actor = createActor(invigilatorBookingMachine, {
      input: { bookingId: 'b-1', invigilatorId: 'inv-1', date: '2026-06-01', session: 'AM', offeredAt: '2026-05-01T09:00:00+01:00', respondBy: '2026-05-08T17:00:00+01:00', by: { id: 't-1', role: 'teacher' }, rulesPack: jcq },
    });
    const audit = collectAudit(actor);
    actor.start();
    expect(actor.getSnapshot().value).toBe('notOffered');
    expect(audit[0]).toMatchObject({ event: 'offer', outcome: 'rejected', code: 'not_authorised', rule: 'booking.offer' });
  });
});
