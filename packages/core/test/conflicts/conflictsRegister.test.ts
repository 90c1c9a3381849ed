import { describe, expect, it } from 'vitest';
import { createMemoryStore, createConflictsRegister, type ConflictDeclarationInput } from '@examcycle/core';
import { fixtureAuthorities } from '../fixtures/fixtureAuthorities.js';
import { KEY_DATES, clockAt, headOfCentre, officer, seniorLeader } from '../entries/entryCheckingFixture.js';

const teacher = { id: 't-7', role: 'teacher' } as const;
const parent: ConflictDeclarationInput = { id: 'coi-1', staffId: 't-7', staffName: 'Ms Hughes', kind: 'relative', candidateId: 'c1001', candidateNumber: '1001', relationship: 'Mother', awardingBodyIds: ['AQA', 'OCR'] };

function open(now = '2026-01-10T09:00:00Z') {
  const clock = clockAt(now);
  const store = createMemoryStore();
  const register = createConflictsRegister({ store, centreNumber: '12345', seriesId: 'june-2026', clock, keyDates: KEY_DATES, authorities: fixtureAuthorities });
  return { clock, store, register };
}

describe('createConflictsRegister (JCQ General Regulations 5.3)', () => {
  it('keeps declarations per staff member per series: who, which candidate or qualification, the relationship', async () => {
    const { register, store } = open();
    expect((await register.declare(teacher, parent)).ok).toBe(true);
    const staffCandidate = await register.declare(officer, { id: 'coi-2', staffId: 'ta-3', kind: 'staff_candidate', qualification: { awardingBodyId: 'AQA', entryCode: '7692', title: 'A-level Spanish' }, relationship: 'Sitting A-level Spanish at this centre', awardingBodyIds: ['AQA'] });
    expect(staffCandidate.ok).toBe(true);
    const again = createConflictsRegister({ store, centreNumber: '12345', seriesId: 'june-2026', clock: clockAt('2026-01-11T09:00:00Z'), authorities: fixtureAuthorities });
    expect((await again.declarations()).map((d) => [d.id, d.staffId, d.kind, d.seriesId, d.declaredBy.id])).toEqual([
      ['coi-1', 't-7', 'relative', 'june-2026', 't-7'],
      ['coi-2', 'ta-3', 'staff_candidate', 'june-2026', 'eo-1'],
    ]);
  });

  it('a member of staff may declare their own conflict; another teacher may not declare for them', async () => {
    const { register } = open();
    const other = await register.declare({ id: 't-8', role: 'teacher' }, parent);
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.error).toMatchObject({ code: 'not_authorised', rule: 'conflicts.declare' });
    expect((await register.declare(teacher, parent)).ok).toBe(true);
  });

  it('a declaration names the candidate or the qualification, and the relationship', async () => {
    const { register } = open();
    const { candidateId: _c, ...noCandidate } = parent;
    const out = await register.declare(officer, noCandidate);
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.error.code).toBe('invalid_value');
    const blank = await register.declare(officer, { ...parent, relationship: ' ' });
    expect(blank.ok).toBe(false);
  });

  it('records the mitigation, and the head of centre signs off the declaration with its mitigation', async () => {
    const { register } = open();
    await register.declare(teacher, parent);
    const early = await register.signOff(headOfCentre, 'coi-1');
    expect(early.ok).toBe(false);
    if (!early.ok) expect(early.error.code).toBe('guard_failed');
    expect((await register.mitigate(officer, 'coi-1', 'Ms Hughes does not invigilate, mark or handle the scripts of candidate 1001')).ok).toBe(true);
    const bySl = await register.signOff(seniorLeader, 'coi-1');
    expect(bySl.ok).toBe(false);
    if (!bySl.ok) expect(bySl.error).toMatchObject({ code: 'not_authorised', rule: 'conflicts.signOff' });
    const signed = await register.signOff(headOfCentre, 'coi-1');
    expect(signed.ok && signed.value.signedOff?.by.id).toBe('hoc-1');
    // A changed mitigation needs signing off again.
    const changed = await register.mitigate(officer, 'coi-1', 'As before; a second invigilator is present in the hall');
    expect(changed.ok && changed.value.signedOff).toBeUndefined();
  });

  it('tells each awarding body before the entry deadline of the series: due soon, then overdue, until recorded', async () => {
    const { register, clock } = open();
    await register.declare(teacher, parent);
    await register.mitigate(officer, 'coi-1', 'No access to the candidate\'s scripts');
    expect(await register.notificationsDue()).toEqual([
      { declarationId: 'coi-1', staffId: 't-7', awardingBodyId: 'AQA', dueAt: '2026-02-21T23:59:59.999+00:00', keyDateId: 'june-2026/conflicts_of_interest_declaration', status: 'pending' },
      { declarationId: 'coi-1', staffId: 't-7', awardingBodyId: 'OCR', dueAt: '2026-02-21T23:59:59.999+00:00', keyDateId: 'june-2026/conflicts_of_interest_declaration', status: 'pending' },
    ]);
    clock.set(Date.parse('2026-02-10T09:00:00Z'));
    expect((await register.recordNotification(officer, 'coi-1', 'AQA', 'AQA COI form, ref 4471')).ok).toBe(true);
    expect((await register.notificationsDue()).map((n) => `${n.awardingBodyId}:${n.status}`)).toEqual(['OCR:due_soon']);
    clock.set(Date.parse('2026-02-22T09:00:00Z'));
    expect((await register.notificationsDue()).map((n) => `${n.awardingBodyId}:${n.status}`)).toEqual(['OCR:overdue']);
    const twice = await register.recordNotification(officer, 'coi-1', 'AQA');
    expect(twice.ok).toBe(false);
    const wrongBody = await register.recordNotification(officer, 'coi-1', 'WJEC');
    expect(wrongBody.ok).toBe(false);
  });

  it('audits every operation, refusals included (outcome rejected, with code and rule)', async () => {
    const { register } = open();
    await register.declare(teacher, parent);
    await register.signOff(teacher, 'coi-1');
    await register.mitigate(officer, 'nope', 'x');
    const audit = await register.audit();
    expect(audit.map((l) => `${l.event}:${l.outcome}:${l.code ?? ''}`)).toEqual(['conflicts.declare:accepted:', 'conflicts.signOff:rejected:not_authorised', 'conflicts.mitigate:rejected:invalid_value']);
    expect(audit[0]).toMatchObject({ seq: 1, by: teacher, rule: 'examcycle.conflicts.own-declaration', details: { declarationId: 'coi-1', staffId: 't-7', kind: 'relative' } });
    expect(audit[1]).toMatchObject({ rule: 'conflicts.signOff' });
  });
});
