/**
 * Results analysis per subject: the grade distribution of a centre's qualification results, best grade
 * first, with cumulative percentages, and the change against the previous year when its distribution is
 * given. Exams officers prepare this on restricted release day for senior leaders and heads of subject.
 */
import type { Qualification, QualificationLevel } from '../domain/qualification.js';
import type { Result } from '../domain/result.js';
import { sortGrades } from './compareGrades.js';

/**
 * One grade of a distribution.
 *
 * @example
 * ```ts
 * declare const results: Result[];
 * analyseResults(results)[0]?.distribution.map((g: GradeCount) => `${g.grade} ${g.percent}%`);
 * ```
 */
export interface GradeCount {
  readonly grade: string;
  readonly count: number;
  /** Share of the graded cohort, in percent, to one decimal place. */
  readonly percent: number;
  /** Share at this grade or better, in percent, to one decimal place. */
  readonly cumulativePercent: number;
}

/**
 * This year against last year, for one grade.
 *
 * @example
 * ```ts
 * declare const results: Result[];
 * analyseResults(results, { previousYear: { '8300F': { '4': 20 } } })[0]?.comparison?.map((c: GradeComparison) => `${c.grade} ${c.changePoints}`);
 * ```
 */
export interface GradeComparison {
  readonly grade: string;
  readonly percent: number;
  readonly previousPercent: number;
  /** `percent − previousPercent`, in percentage points. */
  readonly changePoints: number;
  readonly cumulativePercent: number;
  readonly previousCumulativePercent: number;
  readonly cumulativeChangePoints: number;
}

/**
 * The analysis of one subject.
 *
 * @example
 * ```ts
 * declare const results: Result[];
 * const [first]: SubjectAnalysis[] = analyseResults(results);
 * first?.cohort;
 * ```
 */
export interface SubjectAnalysis {
  /** The qualification id when the award's option is known, else the award code. */
  readonly subject: string;
  readonly title: string;
  readonly level: QualificationLevel;
  readonly awardingBodyId: string;
  /** The option codes counted under this subject (tiers are separate options of one subject). */
  readonly awardCodes: readonly string[];
  /** Results with a grade. */
  readonly cohort: number;
  /** Results still without a grade. */
  readonly pending: number;
  readonly distribution: readonly GradeCount[];
  /** Last year's distribution, when given. */
  readonly previousYear?: { readonly cohort: number; readonly distribution: readonly GradeCount[] };
  /** Per grade (of either year), this year against last year. */
  readonly comparison?: readonly GradeComparison[];
}

/**
 * Last year's grade counts per subject key: `{ [subject]: { [grade]: count } }`.
 *
 * @example
 * ```ts
 * const previousYear: PreviousYearResults = { 'AQA-7402': { A: 3, B: 5 } };
 * ```
 */
export type PreviousYearResults = Readonly<Record<string, Readonly<Record<string, number>>>>;

/**
 * Options for {@link analyseResults}.
 *
 * @example
 * ```ts
 * const options: AnalyseResultsOptions = { gradeOrder: { other: ['Distinction', 'Merit', 'Pass'] } };
 * ```
 */
