import { compileRules, jcqCheckRules, type RuleJson } from '@examcycle/rules-jcq';
import fc from 'fast-check';
import { Engine } from 'json-rules-engine';
import { afterEach, describe, expect, it, vi } from 'vitest';

const rule = (conditions: unknown) => [{ name: 'r', conditions, event: { type: 'hit' } }] as unknown as RuleJson[];

async function reference(rules: readonly RuleJson[], facts: Record<string, unknown>): Promise<string[]> {
  const engine = new Engine(structuredClone(rules) as never, { allowUndefinedFacts: true });
  return (await engine.run(facts)).events.map((e) => e.type).sort();
}

/** Compiles with code generation forbidden, as under a Content-Security-Policy without `unsafe-eval`. */
function compileWithoutCodeGeneration(rules: readonly RuleJson[]) {
  vi.stubGlobal('Function', function forbidden() {
    throw new EvalError('Code generation from strings disallowed for this context');
  });
  try {
    return compileRules(rules);
  } finally {
    vi.unstubAllGlobals();
  }
}

class Entry {
  readonly own = 1;
  get status(): string {
    return 'submitted';
  }
}

describe('compileRules (the generated evaluator)', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('reads only own properties, as json-rules-engine does: inherited values and Object.prototype names read as undefined', async () => {
    const cases: [unknown, Record<string, unknown>][] = [
      [{ all: [{ fact: 'a', path: '$.x', operator: 'equal', value: 1 }] }, { a: Object.create({ x: 1 }) }],
      [{ all: [{ fact: 'a', path: '$.status', operator: 'equal', value: 'submitted' }] }, { a: new Entry() }],
      [{ all: [{ fact: 'a', path: '$.own', operator: 'equal', value: 1 }] }, { a: new Entry() }],
      [{ all: [{ fact: 'a', path: '$.constructor', operator: 'notEqual', value: { fact: 'missing' } }] }, { a: {} }],
      [{ all: [{ fact: 'a', path: '$.toString', operator: 'notEqual', value: { fact: 'missing' } }] }, { a: {} }],
      [{ all: [{ fact: 'a', path: '$.__proto__', operator: 'notEqual', value: { fact: 'missing' } }] }, { a: {} }],
      [{ all: [{ fact: 'toString', operator: 'equal', value: 1 }] }, { toString: 1 }],
      [{ all: [{ fact: 'constructor', operator: 'notEqual', value: { fact: 'missing' } }] }, {}],
      [{ all: [{ fact: 'hasOwnProperty', operator: 'notEqual', value: { fact: 'missing' } }] }, { a: 1 }],
      [{ all: [{ fact: 'a', path: '$.x.y', operator: 'equal', value: 2 }] }, { a: Object.assign(Object.create(null) as object, { x: { y: 2 } }) }],
      [{ all: [{ fact: 'a', path: '$.x.y', operator: 'equal', value: 2 }] }, { a: { x: Object.create({ y: 2 }) } }],
      [{ all: [{ fact: 'a', path: '$[1]', operator: 'equal', value: 'b' }] }, { a: ['a', 'b'] }],
      [{ all: [{ fact: 'a', path: '$.x[0]', operator: 'equal', value: 'a' }] }, { a: { x: 'ab' } }],
    ];
    for (const [conditions, facts] of cases) {
      const expected = await reference(rule(conditions), facts);
      expect(compileRules(rule(conditions)).run(facts).map((f) => f.event.type), JSON.stringify(conditions)).toEqual(expected);
      expect(compileWithoutCodeGeneration(rule(conditions)).run(facts).map((f) => f.event.type), JSON.stringify(conditions)).toEqual(expected);
    }
  });

  it('reads a fact the facts object only inherits as undefined, on both evaluators (the closures always did)', () => {
    const rules = rule({ all: [{ fact: 'a', operator: 'equal', value: 1 }] });
    const facts = Object.create({ a: 1 }) as Record<string, unknown>;
    expect(compileRules(rules).run(facts)).toHaveLength(0);
    expect(compileWithoutCodeGeneration(rules).run(facts)).toHaveLength(0);
  });

  it('fires the same rules with the same explanations whether it generates code or, where the host forbids that, runs closures', () => {
    const generated = compileRules(jcqCheckRules);
    const closures = compileWithoutCodeGeneration(jcqCheckRules);
    const ms = fc.option(fc.integer({ min: 1_770_000_000_000, max: 1_780_000_000_000 }), { nil: undefined });
    const facts = fc.record({
      subject: fc.record({ kind: fc.constantFrom('entry', 'room_session', 'access_arrangement', 'results_read', 'certificate', 'arrival', 'other'), id: fc.constant('x') }),
      entry: fc.record({ status: fc.constantFrom('submitted', 'withdrawn', 'draft'), identityVerified: fc.boolean(), submittedAtMs: ms, withdrawnAtMs: ms }),
      deadlines: fc.record({ entryDeadlineMs: ms, veryLateDeadlineMs: ms }),
      candidate: fc.record({ hasUci: fc.boolean(), uciValid: fc.boolean() }),
      invigilation: fc.record({ present: fc.nat(5), required: fc.nat(5) }),
      session: fc.record({ seatSpacingMetres: fc.option(fc.double({ min: 0, max: 3, noNaN: true }), { nil: undefined }) }),
      rules: fc.constant({ seatSpacingMetres: 1.25 }),
      arrangement: fc.record({ approval: fc.constantFrom('aao_approved', 'none', 'pending'), neededAtMs: ms, approvalExpiresMs: ms }),
      read: fc.record({ atMs: ms }),
      release: fc.record({ allowedFromMs: ms }),
      certificate: fc.record({ destroyed: fc.boolean(), destroyedAtMs: ms, mayDestroyFromMs: ms, destructionRecorded: fc.boolean() }),
      arrival: fc.record({ arrivedAtMs: ms, veryLateAfterMs: ms, reported: fc.boolean() }),
    });
    fc.assert(
      fc.property(facts, (f) => {
        const plain = (fired: ReturnType<typeof generated.run>) => fired.map((x) => ({ rule: x.rule, explanation: [...x.explanation] }));
        expect(plain(generated.run(f))).toEqual(plain(closures.run(f)));
      }),
      { seed: 20261203, numRuns: 500 },
    );
  });
});
