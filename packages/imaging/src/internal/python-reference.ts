import { spawnSync } from 'node:child_process';

/** Debian's python3, where pydicom, GDCM, numpy and Pillow are installed (scripts/setup-reference-tools.sh). */
export const REFERENCE_PYTHON = '/usr/bin/python3';

/** pydicom, GDCM, numpy and Pillow importable from the reference python. */
export const HAS_REFERENCE_PYTHON = spawnSync(REFERENCE_PYTHON, ['-c', 'import pydicom, gdcm, numpy, PIL'], { stdio: 'ignore' }).status === 0;

/**
 * For `describe(name, { skip: SKIP_WITHOUT_REFERENCE }, ...)`: tests that run the reference tools are
 * skipped, saying why, on a machine without them, but never under CI=true, where they then fail.
 */
export const SKIP_WITHOUT_REFERENCE: string | false = !HAS_REFERENCE_PYTHON && !process.env.CI
  ? 'reference tools missing: run scripts/setup-reference-tools.sh as root'
  : false;

/**
 * Runs a Python script with the reference libraries and returns what it printed as JSON.
 * `input` is passed as JSON on stdin.
 */
export function runPythonReference<T>(script: string, input: unknown): T {
  const result = spawnSync(REFERENCE_PYTHON, ['-c', script], { input: JSON.stringify(input), encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  if (result.status !== 0) throw new Error(`reference python failed (${result.status}): ${result.stderr}`);
  return JSON.parse(result.stdout) as T;
}

/** Restricts pydicom to the numpy, GDCM and RLE handlers: GDCM is the reference for compressed data. */
export const PYDICOM_WITH_GDCM = `
import pydicom
pydicom.config.pixel_data_handlers = [h for h in pydicom.config.pixel_data_handlers
    if h.__name__.split('.')[-1] in ('numpy_handler', 'gdcm_handler', 'rle_handler')]
`;
