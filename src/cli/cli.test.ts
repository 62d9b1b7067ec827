/** End to end: spawns the real command line (tsx src/cli/main.ts) on temporary files. */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const TSX = join(ROOT, 'node_modules', '.bin', 'tsx');
const DEMO = join(ROOT, 'src', 'demo', 'kuma-demo.yaml');
/** Each run starts tsx and compiles the CLI: allow for a slow, busy machine. */
const TIMEOUT = 60_000;

interface Run {
  status: number | null;
  stdout: string;
  stderr: string;
}

function cli(args: string[], input?: string): Run {
  const result = spawnSync(TSX, ['src/cli/main.ts', ...args], { cwd: ROOT, encoding: 'utf8', input, timeout: TIMEOUT });
  if (result.error) throw result.error;
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const INVALID_TO_KIND = `apiVersion: kuma.io/v1alpha1
kind: MeshTCPRoute
metadata:
  name: bad-route
  namespace: kuma-system
  labels:
    kuma.io/mesh: default
spec:
  targetRef:
    kind: Mesh
  to:
    - targetRef:
        kind: MeshSubset
        name: backend
`;

/** A mesh of the current Kuma model: two MeshService versions with VIPs, a Dataplane, a 90/10 MeshTCPRoute on ports. */
const CURRENT_MODEL_SPLIT = `type: MeshService
name: backend
mesh: default
spec:
  selector: {dataplaneTags: {kuma.io/service: backend}}
  ports: [{name: tcp, port: 80, targetPort: 8080, appProtocol: tcp}]
status: {vips: [{ip: 241.0.0.1}]}
---
type: MeshService
name: backend-v2
mesh: default
spec:
  selector: {dataplaneTags: {kuma.io/service: backend, version: v2}}
  ports: [{name: tcp, port: 80, targetPort: 8080, appProtocol: tcp}]
status: {vips: [{ip: 241.0.0.2}]}
---
type: Dataplane
name: web-01
mesh: default
networking:
  address: 192.168.0.2
  inbound: [{port: 8080, tags: {kuma.io/service: web}}]
---
type: MeshTCPRoute
name: backend-canary
mesh: default
spec:
  targetRef: {kind: Dataplane, labels: {}}
  to:
    - targetRef: {kind: MeshService, name: backend}
      rules:
        - default:
            backendRefs:
              - {kind: MeshService, name: backend, port: 80, weight: 90}
              - {kind: MeshService, name: backend-v2, sectionName: tcp, weight: 10}
`;

let dir: string;
let currentModel: string;
let invalid: string;
let missing: string;
let directory: string;

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'route-studio-cli-'));
  invalid = join(dir, 'invalid.yaml');
  writeFileSync(invalid, INVALID_TO_KIND);
  currentModel = join(dir, 'current-model.yaml');
  writeFileSync(currentModel, CURRENT_MODEL_SPLIT);
  missing = join(dir, 'missing.yaml');
  directory = join(dir, 'a-directory');
  mkdirSync(directory);
});

afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

