import { examSeries } from '@examcycle/core';
import { compileRules, jcq, jcqCheckRules, prepareCheckFacts, editionFor, JCQ_EDITIONS } from '@examcycle/rules-jcq';
const june = jcq.keyDates(examSeries('june', 2026));
const ctx = { keyDatesOf: () => june, resultsAccess: jcq.resultsAccess, editionFor: (y: string) => editionFor(JCQ_EDITIONS, y) };
const prepared = [];
for (let i = 0; i < 100000; i++) { const p = prepareCheckFacts({ subject: { kind: 'entry', id: 'e' + i }, entry: { seriesId: 'june-2026', status: 'submitted', identityVerified: i % 50 !== 0, submittedAt: new Date(Date.parse('2026-02-01T00:00:00Z') + (i % 1000) * 8640000).toISOString() }, candidate: { uci: '681990012058G' } }, ctx); if (p.ok) prepared.push(p.facts); }
const compiled = compileRules(jcqCheckRules);
let n = 0;
for (let r = 0; r < 3; r++) for (const f of prepared) n += compiled.run(f).length;
const c = process.cpuUsage();
for (let r = 0; r < 10; r++) for (const f of prepared) n += compiled.run(f).length;
const u = process.cpuUsage(c); console.log(`compiled: ${((u.user + u.system) / 1000 / 10).toFixed(1)} ms cpu per 100k`, n);
function hand(fs: any[]) { let n = 0; for (const f of fs) { if (f.subject.kind !== 'entry') continue; const e = f.entry, d = f.deadlines; const s = e.submittedAtMs;
 if (s !== undefined && s > d.entryDeadlineMs && s <= d.veryLateDeadlineMs) n++; if (s !== undefined && s > d.veryLateDeadlineMs) n++;
 if ((e.status === 'submitted' || e.status === 'accepted' || e.status === 'amended') && e.identityVerified !== true) n++;
 if (f.candidate.hasUci !== true) n++; else if (f.candidate.uciValid === false) n++; } return n; }
for (let r = 0; r < 3; r++) hand(prepared);
const c2 = process.cpuUsage(); let m = 0;
for (let r = 0; r < 10; r++) m += hand(prepared);
const u2 = process.cpuUsage(c2); console.log(`hand: ${((u2.user + u2.system) / 1000 / 10).toFixed(1)} ms cpu per 100k`, m);
const c3 = process.cpuUsage(); let q = 0;
for (let r = 0; r < 10; r++) for (const f of prepared) q += compiled.run(f).length;
const u3 = process.cpuUsage(c3); console.log(`compiled again: ${((u3.user + u3.system) / 1000 / 10).toFixed(1)} ms cpu per 100k`, q);
