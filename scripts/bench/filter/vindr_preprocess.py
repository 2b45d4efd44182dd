#!/usr/bin/python3
"""The released VinDr-CXR outlier detector's preprocessing in pydicom + NumPy + Pillow, no OpenCV.

The reference for the filter benchmark, and the pure-NumPy twin that
scripts/goldens/generate_filter_goldens.py proves equal to OpenCV on every golden case.
Debian's /usr/bin/python3 with python3-pydicom, python3-numpy and python3-pil (python3-gdcm for
compressed files). What the released outlier-detection/transforms.py does, per DICOM:

    raw = ds.pixel_array                                   # stored values (Bits Stored 10/12 set to 16 first)
    img = cv2.convertScaleAbs(raw, alpha=255.0 / raw.max())
    if MONOCHROME1: img = cv2.bitwise_not(img)
    if raw.max() > 255: img = cv2.equalizeHist(img)
    Image.fromarray(img).convert('RGB') -> Resize((224, 224)) -> ToTensor -> Normalize(ImageNet)

Each OpenCV step is redone here in NumPy with OpenCV's float32 arithmetic and its rounding (cvRound:
nearest, ties to even, i.e. np.rint); the torchvision steps in NumPy float32 (Resize on a PIL image
is Pillow's resize with BILINEAR). The released transform's RandomHorizontalFlip and
RandomRotation(20) at inference are a bug and are left out: the output is deterministic.

Usage:
  vindr_preprocess.py FILE...
      Preprocesses each file (read, decode, steps above) one after the other and prints one JSON
      line: {"files": n, "seconds": s, "images_per_s": r} (the loop only; imports not counted).
"""
import json
import sys
import time

import numpy as np
import pydicom
from PIL import Image

MEAN = (0.485, 0.456, 0.406)
STD = (0.229, 0.224, 0.225)
INPUT_SIZE = (224, 224)  # (height, width)


def read_raw(path, force=False):
    """`pixel_array` and Photometric Interpretation as the released code reads them."""
    ds = pydicom.dcmread(path, force=force)
    if force and "TransferSyntaxUID" not in ds.file_meta:
        # A file without meta information: pydicom found its encoding while reading.
        ds.file_meta.TransferSyntaxUID = (
            pydicom.uid.ImplicitVRLittleEndian if ds.is_implicit_VR else pydicom.uid.ExplicitVRLittleEndian
        )
    if ds.BitsStored in (10, 12):
        ds.BitsStored = 16
    return ds.pixel_array, str(ds.PhotometricInterpretation)


def convert_scale_abs(raw):
    """cv2.convertScaleAbs(raw, alpha=255.0/raw.max()) -> (uint8 image, raw.max()).

    alpha: the double 255/max rounded to float32; |x * alpha| in float32; cvRound; saturated.
    max 0 makes alpha infinite and every product NaN or infinite, which OpenCV turns into 0.
    """
    top = raw.max()
    if top == 0:
        return np.zeros(raw.shape, np.uint8), top
    alpha = np.float32(255.0 / top)
    scaled = np.abs(raw.astype(np.float32) * alpha)
    return np.clip(np.rint(scaled), 0, 255).astype(np.uint8), top


def bitwise_not(img):
    """cv2.bitwise_not on uint8."""
    return np.uint8(255) - img


def equalize_hist(img):
    """cv2.equalizeHist: float32 scale = 255/(N - hist[first]), lut[j] = cvRound(float32(sum) * scale)."""
    hist = np.bincount(img.ravel(), minlength=256)
    first = int(np.flatnonzero(hist)[0])
    total = img.size
    if hist[first] == total:
        return np.full(img.shape, first, np.uint8)
    scale = np.float32(255) / np.float32(total - hist[first])
    running = np.cumsum(hist) - np.cumsum(hist)[first]  # sum of bins first+1..j
    lut = np.clip(np.rint(running.astype(np.float32) * scale), 0, 255).astype(np.uint8)
    lut[: first + 1] = 0
    return lut[img]


def vindr_image8(raw, photometric):
    """Steps 2-4: scaled, inverted for MONOCHROME1, equalised when raw.max() > 255."""
    img, top = convert_scale_abs(raw)
    if photometric == "MONOCHROME1":
        img = bitwise_not(img)
    return equalize_hist(img) if top > 255 else img


def resize_rgb(img, size=INPUT_SIZE):
    """Image.fromarray(img).convert('RGB'), then torchvision Resize(size) = PIL resize BILINEAR."""
    height, width = size
    return Image.fromarray(img).convert("RGB").resize((width, height), Image.BILINEAR)


def to_tensor_normalize(rgb, mean=MEAN, std=STD):
    """ToTensor (v / 255) and Normalize ((x - mean) / std), float32 throughout; 1 x C x H x W."""
    chw = np.asarray(rgb, dtype=np.uint8).transpose(2, 0, 1).astype(np.float32) / np.float32(255)
    m = np.asarray(mean, np.float32)[:, None, None]
    s = np.asarray(std, np.float32)[:, None, None]
    return ((chw - m) / s)[None]


def preprocess(path, force=False):
    raw, photometric = read_raw(path, force)
    return to_tensor_normalize(resize_rgb(vindr_image8(raw, photometric)))


def main(argv):
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__.strip())
        return 0 if argv else 2
    start = time.perf_counter()
    for path in argv:
        preprocess(path)
    seconds = time.perf_counter() - start
    print(json.dumps({"files": len(argv), "seconds": round(seconds, 4), "images_per_s": round(len(argv) / seconds, 3)}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
