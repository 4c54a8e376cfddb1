/** Worker thread of a large scan: scans the batches the main thread posts and posts back the results. */

import { parentPort } from 'node:worker_threads';

import { type BatchOptions, type FileTask, scanBatch } from './batch.js';

export interface BatchRequest {
  id: number;
  tasks: FileTask[];
  options: BatchOptions;
}

parentPort?.on('message', (request: BatchRequest) => {
  parentPort?.postMessage({ id: request.id, result: scanBatch(request.tasks, request.options) });
});
