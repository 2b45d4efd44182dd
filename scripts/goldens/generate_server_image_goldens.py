#!/usr/bin/python3
"""Generate the goldens of packages/server/src/images/*.test.ts (the labelling server's image module).

Run from anywhere with Debian's Python (python3-pydicom, python3-numpy, python3-gdcm; see
scripts/setup-reference-tools.sh), NOT a pyenv/venv python:

    /usr/bin/python3 scripts/goldens/generate_server_image_goldens.py

Input:  ../shared/fixtures/dicom/{cr,edge}/<FIXTURES>   (read-only)
Output: packages/server/src/images/goldens/image-goldens.json   (deterministic: sorted keys, no paths)

Per fixture, from pydicom 2.3.1 (GDCM decodes the compressed ones, as for the imaging goldens):
  header:  rows, columns, bits stored, photometric, samples per pixel, transfer syntax, SOP Instance
           UID, the Window Center / Width pairs, the raw text of the key values the server shows, and
           which identifying attributes hold a real value (not empty, not a de-identification dummy).
  pixels:  the 16-bit modality image the server sends the browser (`renderPixelBlob`): stored values
           (masked to Bits Stored, as docs/imaging.md promises) through pydicom's apply_modality_lut,
           rounded half away from zero, plus `offset` (minus the lowest value the rescale can give
           for the stored range, when that is negative; 0 for a Modality LUT Sequence), clipped to
           0..65535; the sha256 of its little-endian uint16 bytes, min, max and an 8 x 8 grid
           (every `step`-th row and column from 0) to show where a mismatch is.
"""

import hashlib
import json
import os
import re
import sys

import numpy as np
import pydicom
from pydicom.pixel_data_handlers import gdcm_handler, numpy_handler, rle_handler
from pydicom.pixel_data_handlers.util import apply_modality_lut
from pydicom.uid import UID

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
FIXTURE_ROOT = os.path.join(REPO_ROOT, "..", "shared", "fixtures", "dicom")
OUT = os.path.join(REPO_ROOT, "packages", "server", "src", "images", "goldens", "image-goldens.json")

# RG1: the chest (MONOCHROME1, 15 bits) as JPEG 2000 and JPEG-LS; RG2_UNC native MONOCHROME2;
# CR-MONO1 a bare data set; CT_small signed with a negative intercept (the offset); mlut_18 a
# Modality LUT Sequence.
FIXTURES = ["cr/RG1_J2KI.dcm", "cr/RG1_JLSN.dcm", "cr/RG2_UNC.dcm", "cr/CR-MONO1-10-chest.dcm", "edge/CT_small.dcm", "edge/mlut_18.dcm"]
KEY_VALUES = ["Modality", "BodyPartExamined", "ViewPosition", "PatientSex", "PatientAge", "Manufacturer", "PixelSpacing", "RescaleSlope", "RescaleIntercept"]
GRID = 8
# The identifying attributes the server looks for, and what does not count as a value (de-identification dummies).
IDENTITY_KEYWORDS = ["PatientName", "PatientID", "PatientBirthDate", "OtherPatientIDs", "OtherPatientNames", "PatientAddress",
                     "PatientTelephoneNumbers", "InstitutionName", "InstitutionAddress", "ReferringPhysicianName", "AccessionNumber"]
DUMMIES = {"ANONYMIZED", "19000101", "19000101000000", "000000", "000Y", "0"}

pydicom.config.pixel_data_handlers = [numpy_handler, gdcm_handler, rle_handler]


def read(path):
    ds = pydicom.dcmread(path, force=True)
    if "TransferSyntaxUID" not in ds.file_meta:
        uid = "1.2.840.10008.1.2" if ds.is_implicit_VR else ("1.2.840.10008.1.2.1" if ds.is_little_endian else "1.2.840.10008.1.2.2")
        ds.file_meta.TransferSyntaxUID = UID(uid)
    return ds


def raw_text(ds, keyword):
    """The element's text as stored: values split on backslash, each trimmed, rejoined."""
    if keyword not in ds:
        return None
    elem = ds.get_item(keyword)
    value = elem.value
    if isinstance(value, (bytes, bytearray)):
        text = value.decode("latin-1")
    else:  # already converted (pydicom keeps the original string of DS/IS)
        text = "\\".join(str(v) for v in value) if isinstance(value, (list, pydicom.multival.MultiValue)) else str(value)
    parts = [p.strip(" \0") for p in text.split("\\")]
    joined = "\\".join(parts)
    return joined if joined.strip("\\") != "" else None


