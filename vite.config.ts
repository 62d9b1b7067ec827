import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createServer, defineConfig, runnerImport, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import type { prerenderDemoPage } from './src/prerender/renderDemoPage';
import type { runAnalysis } from './src/worker/runAnalysis';

/**
 * Content-Security-Policy for the production build only (the dev server needs inline scripts for React
 * Fast Refresh). `connect-src 'self'` makes the browser itself refuse any request to another host:
 * nothing the user pastes ever leaves the page. Monaco injects <style> elements, hence 'unsafe-inline'
 * for styles only.
 */
function contentSecurityPolicy(scriptHashes: readonly string[]): string {
  return [
    "default-src 'self'",
    ["script-src 'self'", ...scriptHashes.map((h) => `'${h}'`)].join(' '),
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "worker-src 'self' blob:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'none'",
  ].join('; ');
}

/** The shell index.html holds for the dev server, in `<div id="root">`. */
const ROOT_SHELL = /<div id="root">(.*)<\/div>\n/;

/**
 * The built page (production build only).
 * - The demo's page, prerendered (`src/prerender`), in place of the shell: a first visit sees the demo's graph as
 *   soon as the HTML and the stylesheet arrive. The shell is kept aside for a page that opens other work.
 * - The head's script that picks one of the two before the body is parsed, and sets the theme.
 * - The Content-Security-Policy, which allows that script by its hash and no other inline script.
 */
function builtPage(): Plugin {
  return {
    name: 'route-studio:built-page',
    apply: 'build',
    transformIndexHtml: {
      order: 'pre',
      async handler(html) {
        const shell = ROOT_SHELL.exec(html);
        if (!shell) throw new Error('index.html: no <div id="root"> shell on one line');
        const page = await prerenderedDemoPage();
        const hash = `sha256-${createHash('sha256').update(page.bootScript).digest('base64')}`;
        return {
          html: html.replace(ROOT_SHELL, () => `<div id="boot-shell">${shell[1]}</div>\n    <div id="root" data-prerendered="demo">${page.html}</div>\n`),
          tags: [
            { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: contentSecurityPolicy([hash]) }, injectTo: 'head-prepend' },
            { tag: 'script', children: page.bootScript, injectTo: 'head' },
          ],
        };
      },
    },
  };
}

/** Renders the demo's page with the app's own code, through a Vite server in SSR mode (it handles the CSS imports). */
async function prerenderedDemoPage(): Promise<ReturnType<typeof prerenderDemoPage>> {
  const server = await createServer({
    configFile: false,
    root: fileURLToPath(new URL('.', import.meta.url)),
    plugins: [react(), demoAnalysis()],
    server: { middlewareMode: true, hmr: false, ws: false },
    appType: 'custom',
    logLevel: 'error',
  });
  try {
    const module = (await server.ssrLoadModule('/src/prerender/renderDemoPage.tsx')) as { prerenderDemoPage: typeof prerenderDemoPage };
    return module.prerenderDemoPage();
  } finally {
    await server.close();
  }
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
  plugins: [react(), builtPage(), demoAnalysis()],
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
