// The server under test, in its own process (the load generator must not share its event loop):
// `node server-child.mjs DATA_DIR [postgres://...]`. It starts exactly as `cxrlab serve` does
// (startServer of @cxrlab/server: migrations, buildApp, listen; the default pool size and login limits),
// on 127.0.0.1 and a free port, and prints {"url": ...} once listening. SIGTERM closes it. Over the IPC
// channel, the message 'lag' answers with its event loop's delay since the last 'lag' (ms: p50, p99, max;
// perf_hooks.monitorEventLoopDelay): how long the server's one thread was kept from answering.
// PostgreSQL is chosen by its URL, as with `cxrlab serve --db`.
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { startServer } from '@cxrlab/server';

const [dataDir, dbUrl] = process.argv.slice(2);
if (dataDir === undefined) {
  console.error('usage: node server-child.mjs DATA_DIR [postgres://...]');
  process.exit(2);
}
const server = await startServer({ dataDir, port: 0, host: '127.0.0.1', ...(dbUrl !== undefined ? { dbUrl } : {}) });
process.stdout.write(`${JSON.stringify({ url: server.url.replace('://localhost', '://127.0.0.1'), pid: process.pid })}\n`);
const lag = monitorEventLoopDelay({ resolution: 5 });
lag.enable();
process.on('message', (message) => {
  if (message !== 'lag') return;
  process.send?.({ p50: lag.percentile(50) / 1e6, p99: lag.percentile(99) / 1e6, max: lag.max / 1e6 });
  lag.reset();
});
process.once('SIGTERM', () => {
  server.close().then(() => process.exit(0), (error) => {
    console.error(error);
    process.exit(1);
  });
});
