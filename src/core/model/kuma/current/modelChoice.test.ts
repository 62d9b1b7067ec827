import { describe, expect, it } from 'vitest';
import { readResourceHeader, type ResourceHeader } from '../../resource';
import { parseSources } from '../../../source/parse';
import { chooseModels, currentConstruct } from './modelChoice';

function headers(text: string): ResourceHeader[] {
  return parseSources([{ name: 'in.yaml', text }]).documents.map((d) => readResourceHeader(d) as ResourceHeader);
}

const meshOf = (h: ResourceHeader) => h.mesh ?? 'default';

describe('model choice', () => {
  it('finds the first construct of the current model in a document, with its path', () => {
    const [route] = headers('type: MeshTCPRoute\nname: r\nspec:\n  to:\n    - targetRef: {kind: MeshService, name: b}\n      rules:\n        - default:\n            backendRefs: [{kind: MeshService, name: b, port: 80}]\n');
    expect(currentConstruct(route as ResourceHeader)).toEqual({ path: ['spec', 'to', 0, 'rules', 0, 'default', 'backendRefs', 0, 'port'], what: '`port` in backendRef' });
    const [legacy] = headers('type: MeshTCPRoute\nname: r\nspec:\n  targetRef: {kind: MeshService, name: a}\n  to:\n    - targetRef: {kind: MeshService, name: b}\n');
    expect(currentConstruct(legacy as ResourceHeader)).toBeNull();
  });

  it('chooses per mesh, and the option forces every mesh', () => {
    const all = headers('type: MeshService\nname: b\nmesh: one\nspec: {}\n---\ntype: Dataplane\nname: d\nmesh: two\nnetworking: {}\n');
    const auto = chooseModels(all, meshOf);
    expect(auto.get('one')).toMatchObject({ model: 'kuma-2.14', reason: 'MeshService resource "b"' });
    expect(auto.get('one')?.location.line).toBe(2);
    expect(auto.get('two')?.model).toBe('kuma-2.6');
    const forced = chooseModels(all, meshOf, 'kuma-2.6');
    expect([...forced.values()].map((c) => [c.model, c.reason])).toEqual([
      ['kuma-2.6', 'forced by the workspace option'],
      ['kuma-2.6', 'forced by the workspace option'],
    ]);
  });
});
