/**
 * Results day for a synthetic centre (no real personal data) under the JCQ rules pack, on a hand-moved
 * clock: restricted release (reads allowed and denied, a nomination, the matching report with a late
 * cash-in), results day (candidates from 08:00, the press from 09:30), two enquiries about results (one
 * changes a grade, one misses its deadline), certificates in November (one collected by a third party
 * with written authority, one unclaimed and kept 12 months), and the purge list a data-protection officer
 * signs. It prints every audit trail.
 */
import { createActor } from 'xstate';
import {
  certificateMachine,
  collectAudit,
  createResultsStore,
  enquiryGradeChange,
  enquiryMachine,
  examSeries,
  planRetention,
  purgeList,
  signPurgeList,
  toLondon,
  type Actor,
  type AuditLine,
  type Candidate,
  type Entry,
  type EnquiryEvent,
  type Qualification,
  type Result,
  type Outcome,
  type ResultsReader,
  type StaffMember,
  type Instant,
} from '@examcycle/core';
import { jcq } from '@examcycle/rules-jcq';

const series = examSeries('june', 2026);
const officer: Actor = { id: 'eo-ahmed', role: 'exams_officer' };
const head: Actor = { id: 'hoc-jones', role: 'head_of_centre' };

const staff: StaffMember[] = [
  { id: 'hoc-jones', name: 'R. Jones', roles: ['head_of_centre'], active: true },
  { id: 'eo-ahmed', name: 'S. Ahmed', roles: ['exams_officer'], active: true },
  { id: 'hob-byrne', name: 'M. Byrne', roles: ['teacher'], active: true },
  { id: 'teach-singh', name: 'P. Singh', roles: ['teacher'], active: true },
];

const candidates: Candidate[] = [
  ['C-1', '0001', 'Avery', 'Sam'],
  ['C-2', '0002', 'Blake', 'Jo'],
  ['C-3', '0003', 'Carter', 'Lee'],
].map(([id, candidateNumber, legalSurname, legalForenames]) => ({ id: id!, centreNumber: '99999', candidateNumber: candidateNumber!, legalSurname: legalSurname!, legalForenames: legalForenames!, dateOfBirth: '2008-01-15', kind: 'internal' as const }));

const qualifications: Qualification[] = [
  { id: 'AQA-7402', awardingBodyId: 'AQA', specificationCode: '7402', title: 'A-level Biology', level: 'GCE', entryOptions: [{ code: '7402', title: '', componentCodes: ['74021', '74022', '74023'] }] },
  { id: 'AQA-8300', awardingBodyId: 'AQA', specificationCode: '8300', title: 'GCSE Mathematics', level: 'GCSE', entryOptions: [{ code: '8300H', title: 'Higher', componentCodes: ['83001H', '83002H', '83003H'] }] },
];

const entries: Entry[] = [
  ['C-1', '7402', ['74021', '74022', '74023']],
  ['C-2', '7402', ['74021', '74022', '74023']],
  ['C-3', '7402', ['74021', '74022', '74023']],
  ['C-1', '8300H', ['83001H', '83002H', '83003H']],
  ['C-2', '8300H', ['83001H', '83002H', '83003H']],
].map(([candidateId, entryCode, componentCodes]) => ({
  id: `E-${String(candidateId)}-${String(entryCode)}`,
  candidateId: candidateId as string,
  seriesId: series.id,
  awardingBodyId: 'AQA',
  entryCode: entryCode as string,
  componentCodes: componentCodes as string[],
  status: 'accepted' as const,
  submittedAt: '2026-02-10T10:00:00+00:00',
  identityVerified: true,
}));

function result(candidateId: string, awardCode: string, level: Result['level'], grade: string, kind: Result['kind'] = 'qualification', mark?: number): Result {
  return { id: `R-${candidateId}-${awardCode}`, candidateId, seriesId: series.id, awardingBodyId: 'AQA', awardCode, kind, level, grade, ...(mark !== undefined ? { mark } : {}) };
}

/** GCE results arrive at restricted release; C-3's Biology has components but no grade yet (a late cash-in). */
const gceResults: Result[] = [
  result('C-1', '7402', 'GCE', 'B', 'qualification', 182),
  result('C-2', '7402', 'GCE', 'A'),
  ...['74021', '74022', '74023'].map((c, i) => result('C-3', c, 'GCE', '', 'component', 61 + i)),
];
const gcseResults: Result[] = [result('C-1', '8300H', 'GCSE', '7'), result('C-2', '8300H', 'GCSE', '5')];

