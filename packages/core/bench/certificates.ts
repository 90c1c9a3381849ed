/// <reference types="node" />
/**
 * The certificates benchmark: a centre's certificates (2,000 by default) from expected to issued (received,
 * checked, collected by the candidate), every step checked and audited, timing what users call from the same
 * input:
 * - `recordCertificates`: the batch through the certificate statechart (examcycle);
 * - `certificateMachine`, one actor per certificate with `collectAudit` (examcycle, the actor path);
 * - raw xstate: a same-shaped machine a user would write with the library they would pick (inline guards for the
 *   stamp, the sender's role and the handover; `assign` + `emit` of an audit line per step), one actor per
 *   certificate;
 * - a first implementation: a plain function per certificate (a `switch` on the state, the same checks, a
 *   context object and an audit line per step).
 * Equal warm-up, interleaved rounds, min / median / max, ratio of medians to the first implementation; summary
 * rows for `npm run bench`'s closing table. Knobs: BENCH_CERTIFICATES (2,000), BENCH_ROUNDS (7), BENCH_WARMUP (2).
 */
import { assign, createActor, emit, setup } from 'xstate';
import { certificateMachine, collectAudit, recordCertificates, type Actor, type AuditLine, type CertificateEvent, type CertificateInput, type Instant } from '@examcycle/core';
import { fixturePack } from '../test/fixtures/fixturePack.js';
import { june2026 } from '../test/results/syntheticCentre.js';
import { calibrate, knob, measure, printTable, row, writeSummary } from '../../../scripts/bench/measure.js';

const print = (line = ''): void => void process.stdout.write(`${line}\n`);
const count = knob('BENCH_CERTIFICATES', 2_000);
const rounds = knob('BENCH_ROUNDS', 7);
const warmup = knob('BENCH_WARMUP', 2);

const officer: Actor = { id: 'EO', role: 'exams_officer' };
const candidateIds = Array.from({ length: count }, (_, i) => `C${String(i + 1).padStart(5, '0')}`);
const codes = ['8300H', '8700', '8461H', '8462H', '8463H', '8035', '8145', '8552', '8702', '8658', '8525', '8062'];
const createdAt: Instant = '2026-09-01T09:00:00+01:00';
const input = (id: string): CertificateInput => ({ certificate: { id: `CERT-${id}`, candidateId: id, seriesId: june2026.id, awardingBodyId: 'AQA', awardCodes: codes }, rulesPack: fixturePack, series: june2026, createdAt, by: officer });
const eventsOf = (id: string): CertificateEvent[] => [
  { type: 'certificate.received', at: '2026-11-04T10:00:00Z', by: officer },
  { type: 'certificate.checked', at: '2026-11-04T14:00:00Z', by: officer, correct: true },
  { type: 'certificate.issued', at: '2026-11-26T15:30:00Z', by: officer, method: 'collected', to: id },
];
const MAY_ACT = new Set(['exams_officer', 'exams_office_staff']);
const METHODS = new Set(['collected', 'posted', 'third_party']);

/** The certificates issued and the audit lines written, checked equal for every contender. */
function tally(issued: number, lines: number): string {
  if (issued !== count || lines !== count * 4) throw new Error(`expected ${count} issued and ${count * 4} lines, got ${issued} and ${lines}`);
  return `${issued}/${lines}`;
}

function batch(): string {
  const records = recordCertificates(candidateIds.map((id) => ({ input: input(id), events: eventsOf(id) })));
  let issued = 0;
  let lines = 0;
  for (const r of records) {
    if (r.state === 'issued') issued += 1;
    lines += r.audit.length;
  }
  return tally(issued, lines);
}

function actors(): string {
  let issued = 0;
  let lines = 0;
  for (const id of candidateIds) {
    const actor = createActor(certificateMachine, { input: input(id) });
    const audit = collectAudit(actor);
    actor.start();
    for (const e of eventsOf(id)) actor.send(e);
    if (actor.getSnapshot().value === 'issued') issued += 1;
    lines += audit.length;
    actor.stop();
  }
  return tally(issued, lines);
}

interface PlainContext {
  readonly id: string;
  readonly candidateId: string;
  readonly awardCodes: readonly string[];
  readonly lastEventAt: number;
  readonly receivedAt: string | null;
  readonly correct: boolean | null;
  readonly handedTo: string | null;
}
type PlainEvent = { readonly type: string; readonly at: string; readonly by: Actor; readonly correct?: boolean; readonly method?: string; readonly to?: string };

/** Whether a step may be taken: stamped in order, by a role that may act. */
function stamped(context: PlainContext, event: PlainEvent): boolean {
  const at = Date.parse(event.at);
  return !Number.isNaN(at) && at >= context.lastEventAt && typeof event.by?.id === 'string' && MAY_ACT.has(event.by.role ?? '');
}

