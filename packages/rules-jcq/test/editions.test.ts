import type { Confidence, Sourced } from '@examcycle/core';
import { CONFIDENCE_SCALE, JCQ_EDITIONS, edition2024_25, edition2025_26, edition2026_27, type Edition } from '@examcycle/rules-jcq';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';

type Row = readonly [edition: string, key: string, value: string, document: string, confidence: Confidence];

const AQA = 'AQA, Entries';
const OCR = 'OCR, Meeting internally assessed deadlines';
const AQA_DEC = 'AQA, Exams officers support: December (onboarding hub for exams officers)';
const AQA_JUNE = 'AQA, Exams Officers support June (onboarding hub)';
const OFQUAL = 'Ofqual, Qualification results in England: summer 2025 (published 14 August 2025)';
const PEARSON_69 = 'Pearson, General Qualifications Bulletin International, issue 69 (October 2025)';
const BLOG = 'The Exams Office blog (October 2019)';
const BALLE = 'Simon Balle School, A level post-results service information';
const NCN = 'JCQ, National Centre Number (NCN) Register';
const HOC = 'OCR, Head of centre declaration';
const EOPS = 'SLT Support, Register for EOPS';
const P = 'primary';
const PE = 'primary-earlier-year';
const S = 'secondary';
const PT = 'pattern';
const R = 'reading';

function june(e: string, y: number, extra: Row[]): Row[] {
  return [
    [e, `june-${y}.entryDeadline`, `${y}-02-21`, AQA, PT],
    [e, `june-${y}.veryLateDeadline`, `${y}-04-21`, AQA, PT],
    [e, `june-${y}.nea.OCR`, `${y}-05-15`, OCR, PT],
    [e, `june-${y}.nea.OCR/physical-education`, `${y}-03-31`, OCR, PT],
    [e, `june-${y}.nea.OCR/cambridge-nationals-visiting-moderation`, `${y}-03-31`, OCR, PT],
    [e, `june-${y}.nea.OCR/art-and-design`, `${y}-05-31`, OCR, PT],
    [e, `june-${y}.certificatesExpected`, `${y}-11-07`, BLOG, PT],
    ...extra,
  ];
}

function annual(e: string, y: number, confidence: Confidence): Row[] {
  return [
    [e, 'annual.ncnRegisterUpdate', `${y}-10-31`, NCN, confidence],
    [e, 'annual.headOfCentreDeclaration', `${y}-10-31`, HOC, confidence],
    [e, 'eops.registrationBy', `${y}-10-31`, EOPS, R],
  ];
}

