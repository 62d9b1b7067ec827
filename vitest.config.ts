import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    environment: 'node',
    include: ['src/**/*.test.ts', 'fixtures/**/*.test.ts', 'corpus/**/*.test.ts', 'bench/**/*.test.ts', 'conformance/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
  },
});
