/**
 * A synthetic TSB workspace for the benchmark: N ServiceRoutes (one per service) in G traffic Groups, each with
 * three subsets, two ports (HTTP 8080 with a header sticky session, TCP 9000 by source IP) and two HTTP routes with
 * matches on 8080, so that every ServiceRoute gives explicit routes and a generated default. YAML text from a fixed
 * seed, tctl style (multi-document), so every run measures the same input.
 */
import { mulberry32 } from './syntheticMesh';

export interface SyntheticTsbOptions {
  /** Number of ServiceRoutes (one service each). */
  routes: number;
  /** ServiceRoutes per traffic Group; 50 unless said otherwise. */
  perGroup?: number;
  seed?: number;
}

export interface SyntheticFile {
  name: string;
  text: string;
}

/** Three weights summing to 100, the last at least 1. */
function weights(random: () => number): [number, number, number] {
  const a = 1 + Math.floor(random() * 80);
  const b = 1 + Math.floor(random() * (99 - a));
  return [a, b, 100 - a - b];
}

export function syntheticTsb(options: SyntheticTsbOptions): SyntheticFile {
  const random = mulberry32(options.seed ?? 1);
  const perGroup = options.perGroup ?? 50;
  const groups = Math.max(1, Math.ceil(options.routes / perGroup));
  const docs: string[] = [];
  for (let g = 0; g < groups; g++) {
    docs.push(`apiVersion: traffic.tsb.tetrate.io/v2
kind: Group
metadata:
  name: group-${g}
  workspace: bench
  tenant: t
  organization: o
spec:
  namespaceSelector:
    names:
      - "*/ns-${g}"
  configMode: BRIDGED
`);
  }
  for (let i = 0; i < options.routes; i++) {
    const g = Math.floor(i / perGroup);
    const [w1, w2, w3] = weights(random);
    const [m1, m2] = weights(random);
    docs.push(`apiVersion: traffic.tsb.tetrate.io/v2
kind: ServiceRoute
metadata:
  name: svc-${i}
  group: group-${g}
  workspace: bench
  tenant: t
  organization: o
spec:
  service: ns-${g}/svc-${i}.ns-${g}.svc.cluster.local
  portLevelSettings:
    - port: 8080
      trafficType: HTTP
      stickySession:
        header: x-user
    - port: 9000
      trafficType: TCP
      stickySession:
        useSourceIp: true
  subsets:
    - name: v1
      labels:
        version: v1
      weight: ${w1}
    - name: v2
      labels:
        version: v2
      weight: ${w2}
    - name: v3
      labels:
        version: v3
      weight: ${w3}
  httpRoutes:
    - name: beta-users
      match:
        - name: beta-header
          headers:
            x-beta:
              exact: "true"
          port: 8080
      destination:
        - subset: v3
          weight: 100
          port: 8080
    - name: api
      match:
        - name: api-prefix
          uri:
            prefix: /api
          port: 8080
        - name: rest
          port: 8080
      destination:
        - subset: v1
          weight: ${m1}
          port: 8080
        - subset: v2
          weight: ${m2 + (100 - m1 - m2)}
          port: 8080
`);
  }
  return { name: `tsb-${options.routes}.yaml`, text: docs.join('---\n') };
}
