import { describe, expect, it } from 'vitest';
import { demoFiles } from '../demo';
import { DIAGNOSTICS_PER_PART, DiagnosticsParts, inParts, isDiagnosticsPart, leaveOutUnchanged, restoreUnchanged, type AnalysisMessage } from './resultDelta';
import { createAnalysisMemory, runAnalysis } from './runAnalysis';

describe('results across keystrokes', () => {
  const memory = createAnalysisMemory();
  const first = runAnalysis({ id: 1, files: demoFiles, showDefaults: false, focusSource: null }, memory);
  const reweighted = demoFiles.map((f) => ({ name: f.name, text: f.text.replace('weight: 90', 'weight: 80').replace('weight: 10', 'weight: 20') }));
  const second = runAnalysis({ id: 2, files: reweighted, showDefaults: false, focusSource: null }, memory);

  it('leaves out what equals the previous result and names it', () => {
    const message = leaveOutUnchanged(second, first);
    expect(message.same?.sort()).toEqual(['diagnostics', 'layouts', 'meshes', 'sources']);
    expect(message.analysis.diagnostics).toBeUndefined();
    expect(message.graph).toEqual(second.graph); // a label changed: the graph is sent
    expect(leaveOutUnchanged(first, null)).toBe(first);
  });

  it('puts the very same parts back on the other side', () => {
    const restored = restoreUnchanged(structuredClone(leaveOutUnchanged(second, first)), first);
    expect(restored).toEqual(second);
    expect(restored.analysis.diagnostics).toBe(first.analysis.diagnostics); // the same array: nothing re-renders
    expect(restored.layouts).toBe(first.layouts);
  });

  it('sends a changed part', () => {
    const broken = demoFiles.map((f) => ({ name: f.name, text: f.text.replace('weight: 90', 'weight: -1') }));
    const third = runAnalysis({ id: 3, files: broken, showDefaults: false, focusSource: null }, memory);
    const message = leaveOutUnchanged(third, second);
    expect(message.same ?? []).not.toContain('diagnostics');
    expect(restoreUnchanged(structuredClone(message), second).analysis.diagnostics).toEqual(third.analysis.diagnostics);
  });

  it('sends a few changed problems among many as a splice of the previous ones', () => {
    const many = (weight: number) => Array.from({ length: 40 }, (_, i) => ({ ...second.analysis.diagnostics[0], line: i + 1, message: i === 20 ? `weight ${weight}` : 'same' })) as typeof second.analysis.diagnostics;
    const a = { ...second, analysis: { ...second.analysis, diagnostics: many(1) } };
    const b = { ...second, analysis: { ...second.analysis, diagnostics: many(2) } };
    const message = leaveOutUnchanged(b, a);
    expect(message.analysis.diagnostics).toBeUndefined();
    expect(message.diagnosticsSplice).toEqual({ start: 20, deleteCount: 1, insert: [b.analysis.diagnostics[20]] });
    const restored = restoreUnchanged(structuredClone(message), a);
    expect(restored.analysis.diagnostics).toEqual(b.analysis.diagnostics);
    expect(restored.analysis.diagnostics[0]).toBe(a.analysis.diagnostics[0]); // the unchanged problems are the previous objects
  });
});

describe('a result with many problems', () => {
  const result = runAnalysis({ id: 7, files: demoFiles, showDefaults: false, focusSource: null });
  const many = Array.from({ length: 2 * DIAGNOSTICS_PER_PART + 3 }, (_, i) => ({ severity: 'info' as const, code: 'X', message: `problem ${i}`, file: 'a.yaml', path: '', line: i + 1, column: 1, endLine: i + 1, endColumn: 2 }));
  const large = { ...result, analysis: { ...result.analysis, diagnostics: many } };

  it('is posted as its problems in parts, then the result without them', () => {
    const messages = inParts(large);
    expect(messages.map((m) => (isDiagnosticsPart(m) ? m.diagnostics.length : 'result'))).toEqual([DIAGNOSTICS_PER_PART, DIAGNOSTICS_PER_PART, 3, 'result']);
    const last = messages.at(-1) as AnalysisMessage;
    expect(last.analysis.diagnostics).toBeUndefined();
    expect(last.diagnosticsInParts).toBe(3);
    expect(inParts(result)).toEqual([result]); // a few problems travel with the result
  });

  it('is whole again once its parts are gathered', () => {
    const parts = new DiagnosticsParts();
    let restored: AnalysisMessage | null = null;
    for (const message of structuredClone(inParts(large))) {
      if (isDiagnosticsPart(message)) parts.add(message);
      else restored = parts.take(message);
    }
    expect(restored).toEqual(large);
  });

  it('is refused when its parts are missing or belong to another result', () => {
    const messages = inParts(large);
    const parts = new DiagnosticsParts();
    const [first, , third] = messages;
    if (!isDiagnosticsPart(first) || !isDiagnosticsPart(third)) throw new Error('expected parts');
    parts.add(first);
    parts.add(third);
    expect(parts.take(messages.at(-1) as AnalysisMessage)).toBeNull();
    for (const message of messages.slice(0, 3)) if (isDiagnosticsPart(message)) parts.add({ ...message, id: 6 });
    expect(parts.take(messages.at(-1) as AnalysisMessage)).toBeNull();
  });
});
