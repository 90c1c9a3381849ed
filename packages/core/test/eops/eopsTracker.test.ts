import { describe, expect, it } from 'vitest';
import { eopsRecords,
  EOPS_TRACKER_COLUMNS,
  eopsTracker,
  isExamcycleError,
  overdueMeetings,
  renderTrackerText,
  type EopsActor,
  type EopsTrackerRow,
  type ScheduledMeeting,
} from '@examcycle/core';
import { ok } from '../results/resultsOutcome.js';
import { as, centreActor, completeCriteria, kuTarget, ksTarget } from './eopsFixture.js';
import type { CalendarDate } from '@examcycle/core';

/** The toolkit's example tracker, rebuilt: Amber (statement, key skills), Niamh (certified), Chyou (statement only), Jonathan (nothing). */
function toolkitCentre(): EopsActor {
  const { actor, at } = centreActor();
  for (const [id, name] of [
    ['eo-3', 'Chyou Shen'],
    ['eo-4', 'Jonathan Bolton'],
  ] as const) {
    actor.send({ type: 'account.register', user: { id, name, roles: ['exams_officer'] }, at: at(), by: { id, role: 'exams_officer' } });
    actor.send({ type: 'account.approve', accountId: id, at: at(), by: as.slt });
  }
  for (const id of ['eo-1', 'eo-2', 'eo-3', 'eo-4']) actor.send({ type: 'officer.register', officerId: id, experience: 'experienced', at: at(), by: as.slt });
  // Amber: statement and key skills
  actor.send({ type: 'valuesAndAttributes.sign', officerId: 'eo-1', at: at(), by: as.amber });
  actor.send({ type: 'target.agree', officerId: 'eo-1', target: kuTarget(), at: at(), by: as.lm });
  actor.send({ type: 'target.agree', officerId: 'eo-1', target: ksTarget(), at: at(), by: as.lm });
  actor.send({ type: 'target.confirm', officerId: 'eo-1', targetId: 'ks-1', at: at(), by: as.amber });
  actor.send({ type: 'target.mark', officerId: 'eo-1', targetId: 'ks-1', status: 'achieved', at: at(), by: as.amber });
  // Niamh: everything
  completeCriteria(actor, at, 'eo-2', as.niamh);
  actor.send({ type: 'standards.declare', officerId: 'eo-2', at: at(), by: as.slt });
  // Chyou: statement only
  actor.send({ type: 'valuesAndAttributes.sign', officerId: 'eo-3', at: at(), by: { id: 'eo-3', role: 'exams_officer' } });
  return actor;
}

const row = (officerId: string, officerName: string, marks: [boolean, boolean, boolean, boolean, boolean], academicYear = '2025/26'): EopsTrackerRow => ({
  officerId,
  officerName,
  centreNumber: '12345',
  academicYear: academicYear as EopsTrackerRow['academicYear'],
  valuesAndAttributesStatement: marks[0],
  knowledgeAndUnderstanding: marks[1],
  keySkills: marks[2],
  valuesAndAttributesAgreement: marks[3],
  certificate: marks[4],
});

describe('eopsTracker', () => {
  it('has exactly the five columns of the Standards, in their order', () => {
    expect(EOPS_TRACKER_COLUMNS.map((c) => c.label)).toEqual([
      'Values & Attributes Statement',
      'Knowledge & Understanding',
      'Key Skills',
      'Values & Attributes Agreement',
      'Certificate',
    ]);
    const [first] = ok(eopsTracker(toolkitCentre()));
    expect(Object.keys(first!).sort()).toEqual(
      ['officerId', 'officerName', 'centreNumber', 'academicYear', 'valuesAndAttributesStatement', 'knowledgeAndUnderstanding', 'keySkills', 'valuesAndAttributesAgreement', 'certificate'].sort(),
    );
  });

  it('shows one row per exams officer per academic year, as the toolkit’s example tracker', () => {
    expect(ok(eopsTracker(toolkitCentre().getSnapshot()))).toEqual([
      row('eo-1', 'Amber Giles', [true, false, true, false, false]),
      row('eo-3', 'Chyou Shen', [true, false, false, false, false]),
      row('eo-4', 'Jonathan Bolton', [false, false, false, false, false]),
      row('eo-2', 'Niamh Gregory', [true, true, true, true, true]),
    ]);
  });

  it("gives an administrator all the centre's officers, with \"show only certified\" and an academic-year choice", () => {
    const actor = toolkitCentre();
    expect(ok(eopsTracker(actor.getSnapshot(), { view: 'administrator', viewerId: 'slt-1' }))).toHaveLength(4);
    expect(ok(eopsTracker(actor.getSnapshot(), { view: 'administrator', viewerId: 'slt-1', onlyCertified: true })).map((r) => r.officerName)).toEqual(['Niamh Gregory']);
    expect(ok(eopsTracker(actor.getSnapshot(), { view: 'administrator', viewerId: 'slt-1', academicYear: '2024/25' }))).toEqual([]);
    actor.send({ type: 'year.rollover', at: '2026-09-01T06:00:00+01:00', by: as.system });
    actor.send({ type: 'officer.register', officerId: 'eo-2', experience: 'experienced', at: '2026-09-02T09:00:00+01:00', by: as.slt });
    expect(ok(eopsTracker(actor.getSnapshot(), { view: 'administrator', viewerId: 'slt-1' }))).toEqual([row('eo-2', 'Niamh Gregory', [false, false, false, false, false], '2026/27')]);
    expect(ok(eopsTracker(actor.getSnapshot(), { view: 'administrator', viewerId: 'slt-1', academicYear: '2025/26', onlyCertified: true }))).toEqual([
      row('eo-2', 'Niamh Gregory', [true, true, true, true, true]),
    ]);
  });

  it('refuses the administrator’s view to someone who is not an active administrator, as an outcome', () => {
    const actor = toolkitCentre();
    const refused = eopsTracker(actor.getSnapshot(), { view: 'administrator', viewerId: 'eo-1' });
    expect(!refused.ok && isExamcycleError(refused.error) && refused.error.code).toBe('not_authorised');
  });

  it('gives an exams officer their own rows, every year', () => {
    const actor = toolkitCentre();
    actor.send({ type: 'year.rollover', at: '2026-09-01T06:00:00+01:00', by: as.system });
    actor.send({ type: 'officer.register', officerId: 'eo-2', experience: 'experienced', at: '2026-09-02T09:00:00+01:00', by: as.niamh });
    expect(ok(eopsTracker(actor.getSnapshot(), { view: 'officer', viewerId: 'eo-2' })).map((r) => [r.academicYear, r.certificate])).toEqual([
      ['2025/26', true],
      ['2026/27', false],
    ]);
    expect(ok(eopsTracker(actor.getSnapshot(), { view: 'officer', viewerId: 'eo-2', academicYear: '2026/27' }))).toHaveLength(1);
    const refused = eopsTracker(actor.getSnapshot(), { view: 'officer', viewerId: 'nobody' });
    expect(!refused.ok && refused.error.code).toBe('not_authorised');
  });

  it('reads several centres at once', () => {
    const a = toolkitCentre().getSnapshot();
    const { actor: other, at } = centreActor();
    other.send({ type: 'officer.register', officerId: 'eo-1', experience: 'new', at: at(), by: as.slt });
    const rows = ok(eopsTracker([a, other.getSnapshot()], { officerId: 'eo-1' }));
    expect(rows).toHaveLength(2);
  });
});

