import { describe, expect, it } from 'vitest';
import { main } from '../src/entryChecking.js';
import { examples } from '../src/registry.js';

async function run(): Promise<string> {
  const lines: string[] = [];
  await main((line) => lines.push(line));
  return lines.join('\n');
}

describe('entry-checking example', () => {
  it('is registered under the name npm run example takes', () => {
    expect(examples['entry-checking']?.main).toBe(main);
  });

  it('walks the list from sending to submission, refusing the wrong people with the rule\'s reason', async () => {
    const out = await run();
    expect(out).not.toMatch(/undefined|NaN|\[object Object\]/);
    expect(out).toContain('signed     2026-02-09T23:59  from june-2026/internal_deadline/entries-checked');
    expect(out).toContain('NO  head of maths signs the science list: not_authorised: A head of department signs only their own department\'s entries');
    expect(out).toContain('NO  head of centre authorises: not_authorised');
    expect(out).toContain('OK  senior leader authorises');
    expect(out).toContain('State: submitted');
    expect(out).toContain('Signals on 2026-02-10: authorised due_soon');
  });

  it('reopens only the amended entry after sign-off, gives the statement of entry, and runs the conflicts register', async () => {
    const out = await run();
    expect(out).toContain('sci-001 8464 H unchecked to be signed again');
    expect(out).toContain('sci-002 8464 H correct   signed 2026-01-20');
    expect(out).toContain("Statement of entry for Siân O'Brien (4002), ready to sign:");
    expect(out).toContain('on 2026-02-10, tell AQA by 2026-02-21: due_soon');
    expect(out).toContain('invigilator deployment keeps Mrs Rossi away from: c-4002');
    expect(out).toMatch(/FLAG Mrs Rossi handles scripts of candidate c-4002/);
  });
});
