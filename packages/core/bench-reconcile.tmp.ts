// Temporary measurement script (deleted after use): reconcile and statement costs at 10k/20k/40k entries.
import { createMemoryStore, createResultsStore, examSeries, openResultsStore, type Entry, type Qualification, type Result } from './src/index.js';
import { fixturePack } from './test/fixtures/fixturePack.js';
const series = examSeries('june', 2026);
const durableToo = process.argv.includes('--durable');
for (const n of [10_000, 20_000, 40_000]) {
  const entries: Entry[] = [];
  const results: Result[] = [];
  const quals = new Map<string, Qualification>();
  for (let i = 0; i < n; i++) {
    const c = `C-${Math.floor(i / 4)}`;
    const code = `Q${i % 4}${i % 97}`;
    const comps = [`${code}1`, `${code}2`];
    const level = i % 2 ? 'GCE' : 'GCSE';
    quals.set(code, { id: code, awardingBodyId: 'AQA', specificationCode: code, title: code, level, entryOptions: [{ code, title: '', componentCodes: comps }] });
    entries.push({ id: `E${i}`, candidateId: c, seriesId: series.id, awardingBodyId: 'AQA', entryCode: code, componentCodes: comps, status: 'accepted', identityVerified: true });
    if (i % 10 !== 0) results.push({ id: `R${i}`, candidateId: c, seriesId: series.id, awardingBodyId: 'AQA', awardCode: code, kind: 'qualification', level, grade: i % 7 ? 'B' : '' });
    for (const comp of comps) if (i % 5 !== 0) results.push({ id: `R${i}-${comp}`, candidateId: c, seriesId: series.id, awardingBodyId: 'AQA', awardCode: comp, kind: 'component', level, grade: '', mark: 40 });
  }
  const reader = { audience: 'centre_staff' as const, id: 'EO', roles: ['exams_officer' as const] };
  const time = (f: () => unknown) => { const t = performance.now(); f(); return (performance.now() - t) / 1000; };
  const now = () => '2026-08-21T10:00:00+01:00';
  const s = createResultsStore({ rulesPack: fixturePack, series, now, results, entries });
  s.reconcile(reader);
  const rec = time(() => s.reconcile(reader));
  const reads = 200;
  const st = (time(() => { for (let k = 0; k < reads; k++) s.statementOfResults(reader, `C-${(k * 37) % (n / 4)}`); }) * 1000) / reads;
  const q = createResultsStore({ rulesPack: fixturePack, series, now, results, entries, qualifications: [...quals.values()] });
  q.reconcile(reader);
  const recQ = time(() => q.reconcile(reader));
  let line = `${n} entries, ${results.length} results: reconcile ${rec.toFixed(2)} s, with qualifications ${recQ.toFixed(2)} s; statement ${st.toFixed(3)} ms/read`;
  if (durableToo) {
    const d = await openResultsStore({ store: createMemoryStore(), centreNumber: '12345', rulesPack: fixturePack, series, now, entries });
    await d.addResults(results, { id: 'EO', role: 'exams_officer' });
    let t = performance.now();
    await d.reconcile(reader);
    const dRec = (performance.now() - t) / 1000;
    t = performance.now();
    for (let k = 0; k < reads; k++) await d.statementOfResults(reader, `C-${(k * 37) % (n / 4)}`);
    line += `; durable (memory store): reconcile ${dRec.toFixed(2)} s, statement ${((performance.now() - t) / reads).toFixed(3)} ms/read`;
  }
  process.stdout.write(line + '\n');
}
