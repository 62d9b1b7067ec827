import { describe, expect, it } from 'vitest';
import { analyze } from './index';
import { suggestFileName } from './fileName';
import { droppedResources } from './workspace';

const route = (name: string, kind = 'MeshService') => `apiVersion: kuma.io/v1alpha1
kind: MeshTCPRoute
metadata:
  name: ${name}
  labels:
    kuma.io/mesh: default
spec:
  targetRef:
    kind: ${kind}
    name: frontend
  to:
    - targetRef:
        kind: MeshService
        name: backend
`;

describe('suggestFileName', () => {
  it('names a text after its first resource', () => {
    expect(suggestFileName(route('tcp-route-1'))).toBe('meshtcproute-tcp-route-1.yaml');
    expect(suggestFileName(`${route('a')}---\n${route('b')}`)).toBe('meshtcproute-a-and-1-more.yaml');
    expect(suggestFileName('type: Dataplane\nname: Frontend One\n')).toBe('dataplane-frontend-one.yaml');
    expect(suggestFileName('just: text')).toBeNull();
    expect(suggestFileName('kind: [')).toBeNull();
  });
});

describe('droppedResources', () => {
  it('names each policy with errors and its first error', () => {
    const files = [{ name: 'p.yaml', text: `${route('good')}---\n${route('bad', 'Nonsense')}` }];
    const { diagnostics } = analyze(files);
    const summary = droppedResources(files, diagnostics);
    expect(summary.syntaxErrors).toBe(0);
    expect(summary.dropped).toHaveLength(1);
    expect(summary.dropped[0]).toMatchObject({ kind: 'MeshTCPRoute', name: 'bad', file: 'p.yaml', line: 16 });
    expect(summary.dropped[0]?.reason.code).toBe('KUMA_TARGETREF_KIND');
  });

  it('counts syntax errors', () => {
    const files = [{ name: 'p.yaml', text: 'a: [\n---\nb: {\n' }];
    const summary = droppedResources(files, analyze(files).diagnostics);
    expect(summary).toEqual({ dropped: [], syntaxErrors: 2 });
  });
});
