/**
 * Scans batches of files on worker threads. Batches are sent as the walk
 * produces them, up to MAX_IN_FLIGHT per worker. The rest wait here and go
 * to whichever worker returns a result first.
 */

import { Worker } from 'node:worker_threads';

import type { BatchOptions, BatchResult, FileTask } from './batch.js';
import type { BatchRequest } from './scan-worker.js';

interface BatchReply {
  id: number;
  result: BatchResult;
}

interface PoolWorker {
  thread: Worker;
  inFlight: number;
}

// Enough work for a worker to stay busy while the main thread is still walking and cannot send more.
const MAX_IN_FLIGHT = 16;

export class BatchPool {
  private readonly workers: PoolWorker[];
  private readonly waiting: BatchRequest[] = [];
  private readonly results: BatchResult[] = [];
  private submitted = 0;
  private done = 0;
  private settle: { resolve: (results: BatchResult[]) => void; reject: (error: unknown) => void } | undefined;
  private failure: unknown;

  constructor(
    size: number,
    private readonly options: BatchOptions,
    private readonly onResult: (result: BatchResult, index: number) => void,
  ) {
    this.workers = Array.from({ length: size }, () => this.startWorker());
  }

  /** Queues `tasks` as batch number `id` (ids count up from 0 in walk order). */
  submit(id: number, tasks: FileTask[]): void {
    this.submitted += 1;
    const request: BatchRequest = { id, tasks, options: this.options };
    const idle = this.workers.reduce((best, worker) => (worker.inFlight < best.inFlight ? worker : best));
    if (idle.inFlight < MAX_IN_FLIGHT) {
      this.send(idle, request);
    } else {
      this.waiting.push(request);
    }
  }

  /** Resolves with every result in batch order once all submitted batches are done. */
  finish(): Promise<BatchResult[]> {
    return new Promise((resolve, reject) => {
      this.settle = { resolve, reject };
      this.check();
    });
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.thread.terminate()));
  }

  private startWorker(): PoolWorker {
    const worker: PoolWorker = { thread: new Worker(new URL('./scan-worker.js', import.meta.url)), inFlight: 0 };
    worker.thread.on('message', (reply: BatchReply) => {
      worker.inFlight -= 1;
      this.results[reply.id] = reply.result;
      this.done += 1;
      this.onResult(reply.result, reply.id);
      const next = this.waiting.shift();
      if (next !== undefined) {
        this.send(worker, next);
      }
      this.check();
    });
    worker.thread.on('error', (error) => {
      this.failure ??= error;
      this.check();
    });
    // A worker that dies without an error event (out of memory, say) would otherwise leave finish() pending.
    worker.thread.on('exit', (code) => {
      if (this.done < this.submitted) {
        this.failure ??= new Error(`A scan worker exited with code ${code} before finishing its batches.`);
        this.check();
      }
    });
    return worker;
  }

  private send(worker: PoolWorker, request: BatchRequest): void {
    worker.inFlight += 1;
    worker.thread.postMessage(request);
  }

  private check(): void {
    if (this.settle === undefined) {
      return;
    }
    if (this.failure !== undefined) {
      this.settle.reject(this.failure);
    } else if (this.done === this.submitted) {
      this.settle.resolve(this.results);
    }
  }
}
