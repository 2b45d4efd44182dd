import { startServer, type RunningServer } from '@cxrlab/server';
import { webBundleBuilt, webBundleDir } from '@cxrlab/web';
import { ExitCode, type CliIO } from '../io.js';
import type { Command } from '../run-cli.js';
import { SERVER_DATABASE_USAGE } from './server/server-database.js';
import { serveBanner } from './serve/serve-banner.js';
import { DEFAULT_HOST, DEFAULT_PORT, parseServeArgs, type ServeRequest } from './serve/serve-options.js';
import { processStopSignal, whenAborted } from './serve/stop-signal.js';

const USAGE = `Usage: cxrlab serve [options]

Runs the labelling platform: projects, blinded multi-reader reading, consensus review, verification
rules and exports, over an HTTP API (its OpenAPI document at /api/openapi.json). The database is
migrated at start. At the first start the administrator "admin" is created with the password in
$CXRLAB_ADMIN_PASSWORD, or a generated one that is printed once. Stops on Ctrl-C or SIGTERM.

Options:
${SERVER_DATABASE_USAGE}  --port, -p P        the port to listen on (default ${DEFAULT_PORT}; 0: any free port)
  --host H            the address to listen on (default ${DEFAULT_HOST}: this machine only;
                      0.0.0.0 for every interface, behind an HTTPS proxy)
  --demo              seed, once, a demo: projects DEMO-TRAIN (independent, 3 readers per image)
                      and DEMO-TEST (consensus, 3 readers then 2 reviewers) with de-identified chest
                      radiographs, annotators ann1-ann3 and reviewers rev1-rev2 whose password is
                      $CXRLAB_DEMO_PASSWORD or a generated one printed once
  --log               log every request (JSON lines) to stdout
  --api-only          serve the API without the browser app (which is served at / when built)
`;

export interface ServeOptions {
  /** Stops the server (the command resolves once it has stopped). */
  signal?: AbortSignal;
  /** Where CXRLAB_ADMIN_PASSWORD, CXRLAB_DEMO_PASSWORD, CXRLAB_DATA and CXRLAB_DB are read (default process.env). */
  env?: NodeJS.ProcessEnv;
}

/** Runs the server until `signal` is aborted; the exit code. */
export async function runServe(args: string[], io: CliIO, options: ServeOptions = {}): Promise<number> {
  const request = parseServeArgs(args, options.env ?? process.env);
  let server: RunningServer;
  try {
    server = await start(request, io);
  } catch (error) {
    // StartError (port in use, database unreachable, a bad password): one line, no stack.
    if (error instanceof Error && error.name === 'StartError') {
      io.stderr.write(`cxrlab serve: ${error.message}\n`);
      return ExitCode.failed;
    }
    throw error;
  }
  io.stdout.write(serveBanner(server, request));
  await whenAborted(options.signal);
  io.stdout.write('cxrlab serve: stopping\n');
  await server.close();
  io.stdout.write('cxrlab serve: stopped\n');
  return ExitCode.ok;
}

function start(request: ServeRequest, io: CliIO): Promise<RunningServer> {
  return startServer({
    dataDir: request.dataDir,
    port: request.port,
    host: request.host,
    ...(request.dbUrl !== undefined ? { dbUrl: request.dbUrl } : {}),
    ...(request.adminPassword !== undefined ? { adminPassword: request.adminPassword } : {}),
    ...(request.demo !== false ? { demo: request.demo } : {}),
    ...(request.web && webBundleBuilt() ? { webRoot: webBundleDir } : {}),
    logger: request.log ? { level: 'info', stream: { write: (line: string) => void io.stdout.write(line) } } : false,
  });
}

export const serveCommand: Command = {
  name: 'serve',
  usage: USAGE,
  async run(args, io) {
    const stop = processStopSignal();
    try {
      return await runServe(args, io, { signal: stop.signal });
    } finally {
      stop.dispose();
    }
  },
};
