import { examSeries, isExamcycleError, isValidUci, toLondon, type CheckFacts, type Finding, type KeyDate } from '@examcycle/core';
import { checkInputSchemas, compileRules, jcq, jcqCheckRules, prepareCheckFacts } from '@examcycle/rules-jcq';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Instant } from '@examcycle/core';

const june = jcq.keyDates(examSeries('june', 2026));
const november = jcq.keyDates(examSeries('november', 2025));
const SERIES: Record<string, readonly KeyDate[]> = { 'june-2026': june, 'november-2025': november };
const at = (dates: readonly KeyDate[], kind: KeyDate['kind']) => toLondon(dates.find((k) => k.kind === kind)!.at).toMillis();
const compiled = compileRules(jcqCheckRules);
const ctx = {
  keyDatesOf: (id: string) => jcq.keyDates(examSeries(id.split('-')[0] as 'june', Number(id.split('-')[1]))),
  resultsAccess: (r: Parameters<typeof jcq.resultsAccess>[0]) => jcq.resultsAccess(r),
  editionFor: () => {
    throw new Error('not needed for entries');
  },
};

/** The reference: zod's schema, every instant through luxon's Europe/London reading, the UCI checked afresh. */
function referenceFacts(raw: CheckFacts): Readonly<Record<string, unknown>> | { issues: string[] } {
  const parsed = checkInputSchemas.entry.safeParse(raw);
  if (!parsed.success) return { issues: parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message} (invalid_value)`) };
  const { subject, entry, candidate } = parsed.data;
  const dates = SERIES[entry.seriesId];
  if (dates === undefined) {
    try {
      ctx.keyDatesOf(entry.seriesId);
    } catch (error) {
      if (!isExamcycleError(error)) throw error;
      const message = /^(january|march|june|november)-\d{4}$/.test(entry.seriesId) ? error.message : `Not a series id like june-2026: ${entry.seriesId}`;
      return { issues: [`entry.seriesId: ${message} (${/^(january|march|june|november)-\d{4}$/.test(entry.seriesId) ? error.code : 'invalid_value'})`] };
    }
    throw new Error(`the reference has no key dates for ${entry.seriesId}`);
  }
  const uci = candidate?.uci;
  return {
    subject,
    entry: {
      status: entry.status,
      identityVerified: entry.identityVerified ?? false,
      submittedAtMs: entry.submittedAt === undefined ? undefined : toLondon(entry.submittedAt as Instant).toMillis(),
      withdrawnAtMs: entry.withdrawnAt === undefined ? undefined : toLondon(entry.withdrawnAt as Instant).toMillis(),
    },
    deadlines: { entryDeadlineMs: at(dates, 'entry_deadline'), veryLateDeadlineMs: at(dates, 'very_late_deadline') },
    candidate: { hasUci: uci !== undefined && uci.length > 0, uciValid: uci !== undefined && isValidUci(uci) },
  };
}

const plain = (findings: readonly Finding[]) => findings.map((f) => ({ ...f, explanation: [...f.explanation] }));

const two = (max: number) => fc.integer({ min: 0, max }).map((n) => String(n).padStart(2, '0'));
/** Instants in every shape a MIS writes, and near misses zod refuses (no seconds, `+0100`, 30 February, a space). */
const instant = fc.oneof(
  fc
    .record({
      ms: fc.integer({ min: at(november, 'entry_deadline') - 200 * 86_400_000, max: at(june, 'very_late_deadline') + 200 * 86_400_000 }),
      offset: fc.constantFrom('Z', '+00:00', '+01:00', '-05:00', '+05:30', '+14:00', '-23:59'),
      fraction: fc.constantFrom('', '.0', '.5', '.123', '.999', '.1234567', '.0009'),
    })
    .map(({ ms, offset, fraction }) => {
      const sign = offset === 'Z' ? 0 : offset.startsWith('-') ? -1 : 1;
      const minutes = offset === 'Z' ? 0 : sign * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
      const local = (new Date(ms + minutes * 60_000).toISOString() as Instant).slice(0, 19);
      return `${local}${fraction}${offset}`;
    }),
  fc.tuple(fc.integer({ min: 1999, max: 2031 }), two(13), two(31), two(24), two(60), fc.constantFrom('Z', '+01:00', '+0100', '', '+01')).map(
    ([y, mo, d, h, mi, z]) => `${String(y)}-${mo}-${d}T${h}:${mi}:00${z}`,
  ),
  fc.constantFrom('2026-03-01T10:00Z', '2026-03-01 10:00:00Z', '2026-02-29T10:00:00Z', '2028-02-29T10:00:00Z', '2026-03-01T10:00:00z', '', 'soon'),
);
const rawEntry = fc.record(
  {
    id: fc.constantFrom('e1', 'c2-e3', ''),
    seriesId: fc.constantFrom('june-2026', 'june-2026', 'november-2025', 'june-2031', 'summer'),
    status: fc.constantFrom('draft', 'submitted', 'accepted', 'amended', 'withdrawn', 'rejected', 'SUBMITTED'),
    submittedAt: fc.option(instant, { nil: undefined }),
    withdrawnAt: fc.option(instant, { nil: undefined }),
    identityVerified: fc.option(fc.constantFrom<unknown>(true, false, 'yes'), { nil: undefined }),
    candidate: fc.option(fc.constantFrom<unknown>({}, { uci: '681990012058G' }, { uci: '681990012058X' }, { uci: '' }, { uci: 681990012058 }, null, []), {
      nil: undefined,
    }),
  },
  { requiredKeys: ['id', 'seriesId', 'status'] },
);

function toRaw(r: typeof rawEntry extends fc.Arbitrary<infer T> ? T : never): CheckFacts {
  const entry: Record<string, unknown> = { seriesId: r.seriesId, status: r.status };
  if ('submittedAt' in r) entry['submittedAt'] = r.submittedAt;
  if ('withdrawnAt' in r) entry['withdrawnAt'] = r.withdrawnAt;
  if ('identityVerified' in r) entry['identityVerified'] = r.identityVerified;
  return { subject: { kind: 'entry', id: r.id }, entry, ...('candidate' in r ? { candidate: r.candidate } : {}) };
}

describe('check on raw facts', () => {
  it('finds on raw entries exactly what the rules find on facts prepared through zod and luxon (findings, messages and explanations)', () => {
    fc.assert(
      fc.property(fc.array(rawEntry, { minLength: 1, maxLength: 12 }), (entries) => {
        const raw = entries.map(toRaw);
        const findings = plain(jcq.check(raw));
        const expected: Finding[] = [];
        for (const input of raw) {
          const ref = referenceFacts(input);
          if ('issues' in ref) {
            expected.push({
              rule: 'jcq.check.invalid-facts',
              severity: 'error',
              subject: { kind: 'entry', id: input.subject.id },
              message: `The facts for entry ${input.subject.id} could not be checked.`,
              source: findings.find((f) => f.rule === 'jcq.check.invalid-facts')!.source,
              explanation: ref.issues as string[],
            });
            continue;
          }
          expect(prepareCheckFacts(input, ctx)).toEqual({ ok: true, facts: ref });
          for (const fired of compiled.run(ref)) {
            const p = fired.event.params as Record<string, unknown>;
            expected.push({
              rule: p['rule'] as string,
              severity: p['severity'] as Finding['severity'],
              subject: { kind: 'entry', id: input.subject.id },
              message: p['message'] as string,
              source: p['source'] as Finding['source'],
              explanation: [...fired.explanation],
            });
          }
        }
        expect(findings).toEqual(expected);
      }),
      { seed: 20260816, numRuns: 400 },
    );
  });

  it('reads an instant with its offset to the same millisecond as luxon, fractions beyond milliseconds truncated', () => {
    fc.assert(
      fc.property(instant, (value) => {
        const result = prepareCheckFacts({ subject: { kind: 'entry', id: 'e1' }, entry: { seriesId: 'june-2026', status: 'submitted', submittedAt: value } }, ctx);
        if (!checkInputSchemas.entry.shape.entry.shape.submittedAt.safeParse(value).success) {
          expect(result.ok).toBe(false);
          return;
        }
        expect(result.ok && (result.facts['entry'] as { submittedAtMs: number }).submittedAtMs).toBe(toLondon(value as Instant).toMillis());
      }),
      { seed: 20260217, numRuns: 2000 },
    );
  });

  it('builds a finding\'s explanation only when it is read, and gives the same words every read', () => {
    const [late] = jcq.check([{ subject: { kind: 'entry', id: 'e1' }, entry: { seriesId: 'june-2026', status: 'submitted', identityVerified: true, submittedAt: '2026-03-02T10:00:00Z' }, candidate: { uci: '681990012058G' } }]);
    expect(late?.rule).toBe('jcq.entries.late-entry');
    expect(Object.getOwnPropertyDescriptor(late, 'explanation')?.get).toBeTypeOf('function');
    expect(late?.explanation).toBe(late?.explanation);
    expect({ ...late }.explanation).toEqual(['the subject is of kind entry: subject.kind ("entry") equals "entry"', expect.stringMatching(/^the entry was submitted after the entry deadline: /), expect.stringMatching(/^and by the very late deadline: /)]);
    expect(JSON.parse(JSON.stringify(late)).explanation).toEqual(late?.explanation);
  });

  it('explains a finding from the facts as they were checked, even when the caller reuses its input objects afterwards', () => {
    const row = { subject: { kind: 'entry', id: 'e1' }, entry: { seriesId: 'june-2026', status: 'submitted', identityVerified: true, submittedAt: '2026-03-02T10:00:00Z' }, candidate: { uci: '681990012058G' } };
    const [late] = jcq.check([row]);
    const [fresh] = jcq.check([structuredClone(row)]);
    // A MIS reader that reuses one row object for the next record.
    Object.assign(row.entry, { status: 'draft', submittedAt: '2026-05-30T10:00:00Z' });
    Object.assign(row.subject, { id: 'e2' });
    expect(late?.subject).toEqual({ kind: 'entry', id: 'e1' });
    expect(late?.explanation).toEqual(fresh?.explanation);
    expect(late?.explanation[1]).toContain(`entry.submittedAtMs (${toLondon('2026-03-02T10:00:00Z').toMillis()})`);
  });

  it('makes no finding for an entry that passes every check, and the same findings for a run of many entries as for each entry alone', () => {
    const ok = { subject: { kind: 'entry', id: 'ok' }, entry: { seriesId: 'june-2026', status: 'submitted', identityVerified: true, submittedAt: '2026-02-01T10:00:00Z' }, candidate: { uci: '681990012058G' } };
    expect(jcq.check([ok])).toEqual([]);
    const rng = fc.sample(fc.array(rawEntry, { minLength: 300, maxLength: 300 }), { seed: 20261203, numRuns: 1 })[0]!.map(toRaw);
    const together = plain(jcq.check(rng));
    const oneByOne = rng.flatMap((input) => plain(jcq.check([input])));
    expect(together).toEqual(oneByOne);
  });

  it('reports an entry of an unknown series as facts it cannot check, on the fast path as on the zod path', () => {
    const findings = jcq.check([{ subject: { kind: 'entry', id: 'e1' }, entry: { seriesId: 'june-2031', status: 'submitted' }, candidate: { uci: '681990012058G' } }]);
    expect(findings.map((f) => f.rule)).toEqual(['jcq.check.invalid-facts']);
    expect(isExamcycleError(findings[0])).toBe(false);
    expect(findings[0]?.explanation[0]).toMatch(/^entry\.seriesId: .*\(unknown_series\)$/);
  });
});
