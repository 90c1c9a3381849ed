/**
 * Properties: random byte mutations of a valid file (replaced, inserted and deleted bytes, quotes, commas,
 * line breaks, NULs and bytes that are not UTF-8 among them) never make the import throw and never drop a
 * row silently: every data row comes back as a record or as an issue at its line, counted against an
 * independent RFC 4180 splitter.
 */
import { importCsv, exportCsv } from '@examcycle/adapter-csv';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recordsOf } from './domainArbitraries.js';

interface ReferenceRow {
  readonly line: number;
  readonly cells: string[];
}

/**
 * A strict RFC 4180 splitter (records end at CRLF, LF or CR): the rows and the line each starts on, or
 * `undefined` when the quoting is irregular (a quote inside an unquoted cell, text after a closing
 * quote, a quote never closed), where parsers may legitimately differ.
 */
function splitRfc4180(text: string): ReferenceRow[] | undefined {
  const rows: ReferenceRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let line = 1;
  let rowLine = 1;
  let quoted = false;
  let atStart = true;
  let afterClose = false;
  for (let i = 0; i < text.length; ) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
      } else if (c === '"') {
        quoted = false;
        afterClose = true;
        i += 1;
      } else {
        if (c === '\n' || (c === '\r' && text[i + 1] !== '\n')) line += 1;
        cell += c;
        i += 1;
      }
      continue;
    }
    if (c === ',') {
      cells.push(cell);
      [cell, atStart, afterClose] = ['', true, false];
      i += 1;
    } else if (c === '\r' || c === '\n') {
      cells.push(cell);
      rows.push({ line: rowLine, cells });
      [cells, cell, atStart, afterClose] = [[], '', true, false];
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      line += 1;
      rowLine = line;
    } else if (afterClose || (c === '"' && !atStart)) {
      return undefined;
    } else if (c === '"') {
      [quoted, atStart] = [true, false];
      i += 1;
    } else {
      atStart = false;
      cell += c;
      i += 1;
    }
  }
  if (quoted) return undefined;
  if (cell !== '' || cells.length > 0 || afterClose) rows.push({ line: rowLine, cells: [...cells, cell] });
  return rows;
}

const isBlank = (row: ReferenceRow) => row.cells.every((c) => c.trim() === '');

type Mutation = { readonly at: number; readonly op: 'replace' | 'insert' | 'delete'; readonly byte: number };

const BYTES = [0x22, 0x2c, 0x0d, 0x0a, 0x41, 0x7a, 0x30, 0x39, 0x20, 0x27, 0x3d, 0x2d, 0x00, 0xff, 0xc3, 0xa2, 0xe2, 0x80, 0xbf, 0x09];
const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  op: fc.constantFrom('replace' as const, 'insert' as const, 'delete' as const),
  byte: fc.constantFrom(...BYTES),
});

function mutate(bytes: Uint8Array, mutations: readonly Mutation[]): Uint8Array {
  const out = Array.from(bytes);
  for (const m of mutations) {
    const at = m.at % (out.length + 1);
    if (m.op === 'insert') out.splice(at, 0, m.byte);
    else if (at < out.length && m.op === 'delete') out.splice(at, 1);
    else if (at < out.length) out[at] = m.byte;
  }
  return Uint8Array.from(out);
}

const validFile = fc
  .array(recordsOf('candidates'), { minLength: 1, maxLength: 8 })
  .map((records) => ({ records, bytes: new TextEncoder().encode(exportCsv('candidates', records)) }));

/** The string values of a record that hold a carriage return or a line feed (the characters, not `\\r` typed as text). */
function lineBreaksIn(record: object): string[] {
  return Object.values(record).filter((v): v is string => typeof v === 'string' && /[\r\n]/.test(v));
}

