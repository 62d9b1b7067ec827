import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { AnalysisClient, type WorkerLike } from './analysisClient';
import { INTERNAL_ERROR, type AnalysisRequest, type AnalysisResult } from './protocol';
import { DIAGNOSTICS_PER_PART, inParts, type AnalysisMessage, type DiagnosticsPart } from './resultDelta';

/** A worker that records requests and answers only when the test says so. */
class FakeWorker implements WorkerLike {
  onmessage: WorkerLike['onmessage'] = null;
  onerror: WorkerLike['onerror'] = null;
  received: AnalysisRequest[] = [];
  terminated = false;

  postMessage(message: AnalysisRequest): void {
    this.received.push(message);
  }

  terminate(): void {
    this.terminated = true;
  }

  /** Answers the request with this id (default: the last one received). */
  answer(id = this.received.at(-1)?.id ?? 0): void {
    const result: AnalysisResult = { id, analysis: { diagnostics: [], meshes: [] }, graph: { nodes: [], edges: [] }, layouts: {}, sources: [], ms: 1, revision: 0 };
    this.onmessage?.({ data: result } as MessageEvent<AnalysisResult>);
  }

  /** Answers with this many problems, posted as the worker posts them (in parts when many). */
  answerWithProblems(count: number, id = this.received.at(-1)?.id ?? 0, post: (messages: (AnalysisMessage | DiagnosticsPart)[]) => (AnalysisMessage | DiagnosticsPart)[] = (m) => m): void {
    const diagnostics = Array.from({ length: count }, (_, i) => ({ severity: 'info' as const, code: 'X', message: `problem ${i}`, file: 'a.yaml', path: '', line: i + 1, column: 1, endLine: i + 1, endColumn: 2 }));
    const result: AnalysisResult = { id, analysis: { diagnostics, meshes: [] }, graph: { nodes: [], edges: [] }, layouts: {}, sources: [], ms: 1, revision: 0 };
    for (const data of post(inParts(result))) this.onmessage?.({ data } as MessageEvent<AnalysisMessage | DiagnosticsPart>);
  }

  crash(message: string): void {
    this.onerror?.({ message, preventDefault() {} } as unknown as ErrorEvent);
  }
}

function setup(cancelAfterMs = 2000) {
  const workers: FakeWorker[] = [];
  const results: AnalysisResult[] = [];
  const superseded: boolean[] = [];
  const client = new AnalysisClient({
    cancelAfterMs,
    onResult: (r, stale) => {
      results.push(r);
      superseded.push(stale);
    },
    createWorker: () => {
      const w = new FakeWorker();
      workers.push(w);
      return w;
    },
  });
  const file = (text: string) => [{ name: 'a.yaml', text }];
  const worker = (i: number): FakeWorker => {
    const w = workers[i];
    if (!w) throw new Error(`no worker ${i}`);
    return w;
  };
  return { client, workers, worker, results, superseded, file };
}

