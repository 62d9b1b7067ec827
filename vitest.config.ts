import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    // CI runs on a 2-core machine beside other work: no test asserts a duration, and a limit only catches a hang.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    include: ['src/**/*.test.ts', 'fixtures/**/*.test.ts', 'corpus/**/*.test.ts', 'bench/**/*.test.ts', 'conformance/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
  },
});
