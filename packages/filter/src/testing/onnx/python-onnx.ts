// Cross-checks with the `onnx` Python package (python3-onnx, installed by scripts/setup-reference-tools.sh).
import { spawnSync } from 'node:child_process';

const PYTHON = '/usr/bin/python3';

/** The `onnx` module importable from /usr/bin/python3. */
const HAS_PYTHON_ONNX = spawnSync(PYTHON, ['-c', 'import onnx'], { stdio: 'ignore' }).status === 0;

/**
 * For `describe(name, { skip: SKIP_WITHOUT_PYTHON_ONNX }, ...)`, as the other reference-tool tests:
 * skipped, saying why, on a machine without python3-onnx, but never under CI=true, where they fail.
 */
export const SKIP_WITHOUT_PYTHON_ONNX: string | false = !HAS_PYTHON_ONNX && !process.env.CI
  ? `python's onnx module is missing (${PYTHON} -c "import onnx" fails; scripts/setup-reference-tools.sh installs python3-onnx)`
  : false;

/** Runs a Python script that has `onnx` imported, `input` as JSON on stdin, and returns what it printed as JSON. */
export function runPythonOnnx<T>(script: string, input: unknown): T {
  const result = spawnSync(PYTHON, ['-c', `import json, sys, onnx\n${script}`], { input: JSON.stringify(input), encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`python onnx check failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}
