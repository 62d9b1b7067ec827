import { describe, expect, it } from 'vitest';
import { readResourceHeader } from '../model/resource';
import { parseSources } from '../source/parse';
import { kumaFamily } from './kuma';
import { tsbFamily } from './tsb';

function claimant(text: string): string {
  const [sd] = parseSources([{ name: 'x.yaml', text }]).documents;
  const header = sd ? readResourceHeader(sd) : null;
  if (!header) return 'not a resource';
  return [kumaFamily, tsbFamily].find((f) => f.claims(header))?.id ?? 'nobody';
}

describe('which family claims a document', () => {
  it.each([
    ['apiVersion: traffic.tsb.tetrate.io/v2\nkind: ServiceRoute\n', 'tsb'],
    ['apiVersion: traffic.xcp.tetrate.io/v2\nkind: ServiceRoute\n', 'tsb'],
    ['kind: ServiceRoute\nmetadata: {name: r}\n', 'tsb'],
    ['apiVersion: tsb.tetrate.io/v2\nkind: Workspace\n', 'tsb'],
    ['apiVersion: install.tetrate.io/v1alpha1\nkind: Gateway\n', 'tsb'],
    ['apiVersion: networking.istio.io/v1beta1\nkind: VirtualService\n', 'tsb'],
    ['apiVersion: networking.istio.io/v1beta1\nkind: Gateway\n', 'nobody'],
    ['apiVersion: kuma.io/v1alpha1\nkind: MeshTCPRoute\n', 'kuma'],
    ['kind: MeshTCPRoute\n', 'kuma'],
    ['type: Dataplane\nname: d\n', 'kuma'],
    ['kind: Frobnicator\n', 'nobody'],
  ])('%j -> %s', (text, family) => {
    expect(claimant(text)).toBe(family);
  });
});
