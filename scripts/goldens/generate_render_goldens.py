#!/usr/bin/python3
"""Generate the display pipeline goldens used by packages/imaging/src/render/render-golden.test.ts.

Run from anywhere with Debian's pydicom 2.3.1 + numpy + GDCM (NOT a pyenv/venv python):

    /usr/bin/python3 scripts/goldens/generate_render_goldens.py [--png DIR]
    # or: npm run gen:render-goldens

Input:  ../shared/fixtures/dicom/{cr,edge}/*.dcm (read-only), and small inputs this script
        synthesises by editing copies of MR_small / CT_small headers (written to
        packages/imaging/test-assets/render-goldens/inputs/).
Output: packages/imaging/test-assets/render-goldens/<input>.json and index.json.

The expected images come from scripts/goldens/reference_render.py, an independent numpy
implementation of docs/imaging.md, never from our TypeScript.  Per case the golden holds the
shape, a SHA-256 of the whole 8-bit output, its 256-bin histogram (all samples), and a grid: every
k-th row and column (k chosen so that the grid holds at most 16384 samples), zlib-compressed and
base64-encoded, samples interleaved.  Per input, png16 (modalityImage16) likewise: SHA-256 of the
little-endian uint16 data, min, max, shift, grid.  The output is deterministic (sorted keys,
no timestamps, no absolute paths).  --png DIR also writes the reference renders as PNG files (for
looking at; never into the repository).
"""

import base64
import hashlib
import json
import math
import os
import sys
import zlib

import numpy as np
import pydicom
from pydicom.dataset import Dataset
from pydicom.pixel_data_handlers.util import (apply_color_lut, apply_modality_lut, apply_voi,
                                              apply_windowing, convert_color_space)
from pydicom.sequence import Sequence

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reference_render as ref  # noqa: E402

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
FIXTURE_ROOT = os.path.join("..", "shared", "fixtures", "dicom")
GOLDEN_ROOT = os.path.join("packages", "imaging", "test-assets", "render-goldens")
INPUT_DIR = os.path.join(GOLDEN_ROOT, "inputs")
EXPECTED_PYDICOM = "2.3.1"
GRID_LIMIT = 16384
ALL = ["dicom", "auto", "vindr", "kaggle"]


# ---------------------------------------------------------------------------------------------
# The inputs and their cases
# ---------------------------------------------------------------------------------------------

def shared(path, modes, note, frame=0, voi_indices=(0,)):
    return {"input": {"shared": path}, "frame": frame, "modes": modes, "voiIndices": list(voi_indices), "note": note}


def synthetic(name, base, edit, modes, note, voi_indices=(0,)):
    return {"input": {"asset": f"inputs/{name}.dcm"}, "base": base, "edit": edit, "frame": 0, "modes": modes,
            "voiIndices": list(voi_indices), "note": note}


def edit_two_windows(ds):
    ds.WindowCenter = [600, 1000]
    ds.WindowWidth = [1600, 400]
    ds.WindowCenterWidthExplanation = ["WIDE", "NARROW"]


def edit_linear_exact(ds):
    ds.VOILUTFunction = "LINEAR_EXACT"
    ds.WindowCenter = [600, 1000]
    ds.WindowWidth = [1600, 2]  # the second: 999 -> 0, 1000 -> 0.5 (128), 1001 -> 1


def edit_sigmoid(ds):
    ds.VOILUTFunction = "SIGMOID"
    ds.WindowCenter = 1000
    ds.WindowWidth = 800


def edit_inverse(ds):
    ds.PresentationLUTShape = "INVERSE"  # on MONOCHROME2


def edit_mono1_identity(ds):
    ds.PhotometricInterpretation = "MONOCHROME1"
    ds.PresentationLUTShape = "IDENTITY"  # not conforming (C.8.11.3 wants INVERSE), but possible


