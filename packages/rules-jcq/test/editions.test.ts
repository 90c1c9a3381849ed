import type { Sourced } from '@examcycle/core';
import { JCQ_EDITIONS, edition2024_25, edition2025_26, edition2026_27, type Edition } from '@examcycle/rules-jcq';
import { DateTime } from 'luxon';
import { describe, expect, it } from 'vitest';

type Row = readonly [edition: string, key: string, value: string, document: string, confidence: 'confirmed' | 'unconfirmed'];

const AQA = 'AQA, Entries';
const OCR = 'OCR, Meeting internally assessed deadlines';
const AARA = 'JCQ Access Arrangements and Reasonable Adjustments (AARA)';
const KEY = 'The Key, Access arrangements for exams: an overview';
const BLOG = 'The Exams Office blog (October 2019)';
const BALLE = 'Simon Balle School, A level post-results service information';
const NCN = 'JCQ, National Centre Number (NCN) Register';
const HOC = 'OCR, Head of centre declaration';
const EOPS = 'SLT Support, Register for EOPS';
const U = 'unconfirmed';
const C = 'confirmed';

function june(e: string, y: number, extra: Row[]): Row[] {
  return [
    [e, `june-${y}.entryDeadline`, `${y}-02-21`, AQA, U],
    [e, `june-${y}.veryLateDeadline`, `${y}-04-21`, AQA, U],
    [e, `june-${y}.accessArrangementsDeadline`, `${y}-03-21`, AARA, U],
    [e, `june-${y}.modifiedPapersDeadline`, `${y}-01-24`, KEY, U],
    [e, `june-${y}.nea.OCR`, `${y}-05-15`, OCR, U],
    [e, `june-${y}.nea.OCR/physical-education`, `${y}-03-31`, OCR, U],
    [e, `june-${y}.nea.OCR/cambridge-nationals-visiting-moderation`, `${y}-03-31`, OCR, U],
    [e, `june-${y}.nea.OCR/art-and-design`, `${y}-05-31`, OCR, U],
    [e, `june-${y}.certificatesExpected`, `${y}-11-07`, BLOG, U],
    ...extra,
  ];
}

function annual(e: string, y: number): Row[] {
  return [
    [e, 'annual.ncnRegisterUpdate', `${y}-10-31`, NCN, C],
    [e, 'annual.headOfCentreDeclaration', `${y}-10-31`, HOC, C],
    [e, 'eops.registrationBy', `${y}-10-31`, EOPS, C],
  ];
}

