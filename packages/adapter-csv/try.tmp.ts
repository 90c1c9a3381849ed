import { RECORD_KINDS } from '@examcycle/core';
import { fuzzCase, rowPool, runCase, seededRandom } from './fuzz/csvFuzzCase.ts';
const N = Number(process.env.N ?? 500);
for (const kind of RECORD_KINDS) {
  const pool = rowPool(kind, 1);
  const rand = seededRandom(12);
  let lost = 0, un = 0, slow = 0, max = 0; const probs: string[] = [];
  const t0 = performance.now();
  for (let i = 0; i < N; i++) {
    const c = fuzzCase(pool, rand);
    const v = runCase(c);
    lost += v.rowsLost; if (v.untypedThrow || v.typedThrow) un++; if (v.ms > 1000) slow++; max = Math.max(max, v.ms);
    if (v.problem && probs.length < 3) probs.push(`${i} ${c.mutations.join('|')} :: ${v.problem} :: ${JSON.stringify(typeof c.input === 'string' ? c.input.slice(0, 600) : 'bytes')}`);
  }
  console.log(kind, { lost, un, slow, max: Math.round(max), s: Math.round(performance.now() - t0) / 1000, pool: pool.rows.length });
  for (const p of probs) console.log('   ', p);
}
