// Starts the server child (./server-child.mjs) on a phase's database and stops it.
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { HERE } from './config.mjs';
import { cpuSecondsOf } from './cpu.mjs';
import { tail } from '../format.mjs';

/**
 * { url, pid, cpuSeconds(), lag(), stop() } once the child prints its URL; rejects when it exits first.
 * lag(): the server's event-loop delay since the previous lag() (ms: p50, p99, max).
 */
export async function startServerChild(p) {
  const child = spawn(process.execPath, [join(HERE, 'server-child.mjs'), p.dataDir, ...(p.url !== undefined ? [p.url] : [])], { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] });
  let stderr = '';
  child.stderr.on('data', (c) => { stderr += c; });
  const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
  const url = await new Promise((resolve, reject) => {
    let text = '';
    child.stdout.on('data', (chunk) => {
      text += chunk;
      if (text.includes('\n')) resolve(JSON.parse(text.split('\n')[0]).url);
    });
    exited.then(({ code, signal }) => reject(new Error(`the server child exited (${code ?? signal}) before listening: ${tail(stderr, 5)}`)));
  });
  return {
    url,
    pid: child.pid,
    cpuSeconds: () => cpuSecondsOf(child.pid),
    lag: () => new Promise((resolve) => {
      child.once('message', resolve);
      child.send('lag');
    }),
    stderr: () => stderr,
    async stop() {
      if (child.connected) child.disconnect();
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
}
