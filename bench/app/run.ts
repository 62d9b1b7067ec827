/**
 * `npm run bench:app [-- --no-build] [--runs R] [--json] [--paste-at-once]`: the app in Chromium, against its goals.
 *
 * 1. First load: the demo's first graph node and first contentful paint, each against a bare Vite + React + React
 *    Flow page with three nodes, loaded alternately in fresh browser contexts in the same run (medians of R). The
 *    demo's page is prerendered at build time, so its first node comes with the first paint: the time the app's code
 *    has taken that page over (hydrated) is printed too.
 * 2. Typing: once the app has started (1 s without a long task; `--paste-at-once`: as soon as the editor is there),
 *    pastes the synthetic mesh of N = 1,000 (about 100,000 lines) into the editor, focuses one source,
 *    then types 20 keystrokes that change a weight. A keystroke's latency runs until the graph pane's
 *    `data-drawn-version` equals the editor's `data-text-version`. Long main-thread tasks are read from a
 *    PerformanceObserver, per phase: the paste itself (the task in which Monaco takes the text), after it until the
 *    result is drawn, picking a source until it is drawn, and typing; each phase's longest task and its total blocking
 *    time (what its long tasks took beyond 50 ms each).
 *    Then 10 keystrokes that add and remove a line there (Enter, Backspace), shown without a goal.
 * 3. A graph of about 500 nodes (one source of a mesh of a few hundred services): from picking the source to its
 *    graph laid out and drawn (React Flow draws the nodes in view).
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { cpus } from 'node:os';
import { extname, join, normalize } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type Browser, type Page } from '@playwright/test';
import { chromiumLaunchOptions } from '../../e2e/browser';
import { runAnalysis } from '../../src/worker/runAnalysis';
import { median } from '../stats';
import { syntheticMesh } from '../syntheticMesh';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TYPING_N = 1000;
const KEYSTROKES = 20;
const LINE_KEYSTROKES = 10;
const TARGET_NODES = 500;

interface Options {
  build: boolean;
  runs: number;
  json: boolean;
  /** Paste as soon as the editor is there, while the app still starts (what this bench did before it waited). */
  pasteAtOnce: boolean;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { build: true, runs: 15, json: false, pasteAtOnce: false };
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--no-build') options.build = false;
    else if (argv[i] === '--json') options.json = true;
    else if (argv[i] === '--paste-at-once') options.pasteAtOnce = true;
    else if (argv[i] === '--runs') options.runs = Number(argv[++i]);
    else throw new Error(`bench:app: unknown argument ${argv[i]} (usage: npm run bench:app -- [--no-build] [--runs R] [--json] [--paste-at-once])`);
  }
  return options;
}

const TYPES: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml', '.png': 'image/png', '.ttf': 'font/ttf', '.json': 'application/json' };

/** A static server for a built folder, on a free loopback port. */
function serve(dir: string): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)).replace(/^([/\\])+/, '');
    let file = join(dir, path || 'index.html');
    try {
      if (statSync(file).isDirectory()) file = join(file, 'index.html');
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' });
      response.end(readFileSync(file));
    } catch {
      response.writeHead(404).end();
    }
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    resolve({ server, url: `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}/` });
  }));
}

/**
 * In the page from its first script on: the time the first React Flow node is visible, the time the app's code has
 * taken the graph over (its effects have run: the pane carries `data-drawing`; the demo's page is prerendered, so
 * its first node is there before that), and every long task. A string, not a function: tsx would wrap a function
 * in helpers the page does not have.
 */
const INSTRUMENT = `
  window.__name = (fn) => fn; // what tsx wraps functions of page.evaluate in
  window.__firstNode = null;
  window.__live = null;
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const check = () => {
    const node = document.querySelector('.react-flow__node');
    if (window.__firstNode === null && node && node.getBoundingClientRect().width > 0 && getComputedStyle(node).visibility !== 'hidden') window.__firstNode = performance.now();
    if (window.__live === null && document.querySelector('[data-testid="graph"][data-drawing]')) window.__live = performance.now();
    if (window.__firstNode === null || (window.__live === null && document.querySelector('[data-testid="graph"]'))) requestAnimationFrame(check);
  };
  requestAnimationFrame(check);
`;

