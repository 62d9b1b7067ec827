import { describe, expect, it } from 'vitest';
import { demoFiles } from '../../demo';
import { renamedTab, replacesWholeText } from './tabNaming';

const route = 'apiVersion: kuma.io/v1alpha1\nkind: MeshTCPRoute\nmetadata:\n  name: tcp-route-1\nspec: {}\n';

describe('tab naming', () => {
  it('tells a replacement from an edit', () => {
    expect(replacesWholeText('', 'x')).toBe(true);
    expect(replacesWholeText('abcdef', 'abcXdef')).toBe(false);
    expect(replacesWholeText('abcdef', 'zzzzzz')).toBe(true);
  });

  it('names an untitled tab after what is pasted into it', () => {
    expect(renamedTab({ name: 'untitled-1.yaml', text: '' }, { name: 'untitled-1.yaml', text: route })).toBe('meshtcproute-tcp-route-1.yaml');
    expect(renamedTab({ name: 'untitled-1.yaml', text: '' }, { name: 'untitled-1.yaml', text: `${route}---\n${route.replace('tcp-route-1', 'b')}` })).toBe('meshtcproute-tcp-route-1-and-1-more.yaml');
  });

  it('never renames a tab with a name of its own, or on an edit', () => {
    const demo = demoFiles[0] ?? { name: '', text: '' };
    expect(renamedTab(demo, { name: demo.name, text: route })).toBeNull();
    expect(renamedTab({ name: 'untitled-3.yaml', text: route }, { name: 'untitled-3.yaml', text: `${route}# note\n` })).toBeNull();
    expect(renamedTab({ name: 'mine.yaml', text: '' }, { name: 'mine.yaml', text: route })).toBeNull();
    expect(renamedTab({ name: 'untitled-2.yaml', text: '' }, { name: 'untitled-2.yaml', text: 'k' })).toBeNull();
  });
});
