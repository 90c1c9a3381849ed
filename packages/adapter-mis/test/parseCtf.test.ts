import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isExamcycleError } from '@examcycle/core';
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

  it('reports a bad UPN, a bad ULN and a pupil without a UPN', () => {
    expect(ctf.issues.map((i) => [i.where, i.field, i.code])).toEqual([
      ['8201234_CTF_8204001_001.xml:CTFpupilData/Pupil[2]', 'UPN', 'bad_check_character'],
      ['8201234_CTF_8204001_001.xml:CTFpupilData/Pupil[3]', 'UniqueLearnerNumber', 'bad_check_character'],
      ['8201234_CTF_8204001_001.xml:CTFpupilData/Pupil[4]', 'UPN', 'invalid_value'],
    ]);
  });

  it('keeps a single pupil as a list, and an empty file as no pupils', () => {
    const one = parseCtf('<CTfile><Header><CTFversion>19.0</CTFversion></Header><CTFpupilData><Pupil><UPN>R201100018042</UPN><Surname>Khan</Surname><Forename>Aisha</Forename><DOB>2009-05-01</DOB></Pupil></CTFpupilData></CTfile>');
    expect(one.candidates.map((c) => c.upn)).toEqual(['R201100018042']);
    expect(parseCtf('<CTfile><Header/></CTfile>').candidates).toEqual([]);
  });

  it('fails with malformed_response, with file and line, on XML that does not parse', () => {
    let error: unknown;
    try {
      parseCtf(fixture('truncated.xml'), { file: 'truncated.xml' });
    } catch (e) {
      error = e;
    }
    expect(isExamcycleError(error) && [error.code, error.location?.file, typeof error.location?.line]).toEqual(['malformed_response', 'truncated.xml', 'number']);
  });

  it('fails with malformed_response when the root is not CTfile', () => {
    expect(() => parseCtf('<Other><Header/></Other>')).toThrowError(expect.objectContaining({ code: 'malformed_response' }));
    expect(() => parseCtf('<CTfile><CTFpupilData/></CTfile>')).toThrowError(expect.objectContaining({ code: 'malformed_response' }));
  });
});