/** Every date of every edition, transcribed from the fact sheet's sources (shared/research/jcq-rules.md). */
const EXPECTED: Row[] = [
  // 2024/25
  ['2024/25', 'november-2024.basedataPublished', '2024-09-01', AQA, U],
  ['2024/25', 'november-2024.entryDeadline', '2024-10-04', AQA, U],
  ['2024/25', 'november-2024.veryLateDeadline', '2024-10-25', AQA, U],
  ['2024/25', 'january-2025.entryDeadline', '2024-10-21', AQA, U],
  ['2024/25', 'january-2025.veryLateDeadline', '2024-12-15', AQA, U],
  ['2024/25', 'march-2025.entryDeadline', '2025-01-21', AQA, U],
  ['2024/25', 'march-2025.veryLateDeadline', '2025-02-21', AQA, U],
  ...june('2024/25', 2025, [
    ['2024/25', 'june-2025.contingency', '2025-06-11', 'Borden Grammar School, Exam information', U],
    ['2024/25', 'june-2025.contingency', '2025-06-25', 'Borden Grammar School, Exam information', U],
    ['2024/25', 'june-2025.results.GCE', '2025-08-14', 'Tes, GCSE results day', U],
    ['2024/25', 'june-2025.results.GCSE', '2025-08-21', 'Tes, GCSE results day', U],
    ['2024/25', 'june-2025.postResultsPriorityDeadline', '2025-08-21', BALLE, U],
    ['2024/25', 'june-2025.postResultsFinalDeadline', '2025-09-25', BALLE, U],
  ]),
  ...annual('2024/25', 2024),
  // 2025/26
  ['2025/26', 'november-2025.basedataPublished', '2025-09-01', 'AQA, November 2025 basedata Readme', C],
  ['2025/26', 'november-2025.entryDeadline', '2025-10-04', AQA, U],
  ['2025/26', 'november-2025.veryLateDeadline', '2025-10-25', AQA, U],
  ['2025/26', 'november-2025.results.all', '2026-01-08', 'FE News, November GCSE results released', U],
  ['2025/26', 'january-2026.entryDeadline', '2025-10-21', AQA, U],
  ['2025/26', 'january-2026.veryLateDeadline', '2025-12-15', AQA, U],
  ['2025/26', 'january-2026.results.all', '2026-03-19', 'Whickham School, Exam information', U],
  ['2025/26', 'march-2026.entryDeadline', '2026-01-21', AQA, U],
  ['2025/26', 'march-2026.veryLateDeadline', '2026-02-21', AQA, U],
  ...june('2025/26', 2026, [
    ['2025/26', 'june-2026.contingency', '2026-06-10', 'King Edward VII School Sheffield, Exams', U],
    ['2025/26', 'june-2026.contingency', '2026-06-24', 'King Edward VII School Sheffield, Exams', U],
    ['2025/26', 'june-2026.results.GCE', '2026-08-13', 'AQA, Exams Officers support June (onboarding hub)', C],
    ['2025/26', 'june-2026.results.GCSE', '2026-08-20', 'AQA, Exams Officers support June (onboarding hub)', C],
    ['2025/26', 'june-2026.postResultsPriorityDeadline', '2026-08-20', BALLE, U],
    ['2025/26', 'june-2026.postResultsFinalDeadline', '2026-09-24', BALLE, U],
  ]),
  ...annual('2025/26', 2025),
  // 2026/27
  ['2026/27', 'november-2026.basedataPublished', '2026-09-01', AQA, U],
  ['2026/27', 'november-2026.entryDeadline', '2026-10-04', AQA, U],
  ['2026/27', 'november-2026.veryLateDeadline', '2026-10-25', AQA, U],
  ['2026/27', 'january-2027.entryDeadline', '2026-10-21', AQA, U],
  ['2026/27', 'january-2027.veryLateDeadline', '2026-12-15', AQA, U],
  ['2026/27', 'march-2027.entryDeadline', '2027-01-21', AQA, U],
  ['2026/27', 'march-2027.veryLateDeadline', '2027-02-21', AQA, U],
  ...june('2026/27', 2027, [
    ['2026/27', 'june-2027.results.GCE', '2027-08-19', 'AQA, Exams Officers support June (onboarding hub)', U],
    ['2026/27', 'june-2027.results.GCSE', '2027-08-26', 'AQA, Exams Officers support June (onboarding hub)', U],
    ['2026/27', 'june-2027.postResultsPriorityDeadline', '2027-08-26', BALLE, U],
    ['2026/27', 'june-2027.postResultsFinalDeadline', '2027-09-30', BALLE, U],
  ]),
  ...annual('2026/27', 2026),
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

  it('give every value a document, a year and a confidence, and say why each unconfirmed value is unconfirmed', () => {
    for (const v of allSourced(JCQ_EDITIONS)) {
      expect(v.source.document.length).toBeGreaterThan(0);
      expect(v.source.year.length).toBeGreaterThan(0);
      expect(['confirmed', 'unconfirmed']).toContain(v.confidence);
      if (v.confidence === 'unconfirmed') expect(v.note?.length ?? 0).toBeGreaterThan(20);
    }
  });

  it('never mark a value from a school, a newspaper or SecEd as confirmed', () => {
    const secondary = /School|Academy|College|Tes,|FE News|SecEd|The Exams Office|The Key|Grammar/;
    for (const v of allSourced(JCQ_EDITIONS)) {
      if (secondary.test(v.source.document)) expect(v.confidence, v.source.document).toBe('unconfirmed');
    }
  });

  it('mark the press and local authority release time (09:30, SecEd only) and the on-screen ratio unconfirmed', () => {
    expect(edition2025_26.rules.results.pressAndLocalAuthorities).toMatchObject({ value: '09:30', confidence: 'unconfirmed' });
    expect(edition2025_26.rules.examRoom.invigilationOnScreen.confidence).toBe('unconfirmed');
    expect(edition2025_26.rules.examRoom.invigilationWritten).toMatchObject({ value: 30, confidence: 'confirmed' });
    expect(edition2025_26.rules.examRoom.seatSpacingMetres).toMatchObject({ value: 1.25, source: { section: '11.10', year: '2019/20' } });
    expect(edition2025_26.rules.retention.accessArrangementsApprovalMonths).toMatchObject({ value: 26, confidence: 'unconfirmed' });
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
