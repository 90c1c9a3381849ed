import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@examcycle/source'] },
  ssr: { resolve: { conditions: ['@examcycle/source'] } },
  test: {
    include: ['test/**/*.test.ts'],
    // fast-check properties without a seed of their own run from a fixed one (FC_SEED=random to explore).
    setupFiles: ['../scripts/vitest/seededProperties.ts'],
    testTimeout: 60_000,
    // The JSON report feeds scripts/test-summary.mjs, CI's one closing line.
    reporters: ['default', ['json', { outputFile: '.vitest-report.json' }]],
  },
});