def edit_modality_lut(ds):
    # 1024 entries from stored value 200 (MR_small holds 127..2145: both ends clamp), 16 bits
    # (PS3.3 C.11.1.1.1 allows 8 or 16; pydicom 2.3.1's apply_modality_lut fails on 12: 'uint12').
    i = np.arange(1024, dtype=np.float64)
    lut = np.floor(65535 * np.sqrt(i / 1023) + 0.5).astype(int)
    item = Dataset()
    item.add_new(0x00283002, "SS", [1024, 200, 16])  # LUT Descriptor; SS as Pixel Representation is 1
    item.ModalityLUTType = "US"
    item.add_new(0x00283006, "US", [int(v) for v in lut])  # LUT Data
    ds.ModalityLUTSequence = Sequence([item])
    ds.WindowCenter = 30000
    ds.WindowWidth = 50000


def edit_voi_luts(ds):
    first = Dataset()
    i = np.arange(2048, dtype=np.float64)
    data = np.floor(65535 * np.sqrt(i / 2047) + 0.5).astype("<u2")
    first.add_new(0x00283002, "US", [2048, 100, 16])
    first.add_new(0x00283006, "OW", data.tobytes())
    first.LUTExplanation = "SQRT"
    second = Dataset()
    second.add_new(0x00283002, "US", [4096, 0, 12])
    second.add_new(0x00283006, "US", [4095 - k for k in range(4096)])
    second.LUTExplanation = "INVERTED RAMP"
    ds.VOILUTSequence = Sequence([first, second])
    # The windows stay (600 / 1600): the VOI LUT Sequence must win over them.


def edit_half_slope(ds):
    ds.RescaleSlope = 0.5
    ds.RescaleIntercept = -1024
    ds.WindowCenter = 40
    ds.WindowWidth = 400


