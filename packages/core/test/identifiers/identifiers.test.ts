import { fc, test as fcTest } from '@fast-check/vitest';
import { describe, expect, it } from 'vitest';
import {
  isTemporaryUpn,
  isValidCandidateNumber,
  isValidCentreNumber,
  isValidUci,
  isValidUln,
  isValidUpn,
  uciCheckCharacter,
  upnCheckCharacter,
} from '@examcycle/core';

describe('isValidUci (JCQ UCI: weights 16..5, mod 17, letters ABCDEFGHKLMRTVWXY)', () => {
  it.each([
    ['681990012058G', 'WJEC published example'],
    ['689990980001D', 'WJEC worked sum 734, remainder 3'],
    ['999990140001B', 'AQA layout example with its real check letter'],
    ['123450240001G', 'computed'],
    ['123450249999W', 'computed'],
    ['999990250123X', 'computed'],
    ['12345B240001R', 'Pearson international letter in position 6'],
    ['12345A240001A', 'OCR letter in position 6'],
    ['12345C240001F', 'AQA letter in position 6'],
  ])('accepts %s (%s)', (uci) => {
    expect(isValidUci(uci)).toBe(true);
  });

  it.each([
    ['999990140001X', "AQA's placeholder check letter"],
    ['681990012058H', 'wrong check letter'],
    ['681990012058g', 'lower-case check letter'],
    ['68199001205G', 'twelve characters'],
    ['681990012058GG', 'fourteen characters'],
    ['12345Z240001A', 'position-6 letter beyond P, whose value public implementations disagree on'],
    ['', 'empty'],
  ])('rejects %s (%s)', (uci) => {
    expect(isValidUci(uci)).toBe(false);
  });

  fcTest.prop([fc.stringMatching(/^\d{5}[0A-P]\d{6}$/)])('every body has exactly one valid check letter', (body) => {
    const letters = 'ABCDEFGHKLMRTVWXY'.split('').filter((l) => isValidUci(body + l));
    expect(letters).toEqual([uciCheckCharacter(body)]);
  });

  fcTest.prop([fc.stringMatching(/^\d{5}0\d{6}$/), fc.integer({ min: 0, max: 11 }), fc.integer({ min: 1, max: 9 })])(
    'a single changed digit is always caught',
    (body, position, delta) => {
      const uci = body + uciCheckCharacter(body)!;
      const digit = (Number(uci[position]) + delta) % 10;
      if (position === 5) return; // position 6 is a letter slot
      const changed = uci.slice(0, position) + String(digit) + uci.slice(position + 1);
      expect(isValidUci(changed)).toBe(false);
    },
  );
});

describe('isValidUln (HESA ULN: weights 10..1, sum mod 11 = 10, no leading zero)', () => {
  it.each(['9276308686', '1234567899', '1000000000', '9999999998', '5000000004'])('accepts %s', (uln) => {
    expect(isValidUln(uln)).toBe(true);
  });
  it.each([
    ['9276308685', 'wrong check digit'],
    ['0000000042', 'leading zero, though the checksum passes'],
    ['927630868', 'nine digits'],
    ['92763086860', 'eleven digits'],
    ['927630868A', 'a letter'],
  ])('rejects %s (%s)', (uln) => {
    expect(isValidUln(uln)).toBe(false);
  });
  fcTest.prop([fc.stringMatching(/^[1-9]\d{9}$/)])('agrees with the weighted-sum definition', (uln) => {
    const sum = uln.split('').reduce((s, d, i) => s + Number(d) * (10 - i), 0);
    expect(isValidUln(uln)).toBe(sum % 11 === 10);
  });
});

describe('isValidUpn (DfE UPN: weights 2..13, mod 23, no I/O/S)', () => {
  it.each([
    ['R201100018042', 'DfE MTC vector'],
    ['T20110001804V', 'DfE MTC temporary UPN vector'],
    ['B801200005001', 'python-stdnum vector'],
    ['P207000016049', 'the correct form of a vendor-published example'],
  ])('accepts %s (%s)', (upn) => {
    expect(isValidUpn(upn)).toBe(true);
  });
  it.each([
    ['Q207000016049', 'vendor-published "corrected" UPN whose arithmetic is wrong'],
    ['A801200005001', 'wrong check letter'],
    ['E000200005001', 'local authority 000'],
    ['R20110001804', 'twelve characters'],
    ['R20110001804I', 'temporary letter I is never used'],
  ])('rejects %s (%s)', (upn) => {
    expect(isValidUpn(upn)).toBe(false);
  });
  it('knows a temporary UPN by its final letter', () => {
    expect(isTemporaryUpn('T20110001804V')).toBe(true);
    expect(isTemporaryUpn('R201100018042')).toBe(false);
  });
  fcTest.prop([fc.stringMatching(/^\d{11}[0-9ABCDEFGHJKLMNPQRTUVWXYZ]$/)])('every body has exactly one check letter', (body) => {
    fc.pre(body.slice(0, 3) !== '000');
    const valid = 'ABCDEFGHJKLMNPQRTUVWXYZIOS'.split('').filter((l) => isValidUpn(l + body));
    expect(valid).toEqual([upnCheckCharacter(body)]);
  });
});

describe('candidate and centre numbers', () => {
  it('a candidate number is four digits, 0001 to 9999', () => {
    expect(isValidCandidateNumber('0001')).toBe(true);
    expect(isValidCandidateNumber('9999')).toBe(true);
    expect(isValidCandidateNumber('0000')).toBe(false);
    expect(isValidCandidateNumber('123')).toBe(false);
    expect(isValidCandidateNumber('12345')).toBe(false);
  });
  it('a centre number is five digits', () => {
    expect(isValidCentreNumber('68199')).toBe(true);
    expect(isValidCentreNumber('6819')).toBe(false);
    expect(isValidCentreNumber('6819A')).toBe(false);
  });
});
