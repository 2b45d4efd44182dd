// convertFile's outputs checked by independent readers: numpy loads our .npy and must equal
// pydicom + GDCM's pixel_array; Pillow opens our PNG / JPEG and sees the right size and depth,
// and a 16-bit PNG holds pydicom's apply_modality_lut output.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DicomError, readDicomFileSync } from '@cxrlab/dicom';
import { PYDICOM_WITH_GDCM, SKIP_WITHOUT_REFERENCE, runPythonReference } from '../internal/python-reference.js';
import { sharedFixture } from '../internal/test-assets.js';
import { convertFile, type ConvertOptions } from './convert-file.js';

interface Case { name: string; fixture: string; options: ConvertOptions; frame?: number }

const CASES: Case[] = [
  { name: 'npy-uncompressed', fixture: 'cr/RG3_UNC.dcm', options: { format: 'npy' } },
  { name: 'npy-jpeg-ls', fixture: 'cr/RG2_JLSL.dcm', options: { format: 'npy' } },
  { name: 'npy-jpeg-lossless', fixture: 'cr/RG3_JPLL.dcm', options: { format: 'npy' } },
  { name: 'npy-signed', fixture: 'edge/MR_small_RLE.dcm', options: { format: 'npy' } },
  { name: 'npy-rgb', fixture: 'edge/SC_rgb_rle.dcm', options: { format: 'npy' } },
  { name: 'npy-all-frames', fixture: 'edge/OBXXXX1A_2frame.dcm', options: { format: 'npy' } },
  { name: 'npy-frame-1', fixture: 'edge/OBXXXX1A_2frame.dcm', options: { format: 'npy', frame: 1 }, frame: 1 },
  { name: 'png', fixture: 'cr/CR-MONO1-10-chest.dcm', options: { format: 'png' } },
  { name: 'png-resized', fixture: 'cr/RG2_UNC.dcm', options: { format: 'png', size: 512 } },
  { name: 'png-colour', fixture: 'edge/SC_rgb.dcm', options: { format: 'png' } },
  { name: 'jpeg', fixture: 'cr/RG3_RLE.dcm', options: { format: 'jpeg', size: 300, quality: 90 } },
  { name: 'png16-rescaled', fixture: 'edge/CT_small.dcm', options: { format: 'png16' } },
  { name: 'png16-unsigned', fixture: 'cr/RG3_UNC.dcm', options: { format: 'png16' } },
];

const CHECK = PYDICOM_WITH_GDCM + `
import json, sys, numpy as np
from PIL import Image
from pydicom.pixel_data_handlers.util import apply_modality_lut
out = {}
for c in json.load(sys.stdin):
    ds = pydicom.dcmread(c['fixture'], force=True)
    if 'TransferSyntaxUID' not in ds.file_meta:  # no file meta: the encoding pydicom detected
        ds.file_meta.TransferSyntaxUID = pydicom.uid.ImplicitVRLittleEndian if ds.is_implicit_VR else pydicom.uid.ExplicitVRLittleEndian
    ref = ds.pixel_array
    bits = ds.BitsStored
    if ds.BitsAllocated > bits:  # docs/imaging.md: unused high bits are masked, signed values sign-extended
        mask = (1 << bits) - 1
        ref = ref.astype(np.int64) & mask
        if ds.PixelRepresentation == 1:
            ref = np.where(ref >= (1 << (bits - 1)), ref - (1 << bits), ref)
        ref = ref.astype(ds.pixel_array.dtype)
    r = {}
    if c['format'] == 'npy':
        a = np.load(c['path'])
        if c.get('frame') is not None:
            ref = ref[c['frame']]
        r = {'dtype': str(a.dtype), 'refDtype': str(ref.dtype), 'shape': list(a.shape), 'refShape': list(ref.shape),
             'equal': bool(a.shape == ref.shape and np.array_equal(a, ref))}
    else:
        im = Image.open(c['path'])
        r = {'format': im.format, 'mode': im.mode, 'size': list(im.size), 'refSize': [int(ds.Columns), int(ds.Rows)]}
        if c['format'] == 'png16':
            a = np.array(im).astype(np.int64)
            m = np.round(apply_modality_lut(ref, ds)).astype(np.int64)
            r['offsetEqual'] = bool(np.all(a - m == (a - m).flat[0]))
            r['offset'] = int((a - m).flat[0])
            r['equal'] = bool(np.array_equal(a - r['offset'], m))
    out[c['name']] = r
print(json.dumps(out))
`;

