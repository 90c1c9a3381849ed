import { describe, expect, it } from 'vitest';
import { authorise, EOPS_EVENT_TYPES, grantsFor } from '@examcycle/core';
import { jcq } from '@examcycle/rules-jcq';

const rows = jcq.authorities('2025/26').filter((a) => a.action.startsWith('eops.'));

describe('JCQ pack: EOPS authorities', () => {
  it('grants every event of the EOPS machines to someone, and nothing else under eops.', () => {
    expect(rows.map((a) => a.action).sort()).toEqual(EOPS_EVENT_TYPES.map((t) => `eops.${t}`).sort());
  });

  it('quotes the EOPS toolkit or the registration page, secondary with a note (the Standards are not JCQ\'s, an awarding body\'s or Ofqual\'s)', () => {
    for (const a of rows) {
      expect(a.confidence, a.action).toBe('secondary');
      expect(a.note, a.action).toMatch(/not by JCQ, an awarding body or Ofqual/);
      expect(a.source.document, a.action).toMatch(/Exams Officer Professional Standards/);
      expect(a.source.url, a.action).toMatch(/^https:\/\/www\.sltsupport\.org\//);
      expect(a.source.year).toBe('2025/26');
    }
  });

  it('"Senior leader/line manager authorises the Certificate of Achievement by declaring that the exams officer has achieved the Standards"', () => {
    const grants = grantsFor(jcq.authorities('2025/26'), [], ['eops.']);
    expect(grants['eops.standards.declare']?.roles).toEqual(['senior_leader', 'line_manager']);
    expect(authorise(grants, { id: 'eo-1', role: 'exams_officer' }, 'eops.standards.declare')).toMatchObject({ allowed: false, code: 'not_authorised', rule: 'eops.standards.declare' });
    expect(authorise(grants, { id: 'hoc', role: 'head_of_centre' }, 'eops.target.agree').allowed).toBe(false);
  });

  it('"The first user registers their centre, this can be a senior leader, line manager or exams officer"; the year lapses by the clock', () => {
    const grants = grantsFor(jcq.authorities('2025/26'), [], ['eops.']);
    expect(grants['eops.centre.register']?.roles).toEqual(['senior_leader', 'line_manager', 'exams_officer']);
    expect(grants['eops.year.rollover']?.roles).toEqual(['system']);
  });
});
