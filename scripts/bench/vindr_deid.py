#!/usr/bin/python3
"""The VinDr-CXR de-identification as its release did it, for `npm run bench:deid`.

pydicom only (Debian's /usr/bin/python3 with python3-pydicom), one process, one file after the
other, as the VinDr-CXR team ran it. Per file (`deid_one`):

    ds = pydicom.dcmread(path)
    image_id = hashlib.md5(ds.SOPInstanceUID.encode()).hexdigest()   # read before deleting
    for tag in list(ds.keys()):            # top level only
        if tag not in WHITELIST:
            del ds[tag]
    ds.save_as(f"{out_dir}/{image_id}.dicom")

WHITELIST is Table 4 of the VinDr-CXR paper (patient sex, age, size and weight; the Image Pixel
and presentation attributes; Pixel Data). Deleting by tag (`ds.keys()`) leaves the elements as
pydicom read them (raw, undecoded): the lightest way pydicom offers, so the baseline is not made
slower than it has to be.

One addition, which costs nothing measurable: the file meta's Media Storage SOP Instance UID
(0002,0003) would still carry the original SOP Instance UID (pydicom writes the file meta back as
read, and the whitelist only covers the data set), so it is set to the UID form of the same MD5,
"2.25." + int(md5, 16), as cxrlab's `--profile vindr` does. `--keep-meta-uid` leaves it as read.

Usage:
  vindr_deid.py deid IN-DIR OUT-DIR [--bench [--no-warmup]] [--keep-meta-uid]
      De-identifies every file in IN-DIR (sorted by name, not recursive) into OUT-DIR/<image_id>.dicom.
      --bench: first de-identifies the first file into a scratch folder beside OUT-DIR (imports and
      first-use costs), deletes it, then times the loop over all files. Prints one JSON object:
      {"files", "seconds" (the loop only; interpreter start and imports not counted), "bytes_in",
       "bytes_out", "written", "python", "pydicom", "failed"}.
      --bench --no-warmup: the script as a user runs it, for timing the whole process from outside:
      no warm-up file, and after the loop nothing but {"files", "seconds", "python", "pydicom",
      "failed"} (no listing or sizes of the outputs).
  vindr_deid.py verify OUT-DIR --inputs IN-DIR
      Reads every OUT-DIR/*.dicom back with pydicom (whole file, pixel data included) and checks it
      against its input (found by the MD5 of its SOP Instance UID); decodes the first one's pixels
      (pixel_array). Prints one JSON object: files, unreadable, names not an input's MD5, top-level
      tags off the whitelist (tag -> files), files whose Pixel Data differs from the input's, the
      pixel_array result, inputs without an output.
"""
import argparse
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
import warnings

# VinDr-CXR (Nguyen et al., Scientific Data 2022), Table 4: the attributes kept.
WHITELIST = {
    0x00100040,  # Patient's Sex
    0x00101010,  # Patient's Age
    0x00101020,  # Patient's Size
    0x00101030,  # Patient's Weight
    0x00280002,  # Samples per Pixel
    0x00280004,  # Photometric Interpretation
    0x00280008,  # Number of Frames
    0x00280010,  # Rows
    0x00280011,  # Columns
    0x00280030,  # Pixel Spacing
    0x00280034,  # Pixel Aspect Ratio
    0x00280100,  # Bits Allocated
    0x00280101,  # Bits Stored
    0x00280102,  # High Bit
    0x00280103,  # Pixel Representation
    0x00280106,  # Smallest Image Pixel Value
    0x00280107,  # Largest Image Pixel Value
    0x00281050,  # Window Center
    0x00281051,  # Window Width
    0x00281052,  # Rescale Intercept
    0x00281053,  # Rescale Slope
    0x00282110,  # Lossy Image Compression
    0x00282112,  # Lossy Image Compression Ratio
    0x00282114,  # Lossy Image Compression Method
    0x7FE00010,  # Pixel Data
}


def md5_uid(image_id):
    """The UID form of a hex MD5 (PS3.5 B.2: "2.25." and the 128-bit number)."""
    return "2.25." + str(int(image_id, 16))


def deid_one(pydicom, path, out_dir, keep_meta_uid=False):
    ds = pydicom.dcmread(path)
    image_id = hashlib.md5(ds.SOPInstanceUID.encode()).hexdigest()
    for tag in list(ds.keys()):
        if tag not in WHITELIST:
            del ds[tag]
    if not keep_meta_uid and "MediaStorageSOPInstanceUID" in ds.file_meta:
        ds.file_meta.MediaStorageSOPInstanceUID = md5_uid(image_id)
    out = os.path.join(out_dir, image_id + ".dicom")
    ds.save_as(out)
    return out


