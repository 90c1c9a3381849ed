/**
 * Entry checking and sign-off for a synthetic centre's science department (no real personal data) under the
 * JCQ pack with a centre overlay, on the durable runtime (memory store) and a hand-moved clock: the exams
 * officer sends the entries; the head of science marks them (one queried, one incorrect); a head of another
 * department and a teacher are refused; the exams officer answers and amends; the head of science signs; the
 * head of centre is refused authorisation, a senior leader authorises; the exams officer submits. Then a
 * tier change after mocks reopens only that entry. Along the way: the deadlines (an internal deadline from the
 * overlay, an offset, the entry deadline) and their signals, a candidate's statement of entry, and the
 * conflicts-of-interest register feeding invigilator deployment and flagging a marker.
 */
import { SimulatedClock } from 'xstate';
import {
  candidateStatementOfEntry,
  conflictFlags,
  createExamcycleRuntime,
  createMemoryStore,
  entryCheckingPersisted,
  examSeries,
  invigilatorsWithDeclaredConflicts,
  londonIso,
  createConflictsRegister,
  type Actor,
  type EntryForChecking,
  type Invigilator,
  type RulesPack,
} from '@examcycle/core';
import { jcq, withOverrides } from '@examcycle/rules-jcq';

const series = examSeries('june', 2026);
const officer: Actor = { id: 'eo-ahmed', role: 'exams_officer' };
const hodScience: Actor = { id: 'hod-okafor', role: 'head_of_department' };
const hodMaths: Actor = { id: 'hod-lewis', role: 'head_of_department' };
const teacher: Actor = { id: 't-patel', role: 'teacher' };
const seniorLeader: Actor = { id: 'sl-grant', role: 'senior_leader' };
const head: Actor = { id: 'hoc-jones', role: 'head_of_centre' };

/** Northgate Academy's overlay: entries checked by departments ten working days before the entry deadline. */
function northgatePack(): RulesPack {
  return withOverrides(jcq, {
    centre: { name: 'Northgate Academy', policyDocument: 'Northgate Academy exams policy', year: '2025/26' },
    internalDeadlines: [{ id: 'entries-checked', title: 'Entries checked and signed by departments', from: 'entry_deadline', offsetWorkingDays: -10 }],
  });
}

const entries: EntryForChecking[] = [
  { entryId: 'sci-001', candidateId: 'c-4001', candidateNumber: '4001', candidateName: 'Zoë Łukasz-Brown', awardingBodyId: 'AQA', entryCode: '8464', title: 'GCSE Combined Science: Trilogy', tier: 'F', componentCodes: ['8464B1F', '8464C1F', '8464P1F'] },
  { entryId: 'sci-002', candidateId: 'c-4002', candidateNumber: '4002', candidateName: "Siân O'Brien", awardingBodyId: 'AQA', entryCode: '8464', title: 'GCSE Combined Science: Trilogy', tier: 'H', componentCodes: ['8464B1H', '8464C1H', '8464P1H'] },
  { entryId: 'sci-003', candidateId: 'c-4003', candidateNumber: '4003', candidateName: 'Minh Nguyễn', awardingBodyId: 'AQA', entryCode: '8461', title: 'GCSE Biology', tier: 'H', componentCodes: ['8461/1H', '8461/2H'] },
];

/**
 * Runs the example.
 *
 * @param print - where each line goes
 * @example
 * ```ts
 * await main(console.log);
 * ```
 */
