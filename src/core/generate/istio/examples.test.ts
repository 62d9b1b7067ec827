/**
 * The Istio export of the six TSB doc examples against goldens (fixtures/tsb/example-NN/expected-istio.yaml,
 * rewritten by UPDATE_FIXTURES=1), and every exported document against Istio's schemas and webhook rules.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseAllDocuments } from 'yaml';
import { describe, expect, it } from 'vitest';
import { exportConfig } from '..';
import { istioDocumentProblems } from './istioSchemas.testing';

const root = join(import.meta.dirname, '../../../..');
const examples = join(root, 'src/demo/examples/tsb');
const update = process.env.UPDATE_FIXTURES === '1';

function documentsOf(text: string): Record<string, unknown>[] {
  return parseAllDocuments(text).flatMap((d) => (Array.isArray(d) ? [] : [d.toJS() as Record<string, unknown>]));
}

describe('Istio export of the TSB doc examples', () => {
  const names = readdirSync(examples).filter((f) => f.endsWith('.yaml')).sort();

  it('has the six examples', () => {
    expect(names).toHaveLength(6);
  });

  for (const file of names) {
    const example = file.replace(/\.yaml$/, '');
    const dir = join(root, 'fixtures/tsb', `example-${example}`);
    it(`${example}: matches expected-istio.yaml, and Istio would accept it`, () => {
      const text = readFileSync(join(examples, file), 'utf8');
      expect(readFileSync(join(dir, 'input.yaml'), 'utf8'), 'the fixture input is the built-in example').toBe(text);
      const result = exportConfig([{ name: 'input.yaml', text }], 'istio');
      expect(result.diagnostics).toEqual([]);
      expect(result.files.map((f) => f.name)).toEqual(['ns1-reviews.yaml']);
      const exported = result.files[0]?.text ?? '';
      const golden = join(dir, 'expected-istio.yaml');
      if (update) writeFileSync(golden, exported);
      if (!existsSync(golden)) throw new Error(`no ${golden}: run UPDATE_FIXTURES=1 and review it`);
      expect(exported).toBe(readFileSync(golden, 'utf8'));
      const documents = documentsOf(exported);
      expect(documents.map((d) => d.kind)).toEqual(['VirtualService', 'DestinationRule']);
      for (const document of documents) expect(istioDocumentProblems(document), String(document.kind)).toEqual([]);
    });
  }
});
