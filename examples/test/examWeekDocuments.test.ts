import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { main } from '../src/examWeek.js';

const outDir = mkdtempSync(join(tmpdir(), 'examcycle-exam-week-'));
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

describe('exam-week documents', () => {
  it('writes the week\'s seating plans, registers, desk cards, boards, statements of entry and timetables into the folder and says where', async () => {
    const lines: string[] = [];
    await main((line) => lines.push(line), { outDir });
    const out = lines.join('\n');
    expect(out).toContain(`Wrote 11 documents to ${outDir}:`);
    for (const name of ['seating-plan-hall.svg', 'seating-plan-hall.pdf', 'seating-plan-s1.pdf', 'board-hall.pdf', 'registers.pdf', 'desk-cards.pdf', 'statements-of-entry.pdf', 'timetables.pdf', 'seating-plan.xlsx']) {
      expect(out).toContain(`    ${name}`);
      expect(existsSync(join(outDir, name)), name).toBe(true);
    }
    expect(readFileSync(join(outDir, 'registers.pdf')).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(readFileSync(join(outDir, 'seating-plan.xlsx')).subarray(0, 2).toString('latin1')).toBe('PK');
    // One seat element per candidate the plan seats in the hall (29 on Monday morning; one has a reader elsewhere).
    const svg = readFileSync(join(outDir, 'seating-plan-hall.svg'), 'utf8');
    expect(svg.match(/<g class="seat"/g)).toHaveLength(out.match(/Main hall \(main\): (.*)/)![1]!.split(' ').length);
  });
});
