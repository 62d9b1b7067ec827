import { describe, expect, it } from 'vitest';
import { MAX_IMPORT_BYTES, readImports } from './readImports';

const blob = (name: string, text: string, size = text.length) => ({ name, size, text: () => Promise.resolve(text) });

describe('readImports', () => {
  it('reads YAML, YML, JSON and extension-less files in order', async () => {
    const read = await readImports([blob('a.yaml', 'a: 1'), blob('b.YML', 'b: 1'), blob('c.json', '{}'), blob('Kumafile', 'k: 1')]);
    expect(read.refused).toEqual([]);
    expect(read.files).toEqual([
      { name: 'a.yaml', text: 'a: 1' },
      { name: 'b.YML', text: 'b: 1' },
      { name: 'c.json', text: '{}' },
      { name: 'Kumafile', text: 'k: 1' },
    ]);
  });

  it('refuses other extensions, binary content and files over the limit, saying why', async () => {
    const read = await readImports([blob('ok.yaml', 'x: 1'), blob('photo.png', 'x'), blob('data.yaml', 'a\u0000b'), blob('big.yaml', '', MAX_IMPORT_BYTES + 1)]);
    expect(read.files.map((f) => f.name)).toEqual(['ok.yaml']);
    expect(read.refused).toEqual([
      'photo.png: not a YAML file (.png; Route Studio reads .yaml, .yml and .json)',
      'data.yaml: not a YAML file (it holds binary data)',
      'big.yaml: 5.0 MB is over the 5 MB limit',
    ]);
  });
});
