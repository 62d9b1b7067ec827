import { describe, expect, it } from 'vitest';
import { syntheticMesh } from '../../bench/syntheticMesh';
import { demoFiles } from '../demo';
import { INTERNAL_ERROR } from './protocol';
import { kumaIndexBuilds } from '../core/resolve/kuma/kumaRouteIndex';
import { createAnalysisMemory, runAnalysis, WARM_FROM_CHARS, WARM_ROUNDS, warmKeystrokePath } from './runAnalysis';

describe('runAnalysis', () => {
  it('analyses, builds the graph and lays it out', () => {
    const result = runAnalysis({ id: 7, files: demoFiles, showDefaults: false, focusSource: null });
    expect(result.id).toBe(7);
    expect(result.graph.edges.map((e) => e.label).filter(Boolean).sort()).toEqual(['10%', '90%']);
    expect((result.layouts.LR ?? []).map(([id]) => id).sort()).toEqual(result.graph.nodes.map((n) => n.id).sort());
    expect(result.analysis.diagnostics.filter((d) => d.code === INTERNAL_ERROR)).toEqual([]);
    expect(() => structuredClone(result)).not.toThrow();
  });

  it('narrows the graph to one source, and lists every source for the picker', async () => {
    const { readFileSync } = await import('node:fs');
    const text = readFileSync(new URL('../../fixtures/kuma/kind-priority/input.yaml', import.meta.url), 'utf8');
    const files = [{ name: 'mesh.yaml', text }];
    const memory = createAnalysisMemory();
    const all = runAnalysis({ id: 1, files, showDefaults: false, focusSource: null }, memory);
    const analysed = memory.last?.analysis;
    const focused = runAnalysis({ id: 2, files, showDefaults: false, focusSource: 'worker' }, memory);
    expect(memory.last?.analysis).toBe(analysed); // only the view changed: the analysis is reused
    expect(all.sources).toEqual(['batch', 'web', 'worker']);
    expect(focused.sources).toEqual(all.sources);
    expect(focused.graph.nodes.filter((n) => n.kind === 'source').map((n) => n.label)).toEqual(['worker']);
    expect(all.graph.nodes.filter((n) => n.kind === 'source')).toHaveLength(3);
  });

  it('keeps the graph while an edit leaves the drawn routes alone, and draws it again when they change', () => {
    const mesh = syntheticMesh({ services: 12, seed: 3 }).files.map((f) => f.text).join('---\n');
    const memory = createAnalysisMemory();
    const first = runAnalysis({ id: 1, files: [{ name: 'm.yaml', text: mesh }], showDefaults: false, focusSource: 'svc-1' }, memory);
    // A comment elsewhere changes no route: the very same graph object (the worker then leaves it out of its answer).
    const commented = runAnalysis({ id: 2, files: [{ name: 'm.yaml', text: `${mesh}\n# a note\n` }], showDefaults: false, focusSource: 'svc-1' }, memory);
    expect(commented.graph).toBe(first.graph);
    // Every weight of svc-1's routes changed: a new graph, with the new percentages.
    const reweighted = mesh.replace(/weight: (\d+)/g, (_, w: string) => `weight: ${Number(w) + 7}`);
    const changed = runAnalysis({ id: 3, files: [{ name: 'm.yaml', text: reweighted }], showDefaults: false, focusSource: 'svc-1' }, memory);
    expect(changed.graph).not.toBe(first.graph);
    expect(changed.graph).toEqual(runAnalysis({ id: 4, files: [{ name: 'm.yaml', text: reweighted }], showDefaults: false, focusSource: 'svc-1' }).graph);
  });

  it('warms the keystroke path of a large file through its memory, and ends where it began', () => {
    const mesh = syntheticMesh({ services: 130, seed: 5 }).files.map((f) => f.text).join('---\n');
    expect(mesh.length).toBeGreaterThanOrEqual(WARM_FROM_CHARS);
    const request = { id: 1, files: [{ name: 'm.yaml', text: mesh }], showDefaults: false, focusSource: 'svc-1' };
    const memory = createAnalysisMemory();
    const before = runAnalysis(request, memory);
    const kept = kumaIndexBuilds.kept;
    warmKeystrokePath(request, memory);
    expect(kumaIndexBuilds.kept).toBe(kept + 2 * WARM_ROUNDS); // a weight changed and back, each keeping the classes
    expect(memory.last?.files).toBe(request.files);
    // The next keystroke answers as a memory that never warmed up does.
    const edited = [{ name: 'm.yaml', text: mesh.replace('weight: ', 'weight: 1') }];
    const warmed = runAnalysis({ ...request, id: 2, files: edited }, memory);
    const cold = runAnalysis({ ...request, id: 2, files: edited });
    expect(warmed.graph).toEqual(cold.graph);
    expect(warmed.analysis).toEqual(cold.analysis);
    expect(runAnalysis(request, memory).graph).toEqual(before.graph);
  });

  it('never throws: a core crash becomes an INTERNAL_ERROR result', () => {
    const poisoned = [{ name: 'x.yaml', get text(): string { throw new Error('kaboom'); } }];
    const result = runAnalysis({ id: 1, files: poisoned, showDefaults: false, focusSource: null });
    expect(result.graph).toEqual({ nodes: [], edges: [] });
    expect(result.analysis.diagnostics).toHaveLength(1);
    expect(result.analysis.diagnostics[0]).toMatchObject({ code: INTERNAL_ERROR, file: 'x.yaml' });
  });

  it('says what was left out only when nothing is drawn', () => {
    const drawn = runAnalysis({ id: 1, files: demoFiles, showDefaults: false, focusSource: null });
    expect(drawn.dropped).toBeUndefined();
    // A policy with errors that can still be read is drawn, marked invalid: the graph is not empty.
    const invalid = demoFiles.map((f) => ({ name: f.name, text: f.text.replace('kind: MeshService\n    name: frontend_kuma-demo_svc_8080', 'kind: MeshGateway\n    name: frontend_kuma-demo_svc_8080') }));
    const drawnInvalid = runAnalysis({ id: 2, files: invalid, showDefaults: false, focusSource: null });
    expect(drawnInvalid.graph.nodes.filter((n) => n.invalid).map((n) => n.label)).toEqual(['tcp-route-1']);
    expect(drawnInvalid.dropped).toBeUndefined();
    // One of which nothing can be read (its destination has no name) leaves the graph empty, and is named.
    const unreadable = demoFiles.map((f) => ({ name: f.name, text: f.text.replace('        name: backend_kuma-demo_svc_3001\n      rules:', '      rules:') }));
    const empty = runAnalysis({ id: 3, files: unreadable, showDefaults: false, focusSource: null });
    expect(empty.graph.nodes).toEqual([]);
    expect(empty.dropped?.dropped.map((d) => `${d.kind} ${d.name}`)).toEqual(['MeshTCPRoute tcp-route-1']);
  });
});

