import { compileRules, jcqCheckRules } from '@examcycle/rules-jcq';
import { performance } from 'node:perf_hooks';
const compiled = compileRules(jcqCheckRules);
const deadlines = { entryDeadlineMs: 1771718399999, veryLateDeadlineMs: 1776812399999 };
const cand = { hasUci: true, uciValid: true };
const N = 1_000_000;
const facts: any[] = new Array(N);
for (let i = 0; i < N; i++) facts[i] = { subject: { kind: 'entry', id: 'e' + i }, entry: { status: i % 7 === 0 ? 'withdrawn' : 'submitted', identityVerified: i % 50 !== 0, submittedAtMs: 1771718399999 - 40 * 86400000 + (i * 7919 % (120 * 86400000)), withdrawnAtMs: undefined }, deadlines, candidate: cand };
for (let pass = 0; pass < 3; pass++) {
  const t = performance.now(); let n = 0;
  for (let i = 0; i < N; i++) n += compiled.run(facts[i]).length;
  console.log('pass', pass, Math.round(performance.now() - t), 'ms', n);
}