/** Every date of every edition, with the source it was read in and the kind of source that is (issue 13). */
const EXPECTED: Row[] = [
  // 2024/25
  ['2024/25', 'november-2024.basedataPublished', '2024-09-01', AQA, PT],
  ['2024/25', 'november-2024.entryDeadline', '2024-10-04', AQA, PT],
  ['2024/25', 'november-2024.veryLateDeadline', '2024-10-25', AQA, PT],
  ['2024/25', 'january-2025.entryDeadline', '2024-10-21', AQA, PT],
  ['2024/25', 'january-2025.veryLateDeadline', '2024-12-15', AQA, PT],
  ['2024/25', 'march-2025.entryDeadline', '2025-01-21', AQA, PT],
  ['2024/25', 'march-2025.veryLateDeadline', '2025-02-21', AQA, PT],
  ...june('2024/25', 2025, [
    ['2024/25', 'june-2025.accessArrangementsDeadline', '2025-03-21', AQA_DEC, PT],
    ['2024/25', 'june-2025.modifiedPapersDeadline', '2025-01-31', AQA_DEC, PT],
    ['2024/25', 'june-2025.contingency', '2025-06-11', 'Borden Grammar School, Exam information', S],
    ['2024/25', 'june-2025.contingency', '2025-06-25', 'Borden Grammar School, Exam information', S],
    ['2024/25', 'june-2025.results.GCE', '2025-08-14', OFQUAL, P],
    ['2024/25', 'june-2025.results.GCSE', '2025-08-21', OFQUAL, P],
    ['2024/25', 'june-2025.postResultsPriorityDeadline', '2025-08-21', BALLE, S],
    ['2024/25', 'june-2025.postResultsFinalDeadline', '2025-09-25', BALLE, S],
  ]),
  ...annual('2024/25', 2024, P),
  // 2025/26
  ['2025/26', 'november-2025.basedataPublished', '2025-09-01', 'AQA, November 2025 basedata Readme', P],
  ['2025/26', 'november-2025.entryDeadline', '2025-10-04', AQA, PT],
  ['2025/26', 'november-2025.veryLateDeadline', '2025-10-25', AQA, PT],
  ['2025/26', 'november-2025.accessArrangementsDeadline', '2025-11-01', PEARSON_69, P],
  ['2025/26', 'november-2025.results.all', '2026-01-08', 'FE News, November GCSE results released', S],
  ['2025/26', 'january-2026.entryDeadline', '2025-10-21', AQA, PT],
  ['2025/26', 'january-2026.veryLateDeadline', '2025-12-15', AQA, PT],
  ['2025/26', 'january-2026.results.all', '2026-03-19', 'Whickham School, Exam information', S],
  ['2025/26', 'march-2026.entryDeadline', '2026-01-21', AQA, PT],
  ['2025/26', 'march-2026.veryLateDeadline', '2026-02-21', AQA, PT],
  ...june('2025/26', 2026, [
    ['2025/26', 'june-2026.accessArrangementsDeadline', '2026-03-21', AQA_DEC, P],
    ['2025/26', 'june-2026.modifiedPapersDeadline', '2026-01-31', AQA_DEC, P],
    ['2025/26', 'june-2026.contingency', '2026-06-24', 'Whickham School, Exam information', S],
    ['2025/26', 'june-2026.results.GCE', '2026-08-13', AQA_JUNE, P],
    ['2025/26', 'june-2026.results.GCSE', '2026-08-20', AQA_JUNE, P],
    ['2025/26', 'june-2026.postResultsPriorityDeadline', '2026-08-20', BALLE, PT],
    ['2025/26', 'june-2026.postResultsFinalDeadline', '2026-09-24', BALLE, PT],
  ]),
  ...annual('2025/26', 2025, P),
  // 2026/27
  ['2026/27', 'november-2026.basedataPublished', '2026-09-01', AQA, PT],
  ['2026/27', 'november-2026.entryDeadline', '2026-10-04', AQA, PT],
  ['2026/27', 'november-2026.veryLateDeadline', '2026-10-25', AQA, PT],
  ['2026/27', 'january-2027.entryDeadline', '2026-10-21', AQA, PT],
  ['2026/27', 'january-2027.veryLateDeadline', '2026-12-15', AQA, PT],
  ['2026/27', 'march-2027.entryDeadline', '2027-01-21', AQA, PT],
  ['2026/27', 'march-2027.veryLateDeadline', '2027-02-21', AQA, PT],
  ...june('2026/27', 2027, [
    ['2026/27', 'june-2027.accessArrangementsDeadline', '2027-03-21', AQA_DEC, PT],
    ['2026/27', 'june-2027.modifiedPapersDeadline', '2027-01-31', AQA_DEC, PT],
    ['2026/27', 'june-2027.results.GCE', '2027-08-19', AQA_JUNE, PT],
    ['2026/27', 'june-2027.results.GCSE', '2027-08-26', AQA_JUNE, PT],
    ['2026/27', 'june-2027.postResultsPriorityDeadline', '2027-08-26', BALLE, PT],
    ['2026/27', 'june-2027.postResultsFinalDeadline', '2027-09-30', BALLE, PT],
  ]),
  ...annual('2026/27', 2026, PE),
];

