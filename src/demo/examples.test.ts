import { describe, expect, it } from 'vitest';
import { analyze } from '../core';
import { examples, exampleFromFile } from './examples';

describe('examples gallery', () => {
  it('opens with the demo and holds every Kuma seed example, in file order', () => {
    expect(examples[0]?.id).toBe('demo');
    const kuma = examples.filter((e) => e.id.startsWith('kuma/')).map((e) => e.title);
    expect(kuma).toEqual(['Traffic split', 'Traffic redirection', 'TCP and HTTP route backend TCP', 'TCP and HTTP route backend HTTP']);
  });

  it('gives each example a description, and none has an error', () => {
    for (const example of examples) {
      expect(example.description, example.id).not.toBe('');
      const errors = analyze(example.files).diagnostics.filter((d) => d.severity === 'error');
      expect(errors, example.id).toEqual([]);
    }
  });

  it('reads family, title and description from the path and first comment', () => {
    expect(exampleFromFile('./examples/tsb/02-sticky-sessions.yaml', '\n# Sticky: by cookie\nkind: X')).toMatchObject({
      id: 'tsb/02-sticky-sessions.yaml',
      family: 'tsb',
      title: 'Sticky sessions',
      description: 'Sticky: by cookie',
    });
  });
});
