/** Builds the bare yardstick page of `npm run bench:app` into dist-bench/bare. */
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  root: fileURLToPath(new URL('./bare', import.meta.url)),
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: { outDir: fileURLToPath(new URL('../../dist-bench/bare', import.meta.url)), emptyOutDir: true },
});
