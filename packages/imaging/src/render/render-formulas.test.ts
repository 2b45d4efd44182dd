// The display pipeline on tiny hand-built frames, each expected value worked out by hand from
// PS3.3 C.11 and docs/imaging.md ("Display pipeline"), plus a sanity check that chest X-rays come
// out with bones bright and lungs dark.
import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { DataSet, Tags, bytesElement, readDicomFileSync, sequenceElement, type Element, type VR } from '@cxrlab/dicom';
import { initCodecs } from '../codecs/registry.js';
import { decodeFrame, pixelSource } from '../pixel/decode-frame.js';
import type { DecodedFrame, PixelArray } from '../pixel/decoded-frame.js';
import { sharedDicomFixture } from '../internal/render-test-assets.js';
import { modalityImage16 } from './modality-image16.js';
import { renderFrame, type RenderOptions } from './render-frame.js';

// ---- building data sets -------------------------------------------------------------------

const T = {
  ...Tags,
  WindowCenter: 0x00281050,
  WindowWidth: 0x00281051,
  RescaleIntercept: 0x00281052,
  RescaleSlope: 0x00281053,
  VOILUTFunction: 0x00281056,
  RedPaletteDescriptor: 0x00281101,
  GreenPaletteDescriptor: 0x00281102,
  BluePaletteDescriptor: 0x00281103,
  RedPaletteData: 0x00281201,
  GreenPaletteData: 0x00281202,
  BluePaletteData: 0x00281203,
  ModalityLUTSequence: 0x00283000,
  LUTDescriptor: 0x00283002,
  ModalityLUTType: 0x00283004,
  LUTData: 0x00283006,
  VOILUTSequence: 0x00283010,
  PresentationLUTShape: 0x20500020,
} as const;

function words(vr: VR, tag: number, values: number[]): Element {
  const bytes = new Uint8Array(values.length * 2);
  const view = new DataView(bytes.buffer);
  values.forEach((v, i) => (vr === 'SS' ? view.setInt16(2 * i, v, true) : view.setUint16(2 * i, v, true)));
  return bytesElement(tag, vr, bytes);
}

function text(vr: VR, tag: number, value: string): Element {
  const padded = value.length % 2 ? value + ' ' : value;
  return bytesElement(tag, vr, Uint8Array.from(padded, (c) => c.charCodeAt(0)));
}

const us = (tag: number, ...values: number[]) => words('US', tag, values);
const ss = (tag: number, ...values: number[]) => words('SS', tag, values);
const ds = (tag: number, ...values: number[]) => text('DS', tag, values.map(String).join('\\'));
const cs = (tag: number, value: string) => text('CS', tag, value);

function lutItem(descriptor: [number, number, number], data: number[], descriptorVR: 'US' | 'SS' = 'US', dataVR: 'US' | 'OW' = 'US') {
  const item = new DataSet();
  item.set(words(descriptorVR, T.LUTDescriptor, descriptor));
  item.set(words(dataVR, T.LUTData, data));
  return { dataSet: item, undefinedLength: false };
}

interface Image {
  values: number[];
  rows?: number;
  bitsStored?: number;
  signed?: boolean;
  photometric?: string;
  extra?: Element[];
}

/** A 16-bit grayscale frame (one row unless `rows` says otherwise) and its data set. */
function image({ values, rows = 1, bitsStored = 16, signed = false, photometric = 'MONOCHROME2', extra = [] }: Image): { frame: DecodedFrame; dataSet: DataSet } {
  const columns = values.length / rows;
  const data: PixelArray = signed ? Int16Array.from(values) : Uint16Array.from(values);
  const dataSet = new DataSet();
  for (const element of [
    us(T.SamplesPerPixel, 1),
    cs(T.PhotometricInterpretation, photometric),
    us(T.Rows, rows),
    us(T.Columns, columns),
    us(T.BitsAllocated, 16),
    us(T.BitsStored, bitsStored),
    us(T.HighBit, bitsStored - 1),
    us(T.PixelRepresentation, signed ? 1 : 0),
    ...extra,
  ]) {
    dataSet.set(element);
  }
  return { frame: { rows, columns, samplesPerPixel: 1, bitsStored, signed, photometricInterpretation: photometric, data }, dataSet };
}

function render(input: Image, options: RenderOptions = { window: 'dicom' }): number[] {
  const { frame, dataSet } = image(input);
  const out = renderFrame(frame, dataSet, options);
  assert.equal(out.channels, 1);
  return Array.from(out.data);
}

