import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';

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

export default defineConfig({
  // Relative URLs: the built folder works from any path of any static server (/, /tools/route-studio/...).
  base: './',
  plugins: [react(), contentSecurityPolicy()],
  // Monaco and monaco-yaml are bundled and served from our own origin (no CDN). Workers are ES modules.
  worker: { format: 'es' },
  optimizeDeps: { include: ['monaco-yaml/yaml.worker.js'] },
  server: { host: '127.0.0.1', port: 5173 },
  preview: { host: '127.0.0.1', port: 4173, strictPort: true },
  build: {
    // The lazily loaded Monaco chunk is several MB by nature; warn only well above that.
    chunkSizeWarningLimit: 6000,
  },
});