def numbers(ds, keyword):
    if keyword not in ds:
        return []
    v = ds[keyword].value
    return [float(x) for x in (v if isinstance(v, (list, pydicom.multival.MultiValue)) else [v])]


def meaningful(value):
    text = re.sub(r"[\s^=\0]+", "", value)
    return text != "" and text.upper() not in DUMMIES and re.fullmatch(r"[xX0]+", text) is None


def identity(ds):
    """IDENTITY_KEYWORDS present at the top level with at least one meaningful value."""
    out = []
    for keyword in IDENTITY_KEYWORDS:
        text = raw_text(ds, keyword)
        if text is not None and any(meaningful(v) for v in text.split("\\")):
            out.append(keyword)
    return out


def stored_values(ds):
    arr = ds.pixel_array
    bits_stored = int(ds.BitsStored)
    bits_allocated = int(ds.BitsAllocated)
    high_bit = int(ds.get("HighBit", bits_stored - 1))
    signed = int(ds.PixelRepresentation) == 1
    shift = max(0, high_bit - bits_stored + 1)
    if bits_stored >= bits_allocated and shift == 0:
        return arr.astype(np.int64)
    unsigned = arr.view(np.dtype(f"u{arr.dtype.itemsize}")).astype(np.int64)
    value = (unsigned >> shift) & ((1 << bits_stored) - 1)
    if signed:
        value = np.where(value & (1 << (bits_stored - 1)), value - (1 << bits_stored), value)
    return value


def round_half_away(x):
    return np.sign(x) * np.floor(np.abs(x) + 0.5)


def modality_image16(ds):
    stored = stored_values(ds)
    values = apply_modality_lut(stored, ds).astype(np.float64)
    if "ModalityLUTSequence" in ds:
        offset = 0
    else:
        bits = int(ds.BitsStored)
        signed = int(ds.PixelRepresentation) == 1
        lo, hi = (-(2 ** (bits - 1)), 2 ** (bits - 1) - 1) if signed else (0, 2 ** bits - 1)
        slope = float(ds.get("RescaleSlope", 1) or 1)
        intercept = float(ds.get("RescaleIntercept", 0) or 0)
        lowest = min(slope * lo + intercept, slope * hi + intercept)
        offset = int(-round_half_away(lowest)) if lowest < 0 else 0
    out = np.clip(round_half_away(values) + offset, 0, 65535).astype("<u2")
    return out, offset


def record(rel):
    ds = read(os.path.join(FIXTURE_ROOT, rel))
    image, offset = modality_image16(ds)
    step = max(1, -(-max(image.shape) // GRID))
    centers, widths = numbers(ds, "WindowCenter"), numbers(ds, "WindowWidth")
    max_value = int(image.max())
    return {
        "header": {
            "width": int(ds.Columns),
            "height": int(ds.Rows),
            "bitsStored": int(ds.BitsStored),
            "photometric": str(ds.PhotometricInterpretation).strip(),
            "samplesPerPixel": int(ds.get("SamplesPerPixel", 1)),
            "transferSyntaxUid": str(ds.file_meta.TransferSyntaxUID),
            "sopInstanceUid": str(ds.SOPInstanceUID),
            "windows": [{"center": c, "width": w} for c, w in zip(centers, widths)],
            "keyValues": {k: v for k in KEY_VALUES if (v := raw_text(ds, k)) is not None},
            "identity": identity(ds),
        },
        "pixels": {
            "offset": offset,
            "min": int(image.min()),
            "max": max_value,
            "bitsStored": max(int(ds.BitsStored), max_value.bit_length()),
            "sha256": hashlib.sha256(np.ascontiguousarray(image).tobytes()).hexdigest(),
            "grid": {"step": step, "values": image[::step, ::step].ravel().tolist()},
        },
    }


def main():
    goldens = {
        "generator": f"scripts/goldens/generate_server_image_goldens.py (pydicom {pydicom.__version__}, numpy {np.__version__})",
        "fixtures": {rel: record(rel) for rel in FIXTURES},
    }
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "w") as f:
        json.dump(goldens, f, indent=1, sort_keys=True)
        f.write("\n")
    print(f"wrote {os.path.relpath(OUT, REPO_ROOT)}", file=sys.stderr)


if __name__ == "__main__":
    main()
