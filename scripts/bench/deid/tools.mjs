// Which tools `npm run bench:deid` can run here, and their versions (probed once at the start).
import { spawnSync } from 'node:child_process';
import { CLI, PYTHON } from './config.mjs';
import { tail } from './util.mjs';

/** { pythonProblem?, pyVersions?, cliProblem?, cliHelp, cpVersion }: filled by probeTools(). */
export const tools = { cliHelp: '' };

export function probeTools() {
  tools.cpVersion = (spawnSync('cp', ['--version'], { encoding: 'utf8' }).stdout || '').split('\n')[0];
  const py = spawnSync(PYTHON, ['-c', 'import json, sys, pydicom, gdcm, numpy; print(json.dumps({"python": sys.version.split()[0], "pydicom": pydicom.__version__, "gdcm": gdcm.Version.GetVersion(), "numpy": numpy.__version__}))'], { encoding: 'utf8' });
  try {
    tools.pyVersions = JSON.parse(py.stdout.trim());
  } catch {
    tools.pythonProblem = `${PYTHON} cannot import pydicom, gdcm and numpy (${tail(py.stderr || py.error?.message, 1)}); scripts/setup-reference-tools.sh installs them`;
  }
  const r = spawnSync(process.execPath, [CLI, 'deid', '--help'], { encoding: 'utf8' });
  tools.cliHelp = `${r.stdout || ''}${r.stderr || ''}`;
  if (r.status !== 0) {
    tools.cliProblem = /unknown command/i.test(tools.cliHelp)
      ? `\`cxrlab deid\` does not exist yet (${tail(tools.cliHelp.split('\n').find((l) => /unknown command/i.test(l)), 1)}): its rows are skipped`
      : `\`cxrlab deid --help\` failed (exit ${r.status}: ${tail(tools.cliHelp, 2)}): its rows are skipped`;
  }
  return tools;
}
