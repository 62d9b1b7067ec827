/**
 * `npm run bench [-- N...] [--runs R] [--seed S] [--timeout SECONDS] [--json]`: times analyze() on synthetic meshes.
 * `--json` prints only one JSON array, one object per N: {n, m, bytes, parseMs, validateMs, resolveMs, totalMs, heapMb, editMs}.
 *
 * Each N runs in its own Node process (same flags as this one, so tsx is loaded), which warms up once on
 * N=100 and then measures R runs; a size that runs out of memory or throws is reported, not fatal.
 */
import { spawnSync } from 'node:child_process';
import { cpus } from 'node:os';
import { fileURLToPath } from 'node:url';
import { analyze, createParseCache, noteEdit, type PhaseTimes } from '../src/core';
import { median } from './stats';
import { DEFAULT_SEED, syntheticMesh } from './syntheticMesh';
import { syntheticTsb } from './syntheticTsb';

const DEFAULT_SIZES = [100, 1000, 10000];
/** Above this N the route entries are not counted: producing tens of millions of them is not the analysis. */
const COUNT_ROUTES_UP_TO = 1000;
const WARM_UP_SIZE = 100;
const CHILD_HEAP_MB = 8192;

interface Options {
  sizes: number[];
  runs: number;
  seed: number;
  timeoutSeconds: number;
  json: boolean;
}

/** What one child reports for one N: medians over the runs, counts from the last run. */
interface Measurement {
  n: number;
  m: number;
  documents: number;
  bytes: number;
  /** Null when the size failed (and JSON has no NaN). */
  parse: number | null;
  validate: number | null;
  resolve: number | null;
  total: number | null;
  /** Source services with at least one policy route. */
  sources: number | null;
  /** Route entries (policy routes only); null above COUNT_ROUTES_UP_TO. */
  routes: number | null;
  errors: number | null;
  warnings: number | null;
  infos: number | null;
  /** Diagnostic codes and their counts, to see at a glance what the generator trips. */
  codes: Record<string, number>;
  heapMB: number | null;
  /** A keystroke in a large workspace: re-analysis after one weight changed, with the previous run's parses. */
  edit: number | null;
  error?: string;
}

/** Counts what an iterable yields without keeping it. */
function count(items: Iterable<unknown>): number {
  let n = 0;
  for (const _ of items) n++;
  return n;
}


function measure(n: number, runs: number, seed: number): Measurement {
  const mesh = syntheticMesh({ services: n, seed });
  const base = { n, m: mesh.routes, documents: mesh.documents, bytes: mesh.bytes };
  const samples: (PhaseTimes & { total: number })[] = [];
  const codes: Record<string, number> = {};
  const bySeverity = { error: 0, warning: 0, info: 0 };
  let routes: number | null = null;
  let sources = 0;
  let heapMB = 0;
  // Each result is dropped at the end of its iteration, so that two never coexist in memory.
  for (let i = 0; i < runs; i++) {
    const times: PhaseTimes = { parse: 0, validate: 0, resolve: 0 };
    const start = performance.now();
    const analysis = analyze(mesh.files, {}, times);
    samples.push({ ...times, total: performance.now() - start });
    if (i < runs - 1) continue;
    (globalThis as { gc?: () => void }).gc?.(); // the child runs with --expose-gc: count what is alive, not garbage
    heapMB = process.memoryUsage().heapUsed / 2 ** 20; // with the last result still alive
    sources = analysis.index.sources().length;
    if (n <= COUNT_ROUTES_UP_TO) routes = count(analysis.index.entries());
    for (const d of analysis.diagnostics) {
      codes[d.code] = (codes[d.code] ?? 0) + 1;
      bySeverity[d.severity]++;
    }
  }
  const pick = (key: keyof (typeof samples)[number]) => median(samples.map((s) => s[key]));
  return {
    edit: measureEdit(mesh.files),
    ...base,
    parse: pick('parse'),
    validate: pick('validate'),
    resolve: pick('resolve'),
    total: pick('total'),
    sources,
    routes,
    errors: bySeverity.error,
    warnings: bySeverity.warning,
    infos: bySeverity.info,
    codes,
    heapMB,
  };
}

