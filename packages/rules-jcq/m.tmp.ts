import { compileRules, jcq, jcqCheckRules, prepareCheckFacts, editionFor, JCQ_EDITIONS } from './src/index.ts';
import { evaluatorOf } from './src/engine/compileRules.ts';
import { examSeries } from '@examcycle/core';
import { rawEntries, handWrittenPrepared } from './bench/checks.ts';
const june = jcq.keyDates(examSeries('june', 2026));
const raw = rawEntries(200000, 20260221);
const ctx = { keyDatesOf: () => june, resultsAccess: jcq.resultsAccess, editionFor: (y: string) => editionFor(JCQ_EDITIONS, y) };
const prepared = raw.map((f) => { const p = prepareCheckFacts(f, ctx) as any; return p.facts; });
const compiled = compileRules(jcqCheckRules);
const ev = evaluatorOf(compiled)!;
const buf = new Int32Array(20);
const runIdx = () => { let n = 0; for (const p of prepared) n += ev.indexes(p, buf); return n; };
const runC = () => { let n = 0; for (const p of prepared) n += compiled.run(p).length; return n; };
const hw = () => handWrittenPrepared(prepared);
console.log(runIdx(), runC(), hw());
for (let r = 0; r < 8; r++) {
  for (const [name, fn] of [['idx', runIdx], ['run', runC], ['hw', hw]] as const) {
    const t = performance.now(); fn(); console.log(name, (performance.now() - t).toFixed(1));
  }
}
console.log(Object.keys(prepared[0]), JSON.stringify(prepared[0]));