export interface AnalyseResultsOptions {
  /** To group tiers and options into subjects and give them titles. */
  readonly qualifications?: readonly Qualification[];
  /** Last year's counts, keyed like {@link SubjectAnalysis.subject}. */
  readonly previousYear?: PreviousYearResults;
  /** Grade orders (best first) for grades on no known scale, per level. */
  readonly gradeOrder?: Partial<Record<QualificationLevel, readonly string[]>>;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

function distribution(counts: ReadonlyMap<string, number>, order?: readonly string[]): { cohort: number; distribution: GradeCount[] } {
  const cohort = [...counts.values()].reduce((a, b) => a + b, 0);
  let running = 0;
  const grades = sortGrades([...counts.keys()], order);
  return {
    cohort,
    distribution: grades.map((grade) => {
      const count = counts.get(grade) ?? 0;
      running += count;
      return { grade, count, percent: cohort ? round1((100 * count) / cohort) : 0, cumulativePercent: cohort ? round1((100 * running) / cohort) : 0 };
    }),
  };
}

/**
 * Analyses qualification results per subject: cohort, pending, grade distribution and, when last year's
 * counts are given, the change per grade in percentage points.
 *
 * @param results - the results (component results are ignored)
 * @param options - qualifications for subject titles, last year's counts, grade orders
 * @example
 * ```ts
 * declare const results: Result[];
 * const [maths] = analyseResults(results, { previousYear: { '8300F': { '5': 10, '4': 20 } } });
 * maths?.comparison?.find((c) => c.grade === '4')?.changePoints;
 * ```
 */
export function analyseResults(results: readonly Result[], options: AnalyseResultsOptions = {}): SubjectAnalysis[] {
  const { qualifications = [], previousYear, gradeOrder } = options;
  // By awarding body, then code (the last qualification listing an option owns it): no key string built per result.
  const optionOwner = new Map<string, Map<string, Qualification>>();
  for (const q of qualifications) {
    for (const o of q.entryOptions) {
      let byCode = optionOwner.get(q.awardingBodyId);
      if (byCode === undefined) optionOwner.set(q.awardingBodyId, (byCode = new Map()));
      byCode.set(o.code, q);
    }
  }

  interface Group {
    subject: string;
    title: string;
    level: QualificationLevel;
    awardingBodyId: string;
    awardCodes: Set<string>;
    counts: Map<string, number>;
    pending: number;
  }
  const groups = new Map<string, Group>();
  // The group of each awarding body's code, once its first result has placed it (its code is then in the group's codes).
  const groupOf = new Map<string, Map<string, Group>>();
  for (const r of results) {
    if (r.kind !== 'qualification') continue;
    let byCode = groupOf.get(r.awardingBodyId);
    if (byCode === undefined) groupOf.set(r.awardingBodyId, (byCode = new Map()));
    let g = byCode.get(r.awardCode);
    if (g === undefined) {
      const q = optionOwner.get(r.awardingBodyId)?.get(r.awardCode);
      const subject = q ? q.id : r.awardCode;
      g = groups.get(subject);
      if (g === undefined) groups.set(subject, (g = { subject, title: q?.title ?? r.awardCode, level: q?.level ?? r.level, awardingBodyId: r.awardingBodyId, awardCodes: new Set<string>(), counts: new Map<string, number>(), pending: 0 }));
      g.awardCodes.add(r.awardCode);
      byCode.set(r.awardCode, g);
    }
    const grade = r.grade.trim();
    if (grade === '') g.pending += 1;
    else g.counts.set(grade, (g.counts.get(grade) ?? 0) + 1);
  }

  return [...groups.values()]
    .sort((a, b) => a.subject.localeCompare(b.subject))
    .map((g) => {
      const order = gradeOrder?.[g.level];
      const now = distribution(g.counts, order);
      const base: SubjectAnalysis = { subject: g.subject, title: g.title, level: g.level, awardingBodyId: g.awardingBodyId, awardCodes: [...g.awardCodes].sort(), cohort: now.cohort, pending: g.pending, distribution: now.distribution };
      const prevCounts = previousYear?.[g.subject];
      if (!prevCounts) return base;
      const prev = distribution(new Map(Object.entries(prevCounts).filter(([, n]) => Number.isFinite(n) && n > 0)), order);
      const grades = sortGrades([...new Set([...now.distribution.map((d) => d.grade), ...prev.distribution.map((d) => d.grade)])], order);
      let cumNow = 0;
      let cumPrev = 0;
      const comparison = grades.map((grade): GradeComparison => {
        const n = g.counts.get(grade) ?? 0;
        const p = prev.distribution.find((d) => d.grade === grade)?.count ?? 0;
        cumNow += n;
        cumPrev += p;
        const percent = now.cohort ? round1((100 * n) / now.cohort) : 0;
        const previousPercent = prev.cohort ? round1((100 * p) / prev.cohort) : 0;
        const cumulativePercent = now.cohort ? round1((100 * cumNow) / now.cohort) : 0;
        const previousCumulativePercent = prev.cohort ? round1((100 * cumPrev) / prev.cohort) : 0;
        return {
          grade,
          percent,
          previousPercent,
          changePoints: round1(percent - previousPercent),
          cumulativePercent,
          previousCumulativePercent,
          cumulativeChangePoints: round1(cumulativePercent - previousCumulativePercent),
        };
      });
      return { ...base, previousYear: prev, comparison };
    });
}
