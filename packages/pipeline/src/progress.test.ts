import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { ProgressReporter, formatProgress } from './progress.js';

function fakeStream(isTTY: boolean, columns?: number) {
  const writes: string[] = [];
  return { isTTY, columns, writes, write: (t: string) => writes.push(t) };
}

function fakeClock() {
  let t = 1000;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe('formatProgress', () => {
  it('shows count/total, percent, rate, ETA and failures', () => {
    assert.equal(formatProgress({ total: 1000, done: 250, failed: 2 }, 10_000, 'convert'), 'convert [#####...............] 250/1000  25.0%  25.0 files/s  ETA 0:30  2 failed');
    assert.equal(formatProgress({ total: 10, done: 0, failed: 0 }, 0), '[....................] 0/10  0.0%  0.0 files/s  ETA --');
    assert.equal(formatProgress({ total: 100_000, done: 10, failed: 0 }, 10_000), '[....................] 10/100000  0.0%  1.0 files/s  ETA 27:46:30');
    assert.equal(formatProgress({ total: 0, done: 0, failed: 0 }, 5), '[####################] 0/0  100.0%  0.0 files/s  ETA --');
  });
});

describe('ProgressReporter', () => {
  it('on a TTY redraws one line in place, at most once per interval', () => {
    const stream = fakeStream(true);
    const clock = fakeClock();
    const progress = new ProgressReporter(stream, { now: clock.now, intervalMs: 100 });
    progress.start(100);
    assert.deepEqual(stream.writes, ['\r\x1b[2K[....................] 0/100  0.0%  0.0 files/s  ETA --']);
    for (let i = 0; i < 50; i++) {
      clock.advance(10); // 100 files a second
      progress.tick(i === 7 ? 'failed' : 'ok');
    }
    // 50 ticks over 500 ms: 5 redraws, not 50.
    assert.equal(stream.writes.length, 1 + 5);
    assert.ok(stream.writes.every((w) => w.startsWith('\r\x1b[2K') && !w.includes('\n')));
    assert.equal(stream.writes.at(-1), '\r\x1b[2K[##########..........] 50/100  50.0%  100.0 files/s  ETA 0:01  1 failed');
    progress.finish();
    assert.equal(stream.writes.at(-1), '\r\x1b[2K');
    assert.deepEqual(progress.state, { total: 100, done: 50, failed: 1 });
  });

  it('log() writes the line above the bar and redraws it', () => {
    const stream = fakeStream(true);
    const clock = fakeClock();
    const progress = new ProgressReporter(stream, { now: clock.now, label: 'convert' });
    progress.start(2);
    clock.advance(1000);
    progress.tick('failed');
    stream.writes.length = 0;
    progress.log('cxrlab convert: a.dcm: not DICOM\n');
    assert.deepEqual(stream.writes, ['\r\x1b[2Kcxrlab convert: a.dcm: not DICOM\n', '\r\x1b[2Kconvert [##########..........] 1/2  50.0%  1.0 files/s  ETA 0:01  1 failed']);
  });

  it('cuts the line to the terminal width', () => {
    const stream = fakeStream(true, 20);
    new ProgressReporter(stream).start(1000);
    assert.equal(stream.writes[0], '\r\x1b[2K[..................');
  });

  it('draws nothing when the stream is not a TTY; log() still writes', () => {
    const stream = fakeStream(false);
    const progress = new ProgressReporter(stream);
    progress.start(3);
    progress.tick('ok');
    progress.log('a line\n');
    progress.tick('failed');
    progress.finish();
    assert.deepEqual(stream.writes, ['a line\n']);
    const noFlag = { writes: [] as string[], write(t: string) { this.writes.push(t); } };
    const quiet = new ProgressReporter(noFlag);
    quiet.start(1);
    quiet.tick('ok');
    quiet.finish();
    assert.deepEqual(noFlag.writes, []);
  });
});
