import { describe, expect, it } from 'vitest';
import { tabFile, workspaceJson, workspaceYaml } from './exportPolicies';

const a = { name: 'a.yaml', text: '---\nkind: A\nmetadata:\n  name: one\n' };
const b = { name: 'b.yaml', text: 'kind: B\n---\nkind: C\n\n' };

describe('policy export', () => {
  it('joins the tabs into one multi-document YAML, saying where each came from', () => {
    const out = workspaceYaml([a, b]);
    expect(out.name).toBe('policies-workspace.yaml');
    expect(out.text).toBe('# from a.yaml\nkind: A\nmetadata:\n  name: one\n---\n# from b.yaml\nkind: B\n---\nkind: C\n');
  });

  it('gives every document as a JSON List and counts the broken ones it leaves out', () => {
    const out = workspaceJson([a, b, { name: 'bad.yaml', text: 'kind: [\n' }]);
    expect(JSON.parse(out.text)).toEqual({ apiVersion: 'v1', kind: 'List', items: [{ kind: 'A', metadata: { name: 'one' } }, { kind: 'B' }, { kind: 'C' }] });
    expect(out.note).toBe('1 document with YAML syntax errors left out of the JSON');
    expect(workspaceJson([a]).note).toBeUndefined();
  });

  it('keeps a tab name with a YAML extension, and adds one otherwise', () => {
    expect(tabFile(a).name).toBe('a.yaml');
    expect(tabFile({ name: 'Kumafile', text: '' }).name).toBe('Kumafile.yaml');
  });
});
