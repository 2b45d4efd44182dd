// A render worker thread (started by render-pool.ts): renders jobs one at a time and transfers the bytes back.
import { parentPort, workerData } from 'node:worker_threads';
import { ImageError } from './image-error.js';
import { renderJob, type RenderJob } from './render-job.js';
import type { RenderReply, RenderRequest, RenderWorkerData } from './render-protocol.js';

const port = parentPort;
if (!port) throw new Error('render-worker.js runs as a worker thread (render-pool.ts starts it)');
const { activity, slot } = workerData as RenderWorkerData;

port.on('message', (request: RenderRequest) => {
  void render(request.job).then((reply) => {
    if (reply.ok) port.postMessage(reply, [reply.bytes.buffer as ArrayBuffer]);
    else port.postMessage(reply);
  });
});

async function render(job: RenderJob): Promise<RenderReply> {
  enter();
  try {
    return { ok: true, bytes: ownBuffer(await renderJob(job, { blockingDeflate: true })) };
  } catch (error) {
    const e = error instanceof ImageError ? error : new ImageError('ERR_IMAGE_PIXELS', job.path, String(error));
    return { ok: false, error: { code: e.code, file: e.file, reason: e.reason } };
  } finally {
    Atomics.store(activity, slot, 0);
  }
}

/** Marks this worker busy in the pool's shared counters and raises the most-at-once count if it is now higher. */
function enter(): void {
  Atomics.store(activity, slot, 1);
  let now = 0;
  for (let i = 1; i < activity.length; i++) now += Atomics.load(activity, i);
  for (let most = Atomics.load(activity, 0); now > most; most = Atomics.load(activity, 0)) {
    if (Atomics.compareExchange(activity, 0, most, now) === most) break;
  }
}

/** The bytes in an ArrayBuffer of their own, so transferring it moves nothing else (a Buffer may share a pool). */
function ownBuffer(bytes: Uint8Array): Uint8Array {
  const whole = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength && bytes.buffer instanceof ArrayBuffer;
  return whole ? bytes : new Uint8Array(bytes);
}
