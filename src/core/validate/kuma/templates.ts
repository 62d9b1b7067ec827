/**
 * The Kuma website's policy *template sources*: the docs write each policy once, with two placeholder keys that
 * its Jekyll plugin (`jekyll-kuma-plugins/.../policyyaml/transformers.rb`) renders into the tabs of a page:
 * `_port` under `spec.to[].targetRef` and `_version` (and a stray `_port`) under `backendRefs[]` or an HTTP
 * `requestMirror.backendRef`. They are not Kuma fields: Kuma would ignore or refuse them, and Route Studio never
 * routes on them. Pasted from the docs' sources, they get one warning each and two quick fixes that render the
 * document as the plugin does:
 * - Kuma 2.9+ (MeshService with port): to `{kind, name, namespace, sectionName}`, backendRef
 *   `{kind, name: <name>-<_version>, namespace, port, weight}`;
 * - Kuma 2.6 (kuma.io/service names): to `{kind, name: <name>_<ns>_svc_<_port>}`, backendRef
 *   `{kind, name: <name>_<ns>_svc_<port>, weight}`, `_version` making it a `MeshServiceSubset` with `tags: {version}`.
 * Only `kind: MeshService` refs are rewritten, as by the plugin. The plugin renders a Kubernetes and a Universal tab;
 * a ref with a `namespace` is rendered as the Kubernetes tab (namespaced names), one without as the Universal tab
 * (names as written). A placeholder on another kind is only removed.
 */
import type { Diagnostic } from '../../diagnostics';
import type { DocumentChange, Fix } from '../../edit/change';
import { asArray, asRecord, asString, type RawRecord } from '../../model/raw';
import type { ResourceHeader } from '../../model/resource';
import { documentPath, locate } from '../../source/document';
import { formatPath, type NodePath } from '../../source/path';

export const DOCS_TEMPLATE_CODE = 'KUMA_DOCS_TEMPLATE';

const PLACEHOLDERS = ['_port', '_version'] as const;
const ROUTE_KINDS = new Set(['MeshTCPRoute', 'MeshHTTPRoute']);

export const RENDER_CURRENT_TITLE = 'Render as Kuma 2.9+ (MeshService with port)';
export const RENDER_LEGACY_TITLE = 'Render as Kuma 2.6 (kuma.io/service names)';

/** A ref at one of the positions the docs' plugin rewrites. */
interface RefSite {
  path: NodePath;
  ref: RawRecord;
  position: 'to' | 'backendRef';
}

/** `spec.to[].targetRef`, `spec.to[].rules[].default.backendRefs[]` and `...default.filters[].requestMirror.backendRef`. */
function refSites(spec: unknown): RefSite[] {
  const sites: RefSite[] = [];
  const push = (raw: unknown, path: NodePath, position: RefSite['position']) => {
    const ref = asRecord(raw);
    if (ref) sites.push({ path, ref, position });
  };
  (asArray(asRecord(spec)?.to) ?? []).forEach((rawTo, i) => {
    const to = asRecord(rawTo);
    push(to?.targetRef, ['spec', 'to', i, 'targetRef'], 'to');
    (asArray(to?.rules) ?? []).forEach((rawRule, j) => {
      const rulePath: NodePath = ['spec', 'to', i, 'rules', j, 'default'];
      const conf = asRecord(asRecord(rawRule)?.default);
      (asArray(conf?.backendRefs) ?? []).forEach((ref, k) => push(ref, [...rulePath, 'backendRefs', k], 'backendRef'));
      (asArray(conf?.filters) ?? []).forEach((filter, f) => {
        push(asRecord(asRecord(filter)?.requestMirror)?.backendRef, [...rulePath, 'filters', f, 'requestMirror', 'backendRef'], 'backendRef');
      });
    });
  });
  return sites;
}

type Rendering = 'current' | 'legacy';

/** Scalars as the plugin's string interpolation writes them (`3001`, `v1`). */
function text(value: unknown): string | undefined {
  return value === undefined || value === null || typeof value === 'object' ? undefined : String(value);
}

/** `[name, namespace, 'svc', port].compact.join('_')`: the kuma.io/service name of a Kubernetes Service port. */
function serviceTagName(ref: RawRecord, portKey: '_port' | 'port'): string {
  return [text(ref.name), text(ref.namespace), 'svc', text(ref[portKey])].filter((part) => part !== undefined).join('_');
}

/** The plugin's Kubernetes tab (namespaced names) for a ref with a namespace, its Universal tab for one without. */
function namespaced(ref: RawRecord): boolean {
  return text(ref.namespace) !== undefined;
}

