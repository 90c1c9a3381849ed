import { exportCsv } from '../src/index.ts';
const statuses = ['draft', 'submitted', 'accepted', 'amended', 'withdrawn'] as const;
const rows = [];
for (let i = 0; i < 100_000; i++) rows.push({ id: `E${i}`, candidateId: `ADM${String(i % 1800).padStart(5, '0')}`, seriesId: 'june-2026', awardingBodyId: ['AQA','OCR','PEARSON','WJEC'][i % 4]!, entryCode: `8${String(i % 1000).padStart(3, '0')}H`, componentCodes: [`8${i % 1000}/1H`, `8${i % 1000}/2H`], status: statuses[i % 5]!, ...(i % 3 === 0 ? { submittedAt: '2026-02-20T10:00:00+00:00' } : {}), identityVerified: i % 2 === 0 });
const text = exportCsv('entries', rows as never);
const bytes = Buffer.from(text);
const cells = text.split(/\r\n/).flatMap((l) => l.split(',')).filter((c) => c !== '');
const CONTROL = /[\u0000-\u001f\u007f]/;
const TABLE = new Uint8Array(256); for (let b = 0; b < 32; b++) if (b !== 10 && b !== 13) TABLE[b] = 1; TABLE[127] = 1;
for (let r = 0; r < 5; r++) {
  let t0 = performance.now(); let n = 0; for (const c of cells) if (CONTROL.test(c)) n++; const a = performance.now() - t0;
  t0 = performance.now(); let m = 0; for (let i = 0; i < bytes.length; i++) m |= TABLE[bytes[i]!]!; const b = performance.now() - t0;
  t0 = performance.now(); let k = 0; for (let at = 0; at < bytes.length; at += 65536) { const p = bytes.subarray(at, at + 65536); for (let i = 0; i < p.length; i++) if (p[i]! < 32 || p[i] === 127) { if (p[i] !== 10 && p[i] !== 13) { k = 1; break; } } } const c = performance.now() - t0;
  console.log(cells.length, 'cells regex', a.toFixed(1), 'ms; byte table', b.toFixed(1), 'ms; byte compare', c.toFixed(1), n, m, k);
}
const CTRL_BYTES = /[\u0000-\u0009\u000b\u000c\u000e-\u001f\u007f]/;
for (let r = 0; r < 5; r++) {
  let t0 = performance.now(); let k = 0;
  for (let at = 0; at < bytes.length; at += 65536) if (CTRL_BYTES.test(bytes.latin1Slice(at, Math.min(bytes.length, at + 65536)))) k++;
  const a = performance.now() - t0;
  console.log('latin1+regex per piece', a.toFixed(1), 'ms', k);
}
function hasControl(t: string): boolean { for (let i = 0; i < t.length; i += 1) { const c = t.charCodeAt(i); if (c < 32 || c === 127) return true; } return false; }
for (let r = 0; r < 5; r++) {
  let t0 = performance.now(); let n = 0; for (const c of cells) if (hasControl(c)) n++; const a = performance.now() - t0;
  t0 = performance.now(); let m = 0; for (const c of cells) if (c.length > 3) m++; const b = performance.now() - t0;
  console.log('charCode loop', a.toFixed(1), 'ms; empty loop', b.toFixed(1), n, m);
}