interface FirstLoad {
  firstNode: number;
  fcp: number;
  /** The app's: when its code has taken the prerendered page over (NaN for the bare page). */
  live: number;
}

async function firstLoad(browser: Browser, url: string, app: boolean): Promise<FirstLoad> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.addInitScript({ content: INSTRUMENT });
  await page.goto(url);
  type Marks = { __firstNode: number | null; __live: number | null };
  await page.waitForFunction((app) => (window as unknown as Marks).__firstNode !== null && (!app || (window as unknown as Marks).__live !== null), app, { timeout: 60_000 });
  const figures = await page.evaluate(() => ({
    firstNode: (window as unknown as { __firstNode: number }).__firstNode,
    fcp: performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? NaN,
    live: (window as unknown as { __live: number | null }).__live ?? NaN,
  }));
  await context.close();
  return figures;
}

/** Resolves, in the page, at the moment the graph has drawn the text the editor holds (newer than `after`). */
async function drawnAfter(page: Page, after: number): Promise<number> {
  return page.evaluate(
    (previous) =>
      new Promise<number>((resolve) => {
        const editor = document.querySelector<HTMLElement>('[data-testid=editor-pane]');
        const graph = document.querySelector<HTMLElement>('[data-testid=graph]');
        if (!editor || !graph) throw new Error('the editor pane or the graph pane is missing');
        const done = () => Number(editor.dataset.textVersion) > previous && graph.dataset.drawnVersion === editor.dataset.textVersion;
        if (done()) return resolve(performance.now());
        const observer = new MutationObserver(() => {
          if (!done()) return;
          observer.disconnect();
          resolve(performance.now());
        });
        observer.observe(graph, { attributes: true });
        observer.observe(editor, { attributes: true });
      }),
    after,
  );
}

const textVersion = (page: Page) => page.evaluate(() => Number(document.querySelector<HTMLElement>('[data-testid=editor-pane]')?.dataset.textVersion ?? 0));
const now = (page: Page) => page.evaluate(() => performance.now());
const longest = (tasks: { start: number; duration: number }[], from: number, to: number) =>
  tasks.filter((t) => t.start + t.duration > from && t.start < to).reduce((max, t) => Math.max(max, t.duration), 0);
/** Total blocking time: what the long tasks took beyond 50 ms each (less noisy than the longest alone). */
const blocking = (tasks: { start: number; duration: number }[], from: number, to: number) =>
  tasks.filter((t) => t.start + t.duration > from && t.start < to).reduce((sum, t) => sum + Math.max(0, t.duration - 50), 0);

const p95 = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(0.95 * sorted.length) - 1)] ?? NaN;
};

/**
 * `count` keystrokes at the cursor, at a fast typist's pace: `type` then Backspace, in turn (the text comes back to
 * where it was). Each one's latency runs from the key until the graph has drawn the text it made.
 */
async function keystrokes(page: Page, count: number, type: () => Promise<void>): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < count; i++) {
    const version = await textVersion(page);
    const start = await now(page);
    if (i % 2 === 0) await type();
    else await page.keyboard.press('Backspace');
    latencies.push((await drawnAfter(page, version)) - start);
    await page.waitForTimeout(120);
  }
  return latencies;
}

async function openApp(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
  const page = await context.newPage();
  await page.addInitScript({ content: INSTRUMENT });
  await page.goto(url);
  await page.waitForFunction(() => (window as unknown as { __routeStudioEditor?: unknown }).__routeStudioEditor !== undefined, undefined, { timeout: 60_000 });
  return page;
}

/**
 * Resolves once the page has run no long task for QUIET_MS (at most SETTLE_MAX_MS after the call): the app has
 * started, as it has when a person pastes into it (Lighthouse's "time to interactive" waits for such a quiet window).
 * Pasted while the app still starts, the paste's figures would also hold the start's own work.
 */