INPUTS = {
    # Chest X-rays (the images this project is about) and other CR.
    "RG1_JLSN": shared("cr/RG1_JLSN.dcm", ALL,
                       "chest PA, MONOCHROME1, JPEG-LS near-lossless; RG1 exists only lossy. CharLS "
                       "(ours) and GDCM (the reference, which also uses CharLS) decode this "
                       "bitstream identically (JPEG-LS decoding is exactly specified), so the golden "
                       "holds to +-1 like the lossless ones; RG1_J2KI is not used (lossy JPEG 2000 "
                       "decoders may differ)."),
    "RG2_UNC": shared("cr/RG2_UNC.dcm", ALL, "hip, MONOCHROME2, 10 bits"),
    "RG3_UNC": shared("cr/RG3_UNC.dcm", ALL, "tibia, MONOCHROME1, 10 bits"),
    "CR-MONO1-10-chest": shared("cr/CR-MONO1-10-chest.dcm", ALL, "chest, MONOCHROME1, raw implicit VR data set"),
    # pydicom's test files with interesting LUTs and encodings.
    "mlut_18": shared("edge/mlut_18.dcm", ALL,
                      "Modality LUT Sequence, 12-bit signed stored values without the upper bits set "
                      "(sign extension matters)"),
    "vlut_04": shared("edge/vlut_04.dcm", ALL, "VOI LUT Sequence, 8-bit stored"),
    "CT_small": shared("edge/CT_small.dcm", ALL, "signed, rescale intercept -1024, no window"),
    "MR_small": shared("edge/MR_small.dcm", ALL, "signed 16-bit, one window"),
    "693_UNCR": shared("edge/693_UNCR.dcm", ALL, "signed 14 bits stored, rescale, window 40/100"),
    "emri_small": shared("edge/emri_small.dcm", ALL, "10 frames, no window, Presentation LUT Shape IDENTITY"),
    "emri_small_frame9": shared("edge/emri_small.dcm", ["dicom"], "the last frame", frame=9),
    "JPEG-LL": shared("edge/JPEG-LL.dcm", ALL, "JPEG lossless SV1, signed 16-bit"),
    "SC_rgb": shared("edge/SC_rgb.dcm", ["dicom"], "RGB"),
    "SC_ybr_full_uncompressed": shared("edge/SC_ybr_full_uncompressed.dcm", ["dicom"], "YBR_FULL, converted with PS3.3 C.7.6.3.1.2"),
    "OBXXXX1A": shared("edge/OBXXXX1A.dcm", ["dicom"], "PALETTE COLOR, 8-bit indices, 16-bit entries"),
    "gdcm-US-ALOKA-16": shared("edge/gdcm-US-ALOKA-16.dcm", ["dicom"], "PALETTE COLOR, 16-bit indices, segmented 16-bit entries"),
    # Synthesised: copies of MR_small / CT_small with edited headers (pixel data unchanged).
    "mr_small_two_windows": synthetic("mr_small_two_windows", "edge/MR_small.dcm", edit_two_windows, ALL,
                                      "two windows: voiIndex 0 and 1", voi_indices=(0, 1)),
    "mr_small_linear_exact": synthetic("mr_small_linear_exact", "edge/MR_small.dcm", edit_linear_exact, ["dicom", "kaggle"],
                                       "VOI LUT Function LINEAR_EXACT; the second window is 1000/2", voi_indices=(0, 1)),
    "mr_small_sigmoid": synthetic("mr_small_sigmoid", "edge/MR_small.dcm", edit_sigmoid, ["dicom", "kaggle"],
                                  "VOI LUT Function SIGMOID"),
    "mr_small_inverse": synthetic("mr_small_inverse", "edge/MR_small.dcm", edit_inverse, ALL,
                                  "MONOCHROME2 with Presentation LUT Shape INVERSE (presets invert only MONOCHROME1)"),
    "mr_small_mono1_identity": synthetic("mr_small_mono1_identity", "edge/MR_small.dcm", edit_mono1_identity, ALL,
                                         "MONOCHROME1 with Presentation LUT Shape IDENTITY: dicom/auto do not "
                                         "invert, the presets do"),
    "mr_small_modality_lut": synthetic("mr_small_modality_lut", "edge/MR_small.dcm", edit_modality_lut, ALL,
                                       "Modality LUT Sequence from 200, 1024 entries, 16 bits: stored values "
                                       "below 200 and above 1223 clamp; window 30000/50000"),
    "mr_small_voi_luts": synthetic("mr_small_voi_luts", "edge/MR_small.dcm", edit_voi_luts, ["dicom", "auto", "kaggle"],
                                   "two VOI LUT Sequence items (OW 16-bit from 100; US 12-bit from 0) "
                                   "beside a window, which they override", voi_indices=(0, 1)),
    "ct_small_half_slope": synthetic("ct_small_half_slope", "edge/CT_small.dcm", edit_half_slope, ["dicom", "auto", "kaggle"],
                                     "Rescale Slope 0.5 (modality values end in .5), window 40/400; png16 "
                                     "rounds -1023.5 half away from zero to -1024 before the shift"),
}


# ---------------------------------------------------------------------------------------------
# Encoding
# ---------------------------------------------------------------------------------------------

def grid_step(height, width, channels):
    return max(1, math.ceil(math.sqrt(height * width * channels / GRID_LIMIT)))


def grid_of(img, dtype):
    height, width = img.shape[:2]
    channels = 1 if img.ndim == 2 else img.shape[2]
    k = grid_step(height, width, channels)
    sub = np.ascontiguousarray(img[::k, ::k]).astype(dtype)
    raw = sub.tobytes()
    return {
        "step": k,
        "rows": int(sub.shape[0]),
        "columns": int(sub.shape[1]),
        "encoding": "zlib+base64, " + ("uint8" if dtype == np.uint8 else "uint16 little endian") + ", samples interleaved",
        "data": base64.b64encode(zlib.compress(raw, 9)).decode("ascii"),
    }


def case_record(img, mode, voi_index):
    height, width = img.shape[:2]
    channels = 1 if img.ndim == 2 else img.shape[2]
    return {
        "mode": mode,
        "voiIndex": voi_index,
        "width": int(width),
        "height": int(height),
        "channels": int(channels),
        "sha256": hashlib.sha256(np.ascontiguousarray(img).tobytes()).hexdigest(),
        "histogram": [int(v) for v in np.bincount(img.ravel(), minlength=256)],
        "grid": grid_of(img, np.uint8),
    }


