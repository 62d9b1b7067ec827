import { readFileSync } from 'node:fs';
import { defineConfig, runnerImport, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import type { runAnalysis } from './src/worker/runAnalysis';

/**
 * Content-Security-Policy for the production build only (the dev server needs inline scripts for React
 * Fast Refresh). `connect-src 'self'` makes the browser itself refuse any request to another host:
 * nothing the user pastes ever leaves the page. Monaco injects <style> elements, hence 'unsafe-inline'
 * for styles only.
 */
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "worker-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'none'",
].join('; ');

function contentSecurityPolicy(): Plugin {
  return {
    name: 'route-studio:csp',
    apply: 'build',
    transformIndexHtml() {
      return [
        { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: CSP }, injectTo: 'head-prepend' },
      ];
    },
  };
}

/**
 * `virtual:demo-analysis`: the worker's result for the built-in demo, computed when the app is built. The demo is
 * known then, so its first graph is drawn at once, without waiting for the worker and a layout.
 */
export function demoAnalysis(): Plugin {
  const id = 'virtual:demo-analysis';
  return {
    name: 'route-studio:demo-analysis',
    resolveId: (source) => (source === id ? `\0${id}` : null),
    async load(resolved) {
      if (resolved !== `\0${id}`) return null;
      const demo = new URL('./src/demo/kuma-demo.yaml', import.meta.url);
      this.addWatchFile(demo.pathname);
      const files = [{ name: 'kuma-demo.yaml', text: readFileSync(demo, 'utf8') }];
      // Imported through Vite's module runner, not by this file: the config itself stays plain enough for Node to
      // load it natively, and a build prints no warning about the app's extensionless imports.
      const worker = new URL('./src/worker/runAnalysis.ts', import.meta.url).pathname;
      const { module } = await runnerImport<{ runAnalysis: typeof runAnalysis }>(worker, { configFile: false });
      const result = module.runAnalysis({ id: 0, files, showDefaults: false, focusSource: null });
      return `export const demoText = ${JSON.stringify(files[0]?.text)};\nexport const demoResult = ${JSON.stringify(result)};\n`;
    },
  };
}

export default defineConfig({
  // Relative URLs: the built folder works from any path of any static server (/, /tools/route-studio/...).
  base: './',
  plugins: [react(), contentSecurityPolicy(), demoAnalysis()],
  // Monaco and monaco-yaml are bundled and served from our own origin (no CDN). Workers are ES modules.
  worker: { format: 'es' },
  optimizeDeps: { include: ['monaco-yaml/yaml.worker.js'] },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  build: {
    // The browsers the app supports all preload modules themselves; the polyfill only cost the first load time.
    modulePreload: { polyfill: false },
    // The lazily loaded Monaco chunk is several MB by nature; warn only well above that.
    chunkSizeWarningLimit: 6000,
  },
});
