import { describe, expect, it } from 'vitest';
import { examples } from '../src/registry.js';

async function run(name: string): Promise<string[]> {
  const lines: string[] = [];
  await examples[name]!.main((line) => lines.push(line));
  return lines;
}

describe('examples', () => {
  it.each(Object.keys(examples))('"%s" runs and prints what it shows', async (name) => {
    const lines = await run(name);
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.join('\n')).not.toMatch(/undefined|NaN|\[object Object\]/);
  });

  it('june-series: walks every phase in order and ends closed, with the rejections in the audit trail', async () => {
    const out = (await run('june-series')).join('\n');
    const phases = ['planning', 'entries', 'preExams', 'examTime', 'results', 'postResults', 'certificates', 'closed'];
    const timeline = out.slice(out.indexOf('Phase timeline'), out.indexOf('Deadline signals'));
    expect(phases.map((p) => timeline.indexOf(` ${p}`))).toEqual([...phases.map((p) => timeline.indexOf(` ${p}`))].sort((a, b) => a - b));
    expect(out).toContain('NO  phase.advance [planning]: Cannot leave planning: blocking tasks open');
    expect(out).toContain('Cannot leave results: 2 result(s) outstanding');
    expect(out).toMatch(/Final phase: closed; \d+ audit entries, 2 rejected\./);
  });
});
