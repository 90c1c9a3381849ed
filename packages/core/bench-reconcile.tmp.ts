// Temporary measurement script (deleted after use): reconcile and statement costs at 10k/20k/40k entries, no qualifications.
import { createResultsStore, examSeries, type Entry, type Result } from './src/index.js';
import { fixturePack } from './test/fixtures/fixturePack.js';
const series = examSeries('june', 2026);
for (const n of [10_000, 20_000, 40_000]) {
  const entries: Entry[] = [];
  const results: Result[] = [];
  for (let i = 0; i < n; i++) {
    const c = `C-${Math.floor(i / 4)}`;
    const code = `Q${i % 4}${i % 97}`;
    const comps = [`${code}1`, `${code}2`];
    entries.push({ id: `E${i}`, candidateId: c, seriesId: series.id, awardingBodyId: 'AQA', entryCode: code, componentCodes: comps, status: 'accepted', identityVerified: true });
    const level = i % 2 ? 'GCE' : 'GCSE';
    if (i % 10 !== 0) results.push({ id: `R${i}`, candidateId: c, seriesId: series.id, awardingBodyId: 'AQA', awardCode: code, kind: 'qualification', level, grade: i % 7 ? 'B' : '' });
    for (const comp of comps) if (i % 5 !== 0) results.push({ id: `R${i}-${comp}`, candidateId: c, seriesId: series.id, awardingBodyId: 'AQA', awardCode: comp, kind: 'component', level, grade: '', mark: 40 });
  }
  const s = createResultsStore({ rulesPack: fixturePack, series, now: () => '2026-08-21T10:00:00+01:00', results, entries });
  const reader = { audience: 'centre_staff' as const, id: 'EO', roles: ['exams_officer' as const] };
  s.reconcile(reader); // warm-up
  let t = performance.now();
  const m = s.reconcile(reader);
  const rec = performance.now() - t;
  t = performance.now();
  const reads = 200;
  for (let k = 0; k < reads; k++) s.statementOfResults(reader, `C-${(k * 37) % (n / 4)}`);
  const st = (performance.now() - t) / reads;
  process.stdout.write(`${n} entries, ${results.length} results: reconcile ${(rec / 1000).toFixed(2)} s (matched ${m.matched.length}), statement ${st.toFixed(3)} ms/read\n`);
}