function datedRows(edition: Edition): Row[] {
  const rows: Row[] = [];
  const add = (key: string, v: Sourced<string> | undefined) => {
    if (v !== undefined) rows.push([edition.academicYear, key, v.value, v.source.document, v.confidence]);
  };
  for (const s of edition.series) {
    const id = `${s.month}-${s.year}`;
    add(`${id}.basedataPublished`, s.basedataPublished);
    add(`${id}.entryDeadline`, s.entryDeadline);
    add(`${id}.veryLateDeadline`, s.veryLateDeadline);
    add(`${id}.accessArrangementsDeadline`, s.accessArrangementsDeadline);
    add(`${id}.modifiedPapersDeadline`, s.modifiedPapersDeadline);
    for (const n of s.neaMarksDeadlines) add(`${id}.nea.${n.awardingBodyId}${n.scope === undefined ? '' : `/${n.scope}`}`, n.date);
    for (const c of s.contingencyDays) add(`${id}.contingency`, c.date);
    for (const r of s.resultsDays) add(`${id}.results.${r.key}`, r.date);
    add(`${id}.postResultsPriorityDeadline`, s.postResultsPriorityDeadline);
    add(`${id}.postResultsFinalDeadline`, s.postResultsFinalDeadline);
    add(`${id}.certificatesExpected`, s.certificatesExpected);
  }
  add('annual.ncnRegisterUpdate', edition.annual.ncnRegisterUpdate);
  add('annual.headOfCentreDeclaration', edition.annual.headOfCentreDeclaration);
  add('eops.registrationBy', edition.eops.registrationBy);
  return rows;
}

function allSourced(node: unknown, out: Sourced<unknown>[] = []): Sourced<unknown>[] {
  if (typeof node !== 'object' || node === null) return out;
  if ('value' in node && 'source' in node && 'confidence' in node) {
    out.push(node as Sourced<unknown>);
    return out;
  }
  for (const child of Object.values(node)) allSourced(child, out);
  return out;
}

const weekday = (date: string) => DateTime.fromISO(date, { zone: 'UTC' }).weekday;
const sorted = (rows: readonly Row[]) => [...rows].map((r) => r.join(' | ')).sort();

