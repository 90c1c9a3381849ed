import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readBasedata, type BasedataFile } from '@examcycle/adapter-mis';

const NAMES = ['S6A26_70.X01', 'O6A26_70.X01', 'C6A26_70.X01', 'L6A26_70.X01'];
const files: BasedataFile[] = NAMES.map((name) => ({ name, content: readFileSync(new URL(`./fixtures/basedata/${name}`, import.meta.url), 'latin1') }));
const START_TIMES = { AM: '09:00', PM: '13:30' } as const;

describe('readBasedata (S, O, C, L files of a basedata set)', () => {
  const set = readBasedata(files, { awardingBodyId: 'AQA', sessionStartTimes: START_TIMES, levelOf: (q) => (q === 'GCSE' ? 'GCSE' : q === 'GCE' ? 'GCE' : undefined) });

  it('reads the series from the headers', () => {
    expect(set.series).toEqual({ code: '6A', year: '26', language: '_', awardingBodyId: '70', seriesId: 'june-2026' });
    expect(set.files.map((f) => [f.name, f.dataType])).toEqual(NAMES.map((n) => [n, n[0]]));
  });

  it('builds qualifications with their entry options, component codes and fees in pence', () => {
    const maths = set.qualifications.find((q) => q.specificationCode === '8300');
    expect(maths).toEqual({
      id: 'AQA:8300',
      awardingBodyId: 'AQA',
      specificationCode: '8300',
      title: 'GCSE MATHEMATICS',
      level: 'GCSE',
      qan: '601/4782/3',
      entryOptions: [
        { code: '8300F', title: 'MATHEMATICS FOUNDATION TIER', componentCodes: ['8300/1F', '8300/2F', '8300/3F'], feePence: 4870 },
        { code: '8300H', title: 'MATHEMATICS HIGHER TIER', componentCodes: ['8300/1H', '8300/2H', '8300/3H'], feePence: 4870 },
      ],
    });
    const alevel = set.qualifications.find((q) => q.specificationCode === '7357');
    expect(alevel?.level).toBe('GCE');
    expect(alevel?.entryOptions[0]?.feePence).toBe(12150);
    expect(set.options.find((o) => o.optionCode === '7357')).toMatchObject({ maxMark: 300, componentCount: 4, qan: '6031234X', discountCode: '2210' });
  });

  it('reads components with time allowed, and teacher-marked components as centre-assessed', () => {
    expect(set.components.find((c) => c.code === '8461/1F')).toEqual({ code: '8461/1F', awardingBodyId: 'AQA', title: 'PAPER 1 (F)', kind: 'written', durationMinutes: 105, centreAssessed: false });
    expect(set.components.find((c) => c.code === '7357/C')).toMatchObject({ kind: 'nea', durationMinutes: 0, centreAssessed: true });
    expect(set.componentRecords.find((c) => c.componentCode === '7357/C')).toMatchObject({ teacherMarksCode: 'G', dueDate: '2026-05-15' });
  });

  it('builds the timetable from date, session and the given start times (session letter in either case)', () => {
    expect(set.timetable.find((p) => p.componentCode === '8300/3F')).toEqual({
      id: 'AQA:6A26:8300/3F',
      seriesId: 'june-2026',
      awardingBodyId: 'AQA',
      componentCode: '8300/3F',
      title: 'PAPER 3 CALCULATOR (F)',
      level: 'GCSE',
      kind: 'written',
      date: '2026-06-10',
      session: 'AM',
      startTime: '09:00',
      durationMinutes: 90,
    });
    expect(set.timetable.find((p) => p.componentCode === '7357/1')).toMatchObject({ session: 'PM', startTime: '13:30', durationMinutes: 120, level: 'GCE' });
  });

  it('keeps a split-paper section (time allowed 000) as a sitting but not as a paper, and says so', () => {
    expect(set.sittings.find((s) => s.componentCode === '8461/2FB')).toEqual({ componentCode: '8461/2FB', date: '2026-06-08', session: 'PM', durationMinutes: 0 });
    expect(set.timetable.some((p) => p.componentCode === '8461/2FB')).toBe(false);
    expect(set.unknowns).toContainEqual(expect.objectContaining({ subject: 'timetable.splitPaper', count: 1 }));
  });

  it('reports an option whose syllabus is not in the S file and a component count the L file disagrees with', () => {
    expect(set.issues.map((i) => [i.location?.file, i.location?.line, i.location?.field])).toEqual([['O6A26_70.X01', 7, 'syllabusCode']]);
    const without = readBasedata(files.map((f) => (f.name.startsWith('L') ? { ...f, content: f.content.toString().split('\r\n').filter((l) => !l.includes('8300/3F')).join('\r\n') } : f)));
    expect(without.issues).toContainEqual(expect.objectContaining({ location: expect.objectContaining({ field: 'componentCount', value: '3' }) }));
  });

  it('reports as unknown what the layouts do not give, rather than guessing', () => {
    const subjects = set.unknowns.map((u) => u.subject);
    expect(subjects).toContain('basedata.syllabus.unread');
    expect(subjects).toContain('basedata.option.fee');
    expect(subjects).toContain('component.kind');
    expect(subjects).toContain('entryOption.tier');
    const bare = readBasedata(files);
    expect(bare.timetable).toEqual([]);
    expect(bare.sittings).toHaveLength(12);
    expect(bare.unknowns.map((u) => u.subject)).toEqual(expect.arrayContaining(['timetable.startTime', 'qualification.level']));
    expect(bare.qualifications.every((q) => q.level === 'other' && q.awardingBodyId === '70')).toBe(true);
  });

  it('reads whole-pound fees when told the unit is pounds', () => {
    const pounds = readBasedata(files, { feeUnits: 'pounds' });
    expect(pounds.options.find((o) => o.optionCode === '8300F')?.feePence).toBe(487000);
    expect(pounds.options.find((o) => o.optionCode === '7357')?.feePence).toBe(12150);
  });

  it('reads a zipped set (Z6A26_70.zip) and lists the Readme it holds', () => {
    const zip = zipSync({
      ...Object.fromEntries(files.map((f) => [f.name, strToU8(f.content as string)])),
      'D6A26_70.X01': strToU8('D1...'),
      'Readme.txt': strToU8('AQA (awarding body identifier 70)'),
    });
    const zipped = readBasedata([{ name: 'Z6A26_70.zip', content: zip }], { awardingBodyId: 'AQA', sessionStartTimes: START_TIMES });
    expect(zipped.qualifications.map((q) => q.specificationCode)).toEqual(['8300', '8461', '7357', '9999']);
    expect(zipped.timetable.length).toBe(set.timetable.length);
    expect(zipped.ignoredFiles).toEqual(['Z6A26_70.zip/Readme.txt']);
    expect(zipped.issues).toContainEqual(expect.objectContaining({ location: expect.objectContaining({ file: 'Z6A26_70.zip/D6A26_70.X01' }), message: expect.stringContaining('No layout is known') }));
    expect(zipped.unknowns).toContainEqual(expect.objectContaining({ subject: 'basedata.disallowed' }));
  });

  it('reports a file that is not basedata, a corrupt zip and a header for another series', () => {
    const other = readBasedata([
      { name: 'notes.csv', content: 'a,b' },
      { name: 'Z6A26_70.zip', content: new Uint8Array([1, 2, 3]) },
      { name: 'S6A25_70.X01', content: files[0]!.content },
    ]);
    expect(other.issues.map((i) => [i.location?.file, i.code]).sort()).toEqual([
      ['S6A25_70.X01', 'invalid_value'],
      ['Z6A26_70.zip', 'binary_file'],
      ['notes.csv', 'invalid_value'],
    ]);
  });

  it('reports a malformed basedata line with file, line, record type and field, and reads the rest', () => {
    const broken = (files[2]!.content as string).split('\r\n');
    broken[4] = `${broken[4]!.slice(0, 65)}311326${broken[4]!.slice(71)}`;
    const read = readBasedata([{ name: 'C6A26_70.X01', content: broken.join('\r\n') }]);
    expect(read.issues).toEqual([expect.objectContaining({ code: 'malformed_record', location: expect.objectContaining({ file: 'C6A26_70.X01', line: 5, recordType: 'C5', field: 'timetableDate', column: 66 }) })]);
    expect(read.componentRecords).toHaveLength(12);
  });
});
