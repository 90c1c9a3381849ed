/**
 * The README's column tables are generated from the column sets; this test fails when they drift.
 */
import { readFileSync } from 'node:fs';
import { RECORD_KINDS } from '@examcycle/core';
import { describe, expect, it } from 'vitest';
import { aliasTable, columnTable } from './columnTable.js';

describe('README', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
  it.each(RECORD_KINDS)('lists the %s columns exactly as the code reads them', (kind) => {
    expect(readme).toContain(columnTable(kind));
  });

  it('documents every alias an enumeration column reads (entries Status `pending` among them)', () => {
    expect(readme).toContain(aliasTable());
  });
});
