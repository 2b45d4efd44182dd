// Runs node's built-in test runner over the compiled test files (or the ones named on the command line).
// Node 20's `--test` does not expand globs, so this script finds them.
import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';

function findTests(dir, out) {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules') continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) findTests(path, out);
    else if (name.endsWith('.test.js')) out.push(path);
  }
  return out;
}

const named = process.argv.slice(2);
const files = named.length > 0 ? named : findTests('packages', []).filter((f) => f.includes('/dist/')).sort();
if (files.length === 0) {
  console.error('run-tests: no compiled test files found; run `tsc -b` first');
  process.exit(1);
}
const result = spawnSync(process.execPath, ['--enable-source-maps', '--test', ...files], { stdio: 'inherit' });
process.exit(result.status ?? 1);