def png16_record(ds, a):
    img, shift = ref.modality_image16(ds, a)
    return {
        "width": int(img.shape[1]),
        "height": int(img.shape[0]),
        "shift": shift,
        "min": int(img.min()),
        "max": int(img.max()),
        "sha256": hashlib.sha256(img.astype("<u2").tobytes()).hexdigest(),
        "grid": grid_of(img, np.dtype("<u2")),
    }


# ---------------------------------------------------------------------------------------------
# Cross-checks against pydicom (printed and recorded in index.json)
# ---------------------------------------------------------------------------------------------

def cross_check(name, ds, a, checks, frame=0):
    """Compares each reference step with pydicom 2.3.1's own function, where it has one."""
    if ref.is_colour(ds):
        pi = ref.photometric(ds)
        if pi == "YBR_FULL":
            theirs = convert_color_space(a.astype(np.uint8), "YBR_FULL", "RGB").astype(np.int64)
            mine = ref.ybr_full_to_rgb(a).astype(np.int64)
            checks[f"{name}: YBR_FULL->RGB vs pydicom convert_color_space"] = int(np.abs(theirs - mine).max())
        if pi == "PALETTE COLOR":
            theirs = apply_color_lut(a, ds).astype(np.int64)
            tables = ref.palette_tables(ds)
            mine16 = np.stack([ref._lut_lookup(a.astype(np.float64), e, f, d) for e, f, _b, d in tables], axis=-1)
            checks[f"{name}: palette 16-bit entries vs pydicom apply_color_lut"] = int(np.abs(theirs - mine16).max())
            mine8 = ref.palette_to_rgb(ds, a).astype(np.int64)
            shifted = mine16 >> (tables[0][2] - 8)
            checks[f"{name}: palette 8-bit round(v*255/65535) vs v>>8"] = int(np.abs(mine8 - shifted).max())
        return
    # Modality LUT vs pydicom's apply_modality_lut on its own pixel_array (no sign extension) and
    # on our stored values.
    x = ref.modality_values(ds, a)
    theirs = apply_modality_lut(a, ds).astype(np.float64)
    checks[f"{name}: modality vs pydicom apply_modality_lut(stored values)"] = float(np.abs(theirs - x).max())
    raw = ds.pixel_array
    if int(ds.get("NumberOfFrames", 1) or 1) > 1:
        raw = raw[frame]
    if raw.shape == a.shape and not np.array_equal(raw, a):
        theirs_raw = apply_modality_lut(raw, ds).astype(np.float64)
        checks[f"{name}: modality vs pydicom apply_modality_lut(pixel_array, unmasked)"] = float(np.abs(theirs_raw - x).max())
    # VOI (dicom mode) vs apply_voi / apply_windowing on the modality values.
    if ref.has_voi_lut_sequence(ds):
        for index in range(len(ds.VOILUTSequence)):
            _e, _f, bits, _d = ref._lut_entries(ds.VOILUTSequence[index], ds.is_little_endian)
            theirs = apply_voi(x.astype(np.int64), ds, index).astype(np.float64) / (2 ** bits - 1)
            checks[f"{name}: VOI LUT item {index} vs pydicom apply_voi"] = float(np.abs(theirs - ref.voi(ds, x, index)).max())
    elif ref.has_window(ds):
        for index in range(len(ref._multi(ds, "WindowCenter"))):
            # pydicom's output is y * (ymax - ymin) + ymin; find ymin / ymax from far-away inputs.
            with np.errstate(over="ignore"):
                ends = apply_windowing(np.array([-1e300, 1e300]), ds.copy(), index)
            y_min, y_max = float(ends[0]), float(ends[1])
            theirs = (apply_windowing(x.copy(), ds.copy(), index) - y_min) / (y_max - y_min)
            checks[f"{name}: window {index} vs pydicom apply_windowing"] = float(np.abs(theirs - ref.voi(ds, x, index)).max())
    # Robust window percentiles vs numpy's inverted_cdf.
    for p in (ref.ROBUST_LOW, ref.ROBUST_HIGH):
        mine = ref.percentile_inverted_cdf(x, p)
        numpy_value = float(np.percentile(x, p * 100, method="inverted_cdf"))
        checks[f"{name}: percentile {p} vs numpy inverted_cdf"] = abs(mine - numpy_value)