def list_dir(directory, suffix=None):
    names = sorted(n for n in os.listdir(directory) if suffix is None or n.endswith(suffix))
    return [os.path.join(directory, n) for n in names if os.path.isfile(os.path.join(directory, n))]


def cmd_deid(pydicom, args):
    files = list_dir(args.in_dir)
    os.makedirs(args.out_dir, exist_ok=True)
    if args.bench and not args.no_warmup and files:
        scratch = tempfile.mkdtemp(prefix="vindr-warmup-", dir=os.path.dirname(os.path.abspath(args.out_dir)))
        try:
            deid_one(pydicom, files[0], scratch, args.keep_meta_uid)
        finally:
            shutil.rmtree(scratch, ignore_errors=True)
    failed = {}
    t0 = time.perf_counter()
    for path in files:
        try:
            deid_one(pydicom, path, args.out_dir, args.keep_meta_uid)
        except Exception as error:  # noqa: BLE001 - report every failure, go on
            failed[path] = f"{type(error).__name__}: {error}"[:200]
    seconds = time.perf_counter() - t0
    if args.bench and args.no_warmup:
        print(json.dumps({"files": len(files), "seconds": seconds, "python": sys.version.split()[0],
                          "pydicom": pydicom.__version__, "failed": failed}))
        return 1 if failed else 0
    outputs = list_dir(args.out_dir)
    result = {
        "files": len(files),
        "written": len(outputs),
        "seconds": seconds,
        "bytes_in": sum(os.path.getsize(f) for f in files),
        "bytes_out": sum(os.path.getsize(f) for f in outputs),
        "python": sys.version.split()[0],
        "pydicom": pydicom.__version__,
        "failed": failed,
    }
    if args.bench:
        print(json.dumps(result))
    else:
        print(f"vindr_deid: {len(files) - len(failed)} of {len(files)} files de-identified in {seconds:.1f} s into {args.out_dir}")
        for path, why in failed.items():
            print(f"  failed: {path}: {why}", file=sys.stderr)
    return 1 if failed else 0


def cmd_verify(pydicom, args):
    by_id = {}
    for path in list_dir(args.inputs):
        ds = pydicom.dcmread(path, stop_before_pixels=True)
        by_id[hashlib.md5(ds.SOPInstanceUID.encode()).hexdigest()] = path
    outputs = list_dir(args.out_dir, ".dicom")
    unreadable = {}
    unknown = []
    off_whitelist = {}
    pixels_differ = []
    pixels_same = 0
    pixel_array = None  # decoding the first output's pixels: does the kept header still describe them?
    seen = set()
    for out in outputs:
        name = os.path.basename(out)
        image_id = name[: -len(".dicom")] if name.endswith(".dicom") else name
        try:
            ds = pydicom.dcmread(out)
            ds.PixelData  # noqa: B018 - read the whole value
        except Exception as error:  # noqa: BLE001
            unreadable[name] = f"{type(error).__name__}: {error}"[:200]
            continue
        if pixel_array is None:
            try:
                pixel_array = "ok: " + "x".join(str(n) for n in ds.pixel_array.shape)
            except Exception as error:  # noqa: BLE001
                pixel_array = f"{type(error).__name__}: {error}"[:200]
        for tag in ds.keys():
            if tag not in WHITELIST:
                key = f"({tag.group:04X},{tag.element:04X}) {ds[tag].keyword or 'private/unknown'}"
                off_whitelist[key] = off_whitelist.get(key, 0) + 1
        src = by_id.get(image_id)
        if src is None:
            unknown.append(name)
            continue
        seen.add(image_id)
        if pydicom.dcmread(src).PixelData == ds.PixelData:
            pixels_same += 1
        else:
            pixels_differ.append(name)
    result = {
        "files": len(outputs),
        "unreadable": unreadable,
        "not_an_input_md5": unknown[:20],
        "off_whitelist": off_whitelist,
        "pixels_same": pixels_same,
        "pixels_differ": len(pixels_differ),
        "pixel_array": pixel_array,
        "inputs_without_output": len(set(by_id) - seen),
    }
    print(json.dumps(result))
    return 0


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    sub = parser.add_subparsers(dest="mode", required=True)
    p = sub.add_parser("deid")
    p.add_argument("in_dir")
    p.add_argument("out_dir")
    p.add_argument("--bench", action="store_true")
    p.add_argument("--no-warmup", action="store_true")
    p.add_argument("--keep-meta-uid", action="store_true")
    v = sub.add_parser("verify")
    v.add_argument("out_dir")
    v.add_argument("--inputs", required=True)
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    try:
        import pydicom
    except ImportError as error:
        print(json.dumps({"error": f"not importable: {error}"}))
        return 3
    return cmd_deid(pydicom, args) if args.mode == "deid" else cmd_verify(pydicom, args)


if __name__ == "__main__":
    sys.exit(main())