/** Keystrokes typed before the timed ones: the first few run code the engine has not optimised yet (about 80 ms). */
const EDIT_WARM_UP = 5;
/** Keystrokes timed: a typist makes many, so their median is the figure. */
const EDITS_TIMED = 15;

/**
 * Median time to re-analyse after changing one `weight:` in the last file, as the app's worker does (parse cache),
 * over EDITS_TIMED keystrokes after EDIT_WARM_UP untimed ones.
 */
function measureEdit(files: { name: string; text: string }[]): number {
  const parseCache = createParseCache();
  analyze(files, { parseCache });
  const samples: number[] = [];
  const last = files[files.length - 1] as { name: string; text: string };
  const weight = /weight: (\d+)/.exec(last.text);
  if (!weight) throw new Error('no weight in the last file');
  const digitsAt = weight.index + 'weight: '.length;
  let before = { digits: weight[1] as string, text: last.text };
  for (let i = 0; i < EDIT_WARM_UP + EDITS_TIMED; i++) {
    const digits = String(Number(weight[1]) + i + 1);
    const text = last.text.slice(0, digitsAt) + digits + last.text.slice(digitsAt + (weight[1] as string).length);
    const edited = [...files.slice(0, -1), { name: last.name, text }];
    const start = performance.now();
    // As the app's worker does: it knows the splice the editor made (src/worker/fileUpdates.ts).
    noteEdit(parseCache, last.name, before.text, text, { start: digitsAt, deleteCount: before.digits.length, insert: digits });
    analyze(edited, { parseCache });
    before = { digits, text };
    if (i >= EDIT_WARM_UP) samples.push(performance.now() - start);
  }
  return median(samples);
}