describe('importCsv under random byte mutations', () => {
  it('keeps a backslash followed by r or n as typed: it is text, not a line break (regression: seed 657430923)', () => {
    const csv = 'id,centreNumber,candidateNumber,uci,legalSurname,legalForenames,dateOfBirth,kind\r\n-"\\ruffydda,00001,0001,000000000000A,O\\nBrien,Sam,1990-01-01,internal\r\n';
    const result = importCsv('candidates', new TextEncoder().encode(csv));
    expect(result.fatal).toBeUndefined();
    expect(result.records.map((r) => [r.id, r.legalSurname])).toEqual([['-"\\ruffydda', 'O\\nBrien']]);
    expect(lineBreaksIn(result.records[0]!)).toEqual([]);
  });


  it('never throws, and accounts for every data row as a record or an issue at its line', () => {
    fc.assert(
      fc.property(validFile, fc.array(mutation, { minLength: 1, maxLength: 4 }), ({ bytes }, mutations) => {
        const mutated = mutate(bytes, mutations);
        const result = importCsv('candidates', mutated);

        let text: string | undefined;
        try {
          text = new TextDecoder('utf-8', { fatal: true }).decode(mutated);
        } catch {
          text = undefined;
        }
        if (text === undefined || text.includes('\0')) {
          // the first fault in the file wins: a broken header before the bad byte is reported instead (a
          // header quote left open up to the bad byte among them)
          expect(['binary_file', 'wrong_header', 'missing_column', 'empty_file', 'truncated_quote']).toContain(result.fatal?.code);
          return;
        }
        expect(result.fatal?.code).not.toBe('binary_file');
        if (result.fatal !== undefined) {
          expect(['empty_file', 'wrong_header', 'missing_column', 'truncated_quote', 'malformed_row']).toContain(result.fatal.code);
          expect(result.fatal.location?.line).toBeGreaterThanOrEqual(1);
          return;
        }
        const issueLines = new Set(result.issues.map((i) => i.location!.line!));
        expect(result.records.length + issueLines.size).toBe(result.rowsRead);
        const lines = result.issues.map((i) => i.location!.line!);
        expect(lines).toEqual([...lines].sort((a, b) => a - b));
        for (const issue of result.issues) expect(['malformed_row', 'invalid_value', 'bad_check_character', 'truncated_quote']).toContain(issue.code);
        for (const record of result.records) expect(lineBreaksIn(record)).toEqual([]);

        // a quoted cell holding a line break is read line by line (no column holds one), so the reference
        // splitter's rows are the importer's only when no cell spans lines
        const reference = splitRfc4180(text.replace(/^\uFEFF/, ''));
        if (reference !== undefined && !reference.some((r) => r.cells.some((c) => /[\r\n]/.test(c)))) {
          const rows = reference.filter((r) => !isBlank(r));
          const data = rows.slice(1);
          expect(result.rowsRead).toBe(data.length);
          const starts = new Set(data.map((r) => r.line));
          for (const line of issueLines) expect(starts.has(line)).toBe(true);
        }
      }),
      { numRuns: 300, seed: 20261203 },
    );
  });

  it('reports a quote never closed at the line it opened, and reads back every row it swallowed', () => {
    fc.assert(
      fc.property(validFile, fc.nat(), ({ records, bytes }, n) => {
        const text = new TextDecoder().decode(bytes);
        const starts = [...text.matchAll(/(^|\n|,)(?=[^"\r\n,])/g)].map((m) => (m.index ?? 0) + m[1]!.length).filter((i) => i > text.indexOf('\n'));
        fc.pre(starts.length > 0);
        const at = starts[n % starts.length]!;
        const cut = `${text.slice(0, at)}"${text.slice(at)}`;
        fc.pre(splitRfc4180(cut) === undefined && splitRfc4180(`${cut}"`) !== undefined);
        const line = text.slice(0, at).split('\r\n').length;
        const result = importCsv('candidates', cut);
        expect(result.fatal).toBeUndefined();
        expect(result.issues).toContainEqual(expect.objectContaining({ code: 'truncated_quote', location: expect.objectContaining({ line }) }));
        // every record comes back but the one whose row holds the stray quote (rows are lines: no cell holds a line break)
        const expected = records.filter((_, i) => i + 2 !== line).map((r) => JSON.stringify(r));
        expect(result.records.map((r) => JSON.stringify(r))).toEqual(expected);
      }),
      { numRuns: 100, seed: 20261204 },
    );
  });

  it('keeps every other row when one byte inside a cell is changed to another letter or digit', () => {
    fc.assert(
      fc.property(validFile, fc.nat(), fc.constantFrom(0x41, 0x5a, 0x30, 0x39, 0x6d), ({ records, bytes }, n, byte) => {
        const headerEnd = bytes.indexOf(0x0a) + 1;
        const positions = [];
        for (let i = headerEnd; i < bytes.length; i += 1) if (/[A-Za-z0-9]/.test(String.fromCharCode(bytes[i]!))) positions.push(i);
        fc.pre(positions.length > 0);
        const mutated = bytes.slice();
        mutated[positions[n % positions.length]!] = byte;
        const result = importCsv('candidates', mutated);
        expect(result.fatal).toBeUndefined();
        expect(result.rowsRead).toBe(records.length);
        expect(result.records.length + new Set(result.issues.map((i) => i.location?.line)).size).toBe(records.length);
        const missing = records.filter((r) => !result.records.some((got) => JSON.stringify(got) === JSON.stringify(r)));
        expect(missing.length).toBeLessThanOrEqual(1);
      }),
      { numRuns: 200, seed: 20261205 },
    );
  });
});