const window = (c: number, w: number, fn?: string): Element[] => [ds(T.WindowCenter, c), ds(T.WindowWidth, w), ...(fn ? [cs(T.VOILUTFunction, fn)] : [])];

// ---- PS3.3 C.11.2.1.2.1: LINEAR ----------------------------------------------------------------

describe('window LINEAR (PS3.3 C.11.2.1.2.1)', () => {
  it('c 2048, w 4096: 0 at x <= c - 0.5 - (w - 1) / 2 = 0, 255 at x = c - 0.5 + (w - 1) / 2 = 4095 and above', () => {
    // x = 1: (1 - 2047.5) / 4095 + 0.5 = 1 / 4095 -> 0.06 -> 0; x = 2047: 0.5 - 0.5 / 4095 -> 127.47 -> 127;
    // x = 2048: 0.5 + 0.5 / 4095 -> 127.53 -> 128; x = 4094: 1 - 1 / 4095 -> 254.94 -> 255.
    const values = [0, 1, 2047, 2048, 4094, 4095, 4096, 65535];
    assert.deepEqual(render({ values, extra: window(2048, 4096) }), [0, 0, 127, 128, 255, 255, 255, 255]);
  });

  it('c 100.5, w 9: the ramp runs from 96 (exclusive) to 104 in steps of 1/8', () => {
    // c - 0.5 = 100, w - 1 = 8: x = 97 -> -3/8 + 1/2 = 0.125 -> 31.875 -> 32; 100 -> 0.5 -> 127.5 -> 128 (half away
    // from zero, not truncated); 103 -> 0.875 -> 223.125 -> 223; 104 -> 1 -> 255; 105 -> above -> 255.
    const values = [95, 96, 97, 100, 103, 104, 105];
    assert.deepEqual(render({ values, extra: window(100.5, 9) }), [0, 0, 32, 128, 223, 255, 255]);
  });

  it('w 1 is a step at c - 0.5', () => {
    assert.deepEqual(render({ values: [99, 100, 101], extra: window(100.5, 1) }), [0, 0, 255]);
  });

  it('is the default VOI LUT Function', () => {
    const values = [95, 96, 97, 100, 103, 104, 105];
    assert.deepEqual(render({ values, extra: window(100.5, 9, 'LINEAR') }), render({ values, extra: window(100.5, 9) }));
  });
});

// ---- PS3.3 C.11.2.1.3.2: LINEAR_EXACT -------------------------------------------------------------

describe('window LINEAR_EXACT (PS3.3 C.11.2.1.3.2)', () => {
  it('c 100, w 8: 0 at x <= c - w/2 = 96, 255 above c + w/2 = 104, (x - c) / w + 0.5 between', () => {
    // 97 -> 0.125 -> 32; 100 -> 0.5 -> 128; 102 -> 0.75 -> 191.25 -> 191; 104 -> 1 -> 255 (not above).
    const values = [95, 96, 97, 100, 102, 104, 105];
    assert.deepEqual(render({ values, extra: window(100, 8, 'LINEAR_EXACT') }), [0, 0, 32, 128, 191, 255, 255]);
  });

  it('differs from LINEAR with the same c and w', () => {
    // LINEAR c 100, w 8: 97 -> (97 - 99.5) / 7 + 0.5 = 0.142857 -> 36.43 -> 36.
    assert.deepEqual(render({ values: [97], extra: window(100, 8) }), [36]);
    assert.deepEqual(render({ values: [97], extra: window(100, 8, 'LINEAR_EXACT') }), [32]);
  });

  it('w 2 around c 1000: 999 -> 0, 1000 -> 0.5 -> 128, 1001 -> 1 -> 255', () => {
    assert.deepEqual(render({ values: [999, 1000, 1001], extra: window(1000, 2, 'LINEAR_EXACT') }), [0, 128, 255]);
  });
});

// ---- PS3.3 C.11.2.1.3.1: SIGMOID ------------------------------------------------------------------

describe('window SIGMOID (PS3.3 C.11.2.1.3.1)', () => {
  it('1 / (1 + exp(-4 (x - c) / w)), c 100, w 40', () => {
    // x = c -> 0.5 -> 128; 110 -> 1/(1+e^-1) = 0.731059 -> 186.42 -> 186; 90 -> 0.268941 -> 68.58 -> 69;
    // 140 -> 1/(1+e^-4) = 0.982014 -> 250.41 -> 250; 0 -> 1/(1+e^10) = 4.54e-5 -> 0.01 -> 0.
    assert.deepEqual(render({ values: [0, 90, 100, 110, 140], extra: window(100, 40, 'SIGMOID') }), [0, 69, 128, 186, 250]);
  });
});