const QUIET_MS = 1000;
const SETTLE_MAX_MS = 15_000;
async function settled(page: Page): Promise<void> {
  await page.evaluate(
    ({ quiet, max }) =>
      new Promise<void>((resolve) => {
        const begun = performance.now();
        const check = () => {
          const tasks = (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks;
          const lastEnd = tasks.reduce((end, t) => Math.max(end, t.start + t.duration), 0);
          const now = performance.now();
          if (now - lastEnd >= quiet || now - begun >= max) resolve();
          else setTimeout(check, 100);
        };
        check();
      }),
    { quiet: QUIET_MS, max: SETTLE_MAX_MS },
  );
}

async function setText(page: Page, text: string): Promise<void> {
  await page.evaluate((value) => (window as unknown as { __routeStudioEditor: { setValue(v: string): void } }).__routeStudioEditor.setValue(value), text);
}

async function typing(browser: Browser, url: string, pasteAtOnce: boolean) {
  const page = await openApp(browser, url);
  const mesh = syntheticMesh({ services: TYPING_N });
  const text = mesh.files.map((f) => f.text).join('---\n');
  const lines = text.split('\n').length;
  if (!pasteAtOnce) await settled(page);

  const version = await textVersion(page);
  const pasteStart = await now(page);
  await setText(page, text);
  // The paste itself is the task in which Monaco takes the text; what follows it is the app's.
  const pasted = await now(page);
  const pasteEnd = await drawnAfter(page, version);

  const source = 'svc-1';
  await page.getByTestId('focus-source').selectOption(source);
  await page.waitForFunction(
    (s) => document.querySelector('[data-testid=graph-node-source]')?.textContent?.includes(s) && document.querySelector<HTMLElement>('[data-testid=graph]')?.dataset.drawing === 'complete',
    source,
    { timeout: 60_000 },
  );
  const focused = await now(page);

  // The cursor after the first weight of the routes: typing '1' then Backspace changes that weight and back.
  await page.evaluate(() => {
    const editor = (window as unknown as { __routeStudioEditor: { getModel(): { findMatches(...a: unknown[]): { range: { endLineNumber: number } }[]; getLineMaxColumn(l: number): number } | null; setPosition(p: unknown): void; revealLine(l: number): void; focus(): void } }).__routeStudioEditor;
    const model = editor.getModel();
    const match = model?.findMatches('weight: ', false, false, false, null, false)[0];
    if (!model || !match) throw new Error('no weight in the workspace');
    const line = match.range.endLineNumber;
    editor.setPosition({ lineNumber: line, column: model.getLineMaxColumn(line) });
    editor.revealLine(line);
    editor.focus();
  });
  // The cursor is placed and its lines drawn before the typing starts: that drawing is not a keystroke's.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(() => setTimeout(resolve, 200)))));
  const typingStart = await now(page);
  const latencies = await keystrokes(page, KEYSTROKES, () => page.keyboard.insertText('1'));
  const typingEnd = await now(page);
  // Then a line break added and removed at the same place (as Enter without the editor's indent, then Backspace):
  // every line below moves, and with it every location the analysis holds. Not a goal of the scale issue; shown
  // since a person types Enter too.
  const linesStart = await now(page);
  const lineLatencies = await keystrokes(page, LINE_KEYSTROKES, () => page.keyboard.insertText('\n'));
  const linesEnd = await now(page);
  const tasks = await page.evaluate(() => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks);
  if (process.env.BENCH_DEBUG) console.log('paste', pasteStart, 'pasted', pasted - pasteStart, 'drawn', pasteEnd - pasteStart, 'focused', focused - pasteStart, 'long tasks', tasks.filter((t) => t.start >= pasteStart && t.start < focused).map((t) => `${(t.start - pasteStart).toFixed(0)}+${t.duration.toFixed(0)}`).join(' '));
  if (process.env.BENCH_DEBUG) console.log('typing', typingStart, 'long tasks', tasks.filter((t) => t.start >= typingStart - 500).map((t) => `${(t.start - typingStart).toFixed(0)}+${t.duration.toFixed(0)}`).join(' '), 'latencies', latencies.map((l) => l.toFixed(0)).join(' '));
  await page.context().close();
  return {
    lines,
    pasteToDrawnMs: pasteEnd - pasteStart,
    keystrokeP50Ms: median(latencies),
    keystrokeP95Ms: p95(latencies),
    lineKeystrokeP50Ms: median(lineLatencies),
    lineKeystrokeP95Ms: p95(lineLatencies),
    longestTaskLinesMs: longest(tasks, linesStart, linesEnd),
    longestTaskPasteMs: longest(tasks, pasteStart, pasted),
    longestTaskAfterPasteMs: longest(tasks, pasted + 1, pasteEnd),
    longestTaskPickMs: longest(tasks, pasteEnd, focused),
    longestTaskTypingMs: longest(tasks, typingStart, typingEnd),
    blockingAfterPasteMs: blocking(tasks, pasted + 1, pasteEnd),
    blockingPickMs: blocking(tasks, pasteEnd, focused),
    blockingTypingMs: blocking(tasks, typingStart, typingEnd),
  };
}

/**
 * The synthetic mesh whose drawn graph comes closest to TARGET_NODES nodes, found by the worker's own code. Above
 * MAX_DRAWN_ROUTES entries the worker draws one source: the graph of the second source is the one measured.
 */
function meshOfAboutTargetNodes(): { text: string; nodes: number; source: string } {
  let best = { text: '', nodes: 0, source: '' };
  for (const n of [300, 400, 500, 550, 600, 700]) {
    const text = syntheticMesh({ services: n, seed: 11 }).files.map((f) => f.text).join('---\n');
    const all = runAnalysis({ id: 0, files: [{ name: 'mesh.yaml', text }], showDefaults: false, focusSource: null });
    const source = all.sources[1];
    if (!source) continue;
    const nodes = runAnalysis({ id: 1, files: [{ name: 'mesh.yaml', text }], showDefaults: false, focusSource: source }).graph.nodes.length;
    if (Math.abs(nodes - TARGET_NODES) < Math.abs(best.nodes - TARGET_NODES)) best = { text, nodes, source };
  }
  return best;
}

/** A large graph: the mesh is pasted and drawn, then one source is picked; timed from the pick to its graph drawn. */
async function largeGraph(browser: Browser, url: string) {
  const { text, nodes, source } = meshOfAboutTargetNodes();
  const page = await openApp(browser, url);
  const version = await textVersion(page);
  await setText(page, text);
  await drawnAfter(page, version);
  // Timed in the page, from the pick (the select's change event, as a person's pick fires it) to two frames after the
  // source's node is in the DOM: what the app takes, without Playwright's own round trips and checks.
  const { start, drawn } = await page.evaluate(
    (picked) =>
      new Promise<{ start: number; drawn: number }>((resolve) => {
        const select = document.querySelector<HTMLSelectElement>('[data-testid=focus-source]');
        if (!select) throw new Error('no source picker');
        const pane = document.querySelector<HTMLElement>('[data-testid=graph]');
        // Drawn: the source's node is there and the graph has all its edges (a large graph gets them in slices).
        const shown = () => document.querySelector('[data-testid=graph-node-source]')?.textContent?.includes(picked) === true && pane?.dataset.drawing === 'complete';
        const begun = performance.now();
        const observer = new MutationObserver(() => {
          if (!shown()) return;
          observer.disconnect();
          requestAnimationFrame(() => requestAnimationFrame(() => resolve({ start: begun, drawn: performance.now() })));
        });
        observer.observe(document.body, { childList: true, subtree: true, characterData: true, attributes: true, attributeFilter: ['data-drawing'] });
        select.value = picked;
        select.dispatchEvent(new Event('change', { bubbles: true }));
      }),
    source,
  );
  const drawnNodes = await page.locator('.react-flow__node').count();
  const tasks = await page.evaluate(() => (window as unknown as { __longTasks: { start: number; duration: number }[] }).__longTasks);
  await page.context().close();
  return { nodes, drawnNodes, pickToDrawnMs: drawn - start, longestTaskMs: longest(tasks, start, drawn) };
}

function build(): void {
  for (const args of [['vite', 'build'], ['vite', 'build', '-c', 'bench/app/vite.bare.config.ts']]) {
    const result = spawnSync('npx', args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'inherit'] });
    if (result.status !== 0) throw new Error(`npx ${args.join(' ')} failed`);
  }
}

