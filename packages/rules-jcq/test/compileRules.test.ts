import { isExamcycleError } from '@examcycle/core';
import { compileRules, type RuleCondition, type RuleJson } from '@examcycle/rules-jcq';
import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import { describe, expect, it } from 'vitest';

const OPERATORS = ['equal', 'notEqual', 'lessThan', 'lessThanInclusive', 'greaterThan', 'greaterThanInclusive', 'in', 'notIn', 'contains', 'doesNotContain'] as const;
const FACTS = ['a', 'b', 'c', 'd'] as const;
const KEYS = ['x', 'y', 'z'] as const;
const PATHS = [undefined, '$', '$.x', '$.y', '$.x.y', '$.x.z', '$.y[0]', '$.x[1]', '$[0]', '$.z.x.y'] as const;

const primitive = fc.constantFrom<unknown>(0, 1, 2, -1, 1.5, '', 'a', 'b', '1', '2.5x', true, false, null, Number.NaN);
const value: fc.Arbitrary<unknown> = fc.letrec<{ v: unknown }>((tie) => ({
  v: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    primitive,
    fc.constant(undefined),
    fc.array(tie('v'), { maxLength: 3 }),
    fc.dictionary(fc.constantFrom(...KEYS), tie('v'), { maxKeys: 3, noNullPrototype: true }),
  ),
})).v;
const facts = fc.dictionary(fc.constantFrom(...FACTS), value, { maxKeys: 4, noNullPrototype: true });

const path = fc.constantFrom(...PATHS);
const params = fc.option(fc.constantFrom({ unit: 'ms' }, { year: 2026, strict: true }), { nil: undefined });
const factRef = fc
  .record({ fact: fc.constantFrom(...FACTS), path, params })
  .map(({ fact, path: p, params: q }) => ({ fact, ...(p === undefined ? {} : { path: p }), ...(q === undefined ? {} : { params: q }) }));
const leaf: fc.Arbitrary<RuleCondition> = fc
  .record({
    fact: fc.constantFrom(...FACTS),
    operator: fc.constantFrom(...OPERATORS),
    path,
    literal: primitive,
    list: fc.array(primitive, { maxLength: 4 }),
    ref: factRef,
    useRef: fc.boolean(),
    params,
    priority: fc.option(fc.integer({ min: 1, max: 3 }), { nil: undefined }),
  })
  .map(({ fact, operator, path: p, literal, list, ref, useRef, params: q, priority }) => {
    const v = operator === 'in' || operator === 'notIn' ? list : useRef ? ref : literal;
    return {
      fact,
      operator,
      value: v,
      ...(p === undefined ? {} : { path: p }),
      ...(q === undefined ? {} : { params: q }),
      ...(priority === undefined ? {} : { priority }),
    };
  });
const condition: fc.Arbitrary<RuleCondition> = fc.letrec<{ c: RuleCondition }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    leaf,
    fc.array(tie('c'), { maxLength: 3 }).map((all) => ({ all })),
    fc.array(tie('c'), { maxLength: 3 }).map((any) => ({ any })),
    tie('c').map((not) => ({ not })),
  ),
})).c;
const root = fc.oneof(
  fc.array(condition, { maxLength: 3 }).map((all) => ({ all })),
  fc.array(condition, { maxLength: 3 }).map((any) => ({ any })),
  condition.map((not) => ({ not })),
);
const rules = fc
  .array(fc.record({ conditions: root, priority: fc.integer({ min: 1, max: 3 }) }), { minLength: 1, maxLength: 4 })
  .map((rs) => rs.map((r, i): RuleJson => ({ name: `r${i}`, priority: r.priority, conditions: r.conditions, event: { type: `e${i}`, params: { i } } })));

async function referenceEvents(ruleSet: readonly RuleJson[], f: Record<string, unknown>): Promise<string[]> {
  const engine = new Engine([], { allowUndefinedFacts: true });
  for (const r of ruleSet) engine.addRule(structuredClone(r) as never);
  const { events } = await engine.run(f);
  return events.map((e) => e.type).sort();
}