// ---- PS3.3 C.11.6: presentation --------------------------------------------------------------------

describe('presentation (PS3.3 C.11.6)', () => {
  const values = [96, 97, 100, 103, 104];
  const plain = [0, 32, 128, 223, 255];
  const inverted = [255, 223, 128, 32, 0];

  it('MONOCHROME1 inverts: y = 1 - y', () => {
    assert.deepEqual(render({ values, photometric: 'MONOCHROME1', extra: window(100.5, 9) }), inverted);
  });

  it('Presentation LUT Shape INVERSE inverts MONOCHROME2', () => {
    assert.deepEqual(render({ values, extra: [...window(100.5, 9), cs(T.PresentationLUTShape, 'INVERSE')] }), inverted);
  });

  it('Presentation LUT Shape IDENTITY keeps MONOCHROME1 as it is (the shape, when present, decides)', () => {
    assert.deepEqual(render({ values, photometric: 'MONOCHROME1', extra: [...window(100.5, 9), cs(T.PresentationLUTShape, 'IDENTITY')] }), plain);
  });

  it('MONOCHROME2 with IDENTITY is not inverted', () => {
    assert.deepEqual(render({ values, extra: [...window(100.5, 9), cs(T.PresentationLUTShape, 'IDENTITY')] }), plain);
  });
});

// ---- PS3.3 C.11.1: modality LUT --------------------------------------------------------------------

describe('modality LUT (PS3.3 C.11.1)', () => {
  it('rescale slope 2, intercept -100 before the window', () => {
    // stored 8, 9, 10, 11, 12 -> -84, -82, -80, -78, -76; LINEAR_EXACT c -80, w 8: 0, 0.25, 0.5, 0.75, 1.
    const extra = [ds(T.RescaleSlope, 2), ds(T.RescaleIntercept, -100), ...window(-80, 8, 'LINEAR_EXACT')];
    assert.deepEqual(render({ values: [8, 9, 10, 11, 12], extra }), [0, 64, 128, 191, 255]);
  });

  it('Modality LUT Sequence: below the first mapped value takes entry 0, above the last takes the last', () => {
    // descriptor 4 entries from 10, 16 bits; data 1000, 2000, 3000, 4000.
    // stored 5, 10, 11, 12, 13, 14, 100 -> 1000, 1000, 2000, 3000, 4000, 4000, 4000;
    // LINEAR_EXACT c 2500, w 4000: 1000 -> 0.125 -> 32, 2000 -> 0.375 -> 95.6 -> 96, 3000 -> 0.625 -> 159.4 -> 159,
    // 4000 -> 0.875 -> 223.1 -> 223.
    const lut = sequenceElement(T.ModalityLUTSequence, [lutItem([4, 10, 16], [1000, 2000, 3000, 4000])]);
    const extra = [lut, ...window(2500, 4000, 'LINEAR_EXACT')];
    const values = [5, 10, 11, 12, 13, 14, 100];
    assert.deepEqual(render({ values, extra }), [32, 32, 96, 159, 223, 223, 223]);
    const { frame, dataSet } = image({ values, extra });
    const png16 = modalityImage16(frame, dataSet);
    assert.deepEqual(Array.from(png16.data), [1000, 1000, 2000, 3000, 4000, 4000, 4000]);
    assert.equal(png16.offset, 0);
  });

  it('Modality LUT Sequence with a negative first mapped value (SS descriptor) on signed pixels', () => {
    // 4 entries from -2: -5 -> 10, -2 -> 10, -1 -> 20, 0 -> 30, 1 -> 40, 7 -> 40; the LUT output is unsigned: no shift.
    const lut = sequenceElement(T.ModalityLUTSequence, [lutItem([4, -2, 16], [10, 20, 30, 40], 'SS', 'OW')]);
    const { frame, dataSet } = image({ values: [-5, -2, -1, 0, 1, 7], signed: true, bitsStored: 12, extra: [lut] });
    const png16 = modalityImage16(frame, dataSet);
    assert.deepEqual(Array.from(png16.data), [10, 10, 20, 30, 40, 40]);
    assert.equal(png16.offset, 0);
  });
});

// ---- PS3.3 C.11.2: VOI LUT Sequence ----------------------------------------------------------------

