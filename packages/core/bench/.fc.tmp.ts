import { buildCentreTimetable, findClashes } from '@examcycle/core';
import { fixturePack } from '../test/fixtures/fixturePack.js';
import { syntheticCentre } from './syntheticSeries.js';
const rules = fixturePack.examRoomRules('2025/26');
const c = syntheticCentre(2000);
const tt = buildCentreTimetable({ papers: c.papers, candidates: c.candidates, entries: c.entries, accessArrangements: c.accessArrangements });
const xs: number[] = [];
for (let i = 0; i < 40; i++) { const u = process.cpuUsage(); findClashes(tt, { rules }); const d = process.cpuUsage(u); xs.push((d.user + d.system) / 1000); }
xs.sort((a, b) => a - b); console.log('findClashes cpu min', xs[0], 'median', xs[20]);
