/** `export --target istio`: in memory through runCli, and once through the real command line with --out. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { runCli, type CliEnvironment } from './run';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const EXAMPLES = join(ROOT, 'src/demo/examples/tsb');
const example = (name: string) => readFileSync(join(EXAMPLES, name), 'utf8');
const TIMEOUT = 60_000;

function environment(files: Record<string, string>) {
  const out: { stream: string; text: string }[] = [];
  const written = new Map<string, string>();
  const env: CliEnvironment = {
    stdout: (text) => void out.push({ stream: 'stdout', text }),
    stderr: (text) => void out.push({ stream: 'stderr', text }),
    readFile: (path) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
      return text;
    },
    readStdin: () => Promise.resolve(''),
    writeFile: (dir, name, text) => void written.set(`${dir}/${name}`, text),
  };
  const text = (stream: string) => out.filter((o) => o.stream === stream).map((o) => o.text).join('');
  return { env, text, written };
}

describe('export --target istio', () => {
  it('prints the VirtualService and DestinationRule of each ServiceRoute on standard output, exit 0', async () => {
    const { env, text } = environment({ 'a.yaml': example('04-http-routes.yaml'), 'b.yaml': example('06-tcp-route.yaml').replace(/name: reviews/, 'name: reviews-tcp') });
    expect(await runCli(['export', 'a.yaml', 'b.yaml', '--target', 'istio'], env)).toBe(0);
    const documents = parseAllDocuments(text('stdout')).map((d) => (Array.isArray(d) ? null : (d.toJS() as { kind: string; metadata: { name: string } })));
    expect(documents.map((d) => `${d?.kind} ${d?.metadata.name}`)).toEqual([
      'VirtualService reviews',
      'DestinationRule reviews',
      'VirtualService reviews-tcp',
      'DestinationRule reviews-tcp',
    ]);
    expect(text('stderr')).toBe('exported 2 files; no problems in 2 files\n');
  });

  it('--format json prints one JSON object from file name to content: here one Kubernetes List', async () => {
    const { env, text } = environment({ 'a.yaml': example('05-default-http-route.yaml') });
    expect(await runCli(['export', 'a.yaml', '--target', 'istio', '--format', 'json'], env)).toBe(0);
    const files = JSON.parse(text('stdout')) as Record<string, { kind: string; items: { kind: string }[] }>;
    expect(Object.keys(files)).toEqual(['ns1-reviews.json']);
    const list = files['ns1-reviews.json'];
    expect(list?.kind).toBe('List');
    expect(list?.items.map((i) => i.kind)).toEqual(['VirtualService', 'DestinationRule']);
  });

  it('--out writes one file per ServiceRoute; an invalid one is reported and exits 1', async () => {
    const bad = example('05-default-http-route.yaml').replace('name: reviews', 'name: broken').replace('trafficType: HTTP', 'trafficType: GRPC');
    const { env, text, written } = environment({ 'a.yaml': `${example('05-default-http-route.yaml')}---\n${bad}` });
    expect(await runCli(['export', 'a.yaml', '--target=istio', '--out', 'dist'], env)).toBe(1);
    expect([...written.keys()]).toEqual(['dist/ns1-reviews.yaml']);
    expect(text('stdout')).toBe('');
    expect(text('stderr')).toContain('a.yaml:40:20: error TSB_TRAFFIC_TYPE: spec.portLevelSettings[0].trafficType: "GRPC" is not supported');
    expect(text('stderr')).toMatch(/exported 1 file to dist; 1 error in 1 file\n$/);
  });

  it('runs from the real command line and writes the files', () => {
    const dir = mkdtempSync(join(tmpdir(), 'route-studio-export-'));
    try {
      const tsx = join(ROOT, 'node_modules', '.bin', 'tsx');
      const run = spawnSync(tsx, ['src/cli/main.ts', 'export', join(EXAMPLES, '02-port-sticky-sessions.yaml'), '--target', 'istio', '--out', join(dir, 'out')], { cwd: ROOT, encoding: 'utf8', timeout: TIMEOUT });
      expect(run.status, run.stderr).toBe(0);
      expect(readdirSync(join(dir, 'out'))).toEqual(['ns1-reviews.yaml']);
      expect(readFileSync(join(dir, 'out', 'ns1-reviews.yaml'), 'utf8')).toContain('httpHeaderName: x-session-hash');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }, TIMEOUT);
});
