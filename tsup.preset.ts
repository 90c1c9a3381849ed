/**
 * The one tsup preset every examcycle package builds with: ESM + CJS + type declarations,
 * tree-shakeable, with `@examcycle/*` siblings left external (they are peer dependencies).
 */
import { defineConfig, type Options } from 'tsup';

/** Builds `src/index.ts` (plus any extra entries) to `dist/` as ESM, CJS and `.d.ts`/`.d.cts`. */
export function preset(extra: Partial<Options> = {}) {
  return defineConfig({
    entry: ['src/index.ts'],
    format: ['esm', 'cjs'],
    dts: true,
    sourcemap: true,
    clean: true,
    treeshake: true,
    target: 'node20',
    splitting: false,
    external: [/^@examcycle\//],
    ...extra,
  });
}
