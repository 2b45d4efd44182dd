// A real `cxrlab serve` for browser tests: startServer on a temporary data dir (SQLite), on a free
// loopback port, serving the built app (packages/web/bundle/) at /. Teardown removes the data dir.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startServer, type RunningServer, type ServerSettings } from '@cxrlab/server';
import { login, type ApiClient } from '@cxrlab/server/testing';
import { webBundleBuilt, webBundleDir } from '../../index.js';

export const ADMIN_PASSWORD = 'e2e-admin-password';

export interface WebServer {
  /** http://localhost:PORT */
  url: string;
  server: RunningServer;
  dataDir: string;
  /** The administrator "admin", signed in (app.inject: the same routes, no socket). */
  admin: ApiClient;
  /** Signs a user in through the API. */
  login(username: string, password: string): Promise<ApiClient>;
  close(): Promise<void>;
}

export interface WebServerOptions {
  settings?: Partial<ServerSettings>;
  /** Keep the data dir (default: a new temporary one, removed at close). */
  dataDir?: string;
  port?: number;
}

/** Throws, saying how to build it, when the browser app has not been built. */
export function requireWebBundle(): void {
  if (!webBundleBuilt()) {
    throw new Error(`the web app is not built (${webBundleDir}index.html is missing): run \`npm run build -w @cxrlab/web\` before the browser tests`);
  }
}

export async function startWebServer(options: WebServerOptions = {}): Promise<WebServer> {
  requireWebBundle();
  const own = options.dataDir === undefined;
  const dataDir = options.dataDir ?? mkdtempSync(join(tmpdir(), 'cxrlab-web-e2e-'));
  let server: RunningServer;
  try {
    server = await startServer({
      dataDir,
      port: options.port ?? 0,
      host: '127.0.0.1',
      webRoot: webBundleDir,
      adminPassword: ADMIN_PASSWORD,
      ...(options.settings !== undefined ? { settings: options.settings } : {}),
    });
  } catch (error) {
    if (own) rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const admin = await login(server.app, 'admin', ADMIN_PASSWORD);
  return {
    url: server.url.replace('://localhost', '://127.0.0.1'),
    server,
    dataDir,
    admin,
    login: (username, password) => login(server.app, username, password),
    async close() {
      await server.close();
      if (own) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