describe('runAnalysis on a table too large to draw whole', () => {
  it('draws the first source and says so, without reading the whole table', async () => {
    const { syntheticMesh } = await import('../../bench/syntheticMesh');
    const { MAX_DRAWN_ROUTES } = await import('./runAnalysis');
    const mesh = syntheticMesh({ services: 60, seed: 3 });
    const result = runAnalysis({ id: 1, files: mesh.files, showDefaults: false, focusSource: null, revision: 5 });
    expect(result.revision).toBe(5);
    expect(result.shownSource).toBe(result.sources[0]);
    const sources = result.graph.nodes.filter((n) => n.kind === 'source').map((n) => n.label);
    expect(sources).toEqual([result.sources[0]]);
    expect(result.graph.edges.length).toBeLessThan(MAX_DRAWN_ROUTES);
    const focused = runAnalysis({ id: 2, files: mesh.files, showDefaults: false, focusSource: result.sources[1] ?? null });
    expect(focused.shownSource).toBeUndefined();
  });
});

describe('runAnalysis across keystrokes', () => {
  it('keeps the layout while the graph keeps its shape, and lays out again when it changes', () => {
    const memory = createAnalysisMemory();
    const first = runAnalysis({ id: 1, files: demoFiles, showDefaults: false, focusSource: null }, memory);
    const reweighted = demoFiles.map((f) => ({ name: f.name, text: f.text.replace('weight: 90', 'weight: 80').replace('weight: 10', 'weight: 20') }));
    const second = runAnalysis({ id: 2, files: reweighted, showDefaults: false, focusSource: null }, memory);
    expect(second.graph.edges.map((e) => e.label).filter(Boolean).sort()).toEqual(['20%', '80%']); // 80/10
    expect(second.layouts).toBe(first.layouts);
    const withDefaults = runAnalysis({ id: 3, files: reweighted, showDefaults: true, focusSource: null }, memory);
    expect(withDefaults.graph.nodes.length).toBeGreaterThan(second.graph.nodes.length);
    expect(withDefaults.layouts).not.toBe(first.layouts);
    expect((withDefaults.layouts.LR ?? []).map(([id]) => id).sort()).toEqual(withDefaults.graph.nodes.map((n) => n.id).sort());
  });

  it('counts the lines of each file', () => {
    const memory = createAnalysisMemory();
    const result = runAnalysis({ id: 1, files: [{ name: 'a.yaml', text: 'a: 1\nb: 2\n' }, { name: 'b.yaml', text: 'x: 1' }], showDefaults: false, focusSource: null }, memory);
    expect(result.lines).toEqual({ 'a.yaml': 3, 'b.yaml': 1 });
  });
});
