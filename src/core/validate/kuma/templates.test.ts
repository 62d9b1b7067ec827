/**
 * The docs-template diagnostic and its two renderings, on every corpus file with `_port`/`_version` placeholders.
 * Golden texts in __golden__/templates/<corpus file>.{kuma-2.9,kuma-2.6}.yaml: `UPDATE_FIXTURES=1` writes them;
 * review each against the docs plugin (`policyyaml/transformers.rb`) before committing.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, routeList } from '../../index';
import { applyChanges } from '../../edit/applyChanges';
import type { Diagnostic } from '../../diagnostics';
import { DOCS_TEMPLATE_CODE, RENDER_CURRENT_TITLE, RENDER_LEGACY_TITLE } from './templates';

const corpus = join(import.meta.dirname, '../../../../corpus/kuma');
const goldens = join(import.meta.dirname, '__golden__', 'templates');
const update = process.env.UPDATE_FIXTURES === '1';

const templateFiles = readdirSync(corpus)
  .filter((name) => /(^|\n)\s*_(port|version):/.test(readFileSync(join(corpus, name), 'utf8')))
  .sort();

function templateDiagnostics(name: string, text: string): Diagnostic[] {
  return analyze([{ name, text }]).diagnostics.filter((d) => d.code === DOCS_TEMPLATE_CODE);
}

function render(name: string, text: string, title: string): string {
  const fix = templateDiagnostics(name, text)[0]?.fixes?.find((f) => f.title === title);
  if (!fix) throw new Error(`${name}: no fix "${title}"`);
  const result = applyChanges(text, fix.documentIndex, fix.changes);
  if ('error' in result) throw new Error(result.error);
  return result.text;
}

describe('docs template renderings of the corpus', () => {
  it('finds the seven template sources of the corpus', () => {
    expect(templateFiles).toHaveLength(7);
  });

  for (const name of templateFiles) {
    const text = readFileSync(join(corpus, name), 'utf8');
    for (const [suffix, title] of [['kuma-2.9', RENDER_CURRENT_TITLE], ['kuma-2.6', RENDER_LEGACY_TITLE]] as const) {
      it(`${name} rendered as ${suffix}`, () => {
        const rendered = render(name, text, title);
        const file = join(goldens, name.replace(/\.yaml$/, `.${suffix}.yaml`));
        if (update) {
          mkdirSync(goldens, { recursive: true });
          writeFileSync(file, rendered);
        }
        expect(existsSync(file), file).toBe(true);
        expect(rendered).toBe(readFileSync(file, 'utf8'));
        expect(rendered).not.toMatch(/\b_(port|version):/);
        expect(templateDiagnostics(name, rendered)).toEqual([]);
      });
    }
  }
});

describe('docs template diagnostic', () => {
  const name = 'kuma-website__meshtcproute-doc-split-dataplane.yaml';
  const text = readFileSync(join(corpus, name), 'utf8');

  it('is a warning on each placeholder key, said once (no unknown-field warning on the same key)', () => {
    const diagnostics = analyze([{ name, text }]).diagnostics;
    const templates = diagnostics.filter((d) => d.code === DOCS_TEMPLATE_CODE);
    expect(templates.map((d) => [d.path, d.severity, d.line, d.column, d.endColumn])).toEqual([
      ['spec.to[0].targetRef._port', 'warning', 14, 9, 14],
      ['spec.to[0].rules[0].default.backendRefs[0]._version', 'warning', 23, 17, 25],
      ['spec.to[0].rules[0].default.backendRefs[1]._version', 'warning', 29, 17, 25],
    ]);
    expect(templates[0]?.message).toContain('"backend_kuma-demo_svc_3001"');
    expect(templates[1]?.message).toContain('"backend-v0"');
    expect(diagnostics.filter((d) => d.code === 'UNKNOWN_FIELD' && /\._(port|version)$/.test(d.path))).toEqual([]);
    expect(templates.every((d) => d.fixes?.map((f) => f.title).join() === `${RENDER_CURRENT_TITLE},${RENDER_LEGACY_TITLE}`)).toBe(true);
  });

  it('keeps the comments and the other documents of the file', () => {
    const commented = `# our canary\n${text.replace('weight: 90', 'weight: 90 # most traffic')}---\ntype: Dataplane # kept\nmesh: default\nname: x\nnetworking: {address: 1.1.1.1, inbound: [{port: 1, tags: {kuma.io/service: x}}]}\n`;
    const rendered = render(name, commented, RENDER_LEGACY_TITLE);
    expect(rendered).toContain('# our canary\n');
    expect(rendered).toContain('weight: 90 # most traffic\n');
    expect(rendered.endsWith('---\ntype: Dataplane # kept\nmesh: default\nname: x\nnetworking: {address: 1.1.1.1, inbound: [{port: 1, tags: {kuma.io/service: x}}]}\n')).toBe(true);
  });

  it('renders a ref without namespace as the docs Universal tab (names as written)', () => {
    const universal = text.replace(/ {8,}namespace: kuma-demo\n/g, '');
    const rendered = render(name, universal, RENDER_LEGACY_TITLE);
    expect(rendered).toContain('        kind: MeshService\n        name: backend\n      rules:');
    expect(rendered).toContain('              - kind: MeshServiceSubset\n                name: backend\n                weight: 90\n                tags:\n                  version: v0\n');
  });

  it('is not raised for a route without placeholders, nor for a placeholder outside the template positions', () => {
    const plain = text.replace(/ *_(port|version): .*\n/g, '');
    expect(templateDiagnostics(name, plain)).toEqual([]);
    const topLevel = plain.replace('    kind: Dataplane\n', '    kind: Dataplane\n    _port: 1\n');
    expect(templateDiagnostics(name, topLevel)).toEqual([]);
  });

  it('once rendered as Kuma 2.6, the split is routed 90/10 (with the frontend Dataplane)', () => {
    const subset = readFileSync(join(corpus, 'kuma-website__meshtcproute-doc-split-meshsubset.yaml'), 'utf8');
    const dataplanes = readFileSync(join(import.meta.dirname, '../../../../e2e/data/docs-template-dataplanes.yaml'), 'utf8');
    const files = (policy: string) => [{ name, text: policy }, { name: 'dataplanes.yaml', text: dataplanes }];
    expect(routeList(analyze(files(subset)).index)).toEqual([]);
    const routes = routeList(analyze(files(render(name, subset, RENDER_LEGACY_TITLE))).index);
    expect(routes.map((r) => [r.source, r.destination, r.policy, r.backends.map((b) => `${b.tags.version}:${b.percent}`)])).toEqual([
      ['frontend_kuma-demo_svc_8080', 'backend_kuma-demo_svc_3001', 'tcp-route-1', ['v0:90', 'v1:10']],
    ]);
  });
});

describe('docs template placeholders the docs do not render', () => {
  const name = 'route.yaml';
  const route = (to: string, backendRef: string) => `type: MeshTCPRoute
name: r
mesh: default
spec:
  targetRef: {kind: Mesh}
  to:
    - targetRef: {${to}}
      rules:
        - default:
            backendRefs:
              - {${backendRef}}
`;

  it('explains a _version on a destination and a placeholder on another kind, and both fixes remove them', () => {
    const text = route('kind: MeshService, name: backend, _version: v1', 'kind: MeshServiceSubset, name: backend, tags: {version: v1}, _port: 80');
    const diagnostics = templateDiagnostics(name, text);
    expect(diagnostics.map((d) => d.message.split(': ').slice(1).join(': '))).toEqual([
      `"_version" is a placeholder of the Kuma docs' policy templates, not a Kuma field: both renderings drop it (a destination is named by name and sectionName). Route Studio never routes on it; render the template with a quick fix`,
      `"_port" is a placeholder of the Kuma docs' policy templates, not a Kuma field: the docs render only MeshService refs, so it stays as written there; the quick fixes remove it. Route Studio never routes on it; render the template with a quick fix`,
    ]);
    for (const title of [RENDER_CURRENT_TITLE, RENDER_LEGACY_TITLE]) {
      const rendered = render(name, text, title);
      expect(rendered).toContain('    - targetRef: { kind: MeshService, name: backend }\n');
      expect(rendered).toContain('              - { kind: MeshServiceSubset, name: backend, tags: { version: v1 } }\n');
    }
  });
});
