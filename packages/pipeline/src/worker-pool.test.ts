import { describe, it, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { runAllTasks, runTasks, type TaskResult } from './worker-pool.js';

let dir: string;
const task = (name: string): string => join(dir, `${name}.mjs`);

before(() => {
  dir = mkdtempSync(join(tmpdir(), 'cxrlab-pool-'));
  const modules: Record<string, string> = {
    square: `import { threadId } from 'node:worker_threads';
      export async function run(n) { await new Promise((r) => setTimeout(r, 5 * (n % 3))); return { square: n * n, threadId }; }`,
    counted: `import { threadId } from 'node:worker_threads';
      let c; export function setup(counters) { c = counters; }
      export async function run() {
        const now = Atomics.add(c, 0, 1) + 1;
        for (let most = Atomics.load(c, 1); now > most; most = Atomics.load(c, 1)) Atomics.compareExchange(c, 1, most, now);
        await new Promise((r) => setTimeout(r, 30));
        Atomics.sub(c, 0, 1);
        return threadId;
      }`,
    slow: `import { threadId } from 'node:worker_threads';
      export async function run(n) { await new Promise((r) => setTimeout(r, 30)); return threadId; }`,
    flaky: `export function run(n) {
        if (n === 'exit') process.exit(1);
        if (n === 'throw') { const e = new Error('x.dcm: bad length (at byte 12)'); Object.assign(e, { code: 'ERR_INVALID_LENGTH', reason: 'bad length', file: 'x.dcm', offset: 12, tag: 0x7fe00010 }); throw e; }
        if (n === 'plain') throw new TypeError('plain failure');
        if (n === 'uncaught') { setTimeout(() => { throw new Error('boom later'); }); return new Promise(() => {}); }
        if (n === 'loop') for (;;) {}
        if (n === 'hang') return new Promise(() => {});
        if (n === 'oom') { const keep = []; for (;;) keep.push(new Array(1e6).fill(Math.random())); }
        if (n === 'unclonable') return () => 1;
        return 'ok:' + n;
      }`,
    setup: `import { threadId } from 'node:worker_threads';
      let calls = 0; let data;
      export async function setup(d) { calls++; data = d; }
      export function run() { return { calls, data, threadId }; }`,
    badsetup: `export async function setup() { const e = new Error('no codecs'); e.code = 'ERR_UNSUPPORTED'; throw e; }
      export function run() { return 1; }`,
    norun: `export const x = 1;`,
  };
  for (const [name, source] of Object.entries(modules)) writeFileSync(task(name), source);
});

async function collect<I, O>(gen: AsyncIterable<TaskResult<I, O>>): Promise<TaskResult<I, O>[]> {
  const out: TaskResult<I, O>[] = [];
  for await (const r of gen) out.push(r);
  return out;
}

function failureOf(results: TaskResult<string, unknown>[], input: string) {
  const r = results.find((x) => x.input === input);
  assert.ok(r && !r.ok, `${input} should fail`);
  return r.error;
}

describe('runTasks', () => {
  it('runs every input and yields results with their index, in completion order', async () => {
    const inputs = [...Array(20).keys()];
    const results = await collect(runTasks<number, { square: number }>(task('square'), inputs, { concurrency: 3 }));
    assert.equal(results.length, 20);
    for (const r of results) assert.ok(r.ok && r.value.square === r.input * r.input && r.index === r.input);
    assert.deepEqual(results.map((r) => r.index).sort((a, b) => a - b), inputs);
  });

  it('accepts a path, a file: URL or its href', async () => {
    for (const ref of [task('square'), pathToFileURL(task('square')), pathToFileURL(task('square')).href]) {
      const [r] = await collect(runTasks<number, { square: number }>(ref, [3], { concurrency: 1 }));
      assert.ok(r?.ok && r.value.square === 9);
    }
  });

  it('takes inputs lazily: never more than `concurrency` running at once, on at most that many threads', async () => {
    const counters = new Int32Array(new SharedArrayBuffer(8)); // [running, most running]
    let pulled = 0;
    let pulledAtFirstResult = -1;
    function* inputs() {
      for (let i = 0; i < 12; i++) {
        pulled++;
        yield i;
      }
    }
    const threads = new Set<number>();
    let completed = 0;
    for await (const r of runTasks<number, number>(task('counted'), inputs(), { concurrency: 2, setupData: counters })) {
      if (pulledAtFirstResult < 0) pulledAtFirstResult = pulled;
      completed++;
      if (r.ok) threads.add(r.value);
    }
    assert.equal(completed, 12);
    assert.equal(counters[1], 2, 'two tasks ran at once, never more');
    assert.ok(pulledAtFirstResult <= 4, `inputs are taken as workers free up (took ${pulledAtFirstResult} before the first result)`);
    assert.equal(threads.size, 2, 'workers are reused');
  });

  it('defaults concurrency to the available cores and starts no more workers than inputs', async () => {
    const results = await collect(runTasks<number, number>(task('slow'), [1], {}));
    assert.equal(results.length, 1);
    assert.throws(() => runTasks(task('slow'), [1], { concurrency: 0 }).next(), RangeError);
  });

  it('a throwing task is a failed result carrying the error code, file, offset and tag; the rest succeed', async () => {
    const results = await collect(runTasks<string, string>(task('flaky'), ['a', 'throw', 'plain', 'b'], { concurrency: 2 }));
    assert.deepEqual(failureOf(results, 'throw'), {
      code: 'ERR_INVALID_LENGTH', message: 'x.dcm: bad length (at byte 12)', reason: 'bad length', file: 'x.dcm', offset: 12, tag: 0x7fe00010,
    });
    assert.deepEqual(failureOf(results, 'plain'), { code: 'ERR_TASK_FAILED', message: 'plain failure', reason: 'plain failure' });
    assert.deepEqual(results.filter((r) => r.ok).map((r) => r.ok && r.value).sort(), ['ok:a', 'ok:b']);
  });

  it('a worker calling process.exit fails its task only; it is replaced and the run goes on', async () => {
    const results = await collect(runTasks<string, string>(task('flaky'), ['a', 'exit', 'b', 'exit', 'c'], { concurrency: 1 }));
    assert.equal(results.length, 5);
    assert.match(failureOf(results, 'exit').message, /worker exited with code 1/);
    assert.equal(failureOf(results, 'exit').code, 'ERR_WORKER_EXITED');
    assert.deepEqual(results.filter((r) => r.ok).map((r) => r.input), ['a', 'b', 'c']);
  });

  it('an uncaught exception in a worker fails its task with the exception', async () => {
    const results = await collect(runTasks<string, string>(task('flaky'), ['uncaught', 'a'], { concurrency: 1 }));
    const error = failureOf(results, 'uncaught');
    assert.equal(error.code, 'ERR_WORKER_EXITED');
    assert.match(error.message, /worker crashed: boom later/);
    assert.ok(results.find((r) => r.input === 'a')?.ok);
  });

  it('a task over the timeout (busy loop or never settling) fails with ERR_TASK_TIMEOUT and its worker is replaced', async () => {
    const started = performance.now();
    const results = await collect(runTasks<string, string>(task('flaky'), ['loop', 'a', 'hang', 'b'], { concurrency: 2, timeoutMs: 300 }));
    assert.equal(failureOf(results, 'loop').code, 'ERR_TASK_TIMEOUT');
    assert.equal(failureOf(results, 'hang').code, 'ERR_TASK_TIMEOUT');
    assert.match(failureOf(results, 'loop').message, /timed out after 300 ms/);
    assert.deepEqual(results.filter((r) => r.ok).map((r) => r.input).sort(), ['a', 'b']);
    assert.ok(performance.now() - started < 5000);
  });

  it('a worker out of memory fails its task with ERR_WORKER_OUT_OF_MEMORY', async () => {
    const results = await collect(runTasks<string, string>(task('flaky'), ['oom', 'a'], {
      concurrency: 1, resourceLimits: { maxOldGenerationSizeMb: 32, maxYoungGenerationSizeMb: 8 },
    }));
    assert.equal(failureOf(results, 'oom').code, 'ERR_WORKER_OUT_OF_MEMORY');
    assert.ok(results.find((r) => r.input === 'a')?.ok);
  });

  it('a result that cannot be cloned is a failed result', async () => {
    const results = await collect(runTasks<string, string>(task('flaky'), ['unclonable'], { concurrency: 1 }));
    assert.match(failureOf(results, 'unclonable').message, /could not be cloned/);
  });

  it('calls setup once per worker, with setupData', async () => {
    const results = await collect(runTasks<number, { calls: number; data: unknown; threadId: number }>(task('setup'), [1, 2, 3, 4, 5, 6], { concurrency: 2, setupData: { window: 'vindr' } }));
    for (const r of results) assert.ok(r.ok && r.value.calls === 1 && (r.value.data as { window: string }).window === 'vindr');
  });

  it('a failing setup fails each task with the setup error; a module without run() too', async () => {
    const bad = await collect(runTasks<number, number>(task('badsetup'), [1, 2, 3], { concurrency: 2 }));
    assert.equal(bad.length, 3);
    for (const r of bad) assert.ok(!r.ok && r.error.code === 'ERR_UNSUPPORTED' && /task setup failed: no codecs/.test(r.error.message));
    const none = await collect(runTasks<number, number>(task('norun'), [1], { concurrency: 1 }));
    assert.ok(!none[0]!.ok && /exports no run\(input\) function/.test(none[0]!.error.message));
    const missing = await collect(runTasks<number, number>(join(dir, 'missing.mjs'), [1], { concurrency: 1 }));
    assert.ok(!missing[0]!.ok && missing[0]!.error.code === 'ERR_MODULE_NOT_FOUND');
  });

  it('leaving the loop early terminates the workers, including a busy one', async () => {
    const started = performance.now();
    for await (const r of runTasks<string, string>(task('flaky'), ['a', 'loop', 'b', 'c'], { concurrency: 2 })) {
      assert.ok(r.ok);
      break;
    }
    assert.ok(performance.now() - started < 5000);
  });

  it('an input iterable that throws ends the run with its error after the running tasks', async () => {
    function* inputs() {
      yield 'a';
      throw new Error('bad list');
    }
    await assert.rejects(collect(runTasks<string, string>(task('flaky'), inputs(), { concurrency: 2 })), /bad list/);
  });
});

describe('runAllTasks', () => {
  it('settles every input, reports each in completion order and returns them in input order', async () => {
    const seen: number[] = [];
    const results = await runAllTasks<string, string>(task('flaky'), ['a', 'throw', 'exit', 'b'], { concurrency: 2, onResult: (r) => seen.push(r.index) });
    assert.deepEqual(results.map((r) => [r.index, r.ok]), [[0, true], [1, false], [2, false], [3, true]]);
    assert.deepEqual([...seen].sort(), [0, 1, 2, 3]);
  });
});
