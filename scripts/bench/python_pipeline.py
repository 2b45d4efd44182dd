#!/usr/bin/python3
"""Python side of `npm run bench:imaging`: the DICOM -> PNG pipeline people run today.

pydicom + GDCM + numpy + Pillow, run with Debian's /usr/bin/python3 (python3-pydicom,
python3-gdcm, python3-numpy, python3-pil). Per image (`convert_one`):

    ds = dcmread(path)
    arr = ds.pixel_array                    # numpy handler for native data, GDCM for compressed
                                            # (RLE: pydicom's own handler; GDCM's is not offered it)
    arr = apply_modality_lut(arr, ds)       # Rescale Slope/Intercept or Modality LUT -> float64
    arr = apply_voi_lut(arr, ds)            # VOI LUT Sequence, else the first window
    if MONOCHROME1: arr = arr.max() - arr   # so the PNG looks like ours (white bone)
    arr = (arr - min) / (max - min) * 255 -> uint8   # min-max of the VOI output
    Image.fromarray(arr).save(out, "PNG")   # zlib level 6 (Pillow's default)

Usage:
  python_pipeline.py probe
  python_pipeline.py decode  --list FILES.txt [--runs R] [--one-cpu]
  python_pipeline.py convert --list FILES.txt --out DIR [--runs R] [--procs N[,M...]]

Prints one JSON object on stdout.
  decode:  per file, the ms of each of R calls of the pixel data handler on an already-read data
           set: the handler `ds.pixel_array` picks (numpy_handler for native data, gdcm_handler for
           compressed data, pydicom's rle_handler for RLE Lossless, which pydicom 2.3 does not
           offer to GDCM), without dcmread and the reshape. One warm-up call first. Files no
           handler can decode are listed under "failed". GDCM decodes JPEG 2000 with one thread
           per CPU (opj_codec_set_threads); --one-cpu pins this process to one CPU
           (sched_setaffinity) to time it single-threaded.
  convert: seconds of each of R runs over all files (after one warm-up image), per process count
           ("seconds": {"1": [...], "2": [...]}; each run does the counts in the order given).
           1 is a plain loop in this process (imports done before the clock starts); N>1 times
           multiprocessing.Pool(N) (fork) creation + imap_unordered(chunksize=1) + close/join.
"""
import argparse
import json
import os
import sys
import time
import warnings


def setup():
    warnings.simplefilter("ignore")
    import pydicom
    from pydicom import config
    from pydicom.pixel_data_handlers import gdcm_handler, numpy_handler, rle_handler

    # numpy for native pixel data, GDCM for the compressed transfer syntaxes it is offered, and
    # pydicom's RLE handler for RLE Lossless (pydicom 2.3's gdcm_handler does not list RLE).
    # Pillow, pylibjpeg and jpeg_ls are left out so that GDCM decodes every JPEG family syntax.
    config.pixel_data_handlers = [numpy_handler, gdcm_handler, rle_handler]
    return pydicom, config


def pick_handler(config, ds):
    """The handler Dataset.pixel_array would use for `ds` (the first that supports its syntax)."""
    uid = ds.file_meta.TransferSyntaxUID
    for handler in config.pixel_data_handlers:
        if handler.supports_transfer_syntax(uid) and handler.is_available():
            return handler
    return None


def convert_one(path, out_path):
    import numpy as np
    from PIL import Image
    from pydicom import dcmread
    from pydicom.pixel_data_handlers.util import apply_modality_lut, apply_voi_lut

    ds = dcmread(path)
    arr = ds.pixel_array
    arr = apply_modality_lut(arr, ds)
    arr = apply_voi_lut(arr, ds)
    if ds.PhotometricInterpretation == "MONOCHROME1":
        arr = arr.max() - arr
    lo = arr.min()
    hi = arr.max()
    scaled = (arr - lo) / (hi - lo) * 255.0 if hi > lo else np.zeros_like(arr, dtype=np.float64)
    Image.fromarray(scaled.astype(np.uint8)).save(out_path, "PNG")
    return out_path


def _convert_task(job):
    return convert_one(*job)


def read_list(path):
    with open(path, encoding="utf-8") as f:
        return [line.rstrip("\n") for line in f if line.strip()]


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["probe", "decode", "convert"])
    parser.add_argument("--list")
    parser.add_argument("--out")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--procs", default="1")
    parser.add_argument("--one-cpu", action="store_true")
    args = parser.parse_args()

    try:
        pydicom, config = setup()
        import gdcm
        import numpy

        gdcm.Trace.WarningOff()  # its warnings would cost stderr I/O in the timed loop
        import PIL
    except ImportError as error:
        print(json.dumps({"error": f"not importable: {error}"}))
        return 3
    info = {
        "python": sys.version.split()[0],
        "pydicom": pydicom.__version__,
        "gdcm": gdcm.Version.GetVersion(),
        "numpy": numpy.__version__,
        "pillow": PIL.__version__,
    }
    if args.mode == "probe":
        print(json.dumps(info))
        return 0

    files = read_list(args.list)
    if args.one_cpu:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})
    if args.mode == "decode":
        from pydicom import dcmread

        results = {}
        failed = {}
        for path in files:
            ds = dcmread(path)
            handler = pick_handler(config, ds)
            if handler is None:
                failed[path] = f"no pixel data handler for {ds.file_meta.TransferSyntaxUID}"
                continue
            try:
                handler.get_pixeldata(ds)  # warm-up (and: can it decode this at all?)
            except Exception as error:  # noqa: BLE001 - report any failure
                failed[path] = f"{type(error).__name__}: {error}"[:200]
                continue
            ms = []
            for _ in range(args.runs):
                t0 = time.perf_counter()
                handler.get_pixeldata(ds)
                ms.append((time.perf_counter() - t0) * 1000)
            results[path] = {"handler": handler.__name__.rsplit(".", 1)[-1], "ms": ms}
        print(json.dumps({**info, "decoded": results, "failed": failed}))
        return 0

    # convert
    os.makedirs(args.out, exist_ok=True)
    jobs = [(path, os.path.join(args.out, f"{i:04d}.png")) for i, path in enumerate(files)]
    try:
        convert_one(*jobs[0])  # warm-up: lazy imports, GDCM, numpy, zlib
    except Exception as error:  # noqa: BLE001 - report any failure
        print(json.dumps({**info, "error": f"{type(error).__name__}: {error}"[:300]}))
        return 0
    counts = [int(n) for n in args.procs.split(",")]
    seconds = {str(n): [] for n in counts}
    for _ in range(args.runs):
        for procs in counts:
            if procs <= 1:
                t0 = time.perf_counter()
                for job in jobs:
                    convert_one(*job)
                seconds[str(procs)].append(time.perf_counter() - t0)
            else:
                import multiprocessing

                t0 = time.perf_counter()
                pool = multiprocessing.get_context("fork").Pool(procs)
                for _ in pool.imap_unordered(_convert_task, jobs, chunksize=1):
                    pass
                pool.close()
                pool.join()
                seconds[str(procs)].append(time.perf_counter() - t0)
    print(json.dumps({**info, "files": len(files), "seconds": seconds}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
