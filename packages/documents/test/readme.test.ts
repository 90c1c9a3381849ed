/**
 * The README names every export of the package and shows the seating-plan pictures it points to; this
 * test fails when they drift.
 */
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import * as documents from '@examcycle/documents';

describe('README', () => {
  const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

  it.each(Object.keys(documents))('documents the export %s', (name) => {
    expect(readme).toContain(`\`${name}`);
  });

  it('shows pictures that are in the package', () => {
    const pictures = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)].map((m) => m[1]!);
    expect(pictures.length).toBeGreaterThanOrEqual(1);
    for (const p of pictures) expect(existsSync(new URL(`../${p}`, import.meta.url)), p).toBe(true);
  });
});