describe('convertFile against pydicom + GDCM, numpy and Pillow', { skip: SKIP_WITHOUT_REFERENCE }, () => {
  let results: Record<string, Record<string, unknown>>;
  const outputs: Record<string, Uint8Array> = {};
  before(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxrlab-convert-'));
    const jobs = [];
    for (const c of CASES) {
      const fixture = sharedFixture(...c.fixture.split('/'));
      const out = await convertFile(readDicomFileSync(fixture), c.options);
      const path = join(dir, `${c.name}${out.extension}`);
      writeFileSync(path, out.bytes);
      outputs[c.name] = out.bytes;
      jobs.push({ name: c.name, fixture, path, format: c.options.format, frame: c.frame ?? null });
    }
    results = runPythonReference(CHECK, jobs);
  });

  for (const c of CASES.filter((x) => x.options.format === 'npy')) {
    it(`${c.name}: numpy loads exactly pixel_array`, () => {
      const r = results[c.name]!;
      assert.equal(r.dtype, r.refDtype);
      assert.deepEqual(r.shape, r.refShape);
      assert.equal(r.equal, true);
    });
  }

  it('png: 8-bit grey at full size', () => {
    assert.deepEqual(results.png, { format: 'PNG', mode: 'L', size: [440, 440], refSize: [440, 440] });
    assert.deepEqual(pngDepth(outputs.png!), { bitDepth: 8, colourType: 0 });
  });
  it('png --size 512: the longer side is 512 and the aspect ratio is kept', () => {
    const r = results['png-resized']!;
    assert.equal(r.mode, 'L');
    assert.deepEqual(r.size, [Math.round((1760 * 512) / 2140), 512]);
  });
  it('png of an RGB image is RGB', () => {
    assert.equal(results['png-colour']!.mode, 'RGB');
  });
  it('jpeg opens as a greyscale JPEG of the requested size', () => {
    assert.deepEqual(results.jpeg, { format: 'JPEG', mode: 'L', size: [300, 300], refSize: [1760, 1760] });
  });
  it('png16 holds apply_modality_lut output, shifted by the documented offset', () => {
    const ct = results['png16-rescaled']!;
    assert.ok(ct.mode === 'I' || ct.mode === 'I;16', `Pillow mode ${ct.mode}`);
    assert.deepEqual(pngDepth(outputs['png16-rescaled']!), { bitDepth: 16, colourType: 0 });
    assert.equal(ct.offsetEqual, true);
    assert.equal(ct.equal, true);
    assert.ok((ct.offset as number) > 0, 'CT values below zero need a positive offset');
    const cr = results['png16-unsigned']!;
    assert.equal(cr.equal, true);
    assert.equal(cr.offset, 0);
  });
});

/** Bit depth and colour type from a PNG's IHDR chunk (which always comes first). */
function pngDepth(png: Uint8Array): { bitDepth: number; colourType: number } {
  assert.deepEqual([...png.subarray(12, 16)], [...Buffer.from('IHDR')]);
  return { bitDepth: png[24]!, colourType: png[25]! };
}

describe('convertFile errors', () => {
  it('names the missing frame', async () => {
    const file = readDicomFileSync(sharedFixture('cr', 'RG3_UNC.dcm'));
    await assert.rejects(convertFile(file, { format: 'png', frame: 3 }), (e: unknown) => e instanceof DicomError && /frame 3 does not exist \(the image has 1 frame/.test(e.message));
  });
  it('rejects a size that is not a positive whole number', async () => {
    const file = readDicomFileSync(sharedFixture('cr', 'CR-MONO1-10-chest.dcm'));
    await assert.rejects(convertFile(file, { format: 'png', size: 0 }), /size 0/);
  });
  it('says a data set without pixels has none', async () => {
    const file = readDicomFileSync(sharedFixture('edge', 'test-SR.dcm'));
    await assert.rejects(convertFile(file, { format: 'png' }), /no Pixel Data/);
  });
});
