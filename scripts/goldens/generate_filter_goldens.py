#!/usr/bin/python3
"""Generate the goldens for packages/filter/src/model/preprocess/*.test.ts: the released VinDr-CXR
outlier detector's preprocessing (outlier-detection/transforms.py) run with the real libraries.

Run from anywhere with Debian's Python (NOT a pyenv/venv python):

    /usr/bin/python3 scripts/goldens/generate_filter_goldens.py
    # or: npm run gen:filter-goldens

Needs (apt): python3-pydicom python3-numpy python3-pil python3-gdcm python3-opencv; `sudo scripts/setup-reference-tools.sh --goldens` installs them.
(pydicom 2.3, Pillow 9.4, OpenCV 4.6, GDCM 3.0 on Debian 12).

Per case: pydicom's pixel_array (GDCM for compressed syntaxes; Bits Stored 10/12 set to 16 first,
as the released code does), cv2.convertScaleAbs(raw, alpha=255.0/raw.max()), cv2.bitwise_not for
MONOCHROME1, cv2.equalizeHist when raw.max() > 255, PIL fromarray().convert('RGB').resize((224,
224), BILINEAR) (what torchvision's Resize does to a PIL image), then ToTensor and Normalize in
NumPy float32 as torch computes them (torch itself is not installed). The released transform's
RandomHorizontalFlip and RandomRotation(20) are left out (deterministic). Every step is also run
through scripts/bench/filter/vindr_preprocess.py's pure-NumPy functions and asserted equal, so the
benchmark's reference is proven equal to OpenCV; more random inputs check the NumPy
convertScaleAbs and equalizeHist against OpenCV beyond the cases.

Input:  ../shared/fixtures/dicom/... (read-only) and synthetic arrays made here (deterministic).
Output: packages/filter/test-assets/preprocess/
          cases.json            per case: source, shape, dtype, photometric, max, inverted,
                                equalised, sha256 of the raw values (little-endian), of the scaled
                                image (after convertScaleAbs), of the full-size image after
                                inversion/equalisation, of the 224x224 image and of the float32
                                1x3x224x224 tensor (little-endian), and sample tensor values;
                                `resizeSweep` and `equalizeSweep` below
          <case>.224.u8         the 224x224 image after resizing (one channel; R = G = B)
          <case>.input.<dtype>  raw little-endian input of each synthetic case
          resize-sweep.u8       a small random image; cases.json lists the sha256 of its PIL
                                BILINEAR resize to many sizes
          equalize-sweep.u8     random 8-bit images, one after the other; cases.json lists their
                                shapes and the sha256 of cv2.equalizeHist of each
The JSON is deterministic: sorted keys, relative paths, no timestamps.
"""
import hashlib
import json
import os
import sys
import warnings

import cv2
import numpy as np
import PIL
from PIL import Image
import pydicom
from pydicom.pixel_data_handlers import gdcm_handler, numpy_handler, rle_handler

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
sys.path.insert(0, os.path.join(REPO, "scripts", "bench", "filter"))
import vindr_preprocess as ref  # noqa: E402

OUT = os.path.join(REPO, "packages", "filter", "test-assets", "preprocess")
SIZE = (224, 224)
MEAN = (0.485, 0.456, 0.406)
STD = (0.229, 0.224, 0.225)

# GDCM is the reference decoder for every compressed syntax, as in generate_pixel_goldens.py.
pydicom.config.pixel_data_handlers = [numpy_handler, gdcm_handler, rle_handler]

DICOM_CASES = [
    # 440x440, MONOCHROME1, 10-bit: no preamble nor meta, so read with force=True (the released
    # code's dcmread would refuse it; the preprocessing itself is what is pinned here).
    "cr/CR-MONO1-10-chest.dcm",
    "cr/RG1_JLSN.dcm",  # 1955x1841 chest, MONOCHROME1, 15-bit, JPEG-LS near-lossless (GDCM)
    "cr/RG2_UNC.dcm",  # 2140x1760, MONOCHROME2, 10-bit
    "cr/RG3_UNC.dcm",  # 1760x1760, MONOCHROME1, 10-bit
    "edge/CT_small.dcm",  # 128x128 int16, all positive: enlarging resize
    "edge/693_UNCR.dcm",  # 512x512 int16 from -2000: negative values through abs()
    "edge/JPGLosslessP14SV1_1s_1f_8b.dcm",  # 768x1024 uint8, max 255: alpha 1, no equalisation
]


