import { exportCsv, importCsvStream } from '@examcycle/adapter-csv';
import type { Entry } from '@examcycle/core';
import { Parser } from 'csv-parse';
const N = 200000;
const out: Entry[] = [];
for (let i = 0; i < N; i++) out.push({ id: `E${i}`, candidateId: `ADM${i % 1800}`, seriesId: 'june-2026', awardingBodyId: 'AQA', entryCode: '8300H', componentCodes: ['8300/1H', '8300/2H'], status: 'submitted', ...(i % 3 === 0 ? { submittedAt: '2026-02-20T10:00:00+00:00' } : {}), identityVerified: true });
const bytes = Buffer.from(exportCsv('entries', out));
const opts = { delimiter: ',', record_delimiter: ['\r\n', '\n', '\r'], relax_column_count: true, relax_quotes: true, skip_empty_lines: false, max_record_size: 1_000_000 };
function raw() { const p = new Parser(opts); let n = 0; for (let at = 0; at < bytes.length; at += 65536) { p.write(bytes.subarray(at, at + 65536)); while (p.read() !== null) n++; } p.end(); while (p.read() !== null) n++; return n; }
async function full() { let n = 0; const chunks = (function* () { for (let at = 0; at < bytes.length; at += 65536) yield bytes.subarray(at, at + 65536); })(); for await (const b of importCsvStream('entries', chunks, { batchSize: 5000 })) n += b.rowsRead; return n; }
for (let r = 0; r < 4; r++) {
  let t = performance.now(); raw(); const a = performance.now() - t;
  t = performance.now(); await full(); const b = performance.now() - t;
  console.log('raw', Math.round(N / a * 1000), 'full', Math.round(N / b * 1000), 'ratio', (a / b).toFixed(2));
}
