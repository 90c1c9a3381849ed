import { describe, expect, it } from 'vitest';
import { BASEDATA_LINK_LAYOUT, BASEDATA_OPTION_LAYOUT, decodeEdiRecord, encodeEdiRecord, fromEdiDate, isEdiDate, toEdiDate, birthCentury } from '@examcycle/adapter-mis';

describe('encodeEdiRecord / decodeEdiRecord', () => {
  it('pads text with spaces on the right and numbers with zeros on the left, to 192 characters', () => {
    const out = encodeEdiRecord({ optionCode: '8300F', syllabusCode: '8300', title: 'MATHEMATICS', fee: '04870', maxMark: '80', componentCount: '3' }, BASEDATA_OPTION_LAYOUT);
    expect(out.ok).toBe(true);
    if (!out.ok) return;
    expect(out.line).toHaveLength(192);
    expect(out.line.slice(0, 14)).toBe('O58300F 8300  ');
    expect(out.line.slice(109, 115)).toBe('008003');
    const back = decodeEdiRecord(out.line, BASEDATA_OPTION_LAYOUT, { line: 1 });
    expect(back.issues).toEqual([]);
    expect(back.values?.['optionCode']).toBe('8300F');
    expect(back.values?.['maxMark']).toBe('0080');
  });

  it('refuses a value too long for its field rather than cutting it', () => {
    const out = encodeEdiRecord({ optionCode: '8300FXX', componentCode: '8300/1F' }, BASEDATA_LINK_LAYOUT);
    expect(out).toMatchInlineSnapshot(`
      {
        "issues": [
          {
            "code": "unrepresentable_value",
            "location": {
              "column": 3,
              "field": "optionCode",
              "value": "8300FXX",
            },
            "message": "optionCode holds 6 characters; "8300FXX" has 7",
            "severity": "error",
          },
        ],
        "ok": false,
      }
    `);
  });

  it('reports a bad field with file, line, record type, field and columns', () => {
    const line = encodeEdiRecord({ optionCode: '8300F', componentCode: '8300/1F' }, BASEDATA_LINK_LAYOUT);
    if (!line.ok) throw new Error('setup');
    const broken = ` ${line.line.slice(1)}`;
    const { values, issues } = decodeEdiRecord(broken, BASEDATA_LINK_LAYOUT, { file: 'L6A26_70.X01', line: 7 });
    expect(values).toBeUndefined();
    expect(issues).toMatchInlineSnapshot(`
      [
        {
          "code": "malformed_record",
          "location": {
            "column": 1,
            "field": "dataType",
            "file": "L6A26_70.X01",
            "line": 7,
            "recordType": " 5",
            "value": " ",
          },
          "message": "dataType (column 1) is blank but required",
          "severity": "error",
        },
      ]
    `);
  });

  it('reports a line of the wrong length and a character outside printable ASCII', () => {
    const line = encodeEdiRecord({ optionCode: '8300F', componentCode: '8300/1F' }, BASEDATA_LINK_LAYOUT);
    if (!line.ok) throw new Error('setup');
    const short = decodeEdiRecord(line.line.slice(0, 12), BASEDATA_LINK_LAYOUT, { line: 2 });
    expect(short.issues.map((i) => i.location?.field)).toEqual(['record', 'componentCode']);
    const accented = decodeEdiRecord(`L5830É  ${line.line.slice(8)}`, BASEDATA_LINK_LAYOUT, { line: 3 });
    expect(accented.issues).toHaveLength(1);
    expect(accented.issues[0]).toMatchObject({ code: 'malformed_record', location: { field: 'optionCode', column: 3 } });
  });
});

describe('EDI dates (ddmmyy)', () => {
  it('accepts real dates and 000000 (unknown), and rejects impossible ones', () => {
    expect(isEdiDate('140309')).toBe(true);
    expect(isEdiDate('290224')).toBe(true);
    expect(isEdiDate('290225')).toBe(false);
    expect(isEdiDate('310425')).toBe(false);
    expect(isEdiDate('000000')).toBe(true);
    expect(isEdiDate('1403A9')).toBe(false);
  });

  it('puts a date of birth in the century that makes it at most 99 years before the series', () => {
    expect(fromEdiDate('140309', birthCentury(2026))).toBe('2009-03-14');
    expect(fromEdiDate('140370', birthCentury(2026))).toBe('1970-03-14');
    expect(fromEdiDate('140326', birthCentury(2026))).toBe('2026-03-14');
    expect(fromEdiDate('000000')).toBeUndefined();
    expect(toEdiDate('2009-03-14')).toBe('140309');
  });
});
