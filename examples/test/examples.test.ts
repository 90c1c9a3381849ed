import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { juneSeries } from '../src/juneSeries.js';
import { examples } from '../src/registry.js';

const dataRoot = mkdtempSync(join(tmpdir(), 'examcycle-example-'));
afterAll(() => rmSync(dataRoot, { recursive: true, force: true }));

async function june(options: Parameters<typeof juneSeries>[1]): Promise<string> {
  const lines: string[] = [];
  await juneSeries((line) => lines.push(line), options);
  return lines.join('\n');
}

async function run(name: string): Promise<string[]> {
  const lines: string[] = [];
  await examples[name]!.main((line) => lines.push(line));
  return lines;
}

describe('examples', () => {
  it.each(Object.keys(examples).filter((n) => n !== 'june-series'))('"%s" runs and prints what it shows', async (name) => {
    const lines = await run(name);
    expect(lines.length).toBeGreaterThan(5);
    expect(lines.join('\n')).not.toMatch(/undefined|NaN|\[object Object\]/);
  });

  it('june-series: walks every phase in order and ends closed, with the rejections in the audit trail', async () => {
    const out = await june({ dataDir: join(dataRoot, 'full'), fresh: true });
    expect(out).not.toMatch(/undefined|NaN|\[object Object\]/);
    const phases = ['planning', 'entries', 'preExams', 'examTime', 'results', 'postResults', 'certificates', 'closed'];
    const timeline = out.slice(out.indexOf('Phase timeline'), out.indexOf('Deadline signals'));
    expect(phases.map((p) => timeline.indexOf(` ${p}`))).toEqual([...phases.map((p) => timeline.indexOf(` ${p}`))].sort((a, b) => a - b));
    expect(out).toContain('NO  phase.advance [planning]: Cannot leave planning: blocking tasks open');
    expect(out).toContain('Cannot leave results: 2 result(s) outstanding');
    expect(out).toMatch(/Phase: closed; revision \d+; \d+ audit entries \(\d+ deadline ticks\), 2 rejected\./);
    // Every task is done by its own deadline: nothing is shown overdue merely because of the model.
    expect(out).not.toContain('OVERDUE');
    expect(out).toContain('due soon  Centre-assessed marks submitted to OCR');
    // The agenda carries the access arrangements (the SENCo's, due 21 March) past the entries deadline.
    expect(out).toMatch(/next +2026-03-21 +Access arrangements applied for \[accessArrangements; senco\]/);
  });

  it('june-series: a second run resumes the stored cycle where the first stopped, and --fresh starts again', async () => {
    const dataDir = join(dataRoot, 'resume');
    const first = await june({ dataDir, fresh: true, until: '2026-03-01' });
    expect(first).toContain('Started a new cycle');
    expect(first).toMatch(/Phase: entries; revision (\d+);/);
    const second = await june({ dataDir });
    expect(second).toMatch(/Resumed the stored cycle at revision \d+: entries, last event 2026-02-16 15:00/);
    expect(second).toContain('Phase: closed');
    // Signals delivered in the first run are not delivered again.
    expect(second).not.toContain('due soon  Entries submitted');
    const third = await june({ dataDir });
    expect(third).toContain('0 step(s) run this time');
    const fresh = await june({ dataDir, fresh: true, until: '2025-10-01' });
    expect(fresh).toContain('Started a new cycle');
  });
});