const rawMachine = setup({
  types: { context: {} as PlainContext, events: {} as PlainEvent, input: {} as { id: string; candidateId: string; awardCodes: readonly string[]; createdAt: string }, emitted: {} as { type: 'audit'; line: AuditLine } },
  guards: {
    stamped: ({ context, event }) => stamped(context, event),
    checked: ({ context, event }) => stamped(context, event) && typeof event.correct === 'boolean',
    handedOver: ({ context, event }) => stamped(context, event) && METHODS.has(event.method ?? '') && (event.method !== 'collected' || event.to === context.candidateId),
  },
  actions: {
    step: assign(({ event }) => ({ lastEventAt: Date.parse(event.at), ...(event.type === 'certificate.received' ? { receivedAt: event.at } : {}), ...(event.correct !== undefined ? { correct: event.correct } : {}), ...(event.to !== undefined ? { handedTo: event.to } : {}) })),
    line: emit(({ context, event }, params: { from: string; to: string }) => ({
      type: 'audit' as const,
      line: { at: event.at as Instant, by: event.by, event: event.type, from: params.from, to: params.to, outcome: 'accepted' as const, details: { certificateId: context.id, candidateId: context.candidateId } },
    })),
    opened: emit(({ context }) => ({ type: 'audit' as const, line: { at: createdAt, event: 'certificate.expected', from: 'expected', to: 'expected', outcome: 'accepted' as const, details: { certificateId: context.id, candidateId: context.candidateId } } })),
  },
}).createMachine({
  context: ({ input: i }) => ({ id: i.id, candidateId: i.candidateId, awardCodes: [...i.awardCodes], lastEventAt: Date.parse(i.createdAt), receivedAt: null, correct: null, handedTo: null }),
  entry: 'opened',
  initial: 'expected',
  states: {
    expected: { on: { 'certificate.received': { guard: 'stamped', target: 'received', actions: ['step', { type: 'line', params: { from: 'expected', to: 'received' } }] } } },
    received: { on: { 'certificate.checked': { guard: 'checked', target: 'checked', actions: ['step', { type: 'line', params: { from: 'received', to: 'checked' } }] } } },
    checked: { on: { 'certificate.issued': { guard: 'handedOver', target: 'issued', actions: ['step', { type: 'line', params: { from: 'checked', to: 'issued' } }] } } },
    issued: { type: 'final' },
  },
});

function rawXstate(): string {
  let issued = 0;
  let lines = 0;
  for (const id of candidateIds) {
    const actor = createActor(rawMachine, { input: { id: `CERT-${id}`, candidateId: id, awardCodes: codes, createdAt } });
    const audit: AuditLine[] = [];
    actor.on('audit', (e) => void audit.push(e.line));
    actor.start();
    for (const e of eventsOf(id)) actor.send(e as PlainEvent);
    if (actor.getSnapshot().value === 'issued') issued += 1;
    lines += audit.length;
    actor.stop();
  }
  return tally(issued, lines);
}

const NEXT: Readonly<Record<string, readonly [string, string]>> = {
  'certificate.received': ['expected', 'received'],
  'certificate.checked': ['received', 'checked'],
  'certificate.issued': ['checked', 'issued'],
};

/** A first implementation: one certificate's steps through a `switch`, the same checks, a line per step. */
function plainCertificate(id: string, events: readonly PlainEvent[]): { state: string; context: PlainContext; audit: AuditLine[] } {
  let context: PlainContext = { id: `CERT-${id}`, candidateId: id, awardCodes: [...codes], lastEventAt: Date.parse(createdAt), receivedAt: null, correct: null, handedTo: null };
  let state = 'expected';
  const audit: AuditLine[] = [{ at: createdAt, event: 'certificate.expected', from: 'expected', to: 'expected', outcome: 'accepted', details: { certificateId: context.id, candidateId: id } }];
  for (const event of events) {
    const step = NEXT[event.type];
    let ok = step !== undefined && step[0] === state && stamped(context, event);
    switch (event.type) {
      case 'certificate.checked':
        ok &&= typeof event.correct === 'boolean';
        break;
      case 'certificate.issued':
        ok &&= METHODS.has(event.method ?? '') && (event.method !== 'collected' || event.to === id);
        break;
    }
    if (!ok) {
      audit.push({ at: event.at as Instant, by: event.by, event: event.type, from: state, to: state, outcome: 'rejected', reason: 'refused', code: 'event_rejected' });
      continue;
    }
    context = { ...context, lastEventAt: Date.parse(event.at), ...(event.type === 'certificate.received' ? { receivedAt: event.at } : {}), ...(event.correct !== undefined ? { correct: event.correct } : {}), ...(event.to !== undefined ? { handedTo: event.to } : {}) };
    audit.push({ at: event.at as Instant, by: event.by, event: event.type, from: state, to: step![1], outcome: 'accepted', details: { certificateId: context.id, candidateId: id } });
    state = step![1];
  }
  return { state, context, audit };
}

function firstImplementation(): string {
  let issued = 0;
  let lines = 0;
  for (const id of candidateIds) {
    const done = plainCertificate(id, eventsOf(id) as PlainEvent[]);
    if (done.state === 'issued') issued += 1;
    lines += done.audit.length;
  }
  return tally(issued, lines);
}

const calibrationMs = calibrate();
print(`core certificates bench, node ${process.version}; machine load check ${calibrationMs.toFixed(0)} ms (~200 ms on an idle core)`);
const names = {
  batch: 'examcycle recordCertificates (batch)',
  actors: 'examcycle certificateMachine, an actor each',
  raw: 'raw xstate, same-shaped machine, an actor each',
  first: 'first implementation (switch per certificate)',
} as const;
const timings = await measure(
  [
    { name: names.batch, run: batch },
    { name: names.actors, run: actors },
    { name: names.raw, run: rawXstate },
    { name: names.first, run: firstImplementation },
  ],
  { warmup, rounds },
);
printTable(`${count.toLocaleString('en-GB')} certificates, expected → received → checked → issued, every step checked and audited (${rounds} rounds after ${warmup} warm-up)`, timings, names.first, count, 'certificate');
writeSummary(new URL('..', import.meta.url), 'certificates', [
  row('core', `certificates, ${count.toLocaleString('en-GB')} expected → issued`, timings, names.batch, names.first, { calibrationMs, note: 'ratio to a plain switch per certificate; the actor path and raw xstate are in the table' }),
  row('core', `certificates, ${count.toLocaleString('en-GB')}, batch vs raw xstate actors`, timings, names.batch, names.raw, { calibrationMs }),
]);
