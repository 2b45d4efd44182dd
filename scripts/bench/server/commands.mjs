// The import and export commands a phase times as whole processes (spawn to exit): `cxrlab import` and
// `cxrlab export --project` when the CLI has them, else ./platform-child.mjs (the same package
// functions in a process of their own), which the report then names.
import { spawn, spawnSync } from 'node:child_process';
import { join, relative } from 'node:path';
import { CLI, HERE, NO_CLI, ROOT } from './config.mjs';
import { cliDatabaseArgs } from './databases.mjs';
import { tail } from '../format.mjs';

const help = (command) => spawnSync(process.execPath, [CLI, command, '--help'], { encoding: 'utf8' });
const CLI_IMPORT = !NO_CLI && help('import').status === 0;
const CLI_EXPORT = !NO_CLI && (() => {
  const r = help('export');
  return r.status === 0 && r.stdout.includes('--project');
})();
export const COMMANDS = { cliImport: CLI_IMPORT, cliExport: CLI_EXPORT };

const child = (job) => [join(HERE, 'platform-child.mjs'), JSON.stringify({ ...job, dataDir: job.p.dataDir, url: job.p.url, p: undefined })];
const rel = (path) => relative(ROOT, path);

/** { args (for node), display } of importing `dir` into project `key` of place `p`. */
export function importCommand(p, dir, key) {
  if (CLI_IMPORT) return { args: [CLI, 'import', dir, '--project', key, ...cliDatabaseArgs(p)], display: `cxrlab import ${rel(dir)} --project ${key}` };
  return { args: child({ op: 'import', p, dir, key, split: 'train' }), display: `importImages in platform-child.mjs (${NO_CLI ? '--no-cli' : 'no cxrlab import yet'}) ${rel(dir)} -> ${key}` };
}

/** { args, display } of exporting project `key` of place `p` in `format`. */
export function exportCommand(p, key, format) {
  if (CLI_EXPORT) return { args: [CLI, 'export', '--project', key, '--format', format, ...cliDatabaseArgs(p)], display: `cxrlab export --project ${key} --format ${format}` };
  return { args: child({ op: 'export', p, key, format }), display: `createExportSnapshot in platform-child.mjs (${NO_CLI ? '--no-cli' : 'no cxrlab export --project yet'}) ${key} ${format}` };
}

/** The first line that names an error, else the last lines. */
const firstError = (text) => text.split('\n').find((l) => /error/i.test(l))?.trim() ?? tail(text, 3);

/** Runs `node ...args` without blocking the event loop: { seconds, status, stdout, stderr }; throws when it fails. */
export function runTimed(command) {
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const proc = spawn(process.execPath, command.args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    proc.stdout.on('data', (c) => { stdout += c; });
    proc.stderr.on('data', (c) => { stderr += c; });
    proc.once('exit', (status, signal) => {
      const seconds = (performance.now() - t0) / 1000;
      if (status !== 0) reject(new Error(`${command.display} failed (exit ${status ?? signal}): ${firstError(stderr || stdout)}`));
      else resolve({ seconds, status, stdout, stderr });
    });
  });
}