function audit(print: (line: string) => void, title: string, trail: readonly (AuditLine & { readonly seq?: number })[]): void {
  print('');
  print(`${title} (${trail.length} entries)`);
  for (const [i, e] of trail.entries()) {
    const when = toLondon(e.at).toFormat('yyyy-MM-dd HH:mm');
    const who = e.by ? e.by.id : 'system';
    const move = e.from === e.to ? `[${e.from}]` : `[${e.from} -> ${e.to}]`;
    const why = e.outcome === 'rejected' ? `  ${e.code ?? 'rejected'}: ${e.reason ?? ''}` : e.rule ? `  (${e.rule})` : '';
    print(`  ${String(e.seq ?? i + 1).padStart(3)} ${when} ${e.outcome === 'accepted' ? 'OK' : 'NO'}  ${who.padEnd(11)} ${e.event} ${move}${why}`);
  }
}

/** Runs the results day, the enquiries and the certificates, and prints what happened and the audit trails. */
export async function main(print: (line: string) => void): Promise<void> {
  let now = toLondon('2026-08-12T07:30:00+01:00').toMillis();
  const setNow = (iso: Instant) => {
    now = toLondon(iso).toMillis();
  };
  const store = createResultsStore({ rulesPack: jcq, series, clock: { now: () => now }, entries, candidates, staff, qualifications, previousYear: { 'AQA-7402': { A: 1, B: 2, C: 1 } } });
  // A read or write returns { ok, value } or { ok: false, error }: a refusal is an answer, not an exception.
  const attempt = <T>(label: string, read: Outcome<T>, show: (value: T) => string) => {
    if (read.ok) print(`  yes  ${label}: ${show(read.value)}`);
    else print(`  no   ${label}: ${read.error.code} (${read.error.rule ?? 'no rule'})`);
  };
  // Where the script expects the store to answer, a refusal is a bug in the script.
  const must = <T>(read: Outcome<T>): T => {
    if (!read.ok) throw read.error;
    return read.value;
  };
  const staffReader = (id: string): ResultsReader => ({ audience: 'centre_staff', id });

  print('Restricted release day, Wednesday 12 August 2026 (GCE)');
  must(store.addResults(gceResults, officer, 'AQA A2C download'));
  attempt('exams officer reads C-1 at 07:30', store.statementOfResults(staffReader('eo-ahmed'), 'C-1', { level: 'GCE' }), (s) => s.lines.map((l) => `${l.awardCode} ${l.grade}`).join(', '));
  attempt('head of biology reads C-1 (not nominated)', store.statementOfResults(staffReader('hob-byrne'), 'C-1', { level: 'GCE' }), (s) => String(s.lines.length));
  must(store.nominate({ staffId: 'hob-byrne', by: head, reason: 'head of biology: check anomalous results', subjects: ['AQA-7402'] }));
  // JCQ keeps restricted release to the head of centre and the exams office: a nomination opens results only where the centre opts in.
  attempt('head of biology reads C-1 (nominated by the head)', store.statementOfResults(staffReader('hob-byrne'), 'C-1', { level: 'GCE' }), (s) => s.lines.map((l) => `${l.awardCode} ${l.grade}`).join(', '));
  attempt('a teacher the head did not nominate', store.resultsAnalysis(staffReader('teach-singh'), { level: 'GCE' }), (a) => String(a.subjects.length));
  attempt('candidate C-1 reads their own results', store.statementOfResults({ audience: 'candidate', id: 'C-1' }, 'C-1'), (s) => String(s.lines.length));
  const byOfficer = store.nominate({ staffId: 'teach-singh', by: officer, reason: 'maths results', subjects: ['AQA-8300'] });
  if (!byOfficer.ok) print(`  no   exams officer nominates a teacher: ${byOfficer.error.code} (${byOfficer.error.rule ?? 'no rule'})`);
  const rec = must(store.reconcile(staffReader('eo-ahmed'), { level: 'GCE' }));
  print(`  matching: ${rec.matched.length} matched, ${rec.missing.length} missing, ${rec.incomplete.length} incomplete, late cash-ins: ${rec.lateCashIns.map((c) => `${c.candidateId} ${c.entryCode}`).join(', ') || 'none'}`);
  // SecEd (seed 003): the exams office submits any late cash-in on restricted release day, and records it.
  for (const c of rec.lateCashIns) {
    must(store.recordLateCashIn({ candidateId: c.candidateId, awardingBodyId: c.awardingBodyId, entryCode: c.entryCode, submittedAt: '2026-08-12T07:25:00+01:00', by: officer }));
  }
  print(`  late cash-ins submitted and recorded: ${must(store.reconcile(staffReader('eo-ahmed'), { level: 'GCE' })).lateCashInsSubmitted.map((c) => `${c.candidateId} ${c.entryCode}`).join(', ') || 'none'}`);
  must(store.addResults([result('C-3', '7402', 'GCE', 'C')], officer, 'late cash-in result'));
  const draft = must(store.draftPressRelease({ by: officer, level: 'GCE' }));
  print(`  press release drafted (${draft.status}) for ${draft.levels.join(', ')}; releasable from ${draft.releasableFrom.map((r) => r.at ?? 'unknown').join(', ')}`);

  print('');
  print('Results day, Thursday 13 August 2026 (GCE)');
  setNow('2026-08-13T07:59:00+01:00');
  attempt('candidate C-1 at 07:59', store.statementOfResults({ audience: 'candidate', id: 'C-1' }, 'C-1'), (s) => String(s.lines.length));
  setNow('2026-08-13T08:00:00+01:00');
  attempt('candidate C-1 at 08:00', store.statementOfResults({ audience: 'candidate', id: 'C-1' }, 'C-1'), (s) => s.lines.filter((l) => l.kind === 'qualification').map((l) => `${l.title} ${l.grade}`).join(', '));
  attempt('candidate C-1 asks for C-2', store.statementOfResults({ audience: 'candidate', id: 'C-1' }, 'C-2'), (s) => String(s.lines.length));
  attempt('local paper at 09:00', store.resultsAnalysis({ audience: 'press', id: 'Gazette' }, { level: 'GCE' }), (a) => String(a.summary.graded));
  setNow('2026-08-13T09:30:00+01:00');
  print(`  press-release gate for GCE: ${store.pressReleaseGate('GCE').allowed ? 'open' : 'closed'}`);
  attempt('press release at 09:30', store.pressRelease({ by: officer, level: 'GCE' }), (pr) => pr.subjects.map((s) => `${s.title}: ${s.distribution.map((d) => `${d.grade} ${d.percent}%`).join(' ')}`).join('; '));
  attempt('local paper asks for C-1', store.statementOfResults({ audience: 'press', id: 'Gazette' }, 'C-1'), (s) => String(s.lines.length));

  setNow('2026-08-19T00:01:00+01:00');
  must(store.addResults(gcseResults, officer, 'AQA A2C download'));

  print('');
  print('Enquiries about results');
  const byEo = { by: officer };
  const ear1 = createActor(enquiryMachine, {
    input: { id: 'EAR-1', candidateId: 'C-1', series, level: 'GCE', awardingBodyId: 'AQA', awardCode: '7402', componentCodes: ['74021'], resultId: 'R-C-1-7402', service: 'review_of_marking', originalGrade: 'B', rulesPack: jcq, createdAt: '2026-08-13T10:00:00+01:00', ...byEo },
  });
  // The enquiry machine emits its audit lines; a host with a store appends them to the store's log.
  const ear1Audit = collectAudit(ear1);
  ear1.start();
  const send1 = (e: EnquiryEvent) => ear1.send(e);
  send1({ type: 'enquiry.submit', at: '2026-08-13T10:05:00+01:00', ...byEo });
  send1({ type: 'consent.capture', at: '2026-08-13T10:20:00+01:00', ...byEo, consent: { written: true, signedBy: 'C-1', signedAt: '2026-08-13T10:15:00+01:00', reference: 'consent form 1' } });
  send1({ type: 'enquiry.submit', at: '2026-08-14T09:00:00+01:00', ...byEo, reference: 'AQA-0001' });
  send1({ type: 'enquiry.outcome', at: '2026-09-02T11:00:00+01:00', ...byEo, grade: 'A', mark: 197, feeRefunded: true });
  send1({ type: 'enquiry.close', at: '2026-09-02T12:00:00+01:00', ...byEo });
  const change = enquiryGradeChange(ear1.getSnapshot().context);
  setNow('2026-09-02T12:05:00+01:00');
  if (change) must(store.applyEnquiryOutcome(change, officer));
  print(`  EAR-1 review of marking: ${String(ear1.getSnapshot().value)}, grade ${change ? `${change.from} -> ${change.to} (${change.direction})` : 'unchanged'}`);
  const bio = must(store.resultsAnalysis(staffReader('eo-ahmed'), { level: 'GCE' })).subjects.find((s) => s.subject === 'AQA-7402');
  print(`  Biology after the enquiry: ${bio ? bio.distribution.map((d) => `${d.grade} x${d.count}`).join(', ') : 'no subject'}`);

  const ear2 = createActor(enquiryMachine, {
    input: { id: 'EAR-2', candidateId: 'C-2', series, level: 'GCE', awardingBodyId: 'AQA', awardCode: '7402', service: 'priority_review_of_marking', originalGrade: 'A', rulesPack: jcq, createdAt: '2026-08-21T09:00:00+01:00', ...byEo },
  });
  const ear2Audit = collectAudit(ear2);
  ear2.start();
  ear2.send({ type: 'consent.capture', at: '2026-08-21T09:10:00+01:00', ...byEo, consent: { written: true, signedBy: 'C-2', signedAt: '2026-08-21T09:05:00+01:00' } });
  ear2.send({ type: 'enquiry.submit', at: '2026-08-21T09:30:00+01:00', ...byEo });
  ear2.send({ type: 'enquiry.withdraw', at: '2026-08-21T10:00:00+01:00', ...byEo, reason: 'priority deadline missed; candidate decided not to request a non-priority review' });
  print(`  EAR-2 priority review (2P): ${String(ear2.getSnapshot().value)} (deadline ${ear2.getSnapshot().context.deadline?.at ?? 'unknown'})`);

  print('');
  print('Certificates, November 2026');
  const cert = (id: string, candidateId: string) => {
    const actor = createActor(certificateMachine, { input: { certificate: { id, candidateId, seriesId: series.id, awardingBodyId: 'AQA', awardCodes: ['7402'] }, rulesPack: jcq, series, createdAt: '2026-09-01T09:00:00+01:00', by: officer } });
    const trail = collectAudit(actor);
    return { actor: actor.start(), trail };
  };
  const { actor: c1, trail: c1Audit } = cert('CERT-C-1', 'C-1');
  const { actor: c3, trail: c3Audit } = cert('CERT-C-3', 'C-3');
  for (const c of [c1, c3]) {
    c.send({ type: 'certificate.received', at: '2026-11-04T10:00:00Z', by: officer });
    c.send({ type: 'certificate.checked', at: '2026-11-04T14:00:00Z', by: officer, correct: true });
  }
  c1.send({ type: 'certificate.issued', at: '2026-11-26T18:30:00Z', by: officer, method: 'third_party', to: 'Mr Avery (father)' });
  c1.send({ type: 'certificate.issued', at: '2026-11-26T18:35:00Z', by: officer, method: 'third_party', to: 'Mr Avery (father)', authority: { written: true, signedBy: 'C-1', signedAt: '2026-11-20T09:00:00Z', reference: 'letter of authority' } });
  c3.send({ type: 'certificate.unclaimed', at: '2026-12-18T16:00:00Z', by: officer });
  c3.send({ type: 'certificate.destroyed', at: '2027-06-30T16:00:00+01:00', by: officer, method: 'shredded' });
  c3.send({ type: 'certificate.destroyed', at: '2027-11-05T10:00:00Z', by: officer, method: 'shredded', witnessedBy: 'hob-byrne' });
  print(`  CERT-C-1: ${String(c1.getSnapshot().value)} to ${c1.getSnapshot().context.handover?.to ?? 'nobody'}`);
  print(`  CERT-C-3: ${String(c3.getSnapshot().value)}; destruction record kept until ${c3.getSnapshot().context.recordRetention?.keepUntil ?? 'unknown'}`);

  print('');
  print('Retention, 1 December 2027');
  const schedule = planRetention({
    rulesPack: jcq,
    asOf: '2027-12-01T09:00:00Z',
    sources: {
      seatingPlans: [{ id: 'SP-2026-06-11-AM', createdAt: '2026-06-11T08:30:00+01:00', seriesId: series.id }],
      attendanceRegisters: [{ id: 'REG-2026-06-11-AM', createdAt: '2026-06-11T09:00:00+01:00', seriesId: series.id }],
      neaWork: [
        { id: 'NEA-C-1-7402', createdAt: '2026-05-01T10:00:00+01:00', subject: 'C-1/7402', seriesId: series.id },
        { id: 'NEA-C-2-7402', createdAt: '2026-05-01T10:00:00+01:00', subject: 'C-2/7402', seriesId: series.id },
      ],
      certificates: [c1.getSnapshot().context, c3.getSnapshot().context],
      enquiries: [ear1.getSnapshot().context, ear2.getSnapshot().context],
    },
  });
  for (const l of schedule.keep) print(`  keep     ${l.record.id}: ${l.why}`);
  for (const l of [...schedule.mustPurge, ...schedule.mayDestroy]) print(`  destroy  ${l.record.id}: ${l.why}`);
  for (const l of schedule.held) print(`  held     ${l.record.id}: ${l.why}`);
  const list = signPurgeList(purgeList(schedule, officer), { by: { id: 'dpo-khan', name: 'N. Khan (data protection officer)', role: 'senior_leader' }, at: '2027-12-02T10:00:00Z' });
  print(`  purge list of ${list.items.length} record(s) signed off by ${list.signedOff?.by.name ?? 'nobody'}`);

  audit(print, 'Results store audit trail', store.audit());
  audit(print, 'EAR-1 audit trail', ear1Audit);
  audit(print, 'EAR-2 audit trail', ear2Audit);
  audit(print, 'CERT-C-1 audit trail', c1Audit);
  audit(print, 'CERT-C-3 audit trail', c3Audit);
  audit(print, 'Purge list audit trail', list.audit);
}
