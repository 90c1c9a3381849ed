import { defineConfig } from 'vitest/config';

export default defineConfig({
  resolve: { conditions: ['@examcycle/source'] },
  ssr: { resolve: { conditions: ['@examcycle/source'] } },
  test: { include: ['test/**/*.test.ts'], typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], ignoreSourceErrors: true } },
});