/** The plugin's output for one MeshService ref; absent fields are left out rather than written as null. */
function render(site: RefSite, rendering: Rendering): RawRecord {
  const { ref } = site;
  const kubernetes = namespaced(ref);
  const out: RawRecord = { kind: 'MeshService' };
  const copy = (key: string) => {
    if (ref[key] !== undefined && ref[key] !== null) out[key] = ref[key];
  };
  const version = text(ref._version);
  if (site.position === 'to') {
    if (rendering === 'legacy') out.name = kubernetes ? serviceTagName(ref, '_port') : ref.name;
    else ['name', 'namespace', 'sectionName'].forEach(copy);
    return out;
  }
  if (rendering === 'legacy') {
    if (version !== undefined) out.kind = 'MeshServiceSubset';
    out.name = kubernetes ? serviceTagName(ref, 'port') : ref.name;
    if ('weight' in ref) out.weight = ref.weight;
    if (version !== undefined) out.tags = { version };
    return out;
  }
  ['name', 'namespace', 'port', 'weight'].forEach(copy);
  if (version !== undefined) out.name = `${text(ref.name) ?? ''}-${version}`;
  return out;
}

/** The changes that turn `site.ref` into its rendering in place: other keys deleted, differing ones set (new ones last). */
function siteChanges(site: RefSite, rendering: Rendering): DocumentChange[] {
  const { ref, path } = site;
  if (asString(ref.kind) !== 'MeshService') {
    return PLACEHOLDERS.filter((key) => key in ref).map((key) => ({ op: 'delete', path: [...path, key] }));
  }
  const wanted = render(site, rendering);
  const changes: DocumentChange[] = Object.keys(ref)
    .filter((key) => !(key in wanted))
    .map((key) => ({ op: 'delete', path: [...path, key] }));
  for (const [key, value] of Object.entries(wanted)) {
    if (JSON.stringify(ref[key]) !== JSON.stringify(value)) changes.push({ op: 'set', path: [...path, key], value });
  }
  return changes;
}

function explain(site: RefSite, key: (typeof PLACEHOLDERS)[number]): string {
  const name = text(site.ref.name) ?? '<name>';
  let rendered: string;
  if (asString(site.ref.kind) !== 'MeshService') {
    rendered = 'the docs render only MeshService refs, so it stays as written there; the quick fixes remove it';
  } else if (site.position === 'to' && key === '_port') {
    const legacy = namespaced(site.ref) ? serviceTagName(site.ref, '_port') : name;
    rendered = `it becomes the kuma.io/service name "${legacy}" in Kuma 2.6 and is dropped for sectionName in Kuma 2.9+`;
  } else if (site.position === 'backendRef' && key === '_version') {
    const version = text(site.ref._version) ?? '';
    rendered = `it becomes the MeshService "${name}-${version}" in Kuma 2.9+, or a MeshServiceSubset with tags {version: ${version}} in Kuma 2.6`;
  } else {
    rendered = `both renderings drop it (${site.position === 'to' ? 'a destination is named by name and sectionName' : 'a backendRef takes its port from port'})`;
  }
  return `"${key}" is a placeholder of the Kuma docs' policy templates, not a Kuma field: ${rendered}. Route Studio never routes on it; render the template with a quick fix`;
}

/** The placeholder keys of a route document, each a warning on its key carrying the two renderings of the whole document. */
export function docsTemplateDiagnostics(header: ResourceHeader): Diagnostic[] {
  if (!ROUTE_KINDS.has(header.kind)) return [];
  const sites = refSites(header.body.spec);
  const found = sites.flatMap((site) => PLACEHOLDERS.filter((key) => key in site.ref).map((key) => ({ site, key })));
  if (found.length === 0) return [];
  const source = header.source;
  const fix = (title: string, rendering: Rendering): Fix => ({
    file: source.file,
    documentIndex: source.index,
    title,
    changes: sites.flatMap((site) => siteChanges(site, rendering)).map((change) => ({ ...change, path: documentPath(source, change.path) })),
  });
  const fixes = [fix(RENDER_CURRENT_TITLE, 'current'), fix(RENDER_LEGACY_TITLE, 'legacy')];
  return found.map(({ site, key }) => {
    const path = [...site.path, key];
    return { ...locate(source, path, 'key'), severity: 'warning', code: DOCS_TEMPLATE_CODE, message: `${formatPath(path)}: ${explain(site, key)}`, fixes };
  });
}

/**
 * A route reader's result with the template diagnostics added and its unknown-field warnings on the same keys
 * dropped, so each placeholder is explained once.
 */
export function withDocsTemplates<R extends { diagnostics: Diagnostic[] }>(header: ResourceHeader, result: R): R {
  const templates = docsTemplateDiagnostics(header);
  if (templates.length === 0) return result;
  const placeholders = new Set(templates.map((d) => d.path));
  const kept = result.diagnostics.filter((d) => !(d.code === 'UNKNOWN_FIELD' && placeholders.has(d.path)));
  return { ...result, diagnostics: [...kept, ...templates] };
}
