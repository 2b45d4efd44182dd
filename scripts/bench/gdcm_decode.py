#!/usr/bin/python3
"""Decode only, with pydicom + GDCM: the floor for `npm run bench:deid` on JPEG 2000 inputs.

Debian's /usr/bin/python3 with python3-pydicom, python3-gdcm and python3-numpy. One process, one
file after the other. Per file:

    ds = pydicom.dcmread(path)
    ds.pixel_array          # pydicom's gdcm_handler (the only handler offered); result discarded

Nothing is written. GDCM decodes JPEG 2000 with one thread per CPU (OpenJPEG's
opj_codec_set_threads), so this single process may use every core; --one-cpu pins it to one CPU
(sched_setaffinity) to time it single-threaded.

Usage:
  gdcm_decode.py IN-DIR [--one-cpu] [--no-warmup]
      Decodes the first file once (imports, GDCM and first-use costs; not with --no-warmup, for
      timing the whole process from outside), then times the loop over
      every file in IN-DIR (sorted, not recursive). Prints one JSON object: {"files", "seconds"
      (the loop only), "bytes_in", "pixels" (decoded bytes), "python", "pydicom", "gdcm", "failed"}.
"""
import argparse
import json
import os
import sys
import time
import warnings


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("in_dir")
    parser.add_argument("--one-cpu", action="store_true")
    parser.add_argument("--no-warmup", action="store_true")
    args = parser.parse_args()
    warnings.simplefilter("ignore")
    try:
        import gdcm
        import numpy  # noqa: F401 - the handler needs it
        import pydicom
        from pydicom import config
        from pydicom.pixel_data_handlers import gdcm_handler
    except ImportError as error:
        print(json.dumps({"error": f"not importable: {error}"}))
        return 3
    if not gdcm_handler.is_available():
        print(json.dumps({"error": "pydicom's gdcm_handler is not available"}))
        return 3
    gdcm.Trace.WarningOff()
    config.pixel_data_handlers = [gdcm_handler]
    if args.one_cpu:
        os.sched_setaffinity(0, {min(os.sched_getaffinity(0))})

    names = sorted(os.listdir(args.in_dir))
    files = [os.path.join(args.in_dir, n) for n in names if os.path.isfile(os.path.join(args.in_dir, n))]
    info = {"python": sys.version.split()[0], "pydicom": pydicom.__version__, "gdcm": gdcm.Version.GetVersion()}
    if files and not args.no_warmup:
        try:
            pydicom.dcmread(files[0]).pixel_array  # noqa: B018 - warm-up
        except Exception as error:  # noqa: BLE001
            print(json.dumps({**info, "error": f"{type(error).__name__}: {error}"[:300]}))
            return 1
    failed = {}
    pixels = 0
    t0 = time.perf_counter()
    for path in files:
        try:
            pixels += pydicom.dcmread(path).pixel_array.nbytes
        except Exception as error:  # noqa: BLE001 - report every failure, go on
            failed[path] = f"{type(error).__name__}: {error}"[:200]
    seconds = time.perf_counter() - t0
    print(json.dumps({
        **info,
        "files": len(files),
        "seconds": seconds,
        "bytes_in": sum(os.path.getsize(f) for f in files),
        "pixels": pixels,
        "one_cpu": args.one_cpu,
        "failed": failed,
    }))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