describe('VOI LUT Sequence (PS3.3 C.11.2.1.1)', () => {
  // item 0: 3 entries from 5, 8 bits: 0, 100, 255 -> y = entry / 255;
  // item 1: 3 entries from 5, 16 bits: 0, 32768, 65535 -> 32768 / 65535 * 255 = 127.502 -> 128.
  const voi = sequenceElement(T.VOILUTSequence, [lutItem([3, 5, 8], [0, 100, 255]), lutItem([3, 5, 16], [0, 32768, 65535])]);
  const values = [4, 5, 6, 7, 9];

  it('item 0 by default, clamped at both ends, over a window that is also present', () => {
    assert.deepEqual(render({ values, extra: [voi, ...window(0, 1)] }), [0, 0, 100, 255, 255]);
  });

  it('voiIndex 1 picks the second item', () => {
    assert.deepEqual(render({ values, extra: [voi, ...window(0, 1)] }, { window: 'dicom', voiIndex: 1 }), [0, 0, 128, 255, 255]);
  });

  it('voiIndex 1 picks the second window when there is no LUT', () => {
    const extra = [ds(T.WindowCenter, 0, 100.5), ds(T.WindowWidth, 1, 9)];
    assert.deepEqual(render({ values: [96, 97, 100, 104], extra }, { window: 'dicom', voiIndex: 1 }), [0, 32, 128, 255]);
  });
});

// ---- robust window -----------------------------------------------------------------------------------

describe('robust window (no VOI in the file, or auto)', () => {
  // 0..999: p * N = 5 -> the 0.5th percentile is the smallest v with count(x <= v) >= 5: 4; 0.995 * 1000 = 995 -> 994.
  // LINEAR_EXACT c = 499, w = 990: 4 -> 0; 6 -> 2/990 -> 0.52 -> 1 (linear interpolation, 4.995 / 994.005, would
  // give 0); 499 -> 128; 994 -> 255.
  const values = Array.from({ length: 1000 }, (_, i) => i);
  const pick = (out: number[]) => [out[4], out[5], out[6], out[499], out[993], out[994], out[999]];

  it('from the inverted-CDF 0.5th and 99.5th percentiles, as LINEAR_EXACT', () => {
    assert.deepEqual(pick(render({ values, rows: 10 })), [0, 0, 1, 128, 255, 255, 255]);
  });

  it('auto ignores the window in the file', () => {
    assert.deepEqual(pick(render({ values, rows: 10, extra: window(0, 1) }, { window: 'auto' })), [0, 0, 1, 128, 255, 255, 255]);
  });

  it('an all-equal image is mid grey', () => {
    assert.deepEqual(render({ values: [7, 7, 7, 7] }), [128, 128, 128, 128]);
    assert.deepEqual(render({ values: [7, 7, 7, 7] }, { window: 'auto' }), [128, 128, 128, 128]);
  });
});

// ---- presets ---------------------------------------------------------------------------------------

describe('vindr preset', () => {
  it('max <= 255: floor(a * 255 / max), no equalisation', () => {
    // 50 * 255 / 200 = 63.75 -> 63; 100 -> 127.5 -> 127; 200 -> 255.
    assert.deepEqual(render({ values: [0, 50, 100, 200] }, { window: 'vindr' }), [0, 63, 127, 255]);
  });

  it('max <= 255, MONOCHROME1: 255 - v', () => {
    assert.deepEqual(render({ values: [0, 50, 100, 200], photometric: 'MONOCHROME1' }, { window: 'vindr' }), [255, 192, 128, 0]);
  });

  it('ignores the window, the rescale and the Modality LUT', () => {
    const extra = [...window(100, 10), ds(T.RescaleSlope, 3), ds(T.RescaleIntercept, -1000)];
    assert.deepEqual(render({ values: [0, 50, 100, 200], extra }, { window: 'vindr' }), [0, 63, 127, 255]);
  });

  it('max > 255: OpenCV equalizeHist (first occupied bin -> 0, scale 255 / (N - its count))', () => {
    // a 0 x2, 500 x3, 1000 x5 -> v 0, 127 (127.5 floored), 255; N 10, first bin holds 2: scale 255 / 8 = 31.875;
    // lut[127] = 3 * 31.875 = 95.625 -> 96, lut[255] = 8 * 31.875 = 255.
    const values = [0, 0, 500, 500, 500, 1000, 1000, 1000, 1000, 1000];
    assert.deepEqual(render({ values }, { window: 'vindr' }), [0, 0, 96, 96, 96, 255, 255, 255, 255, 255]);
  });

  it('equalizeHist rounds like cvRound: half to even', () => {
    // a 0 x4, 400 x1, 600 x4, 1000 x1 -> v 0, 102, 153, 255; N - count(first bin) = 6: scale 42.5 (exact in float32);
    // lut[102] = 1 * 42.5 -> 42 (even), lut[153] = 5 * 42.5 = 212.5 -> 212 (even), lut[255] = 6 * 42.5 = 255.
    const values = [0, 0, 0, 0, 400, 600, 600, 600, 600, 1000];
    assert.deepEqual(render({ values }, { window: 'vindr' }), [0, 0, 0, 0, 42, 212, 212, 212, 212, 255]);
  });

  it('max <= 0 gives zeros', () => {
    assert.deepEqual(render({ values: [-5, 0, -3], signed: true }, { window: 'vindr' }), [0, 0, 0]);
  });
});

