/**
 * A synthetic Kuma mesh for the benchmark: N services with two Dataplanes each (versions v1 and v2) and
 * M = 2N MeshTCPRoutes, generated as YAML text from a fixed seed so every run measures the same input.
 */

/** mulberry32: a tiny 32-bit seeded PRNG, good enough for test data (not for anything else). */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export type TopLevelKind = 'Mesh' | 'MeshSubset' | 'MeshService' | 'MeshServiceSubset';

/** The target share of each top-level targetRef kind among the routes. */
export const TOP_LEVEL_MIX: Readonly<Record<TopLevelKind, number>> = {
  Mesh: 0.05,
  MeshSubset: 0.1,
  MeshService: 0.6,
  MeshServiceSubset: 0.25,
};

export interface SyntheticMeshOptions {
  /** Number of services; there are 2 Dataplanes per service and 2 routes per service. */
  services: number;
  seed?: number;
  /** Mesh name; `default` unless said otherwise. */
  mesh?: string;
}

export interface SyntheticFile {
  name: string;
  text: string;
}

export interface SyntheticMesh {
  files: SyntheticFile[];
  services: number;
  dataplanes: number;
  routes: number;
  /** YAML documents over all files. */
  documents: number;
  /** UTF-8 bytes over all files. */
  bytes: number;
  /** How many routes got each top-level targetRef kind. */
  kindCounts: Record<TopLevelKind, number>;
  /** How many routes were written in each format. */
  formatCounts: { universal: number; kubernetes: number };
}

export const DEFAULT_SEED = 0x5eed;

const VERSIONS = ['v1', 'v2'] as const;

/** Generates the mesh. Same options, same text, byte for byte. */
export function syntheticMesh(options: SyntheticMeshOptions): SyntheticMesh {
  const n = options.services;
  if (!Number.isInteger(n) || n < 2) throw new Error(`services must be an integer >= 2, got ${n}`);
  const mesh = options.mesh ?? 'default';
  const random = mulberry32(options.seed ?? DEFAULT_SEED);
  const int = (min: number, max: number) => min + Math.floor(random() * (max - min + 1)); // inclusive
  const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;
  const service = (i: number) => `svc-${i}`;
  /** A random service other than `not` (-1: any). */
  const otherService = (not: number, taken: ReadonlySet<number> = new Set()) => {
    for (;;) {
      const j = int(0, n - 1);
      if (j !== not && !taken.has(j)) return j;
    }
  };

  const dataplanes: string[] = [];
  for (let i = 0; i < n; i++) {
    VERSIONS.forEach((version, v) => {
      dataplanes.push(
        [
          'type: Dataplane',
          `mesh: ${mesh}`,
          `name: ${service(i)}-${version}`,
          'networking:',
          `  address: 10.${(i >> 8) & 255}.${i & 255}.${10 + v}`,
          '  inbound:',
          '    - port: 8080',
          '      tags:',
          `        kuma.io/service: ${service(i)}`,
          '        kuma.io/protocol: tcp',
          `        version: ${version}`,
        ].join('\n'),
      );
    });
  }

  const kindCounts: Record<TopLevelKind, number> = { Mesh: 0, MeshSubset: 0, MeshService: 0, MeshServiceSubset: 0 };
  const formatCounts = { universal: 0, kubernetes: 0 };
  const universalRoutes: string[] = [];
  const kubernetesRoutes: string[] = [];
  const m = 2 * n;
  for (let r = 0; r < m; r++) {
    const kind = drawKind(random());
    kindCounts[kind]++;
    const selected = int(0, n - 1);
    const spec: string[] = ['spec:', '  targetRef:', `    kind: ${kind}`];
    let selectedService = -1;
    if (kind === 'MeshSubset') {
      if (random() < 0.5) spec.push('    tags:', '      version: v2');
      else {
        selectedService = selected;
        spec.push('    tags:', `      kuma.io/service: ${service(selected)}`, '      version: v1');
      }
    } else if (kind === 'MeshService') {
      selectedService = selected;
      spec.push(`    name: ${service(selected)}`);
    } else if (kind === 'MeshServiceSubset') {
      selectedService = selected;
      spec.push(`    name: ${service(selected)}`, '    tags:', `      version: ${pick(VERSIONS)}`);
    }
    spec.push('  to:');
    const destinations = new Set<number>();
    const toCount = Math.min(int(1, 3), selectedService < 0 ? n : n - 1);
    for (let t = 0; t < toCount; t++) {
      const destination = otherService(selectedService, destinations);
      destinations.add(destination);
      spec.push('    - targetRef:', '        kind: MeshService', `        name: ${service(destination)}`, '      rules:', '        - default:', '            backendRefs:');
      const refCount = int(1, 3);
      const weights = Array.from({ length: refCount }, () => int(0, 100));
      if (!weights.some((w) => w > 0)) weights[0] = int(1, 100);
      for (const weight of weights) {
        if (random() < 0.5) spec.push('              - kind: MeshService', `                name: ${service(destination)}`);
        else spec.push('              - kind: MeshServiceSubset', `                name: ${service(destination)}`, '                tags:', `                  version: ${pick(VERSIONS)}`);
        spec.push(`                weight: ${weight}`);
      }
    }
    const name = `route-${r}`;
    if (random() < 0.5) {
      formatCounts.universal++;
      universalRoutes.push(['type: MeshTCPRoute', `mesh: ${mesh}`, `name: ${name}`, ...spec].join('\n'));
    } else {
      formatCounts.kubernetes++;
      kubernetesRoutes.push(
        ['apiVersion: kuma.io/v1alpha1', 'kind: MeshTCPRoute', 'metadata:', `  name: ${name}`, '  namespace: kuma-system', '  labels:', `    kuma.io/mesh: ${mesh}`, ...spec].join('\n'),
      );
    }
  }

  const files: SyntheticFile[] = [
    { name: 'dataplanes.yaml', text: joinDocuments(dataplanes) },
    { name: 'routes-universal.yaml', text: joinDocuments(universalRoutes) },
    { name: 'routes-kubernetes.yaml', text: joinDocuments(kubernetesRoutes) },
  ];
  return {
    files,
    services: n,
    dataplanes: dataplanes.length,
    routes: m,
    documents: dataplanes.length + m,
    bytes: files.reduce((sum, f) => sum + Buffer.byteLength(f.text, 'utf8'), 0),
    kindCounts,
    formatCounts,
  };
}

function drawKind(x: number): TopLevelKind {
  let acc = 0;
  for (const [kind, share] of Object.entries(TOP_LEVEL_MIX) as [TopLevelKind, number][]) {
    acc += share;
    if (x < acc) return kind;
  }
  return 'MeshServiceSubset';
}

function joinDocuments(documents: readonly string[]): string {
  return documents.length === 0 ? '' : `${documents.join('\n---\n')}\n`;
}
