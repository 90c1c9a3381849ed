import { describe, expect, it } from 'vitest';
import { authorise, grantsFor } from '@examcycle/core';
import { jcq } from '@examcycle/rules-jcq';

const rows = jcq.authorities('2025/26').filter((a) => a.action.startsWith('entryChecking.') || a.action.startsWith('conflicts.'));

describe('JCQ pack: entry checking and conflicts-of-interest authorities', () => {
  it('grants every step of entry checking and of the conflicts register to someone', () => {
    const actions = new Set(rows.map((a) => a.action));
    for (const a of ['send', 'entry.mark', 'query.answer', 'entries.amend', 'sign', 'authorise', 'decline', 'submit']) expect(actions).toContain(`entryChecking.${a}`);
    for (const a of ['declare', 'mitigate', 'signOff', 'notify']) expect(actions).toContain(`conflicts.${a}`);
  });

  it('rests on job descriptions and a product\'s flow, so no row claims to be primary, and every row says why', () => {
    for (const a of rows) {
      expect(a.confidence, a.action).not.toBe('primary');
      expect(a.note?.length, a.action).toBeGreaterThan(20);
      expect(a.source.document.length).toBeGreaterThan(0);
    }
  });

  it('only a head of department signs, and only a senior leader authorises or declines', () => {
    const grants = grantsFor(jcq.authorities('2025/26'), [], ['entryChecking.']);
    expect(grants['entryChecking.sign']?.roles).toEqual(['head_of_department']);
    expect(grants['entryChecking.authorise']?.roles).toEqual(['senior_leader']);
    expect(grants['entryChecking.decline']?.roles).toEqual(['senior_leader']);
    expect(authorise(grants, { id: 'hoc', role: 'head_of_centre' }, 'entryChecking.authorise').allowed).toBe(false);
  });

  it('gives the head of centre the sign-off of conflicts of interest, and the exams officer the notification to awarding bodies', () => {
    const grants = grantsFor(jcq.authorities('2025/26'), [], ['conflicts.']);
    expect(grants['conflicts.signOff']?.roles).toEqual(['head_of_centre']);
    expect(grants['conflicts.notify']?.roles).toEqual(['exams_officer']);
  });
});