/** Child process: warm up, measure one N, print one JSON line. */
function child(n: number, runs: number, seed: number): void {
  analyze(syntheticMesh({ services: WARM_UP_SIZE, seed }).files, {});
  let result: Measurement;
  try {
    result = measure(n, runs, seed);
  } catch (error) {
    const mesh = syntheticMesh({ services: n, seed });
    const where = error instanceof Error ? (error.stack?.split('\n').find((l) => l.includes('/src/core/'))?.trim() ?? '') : '';
    result = { ...emptyMeasurement(n), m: mesh.routes, documents: mesh.documents, bytes: mesh.bytes, error: `${String(error)}${where ? ` ${where}` : ''}` };
  }
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function emptyMeasurement(n: number): Measurement {
  return { n, m: 2 * n, documents: 0, bytes: 0, parse: null, validate: null, resolve: null, total: null, sources: null, routes: null, errors: null, warnings: null, infos: null, codes: {}, heapMB: null, edit: null };
}

function runChild(n: number, options: Options): Measurement {
  const script = fileURLToPath(import.meta.url);
  // Room above V8's default heap limit, so that a size that needs too much is measured rather than killed.
  const heap = process.execArgv.some((a) => a.startsWith('--max-old-space-size')) ? [] : [`--max-old-space-size=${CHILD_HEAP_MB}`];
  heap.push('--expose-gc');
  const result = spawnSync(process.execPath, [...process.execArgv, ...heap, script, '--child', String(n), String(options.runs), String(options.seed)], {
    encoding: 'utf8',
    maxBuffer: 64 * 2 ** 20,
    timeout: options.timeoutSeconds * 1000,
  });
  const line = result.stdout?.trim().split('\n').pop();
  if (result.status === 0 && line) return JSON.parse(line) as Measurement;
  const reason = result.error?.message.includes('ETIMEDOUT')
    ? `timed out after ${options.timeoutSeconds} s`
    : `${result.signal ? `killed by ${result.signal}` : `exit ${result.status}`}: ${lastMeaningfulLine(result.stderr ?? '')}`;
  const mesh = syntheticMesh({ services: n, seed: options.seed });
  return { ...emptyMeasurement(n), documents: mesh.documents, bytes: mesh.bytes, error: reason };
}

function lastMeaningfulLine(stderr: string): string {
  const lines = stderr.split('\n').map((l) => l.trim()).filter((l) => l && !l.startsWith('npm warn'));
  return lines.find((l) => /heap out of memory|Maximum call stack|Error:/.test(l)) ?? lines.pop() ?? '(no output)';
}

const COLUMNS: [string, number][] = [
  ['N', 6], ['M', 6], ['docs', 6], ['bytes', 10], ['parse ms', 9], ['validate ms', 12], ['resolve ms', 11], ['total ms', 9],
  ['sources', 8], ['routes', 9], ['errors', 7], ['warnings', 9], ['infos', 6], ['heap MB', 8], ['edit ms', 8],
];

function row(values: (string | number)[]): string {
  return values.map((v, i) => String(v).padStart(COLUMNS[i]?.[1] ?? 8)).join(' ');
}

function formatMeasurement(r: Measurement): string {
  const ms = (x: number | null) => (x === null ? '-' : x.toFixed(0));
  const count = (x: number | null) => (x === null ? '-' : x);
  const line = row([r.n, r.m, r.documents, r.bytes, ms(r.parse), ms(r.validate), ms(r.resolve), ms(r.total), count(r.sources), count(r.routes), count(r.errors), count(r.warnings), count(r.infos), ms(r.heapMB), ms(r.edit)]);
  if (r.error) return `${line}\n       FAILED: ${r.error}`;
  const codes = Object.entries(r.codes).map(([code, count]) => `${code}=${count}`).join(', ');
  return codes ? `${line}\n       diagnostics: ${codes}` : line;
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = { sizes: [], runs: 3, seed: DEFAULT_SEED, timeoutSeconds: 600, json: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    const value = () => Number(argv[++i]);
    if (arg === '--runs') options.runs = value();
    else if (arg === '--seed') options.seed = value();
    else if (arg === '--timeout') options.timeoutSeconds = value();
    else if (arg === '--json') options.json = true;
    else if (/^\d+$/.test(arg)) options.sizes.push(Number(arg));
    else throw new Error(`bench: unknown argument ${arg} (usage: npm run bench -- [N...] [--runs R] [--seed S] [--timeout SECONDS] [--json])`);
  }
  if (options.sizes.length === 0) options.sizes = DEFAULT_SIZES;
  return options;
}

/** The TSB workspace of the benchmark: ServiceRoutes with three subsets, two ports and matches each. */
const TSB_ROUTES = 1000;

interface TsbMeasurement {
  routes: number;
  bytes: number;
  parse: number;
  validate: number;
  resolve: number;
  total: number;
  entries: number;
}

/** Child process: the TSB workspace, median of R runs after one warm-up. */
function tsbChild(runs: number): void {
  const file = syntheticTsb({ routes: TSB_ROUTES });
  analyze([syntheticTsb({ routes: 50 })]);
  const samples: (PhaseTimes & { total: number })[] = [];
  let entries = 0;
  for (let i = 0; i < runs; i++) {
    const times: PhaseTimes = { parse: 0, validate: 0, resolve: 0 };
    const start = performance.now();
    const analysis = analyze([file], {}, times);
    samples.push({ ...times, total: performance.now() - start });
    entries = count(analysis.index.entries());
  }
  const pick = (key: keyof (typeof samples)[number]) => median(samples.map((s) => s[key]));
  const result: TsbMeasurement = { routes: TSB_ROUTES, bytes: Buffer.byteLength(file.text, 'utf8'), parse: pick('parse'), validate: pick('validate'), resolve: pick('resolve'), total: pick('total'), entries };
  process.stdout.write(`${JSON.stringify(result)}\n`);
}

function runTsbChild(options: Options): TsbMeasurement | string {
  const script = fileURLToPath(import.meta.url);
  const result = spawnSync(process.execPath, [...process.execArgv, script, '--child-tsb', String(options.runs)], { encoding: 'utf8', timeout: options.timeoutSeconds * 1000 });
  const line = result.stdout?.trim().split('\n').pop();
  return result.status === 0 && line ? (JSON.parse(line) as TsbMeasurement) : lastMeaningfulLine(result.stderr ?? '');
}

function formatTsb(r: TsbMeasurement | string): string {
  if (typeof r === 'string') return `TSB workspace: FAILED: ${r}`;
  return [
    `TSB workspace (${r.routes} ServiceRoutes, three subsets, two ports and matches each; ${r.bytes} bytes, ${r.entries} route entries):`,
    `  parse ${r.parse.toFixed(0)} ms, validate ${r.validate.toFixed(0)} ms, resolve ${r.resolve.toFixed(0)} ms, total ${r.total.toFixed(0)} ms: ${(r.total / r.parse).toFixed(2)} x parse (goal <= 2: ${r.total <= 2 * r.parse ? 'met' : 'MISSED'})`,
  ].join('\n');
}

function main(argv: readonly string[]): void {
  if (argv[0] === '--child') {
    child(Number(argv[1]), Number(argv[2]), Number(argv[3]));
    return;
  }
  if (argv[0] === '--child-tsb') {
    tsbChild(Number(argv[1]));
    return;
  }
  const options = parseOptions(argv);
  if (options.json) {
    const results = options.sizes.map((n) => jsonFigures(runChild(n, options)));
    process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
    return;
  }
  const cpu = cpus();
  console.log(`Route Studio bench: Node ${process.version}, ${process.platform} ${process.arch}, ${cpu.length} CPU ${cpu[0]?.model.trim() ?? ''}`);
  console.log(
    `analyze(files, {}, times): seed 0x${options.seed.toString(16)}, each N in its own process after one warm-up on N=${WARM_UP_SIZE}, median of ${options.runs} run${options.runs === 1 ? '' : 's'}; sources = source services with a policy route; routes = policy route entries (counted up to N=${COUNT_ROUTES_UP_TO}); edit = re-analysis after one weight changed, with the parse cache the app's worker keeps (a keystroke; median of ${EDITS_TIMED} after ${EDIT_WARM_UP} untimed)`,
  );
  console.log(row(COLUMNS.map(([name]) => name)));
  const results = options.sizes.map((n) => {
    const result = runChild(n, options);
    console.log(formatMeasurement(result));
    return result;
  });
  console.log('\nGoals (issue "Scale"): total <= 2 x parse at every N; heap < 1,500 MB at N = 10,000; edit <= 50 ms at N = 1,000');
  for (const r of results) console.log(`  N=${r.n}: ${goals(r).join('; ')}`);
  console.log(`\n${formatTsb(runTsbChild(options))}`);
}

/** The figures of `--json`, named as the issue asks. */
function jsonFigures(r: Measurement) {
  const round = (x: number | null) => (x === null ? null : Math.round(x * 10) / 10);
  return {
    n: r.n, m: r.m, bytes: r.bytes, parseMs: round(r.parse), validateMs: round(r.validate), resolveMs: round(r.resolve),
    totalMs: round(r.total), heapMb: round(r.heapMB), editMs: round(r.edit), ...(r.error ? { error: r.error } : {}),
  };
}

function goals(r: Measurement): string[] {
  if (r.error || r.total === null || r.parse === null) return [`failed: ${r.error ?? 'no figures'}`];
  const out = [`total ${(r.total / r.parse).toFixed(2)} x parse (${r.total <= 2 * r.parse ? 'met' : 'MISSED'})`];
  if (r.n === 10000 && r.heapMB !== null) out.push(`heap ${r.heapMB.toFixed(0)} MB (${r.heapMB < 1500 ? 'met' : 'MISSED'})`);
  if (r.n === 1000 && r.edit !== null) out.push(`edit ${r.edit.toFixed(1)} ms (${r.edit <= 50 ? 'met' : 'MISSED'})`);
  return out;
}

main(process.argv.slice(2));
