import { describe, expect, it } from 'vitest';
import { candidateStatementOfEntry, entryCheckingPersisted, type EntryCheckingContext } from '@examcycle/core';
import { assistant, headOfCentre, hodMaths, hodScience, hosted, officer, scienceInput, seniorLeader, teacherScience } from './entryCheckingFixture.js';

const DAY = 86_400_000;

/** The science list opened on the durable runtime (memory store), sent for checking. */
async function openList(n = 3, now = '2026-01-05T09:00:00Z') {
  const h = hosted(now);
  const list = await h.runtime.open(entryCheckingPersisted, { centreNumber: '12345', id: 'june-2026/science' }, { input: scienceInput(n) });
  const sent = await list.send({ type: 'send', by: officer });
  expect(sent.ok).toBe(true);
  return { ...h, list };
}

/** Marks every entry correct (the head of department). */
async function markAllCorrect(list: Awaited<ReturnType<typeof openList>>['list']) {
  for (const e of list.snapshot().context.entries) {
    if (e.status === 'correct') continue;
    const out = await list.send({ type: 'entry.mark', entryId: e.entryId, verdict: 'correct', by: hodScience });
    expect(out.ok).toBe(true);
  }
}

describe('entryCheckingMachine', () => {
  it('is hosted on the durable runtime: every step is saved with its audit line', async () => {
    const { list, runtime } = await openList();
    expect(list.snapshot().value).toBe('checking');
    const again = await runtime.open(entryCheckingPersisted, { centreNumber: '12345', id: 'june-2026/science' });
    expect(again.snapshot().value).toBe('checking');
    expect((await again.audit()).map((l) => `${l.event}:${l.outcome}`)).toEqual(['list.start:accepted', 'send:accepted']);
  });

  it('the department marks each entry correct, queried or incorrect, a query or an incorrect entry with a comment', async () => {
    const { list } = await openList();
    expect((await list.send({ type: 'entry.mark', entryId: 'e001', verdict: 'correct', by: hodScience })).ok).toBe(true);
    expect((await list.send({ type: 'entry.mark', entryId: 'e002', verdict: 'queried', comment: 'Should this be Higher tier?', by: teacherScience })).ok).toBe(true);
    const bare = await list.send({ type: 'entry.mark', entryId: 'e003', verdict: 'incorrect', by: hodScience });
    expect(bare.ok).toBe(false);
    if (!bare.ok) expect(bare.error).toMatchObject({ code: 'invalid_value', message: 'A query or an incorrect entry needs a comment saying what is wrong' });
    expect((await list.send({ type: 'entry.mark', entryId: 'e003', verdict: 'incorrect', comment: 'Left in September', by: hodScience })).ok).toBe(true);
    expect(list.snapshot().context.entries.map((e) => [e.entryId, e.status, e.comment ?? null])).toEqual([
      ['e001', 'correct', null],
      ['e002', 'queried', 'Should this be Higher tier?'],
      ['e003', 'incorrect', 'Left in September'],
    ]);
  });

  it('entries are checked by their own department: a teacher of another department may not mark them', async () => {
    const { list } = await openList();
    const out = await list.send({ type: 'entry.mark', entryId: 'e001', verdict: 'correct', by: { id: 't-maths', role: 'teacher' } });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.error.code).toBe('not_authorised');
    expect(out.entry).toMatchObject({ outcome: 'rejected', code: 'not_authorised', reason: expect.stringContaining('not a head or named checker of Science') });
  });

  it('a head of department signs only their own department', async () => {
    const { list } = await openList();
    await markAllCorrect(list);
    const other = await list.send({ type: 'sign', by: hodMaths });
    expect(other.ok).toBe(false);
    if (!other.ok) expect(other.error).toMatchObject({ code: 'not_authorised', rule: 'entryChecking.sign' });
    expect(other.entry?.reason).toBe(`A head of department signs only their own department's entries: "hod-maths" does not head Science`);
    expect(list.snapshot().value).toBe('checking');
    expect((await list.send({ type: 'sign', by: hodScience })).ok).toBe(true);
    expect(list.snapshot().value).toBe('authorising');
    expect(list.snapshot().context.entries.every((e) => e.signedBy?.id === 'hod-sci')).toBe(true);
  });

  it('the head of department signs only when every entry is checked, no query is open and none is marked incorrect', async () => {
    const { list } = await openList();
    const reasons: string[] = [];
    const sign = async () => {
      const out = await list.send({ type: 'sign', by: hodScience });
      if (!out.ok) reasons.push(out.error.message);
      return out.ok;
    };
    expect(await sign()).toBe(false);
    await list.send({ type: 'entry.mark', entryId: 'e001', verdict: 'correct', by: hodScience });
    await list.send({ type: 'entry.mark', entryId: 'e002', verdict: 'queried', comment: 'Tier?', by: hodScience });
    await list.send({ type: 'entry.mark', entryId: 'e003', verdict: 'incorrect', comment: 'Wrong spec', by: hodScience });
    expect(await sign()).toBe(false);
    await list.send({ type: 'query.answer', entryId: 'e002', answer: 'Foundation, agreed with the teacher', by: officer });
    await list.send({ type: 'entry.mark', entryId: 'e002', verdict: 'correct', by: hodScience });
    expect(await sign()).toBe(false);
    expect(reasons).toEqual([
      'Not every entry is checked: e001 (1001 AQA 8464); e002 (1002 AQA 8464); e003 (1003 AQA 8464)',
      'Queries are waiting for an answer: e002 (1002 AQA 8464)',
      'Entries are marked incorrect and must be amended first: e003 (1003 AQA 8464)',
    ]);
  });

  it('the exams office answers a query, and the entry goes back to the department to be checked', async () => {
    const { list } = await openList();
    await list.send({ type: 'entry.mark', entryId: 'e002', verdict: 'queried', comment: 'Tier?', by: hodScience });
    const again = await list.send({ type: 'entry.mark', entryId: 'e002', verdict: 'correct', by: hodScience });
    expect(again.ok).toBe(false);
    if (!again.ok) expect(again.error.code).toBe('guard_failed');
    const byTeacher = await list.send({ type: 'query.answer', entryId: 'e002', answer: 'Foundation', by: teacherScience });
    expect(byTeacher.ok).toBe(false);
    if (!byTeacher.ok) expect(byTeacher.error).toMatchObject({ code: 'not_authorised', rule: 'entryChecking.query.answer' });
    expect((await list.send({ type: 'query.answer', entryId: 'e002', answer: 'Foundation', by: assistant })).ok).toBe(true);
    expect(list.snapshot().context.entries[1]).toMatchObject({ status: 'unchecked', comment: 'Tier?', answer: 'Foundation' });
  });

  it('an incorrect entry is amended by the exams office and checked again', async () => {
    const { list } = await openList();
    await list.send({ type: 'entry.mark', entryId: 'e003', verdict: 'incorrect', comment: 'Should be separate sciences', by: hodScience });
    const e3 = list.snapshot().context.entries[2]!;
    const noReason = await list.send({ type: 'entries.amend', entries: [{ ...e3, entryCode: '8461' }], reason: ' ', by: officer });
    expect(noReason.ok).toBe(false);
    expect((await list.send({ type: 'entries.amend', entries: [{ ...e3, entryCode: '8461', title: 'GCSE Biology' }], reason: 'Separate sciences', by: officer })).ok).toBe(true);
    expect(list.snapshot().context.entries[2]).toMatchObject({ entryCode: '8461', status: 'unchecked' });
    expect(list.snapshot().context.entries[2]).not.toHaveProperty('comment');
  });

  it('only a senior leader authorises; the list is then released for submission, and the exams officer submits it', async () => {
    const { list } = await openList();
    await markAllCorrect(list);
    await list.send({ type: 'sign', by: hodScience });
    for (const by of [headOfCentre, hodScience, officer]) {
      const out = await list.send({ type: 'authorise', by });
      expect(out.ok).toBe(false);
      if (!out.ok) expect(out.error).toMatchObject({ code: 'not_authorised', rule: 'entryChecking.authorise' });
    }
    expect((await list.send({ type: 'authorise', by: seniorLeader })).ok).toBe(true);
    expect(list.snapshot().value).toBe('released');
    expect((await list.send({ type: 'submit', by: seniorLeader })).ok).toBe(false);
    expect((await list.send({ type: 'submit', by: officer })).ok).toBe(true);
    expect(list.snapshot().value).toBe('submitted');
    expect(list.snapshot().context).toMatchObject({ signedBy: hodScience, authorisedBy: seniorLeader, submittedBy: officer });
  });

  it('a senior leader who declines names the entries to look at again; they are queried and the list goes back to checking', async () => {
    const { list } = await openList();
    await markAllCorrect(list);
    await list.send({ type: 'sign', by: hodScience });
    const vague = await list.send({ type: 'decline', reason: 'Check tiers', entryIds: [], by: seniorLeader });
    expect(vague.ok).toBe(false);
    expect((await list.send({ type: 'decline', reason: 'Check the tier', entryIds: ['e002'], by: seniorLeader })).ok).toBe(true);
    const ctx = list.snapshot().context;
    expect(list.snapshot().value).toBe('checking');
    expect(ctx.declinedReason).toBe('Check the tier');
    expect(ctx.signedAt).toBeUndefined();
    expect(ctx.entries.map((e) => [e.status, e.signedAt !== undefined])).toEqual([
      ['correct', true],
      ['queried', false],
      ['correct', true],
    ]);
  });

  it('an amendment after sign-off reopens only the entries it touches: the rest stay signed', async () => {
    const { list } = await openList(4);
    await markAllCorrect(list);
    await list.send({ type: 'sign', by: hodScience });
    await list.send({ type: 'authorise', by: seniorLeader });
    await list.send({ type: 'submit', by: officer });
    const signed = list.snapshot().context.entries.map((e) => e.signedAt);
    const e2 = list.snapshot().context.entries[1]!;
    const out = await list.send({
      type: 'entries.amend',
      entries: [{ ...e2, tier: 'H', componentCodes: ['8464B1H', '8464C1H'] }, { entryId: 'e900', candidateId: 'c1005', candidateNumber: '1005', awardingBodyId: 'AQA', entryCode: '8464', tier: 'F' }],
      reason: 'Tier change after mocks; a late joiner',
      by: officer,
    });
    expect(out.ok).toBe(true);
    const ctx = list.snapshot().context;
    expect(list.snapshot().value).toBe('checking');
    expect(ctx.entries.map((e) => [e.entryId, e.status, e.signedAt ?? null])).toEqual([
      ['e001', 'correct', signed[0]],
      ['e002', 'unchecked', null],
      ['e003', 'correct', signed[2]],
      ['e004', 'correct', signed[3]],
      ['e900', 'unchecked', null],
    ]);
    expect(ctx.signedAt).toBeUndefined();
    // Re-signing signs the reopened entries; the others keep their first signature.
    await markAllCorrect(list);
    await list.send({ type: 'sign', by: hodScience });
    const after = list.snapshot().context.entries;
    expect(after[0]!.signedAt).toBe(signed[0]);
    expect(after[1]!.signedAt).toBe(list.snapshot().context.signedAt);
  });

  it('every refusal is audited with outcome rejected, its code and the rule that decided', async () => {
    const { list } = await openList();
    await list.send({ type: 'authorise', by: seniorLeader }); // not in checking
    await list.send({ type: 'sign', by: { id: 'hod-sci', role: 'teacher' } });
    const audit = await list.audit();
    expect(audit.slice(-2)).toEqual([
      expect.objectContaining({ event: 'authorise', from: 'checking', to: 'checking', outcome: 'rejected', code: 'event_rejected' }),
      expect.objectContaining({ event: 'sign', outcome: 'rejected', code: 'not_authorised', rule: 'entryChecking.sign', reason: expect.stringContaining('only head of department may do this') }),
    ]);
  });

  it('decides from the grants resolved at start, so a restored list decides the same way without the pack', async () => {
    const { list, runtime } = await openList();
    const ctx = list.snapshot().context;
    expect(Object.keys(ctx.grants).every((k) => k.startsWith('entryChecking.'))).toBe(true);
    const restored = await runtime.open(entryCheckingPersisted, { centreNumber: '12345', id: 'june-2026/science' });
    const out = await restored.send({ type: 'entry.mark', entryId: 'e001', verdict: 'correct', by: { id: 'sl-1', role: 'senior_leader' } });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.error).toMatchObject({ code: 'not_authorised', rule: 'entryChecking.entry.mark' });
  });

  it('refuses events dated before the latest recorded one (the trail is chronological)', async () => {
    const { list } = await openList();
    const out = await list.send({ type: 'entry.mark', entryId: 'e001', verdict: 'correct', at: '2025-12-01T09:00:00Z', by: hodScience });
    expect(out.ok).toBe(false);
    if (!out.ok) expect(out.error.code).toBe('invalid_value');
  });
});