def synthetic_cases():
    """name -> (raw array, photometric): odd sizes, ties in the scaling, max 0, negative values."""
    rng = np.random.default_rng(20240601)
    # 301 rows x 517 columns, 12-bit smooth gradient plus noise: shrinks both ways, equalised.
    yy, xx = np.mgrid[0:301, 0:517]
    odd = (1500 + 6 * xx - 3 * yy + rng.integers(-200, 200, (301, 517))).clip(0, 4095).astype(np.uint16)
    # 97 rows x 300 columns, uint8 with max 170: alpha 1.5, so every odd value lands on .5 (ties to
    # even); MONOCHROME1; not equalised; enlarged vertically, shrunk horizontally.
    ties = rng.integers(0, 171, (97, 300)).astype(np.uint8)
    ties[0, 0] = 170
    # 131 x 77 int16 with negative values under -max (saturate at 255) and max 510 (alpha 0.5).
    signed = rng.integers(-900, 511, (131, 77)).astype(np.int16)
    signed[0, 0] = 510
    zero = np.zeros((5, 7), np.uint16)  # max 0: all 0, then a constant resize
    return {
        "synthetic-odd-301x517": (odd, "MONOCHROME2"),
        "synthetic-ties-97x300": (ties, "MONOCHROME1"),
        "synthetic-signed-131x77": (signed, "MONOCHROME2"),
        "synthetic-zero-5x7": (zero, "MONOCHROME2"),
    }


def sha256(array):
    return hashlib.sha256(np.ascontiguousarray(array).astype(array.dtype.newbyteorder("<")).tobytes()).hexdigest()


def read_dicom(rel):
    path = os.path.join(REPO, "..", "shared", "fixtures", "dicom", rel)
    raw, photometric = ref.read_raw(path, force=True)
    # Our decoder masks to Bits Stored instead of the released 10/12 -> 16 hack: same values here.
    ds = pydicom.dcmread(path, force=True)
    bits, signed = int(ds.BitsStored), int(ds.PixelRepresentation) == 1
    values = raw.astype(np.int64)
    masked = values & ((1 << bits) - 1)
    if signed:
        masked = np.where(masked >= 1 << (bits - 1), masked - (1 << bits), masked)
    assert np.array_equal(values, masked), f"{rel}: bits above Bits Stored are set"
    return raw, photometric


def released_pipeline(raw, photometric):
    """The released load_dcm_image, with the real OpenCV and Pillow calls."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore", RuntimeWarning)  # 255.0 / 0 for the max-0 case
        rescaled = cv2.convertScaleAbs(raw, alpha=(255.0 / raw.max()))
    scaled = rescaled.copy()
    if photometric == "MONOCHROME1":
        rescaled = cv2.bitwise_not(rescaled)
    adjusted = cv2.equalizeHist(rescaled) if raw.max() > 255 else rescaled
    rgb = Image.fromarray(adjusted).convert("RGB").resize((SIZE[1], SIZE[0]), Image.BILINEAR)
    hwc = np.asarray(rgb)
    # torchvision ToTensor + Normalize in float32 (tensor.float().div(255); sub_(mean).div_(std)).
    chw = hwc.transpose(2, 0, 1).astype(np.float32) / np.float32(255)
    tensor = ((chw - np.asarray(MEAN, np.float32)[:, None, None]) / np.asarray(STD, np.float32)[:, None, None])[None]
    return scaled, adjusted, hwc, tensor.astype(np.float32)


def check_reference(name, raw, photometric, scaled, adjusted, hwc, tensor):
    """The bench's NumPy functions give exactly what OpenCV and the released steps give."""
    ours, top = ref.convert_scale_abs(raw)
    assert top == raw.max() and np.array_equal(ours, scaled), f"{name}: convert_scale_abs differs from cv2"
    assert np.array_equal(ref.vindr_image8(raw, photometric), adjusted), f"{name}: vindr_image8 differs from cv2"
    rgb = ref.resize_rgb(adjusted, SIZE)
    assert np.array_equal(np.asarray(rgb), hwc), f"{name}: resize differs"
    grey = np.asarray(Image.fromarray(adjusted).resize((SIZE[1], SIZE[0]), Image.BILINEAR))
    assert all(np.array_equal(hwc[:, :, c], grey) for c in range(3)), f"{name}: RGB channels differ from the 'L' resize"
    t = ref.to_tensor_normalize(rgb)
    assert t.dtype == np.float32 and t.tobytes() == tensor.tobytes(), f"{name}: tensor differs"
    if photometric == "MONOCHROME1":
        assert np.array_equal(ref.bitwise_not(scaled), cv2.bitwise_not(scaled))
    if raw.max() > 255:
        inv = ref.bitwise_not(scaled) if photometric == "MONOCHROME1" else scaled
        assert np.array_equal(ref.equalize_hist(inv), cv2.equalizeHist(inv)), f"{name}: equalize_hist differs"


def stress_reference(rng):
    """Random inputs beyond the cases: the NumPy convertScaleAbs and equalizeHist equal OpenCV's."""
    for k in range(300):
        dtype = [np.uint8, np.uint16, np.int16][k % 3]
        info = np.iinfo(dtype)
        top = int(rng.integers(max(info.min, -5), info.max + 1))
        low = int(rng.integers(info.min, top + 1)) if k % 4 == 0 else max(info.min, 0 if top >= 0 else top - 300)
        raw = rng.integers(low, top + 1, (int(rng.integers(1, 40)), int(rng.integers(1, 40)))).astype(dtype)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", RuntimeWarning)
            expected = cv2.convertScaleAbs(raw, alpha=(255.0 / raw.max()))
        assert np.array_equal(ref.convert_scale_abs(raw)[0], expected), f"convertScaleAbs stress case {k}"
    for k, img in enumerate(equalize_inputs(rng, 400)):
        assert np.array_equal(ref.equalize_hist(img), cv2.equalizeHist(img)), f"equalizeHist stress case {k}"


