// The body of an analysis thread (see analysis-pool.ts): reads one document per message with the
// pure analyzer and answers with its result or its error.

import { parentPort } from 'node:worker_threads';
import { analyzeFiling, type AnalysisContext } from '../analysis/index.ts';
import { errorMessage } from '../errors.ts';
import type { ThreadMessage } from './analysis-pool.ts';

const port = parentPort;
if (!port) throw new Error('analysis-worker.ts runs as a worker thread of the analysis pool');

port.on('message', async ({ id, bytes, context }: { id: number; bytes: Uint8Array; context: AnalysisContext }) => {
  let answer: ThreadMessage;
  try {
    answer = { type: 'done', id, result: await analyzeFiling(bytes, context) };
  } catch (err) {
    answer = { type: 'failed', id, error: { name: err instanceof Error ? err.name : 'Error', message: errorMessage(err) } };
  }
  port.postMessage(answer);
});
port.postMessage({ type: 'ready' } satisfies ThreadMessage);
