import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import type { ExamcycleObserver, ObservedImport } from '@examcycle/core';
import { parseCtf, readBasedata, type BasedataFile } from '@examcycle/adapter-mis';

const NAMES = ['C6A26_70.X01', 'L6A26_70.X01', 'O6A26_70.X01', 'S6A26_70.X01'];
const files: BasedataFile[] = NAMES.map((name) => ({ name, content: readFileSync(new URL(`./fixtures/basedata/${name}`, import.meta.url), 'latin1') }));
const ctf = (name: string) => readFileSync(new URL(`./fixtures/ctf/${name}`, import.meta.url), 'utf8');

function watching() {
  const seen: ObservedImport[] = [];
  let t = 100;
  const observer: ExamcycleObserver = { now: () => (t += 2), onImport: (i) => seen.push(i) };
  return { seen, observer };
}
const throwing: ExamcycleObserver = {
  now: () => {
    throw new Error('clock down');
  },
  onImport: () => {
    throw new Error('logger down');
  },
};

describe('readBasedata / parseCtf: hosts can watch', () => {
  it('tells the host of a basedata reading: lines read, components, issues by code, duration by the host clock', () => {
    const { seen, observer } = watching();
    const set = readBasedata(files, { awardingBodyId: 'AQA', observer });
    expect(seen).toEqual([{ source: 'edi', kind: 'basedata', rows: set.files.reduce((n, f) => n + f.lineCount, 0), records: set.components.length, issues: expect.any(Object), durationMs: 2 }]);
    expect(Object.values(seen[0]!.issues).reduce((a, b) => a + (b ?? 0), 0)).toBe(set.issues.length);
    expect(readBasedata(files, { awardingBodyId: 'AQA', observer: throwing })).toEqual(readBasedata(files, { awardingBodyId: 'AQA' }));
  });

  it('tells the host of a CTF reading, and of a CTF it cannot read before the error is thrown', () => {
    const { seen, observer } = watching();
    const reading = parseCtf(ctf('pupils.xml'), { file: 'pupils.xml', observer });
    expect(() => parseCtf(ctf('truncated.xml'), { file: 'truncated.xml', observer })).toThrow();
    expect(seen.map((s) => [s.source, s.kind, s.file, s.records, s.fatal ?? null])).toEqual([
      ['ctf', 'candidates', 'pupils.xml', reading.candidates.length, null],
      ['ctf', 'candidates', 'truncated.xml', 0, 'malformed_response'],
    ]);
    expect(parseCtf(ctf('pupils.xml'), { observer: throwing })).toEqual(parseCtf(ctf('pupils.xml')));
  });
});
