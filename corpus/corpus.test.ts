/**
 * Every real-world file of the corpus (copied verbatim from public repositories, see SOURCES.md) gets an answer:
 * no crash, every diagnostic on a real line. `corpus/expected-summary.json` records, per file, the route count and
 * the diagnostic codes, so a change in how the corpus is read shows up in review.
 * `UPDATE_FIXTURES=1 npx vitest run corpus` rewrites the summary.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyze, routeList } from '../src/core';

const root = import.meta.dirname;
const summaryFile = join(root, 'expected-summary.json');

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((d) =>
    d.isDirectory() ? yamlFiles(join(dir, d.name)) : /\.ya?ml$/.test(d.name) ? [join(dir, d.name)] : [],
  );
}

const files = yamlFiles(root).sort();
const summary: Record<string, { routes: number; diagnostics: string[] }> = {};

describe('corpus', () => {
  it('holds the 53 files of shared/corpus', () => {
    expect(files).toHaveLength(53);
  });

  for (const path of files) {
    const name = relative(root, path);
    it(`answers ${name}`, () => {
      const text = readFileSync(path, 'utf8');
      const lines = text.split('\n').length;
      const analysis = analyze([{ name, text }], {});
      for (const d of analysis.diagnostics) {
        expect(d.line, `${d.code} ${d.message}`).toBeGreaterThanOrEqual(1);
        expect(d.line).toBeLessThanOrEqual(lines);
        expect(d.message.length).toBeGreaterThan(0);
      }
      summary[name] = { routes: routeList(analysis.index).length, diagnostics: analysis.diagnostics.map((d) => `${d.line} ${d.severity} ${d.code}`) };
    });
  }

  it('matches the recorded summary', () => {
    if (process.env.UPDATE_FIXTURES === '1') writeFileSync(summaryFile, `${JSON.stringify(summary, null, 2)}\n`);
    expect(summary).toEqual(JSON.parse(readFileSync(summaryFile, 'utf8')));
  });
});
