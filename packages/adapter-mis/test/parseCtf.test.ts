import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseCtf } from '@examcycle/adapter-mis';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/ctf/${name}`, import.meta.url), 'utf8');

describe('parseCtf (DfE Common Transfer File)', () => {
  const ctf = parseCtf(fixture('pupils.xml'), { file: '8201234_CTF_8204001_001.xml' });

  it('reads CTfile/Header', () => {
    expect(ctf.header).toEqual({
      documentName: 'Common Transfer File',
      ctfVersion: '19.0',
      dateTime: '2025-07-18T14:05:00',
      documentQualifier: 'partial',
      supplierId: 'Synthetic MIS',
      sourceSchool: { lea: '820', estab: '1234', urn: '999001', schoolName: 'Synthetic Primary Academy', academicYear: '2025' },
      destSchool: { lea: '820', estab: '4001', urn: '999002' },
    });
  });

  it('reads each CTFpupilData/Pupil with UPN, names, date of birth, sex, ULN and UCI', () => {
    expect(ctf.candidates).toEqual([
      { id: 'B820123400101', upn: 'B820123400101', uln: '9123456786', uci: '123450250001X', legalSurname: 'Jones', legalForenames: 'Siân', dateOfBirth: '2009-03-14', sex: 'F' },
      { id: 'Q820123400102', upn: 'Q820123400102', legalSurname: 'Adeyemi', legalForenames: 'Olamide', dateOfBirth: '2008-11-30', sex: 'M' },
    ]);
  });

  it('reports a bad UPN and a pupil without a UPN as errors (left out), a bad ULN as a warning (not taken)', () => {
    expect(ctf.issues.map((i) => [i.location?.file, i.location?.path?.join('/'), i.location?.field, i.code, i.severity])).toEqual([
      ['8201234_CTF_8204001_001.xml', 'CTfile/CTFpupilData/1/Pupil/2/UPN', 'UPN', 'bad_check_character', 'error'],
      ['8201234_CTF_8204001_001.xml', 'CTfile/CTFpupilData/1/Pupil/3/UniqueLearnerNumber', 'UniqueLearnerNumber', 'bad_check_character', 'warning'],
      ['8201234_CTF_8204001_001.xml', 'CTfile/CTFpupilData/1/Pupil/4/UPN', 'UPN', 'invalid_value', 'error'],
    ]);
  });

  it('gives each issue in the one shape: code, severity, message, location (file, path, field, value) and the UPN as subject', () => {
    expect(ctf.issues[1]).toMatchInlineSnapshot(`
      {
        "code": "bad_check_character",
        "location": {
          "field": "UniqueLearnerNumber",
          "file": "8201234_CTF_8204001_001.xml",
          "path": [
            "CTfile",
            "CTFpupilData",
            1,
            "Pupil",
            3,
            "UniqueLearnerNumber",
          ],
          "value": "8123456780",
        },
        "message": "UniqueLearnerNumber "8123456780" fails its check character: not taken",
        "severity": "warning",
        "subject": {
          "recordId": "Q820123400102",
        },
      }
    `);
  });

  it('keeps a single pupil as a list, and an empty file as no pupils', () => {
    const one = parseCtf('<CTfile><Header><CTFversion>19.0</CTFversion></Header><CTFpupilData><Pupil><UPN>R201100018042</UPN><Surname>Khan</Surname><Forename>Aisha</Forename><DOB>2009-05-01</DOB></Pupil></CTFpupilData></CTfile>');
    expect(one.candidates.map((c) => c.upn)).toEqual(['R201100018042']);
    expect(parseCtf('<CTfile><Header/></CTfile>').candidates).toEqual([]);
  });

  it('returns, never throws, a malformed_response fatal with file, line and column on XML that does not parse', () => {
    const reading = parseCtf(fixture('truncated.xml'), { file: 'truncated.xml' });
    expect([reading.fatal?.code, reading.fatal?.location?.file, typeof reading.fatal?.location?.line, typeof reading.fatal?.location?.column]).toEqual(['malformed_response', 'truncated.xml', 'number', 'number']);
    expect([reading.header, reading.candidates, reading.issues]).toEqual([undefined, [], []]);
  });

  it('returns a malformed_response fatal when the root is not CTfile or there is no Header', () => {
    expect(parseCtf('<Other><Header/></Other>').fatal).toMatchObject({ code: 'malformed_response', location: { file: 'CTF', field: 'CTfile' } });
    expect(parseCtf('<CTfile><CTFpupilData/></CTfile>').fatal).toMatchObject({ code: 'malformed_response', location: { file: 'CTF', field: 'CTfile/Header' } });
  });

  it('reads every CTFpupilData block, naming the block when there are several', () => {
    const two = parseCtf('<CTfile><Header/><CTFpupilData><Pupil><UPN>R201100018042</UPN><Surname>Khan</Surname></Pupil></CTFpupilData><CTFpupilData><Pupil><UPN>B820123400101</UPN><Surname>Jones</Surname></Pupil><Pupil><Surname>NoUpn</Surname></Pupil></CTFpupilData></CTfile>', { file: 'two.xml' });
    expect(two.candidates.map((c) => c.upn)).toEqual(['R201100018042', 'B820123400101']);
    expect(two.issues.map((i) => [i.location?.file, i.location?.path])).toEqual([['two.xml', ['CTfile', 'CTFpupilData', 2, 'Pupil', 2, 'UPN']]]);
  });

  it('reads bytes: UTF-8 (with or without a byte-order mark), UTF-16 and a declared ISO-8859-1', () => {
    const xml = '<CTfile><Header/><CTFpupilData><Pupil><UPN>B820123400101</UPN><Surname>Jones</Surname><Forename>Siân</Forename></Pupil></CTFpupilData></CTfile>';
    const utf8 = new TextEncoder().encode(xml);
    expect(parseCtf(utf8).candidates[0]?.legalForenames).toBe('Siân');
    expect(parseCtf(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8])).candidates[0]?.legalForenames).toBe('Siân');
    const utf16 = new Uint8Array([0xff, 0xfe, ...[...xml].flatMap((c) => [c.charCodeAt(0) & 0xff, c.charCodeAt(0) >> 8])]);
    expect(parseCtf(utf16).candidates[0]?.legalForenames).toBe('Siân');
    const latin1 = `<?xml version="1.0" encoding="ISO-8859-1"?>${xml}`;
    expect(parseCtf(Uint8Array.from(latin1, (c) => c.charCodeAt(0))).candidates[0]?.legalForenames).toBe('Siân');
    expect(parseCtf(new Uint8Array([...utf8.slice(0, 20), 0xff, ...utf8.slice(20)]), { file: 'bad.xml' }).fatal).toMatchObject({ code: 'malformed_response', location: { file: 'bad.xml', line: 1 } });
  });

  const refusedWith = (xml: string) => {
    const { fatal } = parseCtf(xml, { file: 'hostile.xml' });
    return fatal === undefined ? undefined : { code: fatal.code, file: fatal.location?.file, line: fatal.location?.line, element: fatal.location?.field };
  };

  it('refuses hostile XML with malformed_response and where it is, never the parser\'s own error', () => {
    const head = '<CTfile>\n<Header/>\n';
    expect(refusedWith(`${head}<CTFpupilData><Pupil><__proto__>x</__proto__></Pupil></CTFpupilData></CTfile>`)).toEqual({ code: 'malformed_response', file: 'hostile.xml', line: 3, element: '__proto__' });
    expect(refusedWith(`${head}<constructor/></CTfile>`)).toEqual({ code: 'malformed_response', file: 'hostile.xml', line: 3, element: 'constructor' });
    expect(refusedWith(`${head}${'<a>'.repeat(5000)}${'</a>'.repeat(5000)}</CTfile>`)).toEqual({ code: 'malformed_response', file: 'hostile.xml', line: 3, element: 'a' });
    expect(refusedWith(`<?xml version="1.0"?>\n<!DOCTYPE CTfile [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<CTfile><Header>&x;</Header></CTfile>`)).toMatchObject({ code: 'malformed_response', line: 2 });
    expect(refusedWith(`<!DOCTYPE CTfile [<!ENTITY x "${'a'.repeat(100_000)}">]><CTfile><Header>&x;</Header></CTfile>`)).toMatchObject({ code: 'malformed_response', line: 1 });
    expect(refusedWith(`${head}</CTfile>\n<?pi unclosed`)).toEqual({ code: 'malformed_response', file: 'hostile.xml', line: 4, element: '<?' });
    expect(refusedWith(`${head}<!-- unclosed</CTfile>`)).toMatchObject({ code: 'malformed_response' });
  });

  it('accepts a document type without declarations', () => {
    expect(parseCtf('<!DOCTYPE CTfile SYSTEM "ctf.dtd"><CTfile><Header/></CTfile>').candidates).toEqual([]);
  });
});
