import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { Autosaver, backoffMs, DEBOUNCE_MS, type AutosaverDeps, type SaveBody, type SaveStatus } from './autosaver.js';
import { readDraft, type DraftDoc } from './draft-store.js';
import { FakeStorage } from './fake-storage.test-util.js';

class NetError extends Error {}
class Conflict extends Error {}

/** Manual timers and a scripted server. */
function harness(answers: ((body: SaveBody) => Promise<{ version: number }>)[] = []) {
  const timers: { fn: () => void; ms: number; id: number }[] = [];
  let nextId = 1;
  const sent: { body: SaveBody; keepalive: boolean }[] = [];
  const statuses: SaveStatus[] = [];
  const stops: unknown[] = [];
  const storage = new FakeStorage();
  let version = 3;
  const deps: AutosaverDeps = {
    storage,
    put: (_id, body, keepalive) => {
      sent.push({ body, keepalive });
      const scripted = answers.shift();
      if (scripted) return scripted(body);
      if (body.version !== version) return Promise.reject(new Conflict('version'));
      version++;
      return Promise.resolve({ version });
    },
    readingMs: () => 1234,
    onStatus: (s) => statuses.push(s),
    onStop: (e) => stops.push(e),
    retryable: (e) => e instanceof NetError,
    fatal: (e) => e instanceof Conflict,
    now: () => 5,
    setTimer: (fn, ms) => {
      const id = nextId++;
      timers.push({ fn, ms, id });
      return id;
    },
    clearTimer: (h) => {
      const i = timers.findIndex((t) => t.id === h);
      if (i >= 0) timers.splice(i, 1);
    },
  };
  /** Runs the earliest timer and lets its promises settle. */
  const tick = async () => {
    const t = timers.shift();
    t?.fn();
    for (let i = 0; i < 5; i++) await Promise.resolve();
    return t;
  };
  return { deps, timers, sent, statuses, stops, storage, tick, serverVersion: () => version };
}

const doc = (n: number): DraftDoc => ({ globals: ['COPD'], boxes: Array.from({ length: n }, (_, i) => ({ label: 'Edema', xMin: i, yMin: 0, xMax: i + 5, yMax: 5 })) });

describe('autosave', () => {
  it('writes every change to this device at once and to the server after a pause, from the answered version', async () => {
    const h = harness();
    const a = new Autosaver(7, 3, doc(0), h.deps);
    a.change(doc(1));
    assert.equal(readDraft(h.storage, 7)?.pending, true, 'kept locally before any request');
    assert.equal(readDraft(h.storage, 7)?.doc.boxes.length, 1);
    a.change(doc(2));
    assert.equal(h.timers.length, 1, 'one pending save (debounced)');
    assert.equal(h.timers[0]!.ms, DEBOUNCE_MS);
    assert.equal(h.sent.length, 0);
    await h.tick();
    assert.equal(h.sent.length, 1, 'two changes, one save');
    assert.equal(h.sent[0]!.body.version, 3);
    assert.equal(h.sent[0]!.body.boxes.length, 2);
    assert.equal(h.sent[0]!.body.readingMs, 1234);
    assert.equal(a.version, 4);
    assert.equal(a.pending, false);
    assert.deepEqual(h.statuses.at(-1), { kind: 'saved' });
    assert.equal(readDraft(h.storage, 7)?.pending, false);
    assert.equal(readDraft(h.storage, 7)?.baseVersion, 4);
    a.change(doc(3));
    await h.tick();
    assert.equal(h.sent[1]!.body.version, 4, 'the next save starts from the answer');
  });

  it('retries network failures with growing waits and says it is offline', async () => {
    const fail = () => Promise.reject(new NetError('offline'));
    const h = harness([fail, fail]);
    const a = new Autosaver(7, 3, doc(0), h.deps);
    a.change(doc(1));
    await h.tick();
    assert.deepEqual(h.statuses.at(-1), { kind: 'offline', retryInMs: backoffMs(1) });
    assert.equal(h.timers[0]!.ms, 1000);
    await h.tick();
    assert.equal(h.timers[0]!.ms, 2000);
    await h.tick();
    assert.equal(h.sent.length, 3);
    assert.deepEqual(h.statuses.at(-1), { kind: 'saved' });
    assert.equal(a.version, 4);
    assert.equal(backoffMs(20), 30_000, 'capped');
  });

  it('stops on a version conflict and hands it over', async () => {
    const h = harness();
    const a = new Autosaver(7, 1, doc(0), h.deps); // stale: the server is at 3
    a.change(doc(1));
    await h.tick();
    assert.equal(h.stops.length, 1);
    assert.ok(h.stops[0] instanceof Conflict);
    assert.deepEqual(h.statuses.at(-1), { kind: 'stopped' });
    a.change(doc(2));
    assert.equal(h.timers.length, 0, 'no more saves');
    assert.equal(readDraft(h.storage, 7)?.doc.boxes.length, 1, 'the local copy stays');
    a.reset(3, doc(0));
    a.change(doc(4));
    await h.tick();
    assert.equal(a.version, 4, 'saving again after a reset to the server’s version');
  });

  it('flush saves at once and resolves with the new version; it throws while offline', async () => {
    const h = harness();
    const a = new Autosaver(7, 3, doc(0), h.deps);
    a.change(doc(1));
    assert.equal(await a.flush(), 4);
    assert.equal(h.timers.length, 0, 'the debounce was cancelled');
    assert.equal(await a.flush(), 4, 'nothing to save');
    assert.equal(h.sent.length, 1);
    const off = harness([() => Promise.reject(new NetError('down'))]);
    const b = new Autosaver(7, 3, doc(0), off.deps);
    b.change(doc(1));
    await assert.rejects(b.flush(), NetError);
  });

  it('a restored draft is saved at once', async () => {
    const h = harness();
    const a = new Autosaver(7, 3, doc(2), h.deps, true);
    assert.equal(h.timers[0]!.ms, 0);
    await h.tick();
    assert.equal(h.sent[0]!.body.boxes.length, 2);
    assert.equal(a.pending, false);
  });

  it('on unload sends what is unsaved with keepalive and remembers what it sent', async () => {
    const h = harness();
    const a = new Autosaver(7, 3, doc(0), h.deps);
    a.change(doc(1));
    a.unload();
    assert.equal(h.sent.length, 1);
    assert.equal(h.sent[0]!.keepalive, true);
    assert.equal(h.sent[0]!.body.version, 3);
    assert.equal(h.timers.length, 0);
    assert.equal(readDraft(h.storage, 7)?.sent?.[0]?.baseVersion, 3);
    const idle = harness();
    new Autosaver(7, 3, doc(0), idle.deps).unload();
    assert.equal(idle.sent.length, 0, 'nothing unsaved, nothing sent');
  });
});
