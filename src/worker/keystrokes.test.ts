/**
 * The keystroke path (an edit the editor reported, the parse cache told of it, the last analysis's parts taken over by
 * position) must give what an analysis from nothing gives. Every keystroke's answer is kept, then each text is
 * analysed afresh: a fresh analysis in between would replace what the keystrokes take over.
 */
import { describe, expect, it } from 'vitest';
import { mulberry32, syntheticMesh } from '../../bench/syntheticMesh';
import { demoFiles } from '../demo';
import { noteEdit, routeList, type SourceFile } from '../core';
import { createAnalysisMemory, runAnalysis } from './runAnalysis';

const NAME = 'mesh.yaml';

/** What a person sees of an answer: problems, meshes, sources, the drawn graph, and every route of the analysis. */
function seen(files: SourceFile[], memory = createAnalysisMemory()) {
  const result = runAnalysis({ id: 1, files, showDefaults: false, focusSource: 'svc-1' }, memory);
  return { analysis: result.analysis, sources: result.sources, graph: result.graph, routes: memory.last ? routeList(memory.last.analysis.index) : null };
}

/** Edits as typing makes them: mostly in a weight, sometimes anywhere (a name, a kind, a new line, a `---`). */
function keystrokes(text: string, count: number, seed: number): { text: string; start: number; deleteCount: number; insert: string }[] {
  const random = mulberry32(seed);
  const pieces = ['1', '7', '0', 'x', ' ', '\n', '---\n', ': ', '-', 'Mesh', '#'];
  const edits: { text: string; start: number; deleteCount: number; insert: string }[] = [];
  let current = text;
  for (let i = 0; i < count; i++) {
    const weights = [...current.matchAll(/weight: \d+/g)];
    const weight = weights[Math.floor(random() * weights.length)];
    const inWeight = weight !== undefined && random() < 0.6;
    const start = inWeight ? weight.index + weight[0].length : Math.floor(random() * current.length);
    const deleteCount = random() < 0.3 ? Math.min(current.length - start, 1 + Math.floor(random() * 3)) : 0;
    const insert = inWeight ? String(Math.floor(random() * 10)) : random() < 0.85 ? (pieces[Math.floor(random() * pieces.length)] as string) : '';
    current = current.slice(0, start) + insert + current.slice(start + deleteCount);
    edits.push({ text: current, start, deleteCount, insert });
  }
  return edits;
}

describe('the keystroke path', () => {
  it('gives what an analysis from nothing gives, over 60 keystrokes in a mesh of 24 services', () => {
    const initial = syntheticMesh({ services: 24 }).files.map((f) => f.text).join('---\n');
    const other = demoFiles[0] as SourceFile;
    const memory = createAnalysisMemory();
    seen([{ name: NAME, text: initial }, other], memory);
    let before = initial;
    const answers = keystrokes(initial, 60, 11).map((edit) => {
      noteEdit(memory.parseCache, NAME, before, edit.text, edit);
      before = edit.text;
      return { text: edit.text, answer: seen([{ name: NAME, text: edit.text }, other], memory) };
    });
    for (const [i, { text, answer }] of answers.entries()) expect(answer, `keystroke ${i}`).toEqual(seen([{ name: NAME, text }, other]));
  });

  it('gives what an analysis from nothing gives after lines added and removed above documents (they move)', () => {
    const initial = syntheticMesh({ services: 24 }).files.map((f) => f.text).join('---\n');
    const memory = createAnalysisMemory();
    seen([{ name: NAME, text: initial }], memory);
    const random = mulberry32(5);
    let text = initial;
    const answers = Array.from({ length: 24 }, (_, i) => {
      const lineStarts = [...text.matchAll(/\n/g)].map((m) => (m.index ?? 0) + 1);
      const start = lineStarts[Math.floor(random() * lineStarts.length)] ?? 0;
      // New lines, a comment line, or a line taken away (the one at `start`).
      const remove = i % 3 === 2;
      const deleteCount = remove ? text.indexOf('\n', start) + 1 - start : 0;
      const insert = remove ? '' : i % 3 === 0 ? '\n' : '# note\n\n';
      const after = text.slice(0, start) + insert + text.slice(start + deleteCount);
      noteEdit(memory.parseCache, NAME, text, after, { start, deleteCount, insert });
      text = after;
      return { text, answer: seen([{ name: NAME, text }], memory) };
    });
    for (const [i, { text: at, answer }] of answers.entries()) expect(answer, `edit ${i}`).toEqual(seen([{ name: NAME, text: at }]));
  });
});
