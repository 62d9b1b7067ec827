/**
 * Which Kuma model resolves a mesh: the current one (2.9+, as Kuma 2.14) when its documents use a construct of it,
 * else the `kuma.io/service` model of Kuma 2.6, exactly as before. A workspace option can force either.
 */
import type { SourceLocation } from '../../../diagnostics';
import { locate } from '../../../source/document';
import type { NodePath } from '../../../source/path';
import { asArray, asRecord, asString } from '../../raw';
import type { ResourceHeader } from '../../resource';

export type KumaModelName = 'kuma-2.6' | 'kuma-2.14';
/** The workspace option: `auto` chooses per mesh. */
export type KumaModelOption = 'auto' | KumaModelName;

export interface ModelChoice {
  model: KumaModelName;
  /** Why, in words: `MeshService resource "backend"`, `no construct of the current model`, `forced by the workspace option`. */
  reason: string;
  /** The construct that decided it (or the mesh's first document). */
  location: SourceLocation;
}

export const FORCED = 'forced by the workspace option';

const RESOURCE_KINDS = new Set(['MeshService', 'MeshExternalService', 'MeshMultiZoneService']);
const CURRENT_REF_KINDS = new Set(['Dataplane', 'MeshExternalService', 'MeshMultiZoneService']);

interface Construct {
  path: NodePath;
  what: string;
}

/** The first construct of the current model in one document, if any. */
const constructs = new WeakMap<object, Construct | null>();

/**
 * Kept with the document's parsed value (the header is read from it alone, and the construct holds no line): a
 * keystroke asks it of every document again, and a document that only moved keeps its value.
 */
export function currentConstruct(header: ResourceHeader): Construct | null {
  let construct = constructs.get(header.body);
  if (construct === undefined) constructs.set(header.body, (construct = findCurrentConstruct(header)));
  return construct;
}

function findCurrentConstruct(header: ResourceHeader): Construct | null {
  if (RESOURCE_KINDS.has(header.kind)) return { path: header.namePath, what: `${header.kind} resource "${header.name}"` };
  const spec = asRecord(header.body.spec);
  if (!spec) return null;
  const refs: NodePath[] = [['spec', 'targetRef']];
  (asArray(spec.to) ?? []).forEach((rawTo, i) => {
    refs.push(['spec', 'to', i, 'targetRef']);
    (asArray(asRecord(rawTo)?.rules) ?? []).forEach((rawRule, j) => {
      const refsAt = asArray(asRecord(asRecord(rawRule)?.default)?.backendRefs) ?? [];
      refsAt.forEach((_, k) => refs.push(['spec', 'to', i, 'rules', j, 'default', 'backendRefs', k]));
    });
  });
  for (const path of refs) {
    const ref = asRecord(valueAt(spec, path.slice(1)));
    if (!ref) continue;
    const kind = asString(ref.kind);
    if (kind && CURRENT_REF_KINDS.has(kind)) return { path: [...path, 'kind'], what: `a ${kind} ${describe(path)}` };
    for (const field of ['sectionName', 'labels', 'namespace', ...(path.includes('backendRefs') ? ['port'] : [])]) {
      if (ref[field] !== undefined && ref[field] !== null) return { path: [...path, field], what: `\`${field}\` in ${describe(path)}` };
    }
  }
  return null;
}

function describe(path: NodePath): string {
  if (path.includes('backendRefs')) return 'backendRef';
  return path.includes('to') ? 'to[].targetRef' : 'top-level targetRef';
}

function valueAt(root: unknown, path: NodePath): unknown {
  let node = root;
  for (const segment of path) node = Array.isArray(node) ? node[segment as number] : asRecord(node)?.[segment];
  return node;
}

/**
 * The model of each mesh, from its documents in order (`meshOf` gives a document's mesh). The first construct of
 * the current model decides; `option` forces one model for every mesh.
 */
export function chooseModels(headers: readonly ResourceHeader[], meshOf: (h: ResourceHeader) => string, option: KumaModelOption = 'auto'): Map<string, ModelChoice> {
  const choices = new Map<string, ModelChoice>();
  for (const header of headers) {
    const mesh = meshOf(header);
    const known = choices.get(mesh);
    if (option !== 'auto') {
      if (!known) choices.set(mesh, { model: option, reason: FORCED, location: locate(header.source, header.namePath) });
      continue;
    }
    if (known?.model === 'kuma-2.14') continue;
    const construct = currentConstruct(header);
    if (construct) choices.set(mesh, { model: 'kuma-2.14', reason: construct.what, location: locate(header.source, construct.path) });
    else if (!known) choices.set(mesh, { model: 'kuma-2.6', reason: 'no construct of the current model (MeshService resources, Dataplane targetRefs, sectionName, labels, namespace, backendRef port)', location: locate(header.source, header.namePath) });
  }
  return choices;
}

export const MODEL_LABELS: Record<KumaModelName, string> = {
  'kuma-2.6': 'Kuma 2.6 (kuma.io/service)',
  'kuma-2.14': 'Kuma 2.14 (MeshService)',
};
