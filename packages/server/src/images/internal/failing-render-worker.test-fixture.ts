// A render worker for tests that fails on request: a job whose path ends in `exit` ends the thread (exit code 7),
// `throw` throws outside any job (an uncaught exception), `hang` never returns. Other jobs render as usual.
// Only ever loaded as a worker (render-pool.test.ts gives its URL): importing it elsewhere would throw.
import { parentPort } from 'node:worker_threads';
import '../render-worker.js';
import type { RenderRequest } from '../render-protocol.js';

parentPort!.on('message', ({ job }: RenderRequest) => {
  if (job.path.endsWith('exit')) process.exit(7);
  if (job.path.endsWith('throw')) throw new Error('thrown outside the job');
  if (job.path.endsWith('hang')) for (;;);
});