def equalize_inputs(rng, count):
    """8-bit images with few or many levels, skewed or flat, some of one value."""
    images = []
    for k in range(count):
        rows, cols = int(rng.integers(1, 60)), int(rng.integers(1, 60))
        levels = int(rng.integers(1, 257))
        base = int(rng.integers(0, 257 - levels))
        values = base + (rng.random((rows, cols)) ** float(rng.uniform(0.3, 4)) * levels).astype(np.int64).clip(0, levels - 1)
        images.append(values.astype(np.uint8))
    return images


RESIZE_TARGETS = [
    (1, 1), (224, 224), (2, 3), (5, 100), (100, 5), (36, 22), (38, 24), (37, 24), (36, 23), (74, 46),
    (12, 7), (19, 11), (111, 23), (37, 5), (3, 23), (300, 301), (17, 64), (64, 17), (73, 45), (4, 1),
]


def resize_sweep(rng):
    """A 37x23 random 'L' image resized with BILINEAR to many sizes, shrinking and enlarging."""
    src = rng.integers(0, 256, (23, 37)).astype(np.uint8)
    with open(os.path.join(OUT, "resize-sweep.u8"), "wb") as f:
        f.write(src.tobytes())
    outs = []
    for w, h in RESIZE_TARGETS:
        out = np.asarray(Image.fromarray(src).resize((w, h), Image.BILINEAR))
        outs.append({"width": w, "height": h, "sha256": sha256(out)})
    return {"file": "resize-sweep.u8", "width": 37, "height": 23, "outputs": outs}


def equalize_sweep(rng):
    images = equalize_inputs(rng, 24)
    with open(os.path.join(OUT, "equalize-sweep.u8"), "wb") as f:
        for img in images:
            f.write(img.tobytes())
    return {
        "file": "equalize-sweep.u8",
        "images": [{"rows": img.shape[0], "columns": img.shape[1], "sha256": sha256(cv2.equalizeHist(img))} for img in images],
    }


def samples(tensor):
    flat = tensor.ravel()
    idx = [0, 1, 224 * 112 + 112, 224 * 224 - 1, 224 * 224, 2 * 224 * 224 + 224 * 50 + 7, flat.size - 1]
    return [{"index": i, "value": float(flat[i])} for i in idx]


def main():
    os.makedirs(OUT, exist_ok=True)
    for name in os.listdir(OUT):
        if name.endswith(".u8") or ".input." in name:
            os.remove(os.path.join(OUT, name))
    cases = {}
    inputs = [(rel, *read_dicom(rel), "../shared/fixtures/dicom/" + rel) for rel in DICOM_CASES]
    for name, (raw, photometric) in synthetic_cases().items():
        file = f"{name}.input.{raw.dtype.name}"
        raw.astype(raw.dtype.newbyteorder("<")).tofile(os.path.join(OUT, file))
        inputs.append((name, raw, photometric, file))
    for name, raw, photometric, source in inputs:
        scaled, adjusted, hwc, tensor = released_pipeline(raw, photometric)
        check_reference(name, raw, photometric, scaled, adjusted, hwc, tensor)
        key = name.replace("/", "-").removesuffix(".dcm")
        resized = f"{key}.224.u8"
        hwc[:, :, 0].tofile(os.path.join(OUT, resized))
        cases[key] = {
            "source": source,
            "synthetic": not source.startswith("../"),
            "rows": int(raw.shape[0]),
            "columns": int(raw.shape[1]),
            "dtype": raw.dtype.name,
            "photometric": photometric,
            "max": int(raw.max()),
            "inverted": photometric == "MONOCHROME1",
            "equalised": bool(raw.max() > 255),
            "rawSha256": sha256(raw),
            "scaledSha256": sha256(scaled),
            "image8Sha256": sha256(adjusted),
            "resized": resized,
            "resizedSha256": sha256(hwc[:, :, 0]),
            "tensorSha256": sha256(tensor),
            "tensorSamples": samples(tensor),
        }
        print(f"{key}: max {raw.max()}, {'inverted' if photometric == 'MONOCHROME1' else 'not inverted'}, {'equalised' if raw.max() > 255 else 'not equalised'}")
    rng = np.random.default_rng(7)
    stress_reference(rng)
    index = {
        "generator": "scripts/goldens/generate_filter_goldens.py",
        "references": {"pydicom": pydicom.__version__, "numpy": np.__version__, "opencv": cv2.__version__, "pillow": PIL.__version__},
        "inputSize": list(SIZE),
        "mean": list(MEAN),
        "std": list(STD),
        "cases": cases,
        "resizeSweep": resize_sweep(rng),
        "equalizeSweep": equalize_sweep(rng),
    }
    with open(os.path.join(OUT, "cases.json"), "w") as f:
        json.dump(index, f, indent=1, sort_keys=True)
        f.write("\n")
    print(f"wrote {len(cases)} cases to {os.path.relpath(OUT, REPO)}; NumPy reference equal to OpenCV on all of them")


if __name__ == "__main__":
    main()
