/**
 * The EOPS machine under random and hostile events (issue 18's surface): account updates and deletions,
 * targets proposed and confirmed by either side, certificate requests, declarations, meetings of every kind
 * (and misspelt ones), centre checklists, malformed junk, sent by people in roles they hold and do not.
 * Counted: throws out of `sendEops` (every refusal must be a typed outcome, never a throw), "unauthorised"
 * outcomes (a certificate without the request, both agreements and both signatures, or declared by the
 * officer; a context the persisted schema refuses), and sends slower than one second. Seeded: a run repeats.
 */
import { DateTime } from 'luxon';
import { createActor } from 'xstate';
import { EOPS_V2_GRANTS, eopsContextSchema, eopsMachine, eopsRecords, sendEops, type EopsActor, type EopsEvent } from '../src/index.js';
import type { FuzzRow } from './fuzzRow.js';
import { prng } from './prng.js';
import type { Instant } from '../src/index.js';

const IDS = ['slt-1', 'lm-1', 'eo-1', 'eo-2', 'ghost', '__proto__'];
const ROLES = ['senior_leader', 'line_manager', 'exams_officer', 'system', 'candidate', undefined];
const START = DateTime.fromISO('2025-09-02T08:00:00.000Z', { zone: 'utc' });
const KINDS = ['start', 'first_week', 'first_month', 'first_term', 'appraisal', 'half_termly', 'apprasial'];

/** Runs the EOPS event surface for `inputs` events; `accepted` (optional) tallies accepted events by type, to show the run is not vacuous. */
export async function fuzzEops(inputs: number, seed = 20261218, accepted: Record<string, number> = {}): Promise<FuzzRow> {
  const random = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)]!;
  const started = performance.now();
  let untypedThrows = 0;
  let unauthorised = 0;
  let over1s = 0;
  let peakRss = 0;
  let actor: EopsActor | undefined;
  let minute = 0;
  const fresh = (): EopsActor => {
    // The grants version 2 enforced: every role may try every step, so the fuzz reaches the Standards' own rules.
    const a = createActor(eopsMachine, { input: { grants: EOPS_V2_GRANTS } }).start();
    minute = 0;
    const t = () => (START.plus({ minutes: minute++ }).toISO() as Instant);
    a.send({ type: 'centre.register', centre: { centreNumber: '12345', name: 'Fuzz Academy' }, user: { id: 'slt-1', name: 'S', roles: ['senior_leader'] }, at: t(), by: { id: 'slt-1', role: 'senior_leader' } });
    for (const [id, role] of [['lm-1', 'line_manager'], ['eo-1', 'exams_officer'], ['eo-2', 'exams_officer']] as const) {
      a.send({ type: 'account.register', user: { id, name: id, roles: [role] }, at: t(), by: { id, role } });
      a.send({ type: 'account.approve', accountId: id, at: t(), by: { id: 'slt-1', role: 'senior_leader' } });
    }
    return a;
  };
  const target = (id: string) => {
    const strand = random() < 0.5 ? 'knowledge_and_understanding' : 'key_skills';
    const area = random() < 0.2 ? 'own' : strand === 'key_skills' ? pick(['time_management', 'presentation', 'jcq_regulations']) : pick(['jcq_regulations', 'mis_updates', 'time_management']);
    const method = pick(['online_training', 'other', 'peer_support']);
    return {
      id,
      strand,
      area,
      ...((area === 'own') !== random() < 0.05 ? { ownArea: 'Own' } : {}),
      description: 'd',
      methods: [method],
      ...((method === 'other') !== random() < 0.05 ? { otherMethod: 'Shadowing' } : {}),
      successMeasure: 's',
      dueBy: pick(['2025-12-19', '2026-03-27', '2026-09-30', 'not a date']),
    };
  };
  for (let i = 0; i < inputs; i++) {
    if (i % 300 === 0) actor = fresh();
    minute += 1 + Math.floor(random() * 3);
    const at = (START.plus({ hours: 1, minutes: minute - (random() < 0.02 ? 5 : 0) }).toISO() as Instant);
    // Mostly the people of the Standards acting in their own roles on the two officers; sometimes anyone as anything.
    const legit = random() < 0.85;
    const officerId = legit ? pick(['eo-1', 'eo-2']) : pick(IDS);
    const role = pick(ROLES);
    const by = legit ? pick([{ id: officerId, role: 'exams_officer' }, { id: 'slt-1', role: 'senior_leader' }, { id: 'lm-1', role: 'line_manager' }]) : { id: pick(IDS), ...(role ? { role } : {}) };
    const targetId = pick(['ku-1', 'ks-1', 'x']);
    const bodies: Record<string, unknown>[] = [
      { type: 'account.update', accountId: pick(IDS), changes: pick([{ name: 'New' }, { email: null }, { roles: ['line_manager'] }, {}, { roles: [] }]) },
      { type: 'account.delete', accountId: pick(IDS) },
      { type: 'officer.register', officerId, experience: pick(['new', 'experienced', 'old']), ...(random() < 0.3 ? { induction: [{ id: 'a', period: 'first_week', title: 't', source: 's', fulfilledBy: pick(['registration', 'meeting:first_week', 'nope']) }] } : {}) },
      { type: 'target.agree', officerId, target: target(targetId) },
      { type: 'target.confirm', officerId, targetId },
      { type: 'target.mark', officerId, targetId, status: pick(['achieved', 'not_applicable', 'open']) },
      { type: 'valuesAndAttributes.sign', officerId },
      { type: 'meeting.record', officerId, meeting: { heldOn: '2025-09-02', kind: pick(KINDS), progress: 'p', wentWell: 'w', notSoWell: 'n', nextFocus: 'f' } },
      { type: 'meetings.plan', officerId, schedule: [{ date: '2025-09-03', kind: pick(KINDS), halfTerm: 'A1' }] },
      { type: 'certificate.request', officerId },
      { type: 'standards.declare', officerId },
      { type: pick(['nonsense', 'toString', '__proto__']) },
    ];
    // A deletion ends most of an actor's story: keep it rare.
    const body = random() < 0.03 ? bodies[1]! : pick(bodies.filter((b) => b['type'] !== 'account.delete'));
    const event = { ...body, at, by } as unknown as EopsEvent;
    const t0 = performance.now();
    try {
      const outcome = sendEops(actor!, event);
      if (outcome.ok && outcome.entry) accepted[outcome.entry.event] = (accepted[outcome.entry.event] ?? 0) + 1;
    } catch {
      untypedThrows++;
    }
    if (performance.now() - t0 > 1000) over1s++;
    const { context } = actor!.getSnapshot();
    for (const r of eopsRecords(actor!)) {
      if (!r.certificate) continue;
      const ok =
        r.certificateRequest !== null &&
        r.valuesAndAttributes.statement !== null &&
        r.valuesAndAttributes.agreement !== null &&
        r.targets.every((t) => t.confirmedBy !== null) &&
        r.certificate.authorisedBy.id !== r.officerId;
      if (!ok) unauthorised++;
    }
    if (i % 97 === 0 && !eopsContextSchema.safeParse(context).success) unauthorised++;
    if (i % 1000 === 0) peakRss = Math.max(peakRss, process.memoryUsage().rss);
  }
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  return {
    package: '@examcycle/core',
    surface: 'eops events (issue 18)',
    inputs,
    untypedThrows,
    rowsLost: 0,
    unauthorisedReads: unauthorised,
    over1s,
    peakRssMb: Math.round(peakRss / 1024 / 1024),
    seconds: Math.round((performance.now() - started) / 10) / 100,
  };
}
