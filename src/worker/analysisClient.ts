/**
 * Owns the analysis worker and keeps it answering the newest text:
 * - one run at a time; while it is in flight only the newest waiting request is kept (coalescing);
 * - a response to a request that a newer one superseded is dropped (only the latest request's result is delivered);
 * - a run that takes longer than `cancelAfterMs` while a newer request waits is cancelled: the worker is
 *   terminated and a fresh one takes the newest request.
 * Plain TypeScript (no React): the worker is created through a factory, so tests can pass a fake.
 */
import type { KumaModelOption, SourceFile } from '../core';
import { internalErrorResult } from './internalError';
import { FileUpdateSender } from './fileUpdates';
import { INTERNAL_ERROR, type AnalysisRequest, type AnalysisRequestMessage, type AnalysisResult } from './protocol';
import { DiagnosticsParts, isDiagnosticsPart, restoreUnchanged, type AnalysisMessage, type DiagnosticsPart } from './resultDelta';

/** The part of `Worker` the client uses. */
export interface WorkerLike {
  onmessage: ((event: MessageEvent<AnalysisMessage | DiagnosticsPart>) => void) | null;
  onerror: ((event: ErrorEvent) => void) | null;
  postMessage(message: AnalysisRequestMessage): void;
  terminate(): void;
}

export type WorkerFactory = () => WorkerLike;

export interface AnalysisClientOptions {
  /** Receives the result of the latest request (never a superseded one). */
  /**
   * Every finished run, in order. `superseded` is true when a newer request is already on its way: the result is
   * still shown (typing faster than a large mesh analyses must not leave the problems and graph frozen).
   */
  onResult(result: AnalysisResult, superseded: boolean): void;
  createWorker?: WorkerFactory;
  /** A run slower than this is cancelled as soon as a newer request waits. */
  cancelAfterMs?: number;
}

export const CANCEL_AFTER_MS = 2000;

export function createAnalysisWorker(): WorkerLike {
  return new Worker(new URL('./analysis.worker.ts', import.meta.url), { type: 'module', name: 'route-studio-analysis' });
}

interface Run {
  request: AnalysisRequest;
  /** True once the run has taken longer than `cancelAfterMs`. */
  overdue: boolean;
  timer: ReturnType<typeof setTimeout>;
}

export class AnalysisClient {
  private readonly onResult: (result: AnalysisResult, superseded: boolean) => void;
  private readonly createWorker: WorkerFactory;
  private readonly cancelAfterMs: number;
  private worker: WorkerLike | null = null;
  /** The last result of the current worker, whole: its next message may leave out what stayed the same. */
  private lastReceived: AnalysisResult | null = null;
  /** What the current worker holds of the files: a request sends only what changed. */
  private readonly sender = new FileUpdateSender();
  /** The problems of a large result, posted in parts ahead of it. */
  private readonly diagnosticsParts = new DiagnosticsParts();
  private run: Run | null = null;
  private waiting: AnalysisRequest | null = null;
  private lastId = 0;
  private disposed = false;
  /** How many workers were terminated because a run was too slow (for tests and diagnostics). */
  cancelled = 0;

  constructor(options: AnalysisClientOptions) {
    this.onResult = options.onResult;
    this.createWorker = options.createWorker ?? createAnalysisWorker;
    this.cancelAfterMs = options.cancelAfterMs ?? CANCEL_AFTER_MS;
  }

  /** Asks for an analysis of `files`; returns the request's id. Never blocks. */
  request(files: SourceFile[], showDefaults: boolean, focusSource: string | null = null, revision = 0, kumaModel: KumaModelOption = 'auto'): number {
    if (this.disposed) throw new Error('AnalysisClient is disposed');
    const request: AnalysisRequest = { id: ++this.lastId, files, showDefaults, focusSource, revision, ...(kumaModel !== 'auto' ? { kumaModel } : {}) };
    if (!this.run) {
      this.dispatch(request);
    } else {
      this.waiting = request; // replaces any older waiting request
      if (this.run.overdue) this.cancelRun();
    }
    return request.id;
  }


  /** True while a run is in flight or a request waits. */
  get busy(): boolean {
    return this.run !== null || this.waiting !== null;
  }

  dispose(): void {
    this.disposed = true;
    if (this.run) clearTimeout(this.run.timer);
    this.run = null;
    this.waiting = null;
    this.worker?.terminate();
    this.worker = null;
  }

  private ensureWorker(): WorkerLike {
    if (this.worker) return this.worker;
    const worker = this.createWorker();
    this.lastReceived = null;
    this.sender.reset();
    this.diagnosticsParts.clear();
    worker.onmessage = (event) => {
      const message = event.data;
      if (!isDiagnosticsPart(message)) this.handleResult(worker, message);
      else if (!this.disposed && worker === this.worker) this.diagnosticsParts.add(message);
    };
    worker.onerror = (event) => this.handleWorkerError(worker, event);
    this.worker = worker;
    return worker;
  }

  private dispatch(request: AnalysisRequest): void {
    const worker = this.ensureWorker();
    const timer = setTimeout(() => this.handleOverdue(request.id), this.cancelAfterMs);
    this.run = { request, overdue: false, timer };
    worker.postMessage({ ...request, files: this.sender.updates(request.files) });
  }

  private dispatchWaiting(): void {
    const next = this.waiting;
    this.waiting = null;
    if (next) this.dispatch(next);
  }

  private finishRun(): void {
    if (this.run) clearTimeout(this.run.timer);
    this.run = null;
  }

  private handleOverdue(id: number): void {
    if (!this.run || this.run.request.id !== id) return;
    this.run.overdue = true;
    if (this.waiting) this.cancelRun();
  }

  /** Terminates the worker busy with a stale run and gives the newest request to a fresh one. */
  private cancelRun(): void {
    this.cancelled++;
    this.finishRun();
    this.worker?.terminate();
    this.worker = null;
    this.dispatchWaiting();
  }

  private handleResult(worker: WorkerLike, received: AnalysisMessage): void {
    if (this.disposed || worker !== this.worker) return; // from a terminated worker
    const message = this.diagnosticsParts.take(received);
    // Parts that do not match their result (in-order messages never give that) are a failed worker.
    if (!message) return this.restartAfterFailure(worker, 'the problems of a result arrived incomplete');
    const result = restoreUnchanged(message, this.lastReceived);
    this.lastReceived = result;
    // The worker failed: it may not hold what the sender thinks, so the next request sends every file whole.
    if (result.analysis.diagnostics.some((d) => d.code === INTERNAL_ERROR)) this.sender.reset();
    if (!this.run || result.id !== this.run.request.id) return; // not the run we wait for
    this.finishRun();
    this.onResult(result, result.id !== this.lastId);
    this.dispatchWaiting();
  }

  /** The worker itself failed (its script did not load, or it crashed): answer with an error and start afresh. */
  private handleWorkerError(worker: WorkerLike, event: ErrorEvent): void {
    if (this.disposed || worker !== this.worker) return;
    event.preventDefault();
    this.restartAfterFailure(worker, event.message || 'the analysis worker failed');
  }

  /** Ends a failed worker: the run it had answers with an INTERNAL_ERROR, and a fresh worker takes what waits. */
  private restartAfterFailure(worker: WorkerLike, message: string): void {
    const run = this.run;
    this.finishRun();
    worker.terminate();
    this.worker = null;
    if (run && run.request.id === this.lastId) {
      this.onResult(internalErrorResult(run.request.id, run.request.files[0]?.name ?? '', new Error(message), 0, run.request.revision), false);
    }
    this.dispatchWaiting();
  }
}
