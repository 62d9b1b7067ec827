import { defineConfig } from 'vitest/config';
import { demoAnalysis } from './vite.config.ts';

export default defineConfig({
  // Modules that import the store see the build-time demo analysis, as in the app.
  plugins: [demoAnalysis()],
  test: {
    environment: 'node',
    // CI runs on a 2-core machine beside other work: no test asserts a duration, and a limit only catches a hang.
    testTimeout: 120_000,
    hookTimeout: 120_000,
    include: ['src/**/*.test.ts', 'fixtures/**/*.test.ts', 'corpus/**/*.test.ts', 'bench/**/*.test.ts', 'conformance/**/*.test.ts'],
    exclude: ['e2e/**', 'node_modules/**', 'dist/**'],
  },
});