async function main(argv: readonly string[]): Promise<void> {
  const options = parseOptions(argv);
  if (options.build) build();
  const app = await serve(join(ROOT, 'dist'));
  const bare = await serve(join(ROOT, 'dist-bench', 'bare'));
  const browser = await chromium.launch(chromiumLaunchOptions());
  try {
    const loads = { app: [] as FirstLoad[], bare: [] as FirstLoad[] };
    await firstLoad(browser, bare.url, false); // warm the browser itself, not the pages (each load has a fresh context)
    for (let i = 0; i < options.runs; i++) {
      loads.bare.push(await firstLoad(browser, bare.url, false));
      loads.app.push(await firstLoad(browser, app.url, true));
    }
    const pick = (list: FirstLoad[], key: keyof FirstLoad) => median(list.map((l) => l[key]));
    const load = {
      appFirstNodeMs: pick(loads.app, 'firstNode'),
      bareFirstNodeMs: pick(loads.bare, 'firstNode'),
      appFcpMs: pick(loads.app, 'fcp'),
      bareFcpMs: pick(loads.bare, 'fcp'),
      appLiveMs: pick(loads.app, 'live'),
    };
    const typed = await typing(browser, app.url, options.pasteAtOnce);
    const graph = await largeGraph(browser, app.url);
    const figures = { ...load, firstNodeRatio: load.appFirstNodeMs / load.bareFirstNodeMs, fcpRatio: load.appFcpMs / load.bareFcpMs, ...typed, graph500: graph };
    if (options.json) {
      process.stdout.write(`${JSON.stringify(figures, null, 2)}\n`);
      return;
    }
    const ms = (x: number) => `${x.toFixed(0)} ms`;
    const verdict = (ok: boolean) => (ok ? 'met' : 'MISSED');
    const cpu = cpus();
    console.log(`Route Studio bench:app: Chromium ${browser.version()}, ${cpu.length} CPU ${cpu[0]?.model.trim() ?? ''}; first load: median of ${options.runs} alternating fresh loads`);
    console.log(`first graph node   app ${ms(load.appFirstNodeMs)}  bare ${ms(load.bareFirstNodeMs)}  ratio ${figures.firstNodeRatio.toFixed(2)} (goal <= 1.5: ${verdict(figures.firstNodeRatio <= 1.5)})`);
    console.log(`app's code in charge of the prerendered page (hydrated, effects run): ${ms(load.appLiveMs)} (no goal)`);
    console.log(`first contentful   app ${ms(load.appFcpMs)}  bare ${ms(load.bareFcpMs)}  ratio ${figures.fcpRatio.toFixed(2)} (goal <= 1.25: ${verdict(figures.fcpRatio <= 1.25)})`);
    console.log(`paste N=${TYPING_N} (${typed.lines} lines, ${options.pasteAtOnce ? 'as soon as the editor is there' : 'once the app has started'}) to drawn: ${ms(typed.pasteToDrawnMs)}`);
    console.log(`keystroke to drawn (${KEYSTROKES} keystrokes, one source focused): p50 ${ms(typed.keystrokeP50Ms)}  p95 ${ms(typed.keystrokeP95Ms)} (goal p95 <= 100 ms: ${verdict(typed.keystrokeP95Ms <= 100)})`);
    console.log(
      `longest main-thread task: the paste itself (Monaco taking the text) ${ms(typed.longestTaskPasteMs)}; after it, until drawn ${ms(typed.longestTaskAfterPasteMs)}; picking a source, until drawn ${ms(typed.longestTaskPickMs)}; while typing ${ms(typed.longestTaskTypingMs)} (goal <= 50 ms after the paste and while typing: ${verdict(typed.longestTaskAfterPasteMs <= 50 && typed.longestTaskPickMs <= 50 && typed.longestTaskTypingMs <= 50)})`,
    );
    console.log(
      `a line added or removed (${LINE_KEYSTROKES} keystrokes, Enter and Backspace in turn, after the weight): p50 ${ms(typed.lineKeystrokeP50Ms)}  p95 ${ms(typed.lineKeystrokeP95Ms)}, longest task ${ms(typed.longestTaskLinesMs)} (no goal: every line below moves)`,
    );
    console.log(`total blocking time (long tasks beyond 50 ms): after the paste ${ms(typed.blockingAfterPasteMs)}; picking a source ${ms(typed.blockingPickMs)}; while typing ${ms(typed.blockingTypingMs)}`);
    console.log(`graph of ${graph.nodes} nodes (${graph.drawnNodes} in view, drawn): source picked to drawn ${ms(graph.pickToDrawnMs)}, longest task ${ms(graph.longestTaskMs)} (goal < 1 s: ${verdict(graph.pickToDrawnMs < 1000)})`);
  } finally {
    await browser.close();
    app.server.close();
    bare.server.close();
  }
}

await main(process.argv.slice(2));