describe('editions', () => {
  it('carry 2024/25, 2025/26 and 2026/27, each with its November, January, March and June series', () => {
    expect(JCQ_EDITIONS.map((e) => e.academicYear)).toEqual(['2024/25', '2025/26', '2026/27']);
    for (const e of JCQ_EDITIONS) expect(e.series.map((s) => s.month)).toEqual(['november', 'january', 'march', 'june']);
  });

  it('state every date of every edition as its source gives it, with its confidence', () => {
    expect(sorted(JCQ_EDITIONS.flatMap(datedRows))).toEqual(sorted(EXPECTED));
  });

  it('give every value a document, a year and a confidence on the scale, and say why each value below primary is not primary', () => {
    for (const v of allSourced(JCQ_EDITIONS)) {
      expect(v.source.document.length).toBeGreaterThan(0);
      expect(v.source.year.length).toBeGreaterThan(0);
      expect(CONFIDENCE_SCALE).toContain(v.confidence);
      if (v.confidence !== 'primary') expect(v.note?.length ?? 0, v.source.document).toBeGreaterThan(20);
    }
  });

  it('never mark a value from a school, a newspaper, SecEd or a third-party copy as primary', () => {
    const secondarySource = /School|Academy|College|Tes,|FE News|SecEd|The Exams Office|The Key|Grammar|alevelchem/;
    for (const v of allSourced(JCQ_EDITIONS)) {
      if (secondarySource.test(v.source.document) || /alevelchem/.test(v.source.url ?? '')) {
        expect(['primary', 'primary-earlier-year'], v.source.document).not.toContain(v.confidence);
      }
    }
  });

  it('mark each weakly sourced rule honestly (issue 13): press time and seat spacing secondary, staff time and EOPS registration the pack\'s reading', () => {
    const e = edition2025_26;
    expect(e.rules.results.pressAndLocalAuthorities).toMatchObject({ value: '09:30', confidence: 'secondary' });
    expect(e.rules.results.staffOnResultsDay).toMatchObject({ value: '08:00', confidence: 'reading' });
    expect(e.rules.examRoom.invigilationOnScreen.confidence).toBe('secondary');
    expect(e.rules.examRoom.invigilationWritten).toMatchObject({ value: 30, confidence: 'primary', source: { document: 'WJEC, Invigilation (exams officers)' } });
    expect(e.rules.examRoom.invigilationWritten.note).toMatch(/Generally, one invigilator must be present for every 30 candidates/);
    expect(e.rules.examRoom.seatSpacingMetres).toMatchObject({ value: 1.25, confidence: 'secondary', source: { section: '11.10', year: '2019/20' } });
    expect(e.rules.retention.neaWorkUntilPostResultsDeadline.confidence).toBe('secondary');
    expect(e.eops.registrationBy).toMatchObject({ value: '2025-10-31', confidence: 'reading' });
    expect(e.rules.retention.accessArrangementsApprovalMonths).toMatchObject({ value: 26, confidence: 'secondary' });
  });

  it('count the special consideration window in calendar days from the last exam in the subject, as Pearson and JCQ Form 10 word it, below primary', () => {
    const sc = edition2025_26.rules.derived.specialConsiderationDays;
    expect(sc).toMatchObject({ value: 7, confidence: 'primary-earlier-year' });
    expect(sc.note).toMatch(/Within seven days of the last examination in the series in each subject/);
    expect(edition2025_26.rules.derived.specialConsiderationWorkingDaysFromPaper).toMatchObject({ value: 5, confidence: 'reading' });
  });

  it('correct the June modified papers deadline to 31 January (AQA, Summer 2026) and re-derive 2025 and 2027 from it', () => {
    const mp = (e: Edition) => e.series.find((s) => s.month === 'june')!.modifiedPapersDeadline!;
    expect(mp(edition2025_26)).toMatchObject({ value: '2026-01-31', confidence: 'primary' });
    expect(mp(edition2025_26).note).toMatch(/The deadline to apply for modified papers for the Summer 2026 exam series is 31 January 2026/);
    for (const e of [edition2024_25, edition2026_27]) {
      expect(mp(e).value.slice(5)).toBe('01-31');
      expect(mp(e).confidence).toBe('pattern');
      expect(mp(e).note).toMatch(/Pearson gave 31 January/);
    }
  });

  it('ship no June 2026 contingency date that only one school gives', () => {
    const june2026 = edition2025_26.series.find((s) => s.month === 'june')!;
    expect(june2026.contingencyDays.map((c) => c.date.value)).toEqual(['2026-06-24']);
    expect(june2026.unknown.find((u) => u.kind === 'contingency_day')?.why).toMatch(/10 June 2026/);
  });

  it('put results days on Thursdays, with GCSE results day a week after A level', () => {
    for (const e of JCQ_EDITIONS) {
      for (const s of e.series) {
        for (const r of s.resultsDays) expect(weekday(r.date.value), r.date.value).toBe(4);
        const gce = s.resultsDays.find((r) => r.key === 'GCE');
        const gcse = s.resultsDays.find((r) => r.key === 'GCSE');
        if (gce && gcse) expect(DateTime.fromISO(gcse.date.value).diff(DateTime.fromISO(gce.date.value), 'days').days).toBe(7);
      }
    }
  });

  it('derive the unsourced 2027 dates by their documented patterns', () => {
    const june2027 = edition2026_27.series.find((s) => s.month === 'june')!;
    const gce = june2027.resultsDays.find((r) => r.key === 'GCE')!.date;
    expect(Number(gce.value.slice(8))).toBeGreaterThanOrEqual(13);
    expect(Number(gce.value.slice(8))).toBeLessThanOrEqual(19);
    expect(gce.note).toMatch(/Thursday from 13 to 19 August/);
    const final = june2027.postResultsFinalDeadline!;
    expect(weekday(final.value)).toBe(4);
    expect(DateTime.fromISO(final.value).plus({ days: 7 }).month).toBe(10);
    expect(june2027.postResultsPriorityDeadline!.value).toBe(june2027.resultsDays.find((r) => r.key === 'GCSE')!.date.value);
  });

  it('report the key dates no source gives instead of guessing them', () => {
    const nov2024 = edition2024_25.series.find((s) => s.month === 'november')!;
    expect(nov2024.resultsDays).toEqual([]);
    expect(nov2024.unknown.map((u) => u.kind)).toContain('results_day');
    const june2027 = edition2026_27.series.find((s) => s.month === 'june')!;
    expect(june2027.contingencyDays).toEqual([]);
    expect(june2027.unknown.map((u) => u.kind)).toEqual(expect.arrayContaining(['contingency_day', 'special_consideration_window']));
  });
});
