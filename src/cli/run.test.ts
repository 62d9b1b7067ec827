import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { syntheticMesh } from '../../bench/syntheticMesh';
import { runCli, type CliEnvironment } from './run';

const DEMO = readFileSync(fileURLToPath(new URL('../demo/kuma-demo.yaml', import.meta.url)), 'utf8');

/** An in-memory environment: files by name, standard input, and what was written where, in order. */
function environment(files: Record<string, string>, stdin = '') {
  const out: { stream: 'stdout' | 'stderr'; text: string }[] = [];
  const env: CliEnvironment = {
    stdout: (text) => void out.push({ stream: 'stdout', text }),
    stderr: (text) => void out.push({ stream: 'stderr', text }),
    readFile: (path) => {
      const text = files[path];
      if (text === undefined) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${path}'`), { code: 'ENOENT' });
      return text;
    },
    readStdin: () => Promise.resolve(stdin),
  };
  const text = (stream: 'stdout' | 'stderr') => out.filter((o) => o.stream === stream).map((o) => o.text).join('');
  return { env, out, text };
}

describe('runCli', () => {
  it('validate: no output and exit 0 for the demo; the summary goes to standard error', async () => {
    const { env, text } = environment({ 'demo.yaml': DEMO });
    expect(await runCli(['validate', 'demo.yaml'], env)).toBe(0);
    expect(text('stdout')).toBe('');
    expect(text('stderr')).toBe('no problems in 1 file\n');
  });

  it('validate: exit 1 when a file is missing, the others still analysed', async () => {
    const { env, text } = environment({ 'demo.yaml': DEMO });
    expect(await runCli(['validate', 'gone.yaml', 'demo.yaml'], env)).toBe(1);
    expect(text('stdout')).toBe('gone.yaml:1:1: error FILE_UNREADABLE: cannot read this file: no such file or directory (ENOENT)\n');
    expect(text('stderr')).toBe('1 error in 2 files\n');
  });

  it('resolve --from / --to: only one source\'s or one destination\'s routes, the same entries as in the whole table', async () => {
    const mesh = syntheticMesh({ services: 12, seed: 7 });
    const files = Object.fromEntries(mesh.files.map((f) => [f.name, f.text]));
    const names = mesh.files.map((f) => f.name);
    const table = async (...flags: string[]) => {
      const { env, text } = environment(files);
      expect(await runCli(['resolve', '--json', ...names, ...flags], env)).toBe(0);
      return (JSON.parse(text('stdout')) as { routes: { source: string; destination: string }[] }).routes;
    };
    const all = await table();
    const source = all[0]?.source ?? '';
    const destination = all[all.length - 1]?.destination ?? '';
    expect(await table('--from', source)).toEqual(all.filter((r) => r.source === source));
    expect(await table(`--to=${destination}`)).toEqual(all.filter((r) => r.destination === destination));
    expect(await table('--from', source, '--to', destination)).toEqual(all.filter((r) => r.source === source && r.destination === destination));
    expect(await table('--from', 'no-such-service')).toEqual([]);
  });

  it('resolve: the table first, then the diagnostics and the summary', async () => {
    const { env, out } = environment({}, DEMO);
    expect(await runCli(['resolve', '-', 'gone.yaml'], env)).toBe(0);
    expect(out.map((o) => o.stream)).toEqual(['stdout', 'stderr', 'stderr']);
    expect(out[0]?.text).toContain('MeshTCPRoute tcp-route-1');
    expect(out[2]?.text).toBe('1 route; 1 error in 2 files\n');
  });

  it('resolve --json: only JSON, on standard output', async () => {
    const { env, out, text } = environment({ 'demo.yaml': DEMO });
    expect(await runCli(['resolve', '--json', '--all', 'demo.yaml'], env)).toBe(0);
    expect(out.every((o) => o.stream === 'stdout')).toBe(true);
    const table = JSON.parse(text('stdout')) as { routes: { kind: string }[]; diagnostics: unknown[] };
    expect(table.routes.filter((r) => r.kind === 'default').length).toBeGreaterThan(0);
  });

  it('resolve --json: a policy with errors is in no route (only its diagnostic); the valid routes are as without it', async () => {
    const invalid = DEMO.replace('name: tcp-route-1', 'name: tcp-route-0').replace('weight: 10', 'weight: -10');
    const resolve = async (files: Record<string, string>) => {
      const { env, text } = environment(files);
      expect(await runCli(['resolve', '--json', ...Object.keys(files)], env)).toBe(0);
      return JSON.parse(text('stdout')) as { routes: unknown[]; diagnostics: { code: string; severity: string }[] };
    };
    const alone = await resolve({ 'demo.yaml': DEMO });
    const beside = await resolve({ 'demo.yaml': DEMO, 'invalid.yaml': invalid.slice(invalid.indexOf('# Traffic split')) });
    expect(beside.routes).toEqual(alone.routes);
    expect(JSON.stringify(beside)).not.toContain('"invalid"');
    expect(beside.diagnostics.filter((d) => d.severity === 'error').map((d) => d.code)).toEqual(['KUMA_SCHEMA']);
  });

  it('usage errors, help and export', async () => {
    const usage = environment({});
    expect(await runCli(['resolve'], usage.env)).toBe(2);
    expect(usage.text('stderr')).toMatch(/^route-studio: resolve: no files given\n\nUsage:/);
    const help = environment({});
    expect(await runCli(['--help'], help.env)).toBe(0);
    expect(help.text('stdout')).toMatch(/^Usage:/);
    const noTarget = environment({});
    expect(await runCli(['export', 'x.yaml'], noTarget.env)).toBe(2);
    expect(noTarget.text('stderr')).toMatch(/^route-studio: export: --target is required/);
  });

  it('export --target envoy --out DIR: three files per proxy, Kuma cluster names, what was left out on standard error', async () => {
    const { env, text } = environment({ 'demo.yaml': DEMO });
    const written = new Map<string, string>();
    env.writeFile = (dir, name, content) => void written.set(`${dir}/${name}`, content);
    expect(await runCli(['export', 'demo.yaml', '--target', 'envoy', '--out', 'out'], env)).toBe(0);
    expect([...written.keys()]).toContain('out/default/frontend-1.listeners.yaml');
    expect(written.get('out/default/frontend-1.clusters.yaml')).toContain('name: backend_kuma-demo_svc_3001-');
    expect(text('stdout')).toBe('');
    expect(text('stderr')).toMatch(/exported \d+ files? to out; /);
  });

  it('export --format json without --out: one JSON object from file name to content', async () => {
    const { env, text } = environment({ 'demo.yaml': DEMO });
    expect(await runCli(['export', 'demo.yaml', '--target', 'envoy', '--format', 'json'], env)).toBe(0);
    const files = JSON.parse(text('stdout')) as Record<string, { resources: unknown[] }>;
    expect(Object.keys(files)).toContain('default/frontend-1.listeners.json');
  });
});