describe('kaggle preset', () => {
  it("pydicom's apply_voi_lut on stored values, then min-max to [0, 255] truncated", () => {
    // pydicom apply_windowing, LINEAR c 20, w 21, 8 bits stored (y range 0..255): 10 -> ((10 - 19.5) / 20 + 0.5) * 255
    // = 6.375, 20 -> 0.525 * 255 = 133.875; min 0, max 255 -> truncated 6 and 133 (the dicom window rounds: 6, 134).
    const input = { values: [0, 10, 20, 30, 40], bitsStored: 8, extra: window(20, 21) };
    assert.deepEqual(render(input, { window: 'kaggle' }), [0, 6, 133, 255, 255]);
    assert.deepEqual(render(input), [0, 6, 134, 255, 255]);
  });

  it('MONOCHROME1: max - v before the min-max', () => {
    // 255 - 6.375 = 248.625 -> 248; 255 - 133.875 = 121.125 -> 121.
    const input = { values: [0, 10, 20, 30, 40], bitsStored: 8, photometric: 'MONOCHROME1', extra: window(20, 21) };
    assert.deepEqual(render(input, { window: 'kaggle' }), [255, 248, 121, 0, 0]);
  });

  it('without VOI: min-max of the stored values', () => {
    // (v - 100) / 400 * 255: 200 -> 63.75 -> 63, 300 -> 127.5 -> 127.
    assert.deepEqual(render({ values: [100, 200, 300, 500] }, { window: 'kaggle' }), [0, 63, 127, 255]);
  });
});

// ---- colour ------------------------------------------------------------------------------------------

describe('colour (no windowing)', () => {
  function colourImage(photometric: string, samples: number[], extra: Element[] = [], samplesPerPixel = 3) {
    const dataSet = new DataSet();
    for (const e of [us(T.SamplesPerPixel, samplesPerPixel), cs(T.PhotometricInterpretation, photometric), us(T.Rows, 1), us(T.Columns, samples.length / samplesPerPixel), us(T.BitsAllocated, 8), us(T.BitsStored, 8), us(T.HighBit, 7), us(T.PixelRepresentation, 0), ...extra]) {
      dataSet.set(e);
    }
    const frame: DecodedFrame = { rows: 1, columns: samples.length / samplesPerPixel, samplesPerPixel, bitsStored: 8, signed: false, photometricInterpretation: photometric, data: Uint8Array.from(samples) };
    return renderFrame(frame, dataSet, { window: 'dicom' });
  }

  it('RGB as it is', () => {
    const out = colourImage('RGB', [1, 2, 3, 250, 128, 0]);
    assert.equal(out.channels, 3);
    assert.deepEqual(Array.from(out.data), [1, 2, 3, 250, 128, 0]);
  });

  it('YBR_FULL by the inverse of the PS3.3 C.7.6.3.1.2 equations', () => {
    // grey stays grey; Y 128, Cb 128, Cr 228: R = 128 + 1.402 * 100 -> 255 (clamped), G = 128 - 0.714 * 100 = 56.6 -> 57,
    // B = 128.
    const out = colourImage('YBR_FULL', [100, 128, 128, 128, 128, 228]);
    assert.deepEqual(Array.from(out.data), [100, 100, 100, 255, 57, 128]);
  });

  it('PALETTE COLOR through the Red/Green/Blue LUTs, 16-bit entries to 8 bits, indices clamped', () => {
    // 4 entries from 0, 16 bits; every entry a multiple of 257 so that every scaling to 8 bits agrees.
    const descriptor = (tag: number) => us(tag, 4, 0, 16);
    const data = (tag: number, v: number[]) => words('OW', tag, v.map((x) => x * 257));
    const extra = [
      descriptor(T.RedPaletteDescriptor), descriptor(T.GreenPaletteDescriptor), descriptor(T.BluePaletteDescriptor),
      data(T.RedPaletteData, [0, 255, 0, 128]), data(T.GreenPaletteData, [0, 0, 255, 64]), data(T.BluePaletteData, [0, 10, 20, 255]),
    ];
    const out = colourImage('PALETTE COLOR', [0, 1, 2, 3, 9], extra, 1);
    assert.equal(out.channels, 3);
    assert.deepEqual(Array.from(out.data), [0, 0, 0, 255, 0, 10, 0, 255, 20, 128, 64, 255, 128, 64, 255]);
  });
});

