// Cross-checks with the `onnx` Python package (python3-onnx, installed by scripts/setup-reference-tools.sh).
import { spawnSync } from 'node:child_process';

const PYTHON = '/usr/bin/python3';

/** Runs a Python script that has `onnx` imported, `input` as JSON on stdin, and returns what it printed as JSON. */
export function runPythonOnnx<T>(script: string, input: unknown): T {
  const result = spawnSync(PYTHON, ['-c', `import json, sys, onnx\n${script}`], { input: JSON.stringify(input), encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`python onnx check failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}