function codeOf(fn: () => unknown): { code: string; message: string } {
  try {
    fn();
    return { code: 'none', message: '' };
  } catch (error) {
    return isExamcycleError(error) ? { code: error.code, message: error.message } : { code: 'not an ExamcycleError', message: String(error) };
  }
}

const rule = (conditions: unknown, extra: Record<string, unknown> = {}) => [{ name: 'r', conditions, event: { type: 'hit' }, ...extra }] as unknown as RuleJson[];

describe('compileRules', () => {
  it('agrees with json-rules-engine on the events fired, for random facts, operators, nesting, fact references and paths', async () => {
    await fc.assert(
      fc.asyncProperty(rules, facts, async (ruleSet, f) => {
        const compiled = compileRules(ruleSet).run(f).map((e) => e.event.type).sort();
        expect(compiled).toEqual(await referenceEvents(ruleSet, f));
      }),
      { numRuns: 300 },
    );
  });

  it('agrees with json-rules-engine when rules open with the same guard and rely on what an earlier rule read (the generated code reads each once)', async () => {
    // Rules in a row that open with one `equal` on a.x are tested under that guard once; a read the code has
    // certainly made is used bare after it. A read wrongly taken as made would compare the unread marker.
    const guard = fc.constantFrom<unknown>(1, 'a', true).map((v): RuleCondition => ({ fact: 'a', path: '$.x', operator: 'equal', value: v }));
    const guardedRules = fc
      .array(fc.record({ guard, rest: fc.array(condition, { maxLength: 3 }), priority: fc.integer({ min: 1, max: 2 }) }), { minLength: 2, maxLength: 6 })
      .map((rs) => rs.map((r, i): RuleJson => ({ name: `r${i}`, priority: r.priority, conditions: { all: [r.guard, ...r.rest] }, event: { type: `e${i}` } })));
    const guardedFacts = fc.tuple(facts, fc.constantFrom<unknown>(1, 'a', true, 2)).map(([f, x]) => ({ ...f, a: { ...(typeof f['a'] === 'object' && f['a'] !== null && !Array.isArray(f['a']) ? f['a'] : {}), x } }));
    await fc.assert(
      fc.asyncProperty(guardedRules, guardedFacts, async (ruleSet, f) => {
        const compiled = compileRules(ruleSet).run(f).map((e) => e.event.type).sort();
        expect(compiled).toEqual(await referenceEvents(ruleSet, f));
      }),
      { seed: 20261203, numRuns: 400 },
    );
  });

  it('agrees with json-rules-engine on every supported operator against every value in the pool', async () => {
    const pool: unknown[] = [0, 1, 1.5, '1', '2.5x', 'a', '', true, null, undefined, [1, 'a'], { x: 1 }];
    for (const operator of OPERATORS) {
      for (const left of pool) {
        for (const right of [1, '1', 'a', null, true]) {
          const v = operator === 'in' || operator === 'notIn' ? [right, 2] : right;
          const ruleSet = rule({ all: [{ fact: 'a', operator, value: v }] });
          expect(compileRules(ruleSet).run({ a: left }).length, `${JSON.stringify(left)} ${operator} ${JSON.stringify(v)}`).toBe(
            (await referenceEvents(ruleSet, { a: left })).length,
          );
        }
      }
    }
  });

  it('keeps json-rules-engine quirks: an empty any holds, and a path into a non-object gives the fact itself', () => {
    expect(compileRules(rule({ any: [] })).run({})).toHaveLength(1);
    expect(compileRules(rule({ all: [{ fact: 'a', path: '$.x', operator: 'equal', value: 5 }] })).run({ a: 5 })).toHaveLength(1);
    expect(compileRules(rule({ all: [{ fact: 'a', path: '$.x[1]', operator: 'equal', value: 'b' }] })).run({ a: { x: 'ab' } })).toHaveLength(1);
  });

  it('reports events by priority, highest first, with the conditions that held in words', () => {
    const compiled = compileRules([
      { name: 'low', conditions: { all: [] }, event: { type: 'low' } },
      {
        name: 'high',
        priority: 5,
        conditions: { all: [{ fact: 'entry', path: '$.n', operator: 'greaterThan', value: { fact: 'limit' }, name: 'over the limit' }, { not: { fact: 'entry', path: '$.ok', operator: 'equal', value: true } }] },
        event: { type: 'high', params: { severity: 'error' } },
      },
    ]);
    const fired = compiled.run({ entry: { n: 31, ok: false }, limit: 30 });
    expect(fired.map((f) => f.rule)).toEqual(['high', 'low']);
    expect(fired[0]?.explanation).toEqual(['over the limit: entry.n (31) is greater than limit (30)', 'it is not the case that entry.ok equals true']);
    expect(fired[0]?.event).toEqual({ type: 'high', params: { severity: 'error' } });
  });

  it('refuses, at compile time, every construct it does not support, saying where', () => {
    const cases: [string, unknown, Record<string, unknown>?][] = [
      ['custom operator', { all: [{ fact: 'a', operator: 'startsWith', value: 'x' }] }],
      ['decorated operator', { all: [{ fact: 'a', operator: 'everyFact:equal', value: 1 }] }],
      ['condition reference', { all: [{ condition: 'shared' }] }],
      ['root condition reference', { condition: 'shared' }],
      ['path outside the subset', { all: [{ fact: 'a', path: '$..x', operator: 'equal', value: 1 }] }],
      ['filter path', { all: [{ fact: 'a', path: '$.x[?(@.y)]', operator: 'equal', value: 1 }] }],
      ['in against a fact', { all: [{ fact: 'a', operator: 'in', value: { fact: 'b' } }] }],
      ['in against a non-array', { all: [{ fact: 'a', operator: 'in', value: 'abc' }] }],
      ['not with an array', { not: [{ fact: 'a', operator: 'equal', value: 1 }] }],
      ['all with an object', { all: { fact: 'a', operator: 'equal', value: 1 } }],
      ['two boolean operators', { all: [], any: [] }],
      ['unknown condition key', { all: [{ fact: 'a', operator: 'equal', value: 1, factResult: 1 }] }],
      ['onSuccess', { all: [] }, { onSuccess: 'x' }],
      ['zero priority', { all: [] }, { priority: 0 }],
    ];
    for (const [what, conditions, extra] of cases) {
      const { code, message } = codeOf(() => compileRules(rule(conditions, extra)));
      expect(code, what).toBe('rule_unsupported');
      expect(message, what).toMatch(/^Rule "r" at rules\[0\]/);
    }
    try {
      compileRules(rule({ all: [{ fact: 'a', operator: 'startsWith', value: 'x' }] }));
    } catch (error) {
      expect(isExamcycleError(error) && error.toJSON()).toMatchInlineSnapshot(`
        {
          "code": "rule_unsupported",
          "details": {
            "path": "rules[0].conditions.all[0].operator",
          },
          "message": "Rule "r" at rules[0].conditions.all[0].operator: operator "startsWith" is not supported (supported: equal, notEqual, lessThan, lessThanInclusive, greaterThan, greaterThanInclusive, in, notIn, contains, doesNotContain)",
          "name": "ExamcycleError",
          "rule": "r",
        }
      `);
    }
  });

  it('refuses dynamic and async facts when it meets them, rather than evaluating them differently', () => {
    const compiled = compileRules(rule({ all: [{ fact: 'a', path: '$.x', operator: 'equal', value: 1 }] }));
    expect(codeOf(() => compiled.run({ a: () => ({ x: 1 }) })).code).toBe('rule_unsupported');
    expect(codeOf(() => compiled.run({ a: Promise.resolve({ x: 1 }) })).code).toBe('rule_unsupported');
    expect(codeOf(() => compiled.run({ a: { x: Promise.resolve(1) } })).code).toBe('rule_unsupported');
  });
});