describe('renderTrackerText', () => {
  it('renders the tracker as a plain-text table with a done / not done mark per column', () => {
    const text = renderTrackerText(ok(eopsTracker(toolkitCentre())), { marks: { done: 'done', notDone: 'not done' } });
    expect(text).toMatchInlineSnapshot(`
      "Name                      | Values & Attributes Statement | Knowledge & Understanding | Key Skills | Values & Attributes Agreement | Certificate
      --------------------------+-------------------------------+---------------------------+------------+-------------------------------+------------
      Amber Giles (2025/26)     | done                          | not done                  | done       | not done                      | not done
      Chyou Shen (2025/26)      | done                          | not done                  | not done   | not done                      | not done
      Jonathan Bolton (2025/26) | not done                      | not done                  | not done   | not done                      | not done
      Niamh Gregory (2025/26)   | done                          | done                      | done       | done                          | done"
    `);
  });

  it('uses the tracker’s tick and cross by default, and says when there are no officers', () => {
    expect(renderTrackerText(ok(eopsTracker(toolkitCentre()))).split('\n')[5]).toBe('Niamh Gregory (2025/26)   | ✓                             | ✓                         | ✓          | ✓                             | ✓');
    expect(renderTrackerText([]).split('\n')[2]).toBe('(no exams officers)');
  });
});

describe('overdueMeetings', () => {
  const schedule: ScheduledMeeting[] = [
    { date: '2025-09-03', kind: 'start', halfTerm: 'Autumn 1' },
    { date: '2025-10-01', kind: 'monthly', halfTerm: 'Autumn 1' },
    { date: '2025-11-05', kind: 'monthly', halfTerm: 'Autumn 2' },
    { date: '2025-12-03', kind: 'monthly', halfTerm: 'Autumn 2' },
  ];
  const held = (...dates: CalendarDate[]) => dates.map((heldOn) => ({ heldOn }));

  it('flags a scheduled meeting whose day has passed without a meeting', () => {
    expect(overdueMeetings({ schedule, meetings: held('2025-09-03') }, '2025-11-20T09:00:00Z').map((m) => m.date)).toEqual(['2025-10-01', '2025-11-05']);
  });

  it('is not overdue on the day itself', () => {
    expect(overdueMeetings({ schedule, meetings: held('2025-09-03', '2025-10-01') }, '2025-11-05T23:30:00+00:00')).toEqual([]);
  });

  it('counts a meeting held a little late or a little early, each meeting once', () => {
    expect(overdueMeetings({ schedule, meetings: held('2025-09-03', '2025-10-08', '2025-11-03') }, '2025-11-20T09:00:00Z')).toEqual([]);
    expect(overdueMeetings({ schedule, meetings: held('2025-09-03', '2025-10-08') }, '2025-11-20T09:00:00Z').map((m) => m.date)).toEqual(['2025-11-05']);
  });

  it('reads the schedule and meetings of a machine record', () => {
    const { actor, at } = centreActor();
    actor.send({ type: 'officer.register', officerId: 'eo-1', experience: 'new', at: at(), by: as.slt });
    actor.send({ type: 'meetings.plan', officerId: 'eo-1', schedule: [{ date: '2025-09-02', kind: 'start', halfTerm: 'Autumn 1' }], at: at(), by: as.lm });
    const record = eopsRecords(actor)[0]!;
    expect(overdueMeetings(record, '2025-09-03T09:00:00+01:00').map((m) => m.kind)).toEqual(['start']);
    actor.send({ type: 'meeting.record', officerId: 'eo-1', meeting: { heldOn: '2025-09-02', progress: 'p', wentWell: 'w', notSoWell: 'n', nextFocus: 'f' }, at: at(), by: as.lm });
    expect(overdueMeetings(eopsRecords(actor)[0]!, '2025-09-03T09:00:00+01:00')).toEqual([]);
  });
});
