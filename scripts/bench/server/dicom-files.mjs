// The DICOM files of `npm run bench:server`, in bench-data/server (made once, then reused while their
// manifest matches):
//  images/      POOL.files synthetic chest radiographs (2048 x 2048, 12-bit, MONOCHROME1/2), de-identified
//               with the VinDr-CXR profile, named <image id>.dicom: what the big project's rows point at
//  import-N/    N de-identified 64 x 64 files (import reads headers only), one synthetic file written N
//               times, each with its own SOP Instance UID and named <md5 of that UID>.dicom, like VinDr's
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Tags, bytesElement, encodeP10, encodeUID, parseP10 } from '@cxrlab/dicom';
import { deidentifyFile } from '@cxrlab/deid';
import { synthesizeChestFile } from '@cxrlab/imaging';
import { BENCH, HERE, IMPORT, POOL } from './config.mjs';

const md5 = (s) => createHash('md5').update(s).digest('hex');
const generator = createHash('sha256').update(readFileSync(join(HERE, 'dicom-files.mjs'))).digest('hex').slice(0, 16);
const listing = (dir) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.dicom')).sort() : []);

/** Reuses `dir` when its manifest names `want` and the files are there with their sizes; else calls make(dir). */
async function ensure(dir, want, make) {
  const manifestPath = `${dir}.manifest.json`;
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  } catch { /* none */ }
  const names = listing(dir);
  const bytes = names.reduce((n, f) => n + statSync(join(dir, f)).size, 0);
  if (manifest && JSON.stringify(manifest.want) === JSON.stringify({ ...want, generator }) && manifest.files === names.length && manifest.bytes === bytes) {
    return { dir, paths: names.map((f) => join(dir, f)), bytes, seconds: undefined };
  }
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const t0 = performance.now();
  await make(dir);
  const made = listing(dir);
  const total = made.reduce((n, f) => n + statSync(join(dir, f)).size, 0);
  writeFileSync(manifestPath, JSON.stringify({ want: { ...want, generator }, files: made.length, bytes: total }, null, 1));
  return { dir, paths: made.map((f) => join(dir, f)), bytes: total, seconds: (performance.now() - t0) / 1000 };
}

async function deidentifiedSynthetic(index, size) {
  const synth = await synthesizeChestFile({ seed: POOL.seed, index, rows: size, columns: size, bitsStored: 12, photometricInterpretation: 'mixed' });
  return deidentifyFile(parseP10(encodeP10(synth.file)), { profile: 'vindr', scrub: 'auto' });
}

/** The pool of full-size images: { dir, paths, bytes, seconds (undefined when reused) }. */
export function ensurePool() {
  return ensure(join(BENCH, 'images'), POOL, async (dir) => {
    for (let i = 0; i < POOL.files; i++) {
      const result = await deidentifiedSynthetic(i, POOL.size);
      writeFileSync(join(dir, `${result.imageId}.dicom`), encodeP10(result.file));
    }
  });
}

/** The import folder: { dir, paths, bytes, seconds }. */
export function ensureImportFiles() {
  return ensure(join(BENCH, `import-${IMPORT.files}`), { files: IMPORT.files, size: IMPORT.size, seed: IMPORT.seed }, async (dir) => {
    const { file } = await deidentifiedSynthetic(IMPORT.seed, IMPORT.size);
    for (let i = 0; i < IMPORT.files; i++) {
      const uid = `2.25.${BigInt(`0x${md5(`cxrlab-bench-import-${IMPORT.seed}-${i}`).slice(0, 30)}`)}`;
      file.dataSet.set(bytesElement(Tags.SOPInstanceUID, 'UI', encodeUID(uid)));
      writeFileSync(join(dir, `${md5(uid)}.dicom`), encodeP10({ dataSet: file.dataSet, transferSyntax: file.transferSyntax }));
    }
  });
}