// ---- png16 -------------------------------------------------------------------------------------------

describe('modalityImage16 (png16)', () => {
  it('signed identity: shifted by -min of the stored range', () => {
    const { frame, dataSet } = image({ values: [-2048, -1, 0, 2047], signed: true, bitsStored: 12 });
    const out = modalityImage16(frame, dataSet);
    assert.deepEqual(Array.from(out.data), [0, 2047, 2048, 4095]);
    assert.equal(out.offset, 2048);
  });

  it('unsigned identity: as stored, no shift', () => {
    const { frame, dataSet } = image({ values: [0, 1, 4095], bitsStored: 12 });
    const out = modalityImage16(frame, dataSet);
    assert.deepEqual(Array.from(out.data), [0, 1, 4095]);
    assert.equal(out.offset, 0);
  });

  it('rescale: rounded half away from zero, then shifted by -min (-1024 for slope 0.5, intercept -1024, 12 bits)', () => {
    // stored 0, 1, 3, 4095 -> -1024, -1023.5, -1022.5, 1023.5 -> rounded -1024, -1024, -1023, 1024 -> +1024.
    const { frame, dataSet } = image({ values: [0, 1, 3, 4095], bitsStored: 12, extra: [ds(T.RescaleSlope, 0.5), ds(T.RescaleIntercept, -1024)] });
    const out = modalityImage16(frame, dataSet);
    assert.deepEqual(Array.from(out.data), [0, 0, 1, 2048]);
    assert.equal(out.offset, 1024);
  });
});

// ---- chest sanity ------------------------------------------------------------------------------------

describe('chest X-rays come out with bones bright and lungs dark', () => {
  const chests = ['cr/RG1_JLSN.dcm', 'cr/CR-MONO1-10-chest.dcm'];
  const frames = new Map<string, { frame: DecodedFrame; dataSet: DataSet }>();
  const missing = chests.filter((name) => !existsSync(sharedDicomFixture(name)));
  before(async () => {
    await initCodecs();
    for (const name of chests) {
      if (missing.includes(name)) continue;
      const file = readDicomFileSync(sharedDicomFixture(name));
      frames.set(name, { frame: await decodeFrame(pixelSource(file)), dataSet: file.dataSet });
    }
  });

  function mean(data: Uint8Array, width: number, height: number, [y0, y1, x0, x1]: [number, number, number, number]): number {
    let sum = 0;
    let n = 0;
    for (let y = Math.floor(y0 * height); y < Math.floor(y1 * height); y++) {
      for (let x = Math.floor(x0 * width); x < Math.floor(x1 * width); x++) {
        sum += data[y * width + x]!;
        n++;
      }
    }
    return sum / n;
  }

  for (const name of chests) {
    for (const mode of ['dicom', 'auto', 'vindr'] as const) {
      it(`${name} ${mode}: the spine and mediastinum are brighter than both lungs`, { skip: missing.includes(name) ? 'shared fixture missing' : false }, () => {
        const { frame, dataSet } = frames.get(name)!;
        const out = renderFrame(frame, dataSet, { window: mode });
        // Rows 30-70%: a central strip (columns 46-54%) and the two lung fields (20-35%, 65-80%; rows 30-60%).
        const spine = mean(out.data, out.width, out.height, [0.3, 0.7, 0.46, 0.54]);
        const right = mean(out.data, out.width, out.height, [0.3, 0.6, 0.2, 0.35]);
        const left = mean(out.data, out.width, out.height, [0.3, 0.6, 0.65, 0.8]);
        const where = `${name} ${mode}: spine ${spine.toFixed(1)}, lungs ${right.toFixed(1)} / ${left.toFixed(1)}`;
        assert.ok(spine > right + 30 && spine > left + 30, where);
        assert.ok(spine > 150, `${where}: the spine should be bright`);
      });
    }
  }
});
