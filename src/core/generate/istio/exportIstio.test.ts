import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { exportConfig, type ExportOptions } from '..';
import { istioDocumentProblems } from './istioSchemas.testing';
import { istioProblems } from './validateIstio';

const examples = join(import.meta.dirname, '../../../demo/examples/tsb');
const example = (name: string) => readFileSync(join(examples, name), 'utf8');

function exported(text: string, options: ExportOptions = {}) {
  const result = exportConfig([{ name: 'in.yaml', text }], 'istio', options);
  const documents = result.files.flatMap((f) =>
    options.format === 'json'
      ? ((JSON.parse(f.text) as { items: Record<string, unknown>[] }).items)
      : parseAllDocuments(f.text).flatMap((d) => (Array.isArray(d) ? [] : [d.toJS() as Record<string, unknown>])),
  );
  for (const d of documents) expect(istioDocumentProblems(d), String(d.kind)).toEqual([]);
  return { ...result, documents };
}

const spec = (d: Record<string, unknown> | undefined) => (d?.spec ?? {}) as Record<string, unknown>;

const base = `apiVersion: traffic.tsb.tetrate.io/v2
kind: ServiceRoute
metadata:
  name: reviews
  group: t1
spec:
  service: ns1/reviews.ns1.svc.cluster.local
`;

describe('Istio export options', () => {
  it('writes networking.istio.io/v1 and suffixed names when asked', () => {
    const { documents } = exported(example('05-default-http-route.yaml'), { istio: { apiVersion: 'networking.istio.io/v1', names: 'suffixed' } });
    expect(documents.map((d) => [d.apiVersion, (d.metadata as { name: string }).name])).toEqual([
      ['networking.istio.io/v1', 'reviews-vs'],
      ['networking.istio.io/v1', 'reviews-dr'],
    ]);
  });

  it('puts a TCP source-IP hash in the load balancer, where the TCP proxy reads it, when asked', () => {
    const { documents } = exported(example('03-subset-port-settings.yaml'), { istio: { tcpSourceIp: 'loadBalancer' } });
    const dr = spec(documents[1]);
    const v2 = (dr.subsets as Record<string, unknown>[])[1];
    expect(v2?.trafficPolicy).toEqual({ loadBalancer: { consistentHash: { useSourceIp: true } } });
    const both = spec(exported(example('02-port-sticky-sessions.yaml'), { istio: { tcpSourceIp: 'both' } }).documents[1]);
    expect(both.trafficPolicy).toMatchObject({ loadBalancer: { consistentHash: { useSourceIp: true } } });
    expect((both.trafficPolicy as { portLevelSettings: unknown[] }).portLevelSettings).toHaveLength(2);
  });

  it('leaves the fqn annotation out when asked, and writes a Kubernetes List as JSON', () => {
    const { documents, files } = exported(example('05-default-http-route.yaml'), { format: 'json', istio: { fqnAnnotation: false } });
    expect(files[0]?.name).toBe('ns1-reviews.json');
    expect(JSON.parse(files[0]?.text ?? '{}')).toMatchObject({ apiVersion: 'v1', kind: 'List' });
    expect(documents[0]?.metadata).toEqual({ name: 'reviews', namespace: 'ns1' });
  });
});

