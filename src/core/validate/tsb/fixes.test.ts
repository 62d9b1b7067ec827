import { describe, expect, it } from 'vitest';
import { analyze, type Diagnostic } from '../..';

const route = (indent: string) =>
  `apiVersion: traffic.tsb.tetrate.io/v2
kind: ServiceRoute
metadata:
  name: reviews
  group: t1
spec:
  service: ns1/reviews.ns1.svc.cluster.local
  portLevelSettings:
    - port: 8080
      trafficType: HTTP
  subsets:
    - name: v1
      weight: 100
  httpRoutes:
    - name: r
      match:
        - name: m
          port: 9090
      destination:
        - subset: v2
          port: 9090
  tcpRoutes:
    - name: t
      match:
        - name: m
          port: 5432
      destination:
        - subset: v1
          port: 5432
`
    .split('\n')
    .map((line) => (line ? indent + line : line))
    .join('\n');

function byCode(diagnostics: Diagnostic[], code: string): Diagnostic[] {
  return diagnostics.filter((d) => d.code === code);
}

describe('TSB quick fixes', () => {
  it('offers to declare each undeclared match port, with the trafficType of its route', () => {
    const { diagnostics } = analyze([{ name: 'sr.yaml', text: `---\n${route('')}` }]);
    const [http, tcp] = byCode(diagnostics, 'TSB_MATCH_PORT_UNDECLARED');
    expect(http?.fixes).toEqual([
      { file: 'sr.yaml', documentIndex: 0, title: 'Declare port 9090 (HTTP) in portLevelSettings', changes: [{ op: 'insert', path: ['spec', 'portLevelSettings'], index: 1, value: { port: 9090, trafficType: 'HTTP' } }] },
    ]);
    expect(tcp?.fixes?.[0]?.changes).toEqual([{ op: 'insert', path: ['spec', 'portLevelSettings'], index: 2, value: { port: 5432, trafficType: 'TCP' } }]);
  });

  it('offers to add the missing subset', () => {
    const { diagnostics } = analyze([{ name: 'sr.yaml', text: route('') }]);
    const [unknown] = byCode(diagnostics, 'TSB_UNKNOWN_SUBSET');
    expect(unknown?.line).toBe(20);
    expect(unknown?.fixes?.[0]).toMatchObject({ title: 'Add subset "v2"', changes: [{ op: 'insert', path: ['spec', 'subsets'], index: 1, value: { name: 'v2', labels: { version: 'v2' } } }] });
  });

  it('prefixes the paths of a fix with the item of a kind: List', () => {
    const text = `apiVersion: v1\nkind: List\nitems:\n  - kind: Other\n    apiVersion: v1\n${route('    ').replace(/^ {4}apiVersion/, '  - apiVersion')}`;
    const { diagnostics } = analyze([{ name: 'list.yaml', text }]);
    const [unknown] = byCode(diagnostics, 'TSB_UNKNOWN_SUBSET');
    expect(unknown?.line).toBe(25);
    expect(unknown?.fixes?.[0]?.changes[0]?.path).toEqual(['items', 1, 'spec', 'subsets']);
  });

  it('offers source-IP hashing for a header on a TCP port', () => {
    const text = route('').replace('trafficType: HTTP', 'trafficType: TCP\n      stickySession:\n        header: x-h');
    const [tcp] = byCode(analyze([{ name: 'sr.yaml', text }]).diagnostics, 'TSB_TCP_STICKY_NOT_SOURCE_IP');
    expect(tcp?.line).toBe(12);
    expect(tcp?.fixes?.[0]?.changes).toEqual([{ op: 'set', path: ['spec', 'portLevelSettings', 0, 'stickySession'], value: { useSourceIp: true } }]);
  });
});
