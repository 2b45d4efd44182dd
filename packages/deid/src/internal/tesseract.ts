import { spawnSync } from 'node:child_process';

/** Debian's tesseract 5 with English data (scripts/setup-reference-tools.sh): the independent judge of "readable". */
export const TESSERACT = '/usr/bin/tesseract';

export const HAS_TESSERACT = spawnSync(TESSERACT, ['--version'], { stdio: 'ignore' }).status === 0;

/**
 * For `describe(name, { skip: SKIP_WITHOUT_TESSERACT }, ...)`: OCR tests are skipped, saying why,
 * on a machine without tesseract, but never under CI=true, where they then fail.
 */
export const SKIP_WITHOUT_TESSERACT: string | false = !HAS_TESSERACT && !process.env.CI
  ? 'tesseract missing: run scripts/setup-reference-tools.sh as root'
  : false;

/**
 * The text tesseract reads in a PNG (given as bytes on stdin), as one uniform block (`--psm 6`),
 * upper-cased with runs of white space collapsed.
 */
export function ocr(png: Uint8Array, psm = 6): string {
  const result = spawnSync(TESSERACT, ['stdin', 'stdout', '--psm', String(psm)], { input: png, encoding: 'utf8', env: { ...process.env, OMP_THREAD_LIMIT: '1' } });
  if (result.status !== 0) throw new Error(`tesseract failed (${result.status}): ${result.stderr}`);
  return result.stdout.toUpperCase().replace(/\s+/g, ' ').trim();
}