describe('entryCheckingMachine input', () => {
  it('refuses to start a list it could not restore: a bad centre number, no head of department, a deadline key date that is not there', async () => {
    const { runtime } = hosted();
    const open = (extra: Parameters<typeof scienceInput>[1]) => runtime.open(entryCheckingPersisted, { centreNumber: '12345', id: 'bad' }, { input: scienceInput(2, extra) });
    await expect(open({ centreNumber: '1234' })).rejects.toMatchObject({ code: 'invalid_value' });
    await expect(open({ headOfDepartmentIds: [] })).rejects.toMatchObject({ code: 'invalid_value' });
    await expect(open({ deadlines: { signed: { keyDateId: 'june-2026/internal_deadline/nope' } } })).rejects.toMatchObject({ code: 'invalid_value', message: expect.stringContaining('june-2026/internal_deadline/nope') });
    await expect(open({ entries: [{ entryId: 'x', candidateId: '', awardingBodyId: 'AQA', entryCode: '8464' }] })).rejects.toMatchObject({ code: 'invalid_value' });
  });
});

describe('entryCheckingMachine deadlines', () => {
  it('derives checking deadlines from the entry deadline through the centre\'s internal deadlines', async () => {
    const { list } = await openList();
    expect(list.snapshot().context.deadlines.map((d) => [d.milestone, d.dueAt, d.basis])).toEqual([
      ['signed', '2026-01-30T23:59:59.999+00:00', 'june-2026/internal_deadline/entries-checked'],
      ['authorised', '2026-02-07T23:59:59.999+00:00', '14 days before june-2026/entry_deadline'],
      ['submitted', '2026-02-21T23:59:59.999+00:00', 'june-2026/entry_deadline'],
    ]);
  });

  it('raises due-soon and overdue signals on clock ticks, into the outbox once, and wakes the list when one is due', async () => {
    const { list, clock, runtime, store } = await openList();
    expect(list.snapshot().context.signals).toEqual([]);
    clock.set(Date.parse('2026-01-25T09:00:00Z'));
    expect((await runtime.wakeDue()).woken).toBe(1);
    const soon = await runtime.open(entryCheckingPersisted, { centreNumber: '12345', id: 'june-2026/science' });
    expect(soon.snapshot().context.signals).toEqual([{ taskId: 'signed', title: 'Entries checked and signed by the head of department', dueAt: '2026-01-30T23:59:59.999+00:00', status: 'due_soon' }]);
    clock.increment(7 * DAY);
    await soon.tick();
    expect(soon.snapshot().context.signals.map((s) => `${s.taskId}:${s.status}`)).toEqual(['signed:overdue', 'authorised:due_soon']);
    const idle = await soon.tick();
    expect(idle.entry).toBeUndefined();
    const delivered: string[] = [];
    await store.deliverSignals((s) => {
      delivered.push(`${s.type}:${String(s.payload['taskId'])}`);
    });
    expect(delivered.sort()).toEqual(['deadline.dueSoon:authorised', 'deadline.dueSoon:signed', 'deadline.overdue:signed']);
  });

  it('a signed milestone raises no signal, and an amendment that reopens it raises it again', async () => {
    const { list, clock } = await openList();
    await markAllCorrect(list);
    await list.send({ type: 'sign', by: hodScience });
    clock.set(Date.parse('2026-02-01T09:00:00Z'));
    await list.tick();
    expect(list.snapshot().context.signals.map((s) => `${s.taskId}:${s.status}`)).toEqual(['authorised:due_soon']);
    const e1 = list.snapshot().context.entries[0]!;
    await list.send({ type: 'entries.amend', entries: [{ ...e1, tier: 'H' }], reason: 'Tier', by: officer });
    expect(list.snapshot().context.signals.map((s) => `${s.taskId}:${s.status}`)).toEqual(['signed:overdue', 'authorised:due_soon']);
  });
});

