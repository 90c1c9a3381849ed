import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import { byAwardCodeThenKind, sortForStatement, statementOrder } from '../../src/results/statementOrder.js';

/** Codes that collate in awkward ways: case, digits, accents, punctuation, and strings the collation treats as equal. */
const codes = ['8300H', '8300F', '8300h', '7402', '7402/1', '74021', 'A', 'a', 'B', 'é', 'e', 'É', 'Z9', 'z10', '', ' ', '8300\u0000H', '8300H\u200b'];
const kinds = ['qualification', 'component', 'Component', ''];
const lineArb = fc.record({ awardCode: fc.constantFrom(...codes), kind: fc.constantFrom(...kinds), n: fc.nat() });

describe('statementOrder (a statement sorted by ranks instead of the collator)', () => {
  fcTest.prop([fc.array(lineArb, { maxLength: 40 }), fc.array(lineArb, { maxLength: 10 })], { numRuns: 1000, seed: 20260820 })(
    'orders a statement exactly as the collator does, pair by pair, ties kept in their order, and falls back for codes it has not ranked',
    (series, extra) => {
      const order = statementOrder(series);
      const own = [...series.slice(0, 14), ...extra];
      expect(sortForStatement(own, order)).toEqual(own.slice().sort(byAwardCodeThenKind));
      expect(sortForStatement(own)).toEqual(own.slice().sort(byAwardCodeThenKind));
    },
  );

  it('gives equal-collating codes one rank', () => {
    const order = statementOrder([{ awardCode: '8300H', kind: 'qualification' }, { awardCode: '8300H\u200b', kind: 'qualification' }, { awardCode: '7402', kind: 'component' }]);
    expect(order.code.get('8300H')).toBe(order.code.get('8300H\u200b'));
    expect(order.code.get('7402')).toBeLessThan(order.code.get('8300H')!);
  });
});
