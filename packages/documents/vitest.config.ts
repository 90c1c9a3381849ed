import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@examcycle/source'] },
  ssr: { resolve: { conditions: ['@examcycle/source'] } },
  test: {
    include: ['test/**/*.test.ts'],
    // fast-check properties without a seed of their own run from a fixed one (FC_SEED=random to explore).
    setupFiles: ['../../scripts/vitest/seededProperties.ts'],
    // Property tests run hundreds of cases; CI runs every package at once on two cores.
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Type tests (`*.test-d.ts`) run through tsc; errors elsewhere in the source are the typecheck task's job.
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], ignoreSourceErrors: true },
    // The JSON report feeds scripts/test-summary.mjs, CI's one closing line.
    reporters: ['default', ['json', { outputFile: '.vitest-report.json' }]],
  },
});
