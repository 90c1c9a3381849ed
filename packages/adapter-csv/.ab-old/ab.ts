import { exportCsv } from '../src/index.ts';
import * as NEW from '../src/index.ts';
import * as OLD from './src/index.ts';
const gc = (globalThis as { gc?: () => void }).gc!;
const statuses = ['draft', 'submitted', 'accepted', 'amended', 'withdrawn'] as const;
const rows = [];
for (let i = 0; i < 100_000; i++) rows.push({ id: `E${i}`, candidateId: `ADM${String(i % 1800).padStart(5, '0')}`, seriesId: 'june-2026', awardingBodyId: ['AQA','OCR','PEARSON','WJEC'][i % 4]!, entryCode: `8${String(i % 1000).padStart(3, '0')}H`, componentCodes: [`8${i % 1000}/1H`, `8${i % 1000}/2H`], status: statuses[i % 5]!, ...(i % 3 === 0 ? { submittedAt: '2026-02-20T10:00:00+00:00' } : {}), identityVerified: i % 2 === 0 });
const bytes = Buffer.from(exportCsv('entries', rows as never));
const t: Record<string, number[]> = { old: [], new: [], oldS: [], newS: [] };
async function stream(m: typeof NEW) { let n = 0; const chunks = []; for (let a = 0; a < bytes.length; a += 65536) chunks.push(bytes.subarray(a, a + 65536)); for await (const b of m.importCsvStream('entries', chunks)) n += b.records.length; return n; }
for (let r = 0; r < 13; r++) {
  for (const [name, m] of (r % 2 === 0 ? [['old', OLD], ['new', NEW]] : [['new', NEW], ['old', OLD]]) as [string, typeof NEW][]) {
    gc(); let t0 = performance.now(); const res = m.importCsv('entries', bytes); const d = performance.now() - t0; if (res.records.length !== 100000) throw new Error('n');
    if (r > 0) t[name]!.push(d);
    gc(); t0 = performance.now(); const n = await stream(m as typeof NEW); if (n !== 100000) throw new Error('s'); if (r > 0) t[`${name}S`]!.push(performance.now() - t0);
  }
}
const best = (a: number[]) => Math.min(...a); const med = (a: number[]) => [...a].sort((x, y) => x - y)[a.length >> 1]!;
for (const k of Object.keys(t)) console.log(k, 'best', best(t[k]!).toFixed(0), 'ms; median', med(t[k]!).toFixed(0), 'ms');
console.log('whole new/old time: best', (best(t.new!) / best(t.old!)).toFixed(3), 'median', (med(t.new!) / med(t.old!)).toFixed(3));
console.log('stream new/old time: best', (best(t.newS!) / best(t.oldS!)).toFixed(3), 'median', (med(t.newS!) / med(t.oldS!)).toFixed(3));