describe('validate', () => {
  it('exits 0 on a valid file, with nothing on standard output', () => {
    const run = cli(['validate', DEMO]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('no problems in 1 file');
  }, TIMEOUT);

  it('exits 1 and points at FILE:LINE:COL of an invalid to[].targetRef.kind', () => {
    const run = cli(['validate', invalid]);
    expect(run.status).toBe(1);
    expect(run.stdout).toBe(`${invalid}:13:15: error KUMA_TARGETREF_KIND: spec.to[0].targetRef.kind: value is not supported (allowed: MeshService)\n`);
    expect(run.stderr).toContain('1 error in 1 file');
  }, TIMEOUT);

  it('reports a missing file and a directory as FILE_UNREADABLE and still analyses the other files', () => {
    const run = cli(['validate', missing, invalid, directory]);
    expect(run.status).toBe(1);
    const lines = run.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe(`${missing}:1:1: error FILE_UNREADABLE: cannot read this file: no such file or directory (ENOENT)`);
    expect(lines[1]).toMatch(/KUMA_TARGETREF_KIND/);
    expect(lines[2]).toBe(`${directory}:1:1: error FILE_UNREADABLE: cannot read this file: illegal operation on a directory (EISDIR)`);
  }, TIMEOUT);

  it('reads standard input for "-"', () => {
    const run = cli(['validate', '-'], INVALID_TO_KIND);
    expect(run.status).toBe(1);
    expect(run.stdout).toMatch(/^-:13:15: error KUMA_TARGETREF_KIND: /);
  }, TIMEOUT);
});

describe('resolve', () => {
  it('--json prints only JSON with routes and diagnostics: frontend -> backend 90/10', () => {
    const run = cli(['resolve', DEMO, '--json']);
    expect(run.status).toBe(0);
    const table = JSON.parse(run.stdout) as { routes: Record<string, unknown>[]; diagnostics: unknown[] };
    expect(Object.keys(table)).toEqual(['routes', 'diagnostics']);
    expect(table.diagnostics).toEqual([]);
    expect(table.routes).toHaveLength(1);
    const route = table.routes[0] ?? {};
    expect(route).toMatchObject({ source: 'frontend_kuma-demo_svc_8080', destination: 'backend_kuma-demo_svc_3001', kind: 'MeshTCPRoute', policy: 'tcp-route-1' });
    expect((route.backends as { percent: number }[]).map((b) => b.percent)).toEqual([90, 10]);
    expect(route).toHaveProperty('location');
    expect(route).toHaveProperty('selectorLocation');
    expect(run.stderr).toBe('');
  }, TIMEOUT);

  it('--json reads standard input and keeps an unreadable file as a diagnostic, still exiting 0', () => {
    const run = cli(['resolve', '--json', '-', missing, '--all'], readFileSync(DEMO, 'utf8'));
    expect(run.status).toBe(0);
    const table = JSON.parse(run.stdout) as { routes: { kind: string; proxies: string[] }[]; diagnostics: { file: string; code: string; severity: string }[] };
    expect(table.routes.some((r) => r.kind === 'default')).toBe(true);
    expect(table.routes.find((r) => r.kind === 'MeshTCPRoute')?.proxies).toEqual(['frontend-1']);
    expect(table.diagnostics).toEqual([expect.objectContaining({ file: missing, code: 'FILE_UNREADABLE', severity: 'error' })]);
  }, TIMEOUT);

  it('prints the readable table on standard output and the diagnostics on standard error', () => {
    const run = cli(['resolve', DEMO, invalid]);
    expect(run.status).toBe(0);
    expect(run.stdout).toBe(
      [
        'default  frontend_kuma-demo_svc_8080 -> backend_kuma-demo_svc_3001:10001 (tcp)  MeshTCPRoute tcp-route-1  [frontend-1]',
        '   90%  backend_kuma-demo_svc_3001 {version=v0}  (weight 90)',
        '   10%  backend_kuma-demo_svc_3001 {version=v1}  (weight 10)',
        '',
      ].join('\n'),
    );
    expect(run.stderr).toContain(`${invalid}:13:15: error KUMA_TARGETREF_KIND:`);
    expect(run.stderr).toContain('1 route; 1 error in 2 files');
  }, TIMEOUT);
});

describe('usage', () => {
  it.each([[['frob', DEMO]], [['resolve', '--xml', DEMO]], [['validate']], [[]]])('exits 2 with the usage on standard error for %j', (args) => {
    const run = cli(args);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('Usage:');
  }, TIMEOUT);

  it('--help prints the usage and exits 0', () => {
    const run = cli(['--help']);
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage:');
  }, TIMEOUT);

  it('export --target envoy --out DIR writes the Envoy config of every proxy', () => {
    const out = mkdtempSync(join(tmpdir(), 'route-studio-export-'));
    try {
      const run = cli(['export', DEMO, '--target', 'envoy', '--out', out]);
      expect(run.status).toBe(0);
      // frontend-1's 90/10 split: a tcp_proxy with weighted clusters, named as Kuma names them.
      const listeners = readFileSync(join(out, 'default', 'frontend-1.listeners.yaml'), 'utf8');
      expect(listeners).toContain('name: outbound:127.0.0.1:10001');
      expect(listeners).toMatch(/- name: backend_kuma-demo_svc_3001-dc9a84cea6402967\n\s+weight: 90\n/);
      const clusters = readFileSync(join(out, 'default', 'frontend-1.clusters.yaml'), 'utf8');
      expect(clusters).toContain('name: backend_kuma-demo_svc_3001-c8bdd2d2beb2b7ed');
      expect(readFileSync(join(out, 'default', 'backend-v0.listeners.yaml'), 'utf8')).toBe('resources: []\n');
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  }, TIMEOUT);

  it('export --target envoy on a mesh of the current model prints Kuma 2.14 names: <mesh>_<name>_<namespace>_<zone>_msvc_<port>', () => {
    const run = cli(['export', currentModel, '--target', 'envoy']);
    expect(run.status).toBe(0);
    // Listeners and clusters only (no endpoints file), headed by their names.
    expect(run.stdout.match(/^--- # .*$/gm)).toEqual(['--- # default/web-01.listeners.yaml', '--- # default/web-01.clusters.yaml']);
    // backend's VIP x port: the 90/10 split over the two MeshServices' ports, with its own stat prefix and KRI.
    expect(run.stdout).toContain('name: outbound:241.0.0.1:80');
    expect(run.stdout).toMatch(/- name: default_backend___msvc_80\n\s+weight: 90\n\s+- name: default_backend-v2___msvc_80\n\s+weight: 10\n/);
    expect(run.stdout).toContain('statPrefix: default_backend___msvc_80');
    expect(run.stdout).toContain('kuma.io/unified-name: kri_msvc_default___backend_tcp');
    // backend-v2 is reached too, by its default route.
    expect(run.stdout).toContain('name: outbound:241.0.0.2:80');
    expect(run.stdout).toMatch(/^ {2}- name: default_backend-v2___msvc_80$/m);
    expect(run.stderr).toContain('KUMA_EXPORT_NO_ENDPOINTS');
  }, TIMEOUT);
});