describe('AnalysisClient', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('sends a request and delivers its result', () => {
    const { client, worker, results, file } = setup();
    const id = client.request(file('a'), true);
    expect(worker(0).received).toEqual([{ id, files: file('a'), showDefaults: true, focusSource: null, revision: 0 }]);
    expect(client.busy).toBe(true);
    worker(0).answer(id);
    expect(results.map((r) => r.id)).toEqual([id]);
    expect(client.busy).toBe(false);
  });

  it('keeps only the newest request while a run is in flight, and shows the superseded result meanwhile', () => {
    const { client, workers, worker, results, superseded, file } = setup();
    const first = client.request(file('1'), false);
    client.request(file('2'), false);
    client.request(file('3'), false);
    const last = client.request(file('4'), false);
    expect(worker(0).received.map((r) => r.id)).toEqual([first]); // one run at a time

    worker(0).answer(first); // superseded: shown as such, and the newest waiting request goes next
    expect(results.map((r) => r.id)).toEqual([first]);
    expect(superseded).toEqual([true]);
    expect(worker(0).received.map((r) => r.id)).toEqual([first, last]);
    expect(worker(0).received.at(-1)?.files).toEqual(file('4'));

    worker(0).answer(last);
    expect(results.map((r) => r.id)).toEqual([first, last]);
    expect(superseded).toEqual([true, false]);
    expect(workers).toHaveLength(1);
  });

  it('ignores a response to a request that is not the one in flight', () => {
    const { client, worker, results, file } = setup();
    const id = client.request(file('a'), false);
    worker(0).answer(id + 42);
    expect(results).toEqual([]);
    expect(client.busy).toBe(true);
  });

  it('cancels a run slower than the limit when a newer request waits', () => {
    const { client, workers, worker, results, file } = setup(2000);
    const slow = client.request(file('slow'), false);
    vi.advanceTimersByTime(1000);
    const newer = client.request(file('newer'), false);
    expect(workers).toHaveLength(1); // not yet: the run is only 1 s old

    vi.advanceTimersByTime(1001);
    expect(worker(0).terminated).toBe(true);
    expect(workers).toHaveLength(2);
    expect(worker(1).received.map((r) => r.id)).toEqual([newer]);
    expect(client.cancelled).toBe(1);

    worker(0).answer(slow); // a terminated worker's late answer is ignored
    worker(1).answer(newer);
    expect(results.map((r) => r.id)).toEqual([newer]);
  });

  it('lets a slow run finish when nothing newer waits, and cancels it as soon as something does', () => {
    const { client, workers, worker, results, file } = setup(2000);
    client.request(file('slow'), false);
    vi.advanceTimersByTime(5000);
    expect(worker(0).terminated).toBe(false);
    const newer = client.request(file('newer'), false);
    expect(worker(0).terminated).toBe(true);
    expect(workers).toHaveLength(2);
    worker(1).answer(newer);
    expect(results.map((r) => r.id)).toEqual([newer]);
  });

  it('does not cancel a run that answers in time', () => {
    const { client, workers, worker, file } = setup(2000);
    const a = client.request(file('a'), false);
    vi.advanceTimersByTime(500);
    worker(0).answer(a);
    client.request(file('b'), false);
    vi.advanceTimersByTime(1900);
    expect(workers).toHaveLength(1);
    expect(worker(0).terminated).toBe(false);
  });

  it('turns a crashed worker into an INTERNAL_ERROR result and starts a fresh worker for the next request', () => {
    const { client, workers, worker, results, file } = setup();
    const id = client.request(file('a'), false);
    worker(0).crash('boom');
    expect(results).toHaveLength(1);
    expect(results[0]?.id).toBe(id);
    expect(results[0]?.analysis.diagnostics[0]).toMatchObject({ code: INTERNAL_ERROR, severity: 'error', file: 'a.yaml', line: 1 });
    expect(results[0]?.analysis.diagnostics[0]?.message).toContain('boom');
    const next = client.request(file('b'), false);
    expect(workers).toHaveLength(2);
    worker(1).answer(next);
    expect(results.map((r) => r.id)).toEqual([id, next]);
  });

  it('delivers a result whose many problems came in parts ahead of it, whole', () => {
    const { client, worker, results, file } = setup();
    const id = client.request(file('a'), false);
    worker(0).answerWithProblems(2 * DIAGNOSTICS_PER_PART + 1, id);
    expect(results).toHaveLength(1);
    expect(results[0]?.analysis.diagnostics.map((d) => d.line)).toEqual(Array.from({ length: 2 * DIAGNOSTICS_PER_PART + 1 }, (_, i) => i + 1));
  });

  it('turns a result whose parts went missing into an INTERNAL_ERROR, and a fresh worker answers next', () => {
    const { client, workers, worker, results, file } = setup();
    const id = client.request(file('a'), false);
    worker(0).answerWithProblems(2 * DIAGNOSTICS_PER_PART + 1, id, (messages) => messages.slice(1));
    expect(results[0]?.analysis.diagnostics.map((d) => d.code)).toEqual([INTERNAL_ERROR]);
    expect(worker(0).terminated).toBe(true);
    const next = client.request(file('b'), false);
    expect(workers).toHaveLength(2);
    worker(1).answer(next);
    expect(results.map((r) => r.id)).toEqual([id, next]);
  });

  it('stops everything on dispose', () => {
    const { client, worker, results, file } = setup();
    const id = client.request(file('a'), false);
    client.dispose();
    expect(worker(0).terminated).toBe(true);
    worker(0).answer(id);
    expect(results).toEqual([]);
    expect(() => client.request(file('b'), false)).toThrow();
  });
});
