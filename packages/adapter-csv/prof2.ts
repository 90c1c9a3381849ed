import { exportCsv, importCsvStream } from '@examcycle/adapter-csv';
import type { Entry } from '@examcycle/core';
const N = 200000;
const out: Entry[] = [];
for (let i = 0; i < N; i++) out.push({ id: `E${i}`, candidateId: `ADM${i % 1800}`, seriesId: 'june-2026', awardingBodyId: ['AQA','OCR'][i%2]!, entryCode: '8300H', componentCodes: ['8300/1H', '8300/2H'], status: 'submitted', ...(i % 3 === 0 ? { submittedAt: '2026-02-20T10:00:00+00:00' } : {}), identityVerified: i % 2 === 0 });
const bytes = Buffer.from(exportCsv('entries', out));
async function full() { let n = 0; const chunks = (function* () { for (let at = 0; at < bytes.length; at += 65536) yield bytes.subarray(at, at + 65536); })(); for await (const b of importCsvStream('entries', chunks, { batchSize: 5000 })) n += b.rowsRead; return n; }
for (let r = 0; r < 8; r++) await full();
