/**
 * The EDI codec compiles each layout into a decoder and an encoder with `new Function` where the host allows it,
 * and runs the same steps in a loop where it does not (a Content-Security-Policy without `unsafe-eval`). Both must
 * read and write every file alike: this loads a second copy of the package with code generation forbidden and
 * compares it with the compiled one on the same files, good and damaged.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as compiled from '@examcycle/adapter-mis';
import type { EdiResultInput, WriteEntriesFileOptions, WriteResultsFileOptions } from '@examcycle/adapter-mis';
import { AQA, candidates, entries } from './fixtures/centre.js';

const options: WriteResultsFileOptions = { centreNumber: '12345', awardingBodyId: '70', series: { code: '6A', year: '26' }, sequence: 1, producedOn: '2026-08-20' };
const results: EdiResultInput[] = [
  { centreNumber: '12345', candidateNumber: '0001', uci: '123450250001X', uln: '9123456786', entryCode: '8300H', resultCode: '8300H', resultType: '1', grade: '7' },
  { centreNumber: '12345', candidateNumber: '0002', uci: '123450250002D', entryCode: '8300F', resultCode: '8300F', resultType: 'U', uniformMark: 212, grade: '4' },
  { centreNumber: '12345', candidateNumber: '0004', entryCode: '7357', resultCode: '7357', resultType: 'M', mark: 241, grade: 'A*' },
  { centreNumber: '12345', candidateNumber: '0003', uci: '123450250003K', entryCode: '8300H', resultCode: '8300H', resultType: '1', grade: 'X', absence: { grade: 'A' } },
];

/** The package loaded afresh while `Function` throws, as under a strict Content-Security-Policy. */
async function withoutCodeGeneration(): Promise<typeof compiled> {
  vi.resetModules();
  vi.stubGlobal('Function', function forbidden() {
    throw new EvalError('Code generation from strings disallowed for this context');
  });
  return (await import('@examcycle/adapter-mis')) as typeof compiled;
}

describe('the EDI codec with code generation forbidden', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('writes and reads a results file, good and damaged, exactly as the compiled codec does', async () => {
    const written = compiled.writeResultsFile(results, options);
    const text = written.content!;
    const damaged = text.replace('8300F', '83 0F').replace(/0212/, '02x2');
    const expected = [compiled.readResultsFile(text, { file: 'R1234570.X01' }), compiled.readResultsFile(damaged, { file: 'R1234570.X01' })];
    const looped = await withoutCodeGeneration();
    expect(() => new Function('return 1')).toThrow(EvalError);
    expect(looped.writeResultsFile(results, options)).toEqual(written);
    expect([looped.readResultsFile(text, { file: 'R1234570.X01' }), looped.readResultsFile(damaged, { file: 'R1234570.X01' })]).toEqual(expected);
    expect(expected[1]!.issues.length).toBeGreaterThan(0);
  });

  it('writes an entries file, and reads it back, exactly as the compiled codec does', async () => {
    const entriesOptions: WriteEntriesFileOptions = { centreNumber: '12345', awardingBody: AQA, series: { code: '6A', year: '26' }, sequence: 3, producedOn: '2026-02-10', postcode: 'ab1 2cd' };
    const written = compiled.writeEntriesFile(candidates, entries, entriesOptions);
    const read = compiled.readEntriesFile(written.content!, { file: written.fileName });
    const looped = await withoutCodeGeneration();
    expect(looped.writeEntriesFile(candidates, entries, entriesOptions)).toEqual(written);
    expect(looped.readEntriesFile(written.content!, { file: written.fileName })).toEqual(read);
  });
});