describe('Istio export shapes', () => {
  it('a TLS_PASSTHROUGH port becomes a tls route whose SNI host is the service', () => {
    const text = `${base}  portLevelSettings:\n    - port: 443\n      trafficType: TLS_PASSTHROUGH\n  subsets:\n    - name: v1\n      weight: 80\n    - name: v2\n      weight: 20\n`;
    const tls = spec(exported(text).documents[0]).tls as Record<string, unknown>[];
    expect(tls[0]?.match).toEqual([{ port: 443, sniHosts: ['reviews.ns1.svc.cluster.local'] }]);
  });

  it('a flagger route delegates to the Canary, with no route of its own', () => {
    const text = `${base}  portLevelSettings:\n    - port: 8080\n      trafficType: HTTP\n  httpRoutes:\n    - name: canary\n      match:\n        - name: m\n          port: 8080\n      flagger:\n        canary: reviews\n        namespace: ns1\n`;
    const http = spec(exported(text).documents[0]).http as Record<string, unknown>[];
    expect(http).toEqual([{ name: 'canary', match: [{ name: 'm', port: 8080 }], delegate: { name: 'reviews', namespace: 'ns1' } }]);
  });

  it('a single subset without weight is one destination without weight; destinationHost is completed', () => {
    const text = `${base}  subsets:\n    - name: v1\n  httpRoutes:\n    - name: r\n      destination:\n        - destinationHost: ratings\n          port: 9080\n`;
    const http = spec(exported(text).documents[0]).http as Record<string, unknown>[];
    expect(http[0]).toEqual({ name: 'r', route: [{ destination: { host: 'ratings.ns1.svc.cluster.local', port: { number: 9080 } } }] });
  });

  it('does not export a route whose weights are all 0, and says why', () => {
    const text = `${base}  portLevelSettings:\n    - port: 8080\n      trafficType: HTTP\n  subsets:\n    - name: v1\n    - name: v2\n`;
    const result = exported(text);
    expect(result.diagnostics.map((d) => d.code)).toEqual(['TSB_EXPORT_ZERO_WEIGHTS']);
    expect(result.documents.map((d) => d.kind)).toEqual(['DestinationRule']);
  });

  it('skips an invalid ServiceRoute with its error, exports the others, and names files apart', () => {
    const bad = base.replace('ns1/reviews.ns1.svc.cluster.local', 'reviews');
    const result = exported(`${example('05-default-http-route.yaml')}---\n${bad}---\n${example('06-tcp-route.yaml')}`);
    expect(result.files.map((f) => f.name)).toEqual(['ns1-reviews.yaml', 'ns1-reviews-2.yaml']);
    expect(result.diagnostics.map((d) => `${d.line} ${d.code}`)).toEqual(['32 TSB_SERVICE_FORMAT']);
  });

  it('says which fields it does not translate (fault injection of newer TSB)', () => {
    const text = `${base}  httpRoutes:\n    - name: r\n      destination:\n        - port: 9080\n      fault:\n        abort:\n          percentage: 10\n          httpStatus: 418\n`;
    const result = exported(text);
    expect(result.diagnostics.map((d) => `${d.line} ${d.severity} ${d.code}`)).toEqual(['12 warning TSB_EXPORT_FIELD_DROPPED']);
    expect(JSON.stringify(result.documents[0])).not.toContain('fault');
  });

  it('reads the items of a kind: List', () => {
    const list = `apiVersion: v1\nkind: List\nitems:\n${example('05-default-http-route.yaml').split('\n').filter((l) => l && !l.startsWith('#')).map((l, i) => (i === 0 ? `  - ${l}` : `    ${l}`)).join('\n')}\n`;
    expect(exported(list).documents.map((d) => d.kind)).toEqual(['VirtualService', 'DestinationRule']);
  });

  it('says when there is nothing to export', () => {
    expect(exportConfig([{ name: 'k.yaml', text: 'type: Mesh\nname: default\n' }], 'istio').diagnostics.map((d) => d.code)).toEqual(['EXPORT_NOTHING']);
  });
});

describe('istioProblems (Istio webhook rules)', () => {
  it('finds what Istio rejects', () => {
    const vs = { kind: 'VirtualService', spec: { hosts: ['reviews'], tls: [{ match: [{ port: 443, sniHosts: ['other'] }], route: [{ destination: { host: 'reviews', subset: 'V1' }, weight: 0 }, { destination: { host: 'reviews' }, weight: 0 }] }] } };
    expect(istioProblems(vs)).toEqual([
      'SNI host "other" is not a compatible subset of any of the virtual service hosts: [reviews]',
      'subset name is invalid: V1',
      'total destination weight = 0',
    ]);
    expect(istioProblems({ kind: 'VirtualService', spec: { hosts: ['r'] } })).toEqual(['http, tcp or tls must be provided in virtual service']);
    const dr = { kind: 'DestinationRule', spec: { host: 'r', trafficPolicy: { portLevelSettings: [{ port: { number: 80 } }] }, subsets: [{ name: 'a' }, { name: 'a', trafficPolicy: {} }] } };
    expect(istioProblems(dr)).toEqual(['port traffic policy must have at least one field', 'duplicate subset names: a', 'traffic policy must have at least one field']);
  });
});
