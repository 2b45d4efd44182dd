// The copy rows of `npm run bench:deid`: `cp -r` (the copy baseline of the targets) and, as
// information, other ways to copy the same files.
import { closeSync, copyFileSync, fstatSync, fsyncSync, mkdirSync, openSync, readFileSync, readSync, writeFileSync, writeSync } from 'node:fs';
import { basename, join } from 'node:path';
import { gc, run, runParallel, tail } from '../util.mjs';

/** Times fn(src, dst) over all files in this process (the destination folder made first, untimed). */
function inProcess(files, out, fn) {
  mkdirSync(out, { recursive: true });
  gc();
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  for (const f of files) fn(f, join(out, basename(f)));
  const seconds = (performance.now() - t0) / 1000;
  return { seconds, user: process.cpuUsage(c0).user / 1e6 };
}

let reuse = Buffer.alloc(0);
function readWriteReused(src, dst, durable = false) {
  const fd = openSync(src, 'r');
  let size;
  try {
    size = fstatSync(fd).size;
    if (reuse.length < size) reuse = Buffer.allocUnsafeSlow(size);
    let at = 0;
    while (at < size) {
      const n = readSync(fd, reuse, at, size - at, at);
      if (n === 0) break;
      at += n;
    }
  } finally {
    closeSync(fd);
  }
  const out = openSync(dst, 'w');
  try {
    let at = 0;
    while (at < size) at += writeSync(out, reuse, at, size - at);
    if (durable) fsyncSync(out);
  } finally {
    closeSync(out);
  }
}

function cpR(dir, out) {
  const r = run('cp', ['-r', dir, out], { account: true });
  return r.status === 0 ? { seconds: r.seconds, user: r.user } : { problem: `cp exit ${r.status}: ${tail(r.stderr, 1)}` };
}

/** Step fields: see steps.mjs. `timed`: 'process' (spawn to exit) or 'in-run' (inside this process). */
export const copySteps = {
  cp: { key: 'cp', label: 'copy: cp -r (copy_file_range, in the kernel)', group: 'copy', timed: 'process', run: ({ dir }, out) => cpR(dir, out) },
  cp2: { key: 'cp2', label: 'copy: 2 cp processes, half the files each', group: 'copy', timed: 'process', run: async ({ files }, out) => {
    mkdirSync(out);
    const half = Math.ceil(files.length / 2);
    return runParallel([['cp', ['-t', out, ...files.slice(0, half)]], ['cp', ['-t', out, ...files.slice(half)]]]);
  } },
  rw: { key: 'rw', label: 'copy: read + write, new buffer per file (Node, 1 thread)', group: 'copy', timed: 'in-run',
    run: ({ files }, out) => inProcess(files, out, (s, d) => writeFileSync(d, readFileSync(s))) },
  rwReuse: { key: 'rwReuse', label: 'copy: read + write, one reused buffer (Node, 1 thread)', group: 'copy', timed: 'in-run',
    run: ({ files }, out) => inProcess(files, out, (s, d) => readWriteReused(s, d)) },
  rwFsync: { key: 'rwFsync', label: 'copy: read + write + fsync, one reused buffer (Node, 1 thread)', group: 'copy', timed: 'in-run', disk: true,
    run: ({ files }, out) => inProcess(files, out, (s, d) => readWriteReused(s, d, true)) },
  // fs.copyFileSync (libuv) ftruncates the new file to 0 before copy_file_range: ext4's auto_da_alloc then starts
  // writing each file back when it is closed (not waited for), so this row also makes disk writes
  copyFile: { key: 'copyFile', label: 'copy: fs.copyFileSync per file (Node, 1 thread)', group: 'copy', timed: 'in-run', writesBack: true,
    run: ({ files }, out) => inProcess(files, out, (s, d) => copyFileSync(s, d)) },
  cpSync: { key: 'cpSync', label: 'copy: cp -r, then one sync', group: 'copy', timed: 'process', disk: true, run: ({ dir }, out) => {
    const t0 = performance.now();
    const r = run('cp', ['-r', dir, out], { account: true });
    const s = run('sync', [], { account: true });
    if (r.status !== 0 || s.status !== 0) return { problem: `cp exit ${r.status}, sync exit ${s.status}` };
    return { seconds: (performance.now() - t0) / 1000, user: r.user !== undefined && s.user !== undefined ? r.user + s.user : undefined };
  } },
};