# ---------------------------------------------------------------------------------------------
# Main
# ---------------------------------------------------------------------------------------------

def synthesise(spec):
    ds = pydicom.dcmread(os.path.join(FIXTURE_ROOT, spec["base"]))
    spec["edit"](ds)
    path = os.path.join(GOLDEN_ROOT, spec["input"]["asset"])
    os.makedirs(os.path.dirname(path), exist_ok=True)
    ds.save_as(path, write_like_original=False)
    return path


def write_json(path, value):
    with open(path, "w", encoding="utf-8", newline="\n") as out:
        json.dump(value, out, sort_keys=True, indent=1, ensure_ascii=True)
        out.write("\n")


def write_png(directory, name, img):
    from PIL import Image  # only for --png
    os.makedirs(directory, exist_ok=True)
    Image.fromarray(img).save(os.path.join(directory, name + ".png"))


def main(argv):
    png_dir = None
    if "--png" in argv:
        png_dir = os.path.abspath(argv[argv.index("--png") + 1])
    os.chdir(REPO_ROOT)
    if pydicom.__version__ != EXPECTED_PYDICOM:
        print(f"warning: pydicom {pydicom.__version__}, goldens were made with {EXPECTED_PYDICOM}", file=sys.stderr)
    os.makedirs(GOLDEN_ROOT, exist_ok=True)
    for stale in os.listdir(GOLDEN_ROOT):
        if stale.endswith(".json"):
            os.remove(os.path.join(GOLDEN_ROOT, stale))
    checks = {}
    files = []
    total_cases = 0
    for name, spec in INPUTS.items():
        path = synthesise(spec) if "asset" in spec["input"] else os.path.join(FIXTURE_ROOT, spec["input"]["shared"])
        ds = ref.read_dataset(path)
        a = ref.stored_values(ds, spec["frame"])
        cross_check(name, ds, a, checks, spec["frame"])
        cases = []
        for mode in spec["modes"]:
            indices = spec["voiIndices"] if mode == "dicom" else [0]
            for voi_index in indices:
                img = ref.render(ds.copy(), a, mode, voi_index)
                cases.append(case_record(img, mode, voi_index))
                if png_dir:
                    write_png(png_dir, f"{name}.{mode}{'.voi' + str(voi_index) if voi_index else ''}.ref", img)
        record = {
            "name": name,
            "input": spec["input"],
            "frame": spec["frame"],
            "note": spec["note"],
            "photometricInterpretation": ref.photometric(ds),
            "cases": cases,
        }
        if not ref.is_colour(ds):
            record["png16"] = png16_record(ds, a)
        write_json(os.path.join(GOLDEN_ROOT, f"{name}.json"), record)
        files.append(f"{name}.json")
        total_cases += len(cases)
        print(f"{name}: {len(cases)} cases", file=sys.stderr)
    import gdcm
    write_json(os.path.join(GOLDEN_ROOT, "index.json"), {
        "generator": "scripts/goldens/generate_render_goldens.py (reference: scripts/goldens/reference_render.py)",
        "reference": f"pydicom {pydicom.__version__}, numpy {np.__version__}, GDCM {gdcm.Version.GetVersion()}",
        "files": files,
        "cases": total_cases,
        "crossChecks": {k: (round(v, 12) if isinstance(v, float) else v) for k, v in sorted(checks.items())},
    })
    for key, value in sorted(checks.items()):
        print(f"  {key}: {value}", file=sys.stderr)
    print(f"{total_cases} cases in {len(files)} files", file=sys.stderr)


if __name__ == "__main__":
    main(sys.argv[1:])