export async function main(print: (line: string) => void): Promise<void> {
  const pack = northgatePack();
  const keyDates = pack.keyDates(series);
  const clock = new SimulatedClock();
  clock.set(Date.parse('2026-01-12T09:00:00Z'));
  const store = createMemoryStore();
  const runtime = createExamcycleRuntime({ store, clock });
  const at = (iso: string) => clock.set(Date.parse(iso));

  const list = await runtime.open(
    entryCheckingPersisted,
    { centreNumber: '12345', id: 'june-2026/science' },
    {
      input: {
        listId: 'june-2026/science',
        centreNumber: '12345',
        seriesId: series.id,
        department: { id: 'science', name: 'Science' },
        headOfDepartmentIds: ['hod-okafor'],
        checkerIds: ['t-patel'],
        entries,
        startedAt: londonIso(clock.now()),
        authorities: pack.authorities('2025/26'),
        delegations: pack.delegations(),
        keyDates,
        deadlines: { signed: { keyDateId: 'june-2026/internal_deadline/entries-checked' }, authorised: { daysBeforeEntryDeadline: 7 } },
        by: officer,
      },
    },
  );
  print('Science entries, June 2026 (Northgate Academy, centre 12345)');
  print('Deadlines:');
  for (const d of list.snapshot().context.deadlines) print(`  ${d.milestone.padEnd(10)} ${d.dueAt.slice(0, 16)}  from ${d.basis} (${d.confidence})`);

  const step = async (label: string, event: { type: string; by: Actor; [k: string]: unknown }) => {
    const out = await list.send(event);
    print(`${out.ok ? 'OK ' : 'NO '} ${label}${out.ok ? '' : `: ${out.error.code}: ${out.error.message}`}`);
    return out.ok;
  };

  print('');
  print('Checking:');
  await step('exams officer sends the list', { type: 'send', by: officer });
  at('2026-01-19T10:00:00Z');
  await step('head of science: sci-001 correct', { type: 'entry.mark', entryId: 'sci-001', verdict: 'correct', by: hodScience });
  await step('head of science: sci-002 queried', { type: 'entry.mark', entryId: 'sci-002', verdict: 'queried', comment: 'Predicted 4-5: should this be Foundation?', by: hodScience });
  await step('head of science: sci-003 incorrect', { type: 'entry.mark', entryId: 'sci-003', verdict: 'incorrect', comment: 'Moved to Combined Science in January', by: hodScience });
  await step('head of maths marks sci-001', { type: 'entry.mark', entryId: 'sci-001', verdict: 'correct', by: hodMaths });
  await step('head of science signs too early', { type: 'sign', by: hodScience });
  at('2026-01-20T11:00:00Z');
  await step('teacher answers the query', { type: 'query.answer', entryId: 'sci-002', answer: 'Higher', by: teacher });
  await step('exams officer answers the query', { type: 'query.answer', entryId: 'sci-002', answer: 'Higher: agreed with the class teacher after the mock', by: officer });
  await step('exams officer amends sci-003', {
    type: 'entries.amend',
    entries: [{ ...entries[2]!, entryCode: '8464', title: 'GCSE Combined Science: Trilogy', componentCodes: ['8464B1H', '8464C1H', '8464P1H'] }],
    reason: 'Moved to Combined Science',
    by: officer,
  });
  await step('teacher marks sci-002 correct', { type: 'entry.mark', entryId: 'sci-002', verdict: 'correct', by: teacher });
  await step('head of science marks sci-003 correct', { type: 'entry.mark', entryId: 'sci-003', verdict: 'correct', by: hodScience });
  await step('head of maths signs the science list', { type: 'sign', by: hodMaths });
  await step('head of science signs', { type: 'sign', by: hodScience });
  at('2026-02-10T09:00:00Z');
  await list.tick();
  print(`Signals on ${londonIso(clock.now()).slice(0, 10)}: ${list.snapshot().context.signals.map((s) => `${s.taskId} ${s.status}`).join(', ') || 'none'}`);
  await step('head of centre authorises', { type: 'authorise', by: head });
  await step('senior leader authorises', { type: 'authorise', by: seniorLeader });
  at('2026-02-12T09:00:00Z');
  await step('exams officer submits', { type: 'submit', by: officer });
  print(`State: ${String(list.snapshot().value)}`);

  print('');
  print('A tier change after sign-off:');
  at('2026-03-02T09:00:00Z');
  await step('exams officer moves sci-001 to Higher', { type: 'entries.amend', entries: [{ ...entries[0]!, tier: 'H', componentCodes: ['8464B1H', '8464C1H', '8464P1H'] }], reason: 'Mock results', by: officer });
  for (const e of list.snapshot().context.entries) print(`  ${e.entryId} ${e.entryCode} ${e.tier ?? ''} ${e.status.padEnd(9)} ${e.signedAt ? `signed ${e.signedAt.slice(0, 10)}` : 'to be signed again'}`);

  const soe = candidateStatementOfEntry([list.snapshot().context], 'c-4002');
  print('');
  print(`Statement of entry for ${soe.candidateName ?? soe.candidateId} (${soe.candidateNumber ?? ''}), ${soe.complete ? 'ready to sign' : 'not final'}:`);
  for (const e of soe.entries) print(`  ${e.awardingBodyId} ${e.entryCode} ${e.title ?? ''} tier ${e.tier ?? '-'}: ${e.componentCodes.join(', ')}`);
  print(`  "${soe.declaration}"`);

  print('');
  print('Conflicts of interest (JCQ General Regulations 5.3):');
  const registerClock = new SimulatedClock();
  registerClock.set(Date.parse('2026-01-12T09:00:00Z'));
  const register = createConflictsRegister({ store, centreNumber: '12345', seriesId: series.id, clock: registerClock, keyDates, authorities: pack.authorities('2025/26') });
  await register.declare({ id: 'inv-rossi', role: 'invigilator' }, { id: 'coi-1', staffId: 'inv-rossi', staffName: 'Mrs Rossi', kind: 'relative', candidateId: 'c-4002', relationship: 'Aunt', awardingBodyIds: ['AQA'] });
  const mitigated = await register.mitigate(officer, 'coi-1', 'Mrs Rossi does not invigilate a room in which c-4002 sits, nor handle their scripts');
  const signedOff = await register.signOff(head, 'coi-1');
  print(`  declared, mitigated ${mitigated.ok ? 'yes' : 'no'}, signed off by the head of centre ${signedOff.ok ? 'yes' : 'no'}`);
  registerClock.set(Date.parse('2026-02-10T09:00:00Z'));
  for (const n of await register.notificationsDue()) print(`  on 2026-02-10, tell ${n.awardingBodyId} by ${n.dueAt?.slice(0, 10) ?? '(no key date)'}: ${n.status}`);
  const declarations = await register.declarations();
  const pool: Invigilator[] = [{ id: 'inv-rossi', staffId: 'inv-rossi', name: 'Mrs Rossi', availability: [], relativeOfCandidateIds: [], facilitator: false }];
  print(`  invigilator deployment keeps Mrs Rossi away from: ${invigilatorsWithDeclaredConflicts(pool, declarations)[0]!.relativeOfCandidateIds.join(', ')}`);
  for (const f of conflictFlags(declarations, [{ staffId: 'inv-rossi', task: 'scripts', candidateId: 'c-4002' }])) print(`  FLAG ${f.message}`);

  print('');
  print('Audit trail of the science list:');
  for (const l of await list.audit()) print(`  ${String(l.seq).padStart(2)} ${l.at.slice(0, 16)} ${(l.by?.id ?? '').padEnd(11)} ${l.event.padEnd(14)} ${l.outcome}${l.code ? ` (${l.code})` : ''}`);
}
