import { describe, expect, it } from 'vitest';
import { documentPath, locate } from './document';
import { splitLists } from './listItems';
import { parseSources } from './parse';

const list = `apiVersion: v1
kind: List
items:
  - apiVersion: traffic.tsb.tetrate.io/v2
    kind: Group
    metadata:
      name: g1
  - apiVersion: traffic.tsb.tetrate.io/v2
    kind: ServiceRoute
    metadata:
      name: reviews
    spec:
      service: ns1/reviews
---
kind: Other
`;

describe('splitLists', () => {
  const documents = splitLists(parseSources([{ name: 'l.yaml', text: list }]).documents);

  it('makes each item of a kind: List a resource of its own, after which the other documents follow', () => {
    expect(documents.map((d) => (d.value as { kind: string }).kind)).toEqual(['Group', 'ServiceRoute', 'Other']);
    expect(documents.map((d) => d.index)).toEqual([0, 0, 1]);
  });

  it('locates paths inside an item on the item lines', () => {
    const route = documents[1];
    if (!route) throw new Error('no item');
    expect(locate(route, ['spec', 'service'])).toMatchObject({ line: 13, column: 16, path: 'spec.service' });
    expect(locate(route, ['metadata', 'name'])).toMatchObject({ line: 11 });
    expect(documentPath(route, ['spec', 'service'])).toEqual(['items', 1, 'spec', 'service']);
  });

  it('leaves a document that is not a List, and a List without items, as they are', () => {
    const plain = splitLists(parseSources([{ name: 'p.yaml', text: 'kind: List\nitems: 3\n' }]).documents);
    expect(plain).toHaveLength(1);
    expect(plain[0]?.itemPath).toBeUndefined();
  });
});