describe('candidateStatementOfEntry', () => {
  it('gives the candidate the entries their departments signed, and says what is still being checked', async () => {
    const { list } = await openList(2);
    const before = candidateStatementOfEntry([list.snapshot().context], 'c1001');
    expect(before).toMatchObject({ complete: false, entries: [], pending: [{ entryId: 'e001', status: 'unchecked' }] });
    await markAllCorrect(list);
    await list.send({ type: 'sign', by: hodScience });
    const maths: EntryCheckingContext = {
      ...list.snapshot().context,
      listId: 'june-2026/maths',
      department: { id: 'maths', name: 'Mathematics' },
      entries: [{ entryId: 'm001', candidateId: 'c1001', awardingBodyId: 'EDEXCEL', entryCode: '1MA1', componentCodes: [], status: 'queried', comment: 'Tier?' }],
    };
    const soe = candidateStatementOfEntry([list.snapshot().context, maths], 'c1001');
    expect(soe).toMatchObject({
      candidateId: 'c1001',
      candidateNumber: '1001',
      candidateName: 'Candidate 1001',
      centreNumber: '12345',
      seriesId: 'june-2026',
      entries: [{ entryId: 'e001', department: 'Science', awardingBodyId: 'AQA', entryCode: '8464', tier: 'F', componentCodes: ['8464B1F', '8464C1F'] }],
      pending: [{ entryId: 'm001', department: 'Mathematics', status: 'queried' }],
      complete: false,
    });
    expect(soe.declaration).toMatch(/my name is as I wish it to appear on my certificates/);
  });

  it('lists a signed withdrawal apart from the entries, and leaves an amended entry off until it is signed again', async () => {
    const { list } = await openList(2);
    await markAllCorrect(list);
    await list.send({ type: 'sign', by: hodScience });
    await list.send({ type: 'authorise', by: seniorLeader });
    const e1 = list.snapshot().context.entries[0]!;
    await list.send({ type: 'entries.amend', entries: [{ ...e1, withdrawn: true }], reason: 'Withdrawn at the family\'s request', by: officer });
    expect(candidateStatementOfEntry([list.snapshot().context], 'c1001')).toMatchObject({ entries: [], withdrawn: [], pending: [{ entryId: 'e001', status: 'unchecked' }], complete: false });
    await markAllCorrect(list);
    await list.send({ type: 'sign', by: hodScience });
    expect(candidateStatementOfEntry([list.snapshot().context], 'c1001')).toMatchObject({ entries: [], withdrawn: [{ entryId: 'e001', entryCode: '8464' }], pending: [], complete: true });
  });
});
