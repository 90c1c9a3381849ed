import { examSeries, type CheckFacts, type KeyDate } from '@examcycle/core';
import { jcq as newJcq, toICalendar as newIcal } from '@examcycle/rules-jcq';
import { jcq as oldJcq } from './.old-src/jcq.js';
import { toICalendar as oldIcal } from './.old-src/ical/toICalendar.js';
import { measure, printTable } from './bench/measure.js';
const N = Number(process.env.N ?? 50000);
let s = 7; const rnd = () => { s = (s * 16807) % 2147483647; return s / 2147483647; };
const base = Date.parse('2026-02-21T23:59:59.999Z');
const raw: CheckFacts[] = [];
for (let i = 0; i < N; i++) { const ms = base - 40 * 864e5 + Math.floor(rnd() * 120 * 864e5); raw.push({ subject: { kind: 'entry', id: `e${i}` }, entry: { seriesId: 'june-2026', status: 'submitted', identityVerified: rnd() < 0.98, submittedAt: rnd() < 0.5 ? new Date(ms).toISOString() : new Date(ms + 36e5).toISOString().replace('Z', '+01:00') }, candidate: { uci: '681990012058G' } }); }
const a = JSON.stringify(oldJcq.check(raw)); const b = JSON.stringify(newJcq.check(raw)); if (a !== b) throw new Error('before and after differ');
const t = await measure([{ name: 'before: jcq.check (raw facts)', run: () => oldJcq.check(raw) }, { name: 'after: jcq.check (raw facts)', run: () => newJcq.check(raw) }], { warmup: 1, rounds: 5 });
printTable(`before/after: ${N} raw entries (findings byte-identical as JSON)`, t, 'before: jcq.check (raw facts)', N, 'entries');
const all: KeyDate[] = []; for (const y of [2024, 2025, 2026, 2027]) for (const m of ['november', 'january', 'march', 'june'] as const) { try { all.push(...newJcq.keyDates(examSeries(m, y))); } catch { /* none */ } }
const o = { generatedAt: '2026-01-05T09:00:00Z' };
const t2 = await measure([{ name: 'before: toICalendar x20', run: () => { for (let i = 0; i < 20; i++) oldIcal(all, o); } }, { name: 'after: toICalendar x20', run: () => { for (let i = 0; i < 20; i++) newIcal(all, o); } }], { warmup: 1, rounds: 5 });
printTable(`before/after: toICalendar, ${all.length} key dates`, t2, 'before: toICalendar x20', 20, 'calendars');
