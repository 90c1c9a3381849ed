import { describe, expect, it } from 'vitest';
import { ExamcycleError, isExamcycleError } from '@examcycle/core';

describe('ExamcycleError', () => {
  it('carries a code, where it happened and a normalised cause', () => {
    const e = new ExamcycleError('missing_column', 'Column "UCI" is required', { location: { file: 'candidates.csv', line: 1, field: 'UCI' }, cause: 'parser said no' });
    expect(e).toBeInstanceOf(Error);
    expect(e.cause).toBeInstanceOf(Error);
    expect(e.toJSON()).toMatchInlineSnapshot(`
      {
        "cause": {
          "message": "parser said no",
          "name": "Error",
        },
        "code": "missing_column",
        "location": {
          "field": "UCI",
          "file": "candidates.csv",
          "line": 1,
        },
        "message": "Column "UCI" is required",
        "name": "ExamcycleError",
      }
    `);
  });

  it('is recognised by its brand even when thrown by another copy of the library', () => {
    const foreign = Object.assign(new Error('x'), { code: 'unreachable' });
    Object.defineProperty(foreign, Symbol.for('examcycle.error'), { value: true });
    expect(isExamcycleError(foreign)).toBe(true);
    expect(isExamcycleError(new Error('plain'))).toBe(false);
    expect(isExamcycleError({ code: 'unreachable' })).toBe(false);
    expect(isExamcycleError(null)).toBe(false);
  });

  it('says whether a retry can help', () => {
    expect(new ExamcycleError('rate_limited', 'slow down', { retryable: true }).retryable).toBe(true);
    expect(new ExamcycleError('not_authorised', 'no').retryable).toBe(false);
  });
});
