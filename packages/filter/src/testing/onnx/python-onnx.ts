// Optional cross-checks with the `onnx` Python package (python3-onnx), skipped where it is not installed.
import { spawnSync } from 'node:child_process';

const PYTHON = '/usr/bin/python3';

/** The `onnx` module importable from /usr/bin/python3. */
export const HAS_PYTHON_ONNX = spawnSync(PYTHON, ['-c', 'import onnx'], { stdio: 'ignore' }).status === 0;

/** For `describe(name, { skip: SKIP_WITHOUT_PYTHON_ONNX }, ...)`: the reason to skip, or false. */
export const SKIP_WITHOUT_PYTHON_ONNX: string | false = HAS_PYTHON_ONNX
  ? false
  : `python's onnx module is missing (${PYTHON} -c "import onnx" fails; apt-get install python3-onnx): onnx.checker cross-checks skipped`;

/** Runs a Python script that has `onnx` imported, `input` as JSON on stdin, and returns what it printed as JSON. */
export function runPythonOnnx<T>(script: string, input: unknown): T {
  const result = spawnSync(PYTHON, ['-c', `import json, sys, onnx\n${script}`], { input: JSON.stringify(input), encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`python onnx check failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}
