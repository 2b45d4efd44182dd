// The simulated readers: each signed in as its own annotator, looping with no think time over
//   next    GET  /api/projects/KEY/tasks/next            (the task, its image's header)
//   image   GET  /api/images/:id/pixels                  (the full-depth pixel blob, deflate, read to the end)
//   save    PUT  /api/tasks/:id/annotation {version, globals: ['Other diseases'], boxes: 1-3 random boxes}
//   submit  POST /api/tasks/:id/submit {version}
// Latencies (first byte sent to last byte received, hrtime) go into a Recorder per phase; a request
// counts in the phase when it started before the phase's end. Any status other than the expected one
// (200) is an error, counted by kind and status. A reader with no task left ({task: null}) stops.
// Submit answers with the reader's following task, already started, so the next GET .../next finds that
// task in progress: the work of starting a task is in the submit figure.
import { VINDR_CXR_SCHEMA } from '@cxrlab/dataset';
import { randomGenerator } from '@cxrlab/dicom';
import { jsonOf } from './http-client.mjs';
import { median } from '../format.mjs';

export const KINDS = ['next', 'image', 'save', 'submit'];
const LOCAL_LABELS = VINDR_CXR_SCHEMA.labels.filter((l) => l.kind === 'local').map((l) => l.name);

export class Recorder {
  constructor(name) {
    this.name = name;
    this.latencies = Object.fromEntries(KINDS.map((k) => [k, []]));
    this.errors = new Map();
    /** The first answer of each kind of error (for the report). */
    this.samples = new Map();
    this.cycles = 0;
    this.startedAt = performance.now();
    this.endedAt = undefined;
  }
  record(kind, response) {
    this.latencies[kind].push(response.ms);
  }
  error(kind, response) {
    const key = `${kind} ${response.status === 0 ? response.error : response.status}`;
    this.errors.set(key, (this.errors.get(key) ?? 0) + 1);
    if (!this.samples.has(key)) this.samples.set(key, response.body?.toString().slice(0, 300) ?? '');
  }
  end() {
    this.endedAt = performance.now();
  }
  get seconds() {
    return ((this.endedAt ?? performance.now()) - this.startedAt) / 1000;
  }
  /** { requests, perSecond, errors, cycles, kinds: {kind: {n, p50, p95, p99, max, mean}} } */
  summary() {
    const kinds = {};
    let requests = 0;
    for (const kind of KINDS) {
      const xs = this.latencies[kind];
      requests += xs.length;
      kinds[kind] = { n: xs.length, ...percentiles(xs) };
    }
    const errors = Object.fromEntries(this.errors);
    const errorCount = [...this.errors.values()].reduce((a, b) => a + b, 0);
    return { phase: this.name, seconds: this.seconds, requests, perSecond: requests / this.seconds, cycles: this.cycles, errors, errorSamples: Object.fromEntries(this.samples), errorCount, kinds };
  }
}

/** p50/p95/p99/max/mean in ms (nearest rank), undefined values when empty. */
export function percentiles(xs) {
  if (xs.length === 0) return { p50: undefined, p95: undefined, p99: undefined, max: undefined, mean: undefined };
  const s = Float64Array.from(xs).sort();
  const rank = (q) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  return { p50: median(s), p95: rank(0.95), p99: rank(0.99), max: s[s.length - 1], mean: s.reduce((a, b) => a + b, 0) / s.length };
}

const random = randomGenerator;

function randomBoxes(rand, width, height) {
  const n = 1 + Math.floor(rand() * 3);
  return Array.from({ length: n }, () => {
    const w = 20 + rand() * width * 0.3;
    const h = 20 + rand() * height * 0.3;
    const xMin = rand() * (width - w);
    const yMin = rand() * (height - h);
    const r = (v) => Math.round(v * 10) / 10;
    return { label: LOCAL_LABELS[Math.floor(rand() * LOCAL_LABELS.length)], xMin: r(xMin), yMin: r(yMin), xMax: r(xMin + w), yMax: r(yMin + h) };
  });
}

/**
 * Runs the readers (one Session each) until `stop` resolves; returns once every reader has finished the
 * request it was making. `target` is a Recorder, or { current: Recorder } that the caller may point at
 * another Recorder meanwhile (a phase change without stopping the readers): each request is recorded
 * in the Recorder current when it started. The last one's end() is called after the drain (its seconds
 * include it, and so do its counts). `images: false` leaves the pixel fetch out of the loop; `thinkMs`
 * makes each reader pause after each submit (exponential, that mean; the first start spread uniformly).
 */
export async function runReaders(sessions, projectKey, target, stop, { images = true, thinkMs = 0 } = {}) {
  const ref = target instanceof Recorder ? { current: target } : target;
  let stopped = false;
  const stopping = stop.then(() => { stopped = true; });
  const think = (ms) => Promise.race([stopping, new Promise((r) => setTimeout(r, ms))]);
  const call = async (kind, work) => {
    const rec = ref.current;
    const response = await work();
    if (response.status === 200) rec.record(kind, response);
    else rec.error(kind, response);
    return response.status === 200 ? response : undefined;
  };
  const reader = async (session, index) => {
    const rand = random(1000 + index * 7919 + ref.current.name.length);
    if (thinkMs > 0) await think(rand() * thinkMs);
    while (!stopped) {
      const next = await call('next', () => session.get(`/api/projects/${projectKey}/tasks/next`));
      if (next === undefined) {
        await new Promise((r) => setTimeout(r, 20));
        continue;
      }
      const view = jsonOf(next);
      if (view.task === null) {
        ref.current.exhausted = (ref.current.exhausted ?? 0) + 1;
        return;
      }
      const opened = performance.now();
      if (stopped) break;
      if (images) await call('image', () => session.get(`/api/images/${view.image.id}/pixels`, { discard: true }));
      if (stopped) break;
      const boxes = randomBoxes(rand, view.image.width, view.image.height);
      const saved = await call('save', () => session.put(`/api/tasks/${view.task.id}/annotation`, { version: view.task.version, globals: ['Other diseases'], boxes, readingMs: Math.round(performance.now() - opened) }));
      if (saved === undefined || stopped) continue;
      const rec = ref.current;
      const submitted = await call('submit', () => session.post(`/api/tasks/${view.task.id}/submit`, { version: jsonOf(saved).version, readingMs: Math.round(performance.now() - opened) }));
      if (submitted !== undefined) rec.cycles++;
      if (thinkMs > 0) await think(-Math.log(1 - rand()) * thinkMs);
    }
  };
  await Promise.all(sessions.map(reader));
  ref.current.end();
}
