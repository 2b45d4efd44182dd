#!/usr/bin/python3
"""pydicom side of `npm run bench:dicom` (run with Debian's /usr/bin/python3 and its pydicom).

Usage:
  pydicom_bench.py probe  --list FILES.txt
  pydicom_bench.py header --list FILES.txt [--repeat N] [--runs R] [--variants raw,all]
  pydicom_bench.py full   --list FILES.txt [--repeat N] [--runs R] [--variants raw,all]
  pydicom_bench.py readwrite --file IN.dcm --out OUT.dcm [--repeat N] [--runs R]

Prints one JSON object on stdout: seconds of every timed run (each run = `repeat` passes over
the files), so the caller can take the median or the best.

Variants:
  raw  dcmread(f, stop_before_pixels=...) and nothing else. pydicom parses lazily: this builds
       RawDataElement tuples (tag, VR, length, value bytes) for the top level; sequences are
       parsed into items, but no value is converted.
  all  dcmread(...) then `for elem in ds.iterall(): pass`. iterall() goes through
       Dataset.__getitem__, which converts every RawDataElement (at every depth) into a
       DataElement with its Python value (str, MultiValue, int, float, PersonName, DSfloat,
       IS, bytes, Sequence). This is the lightest walk that converts every element; it
       does no extra work such as JSON or base64 (to_json_dict would add both).
readwrite: dcmread(IN) then ds.save_as(OUT) (pydicom does not fsync: variant "rw"), and the
       same followed by flush + os.fsync on the output file (variant "rw_fsync").

All reads use force=True so the few fixtures without a preamble/"DICM" are read as well (it
costs nothing for files that have one). Warnings (invalid values in edge-case fixtures) are
silenced so they cost no I/O.
"""
import argparse
import json
import os
import sys
import time
import warnings


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("mode", choices=["probe", "header", "full", "readwrite"])
    parser.add_argument("--list")
    parser.add_argument("--file")
    parser.add_argument("--out")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--variants", default="raw,all")
    args = parser.parse_args()

    try:
        import pydicom
        from pydicom import dcmread
    except ImportError as error:
        print(json.dumps({"error": f"pydicom not importable: {error}"}))
        return 3

    warnings.simplefilter("ignore")
    info = {
        "pydicom": pydicom.__version__,
        "python": sys.version.split()[0],
        "executable": sys.executable,
        "mode": args.mode,
    }

    if args.mode == "readwrite":
        return readwrite(args, info, dcmread)

    with open(args.list, encoding="utf-8") as f:
        files = [line.rstrip("\n") for line in f if line.strip()]
    stop = args.mode in ("header", "probe")

    def raw(path):
        return dcmread(path, stop_before_pixels=stop, force=True)

    def every(path):
        ds = dcmread(path, stop_before_pixels=stop, force=True)
        n = 0
        for _ in ds.iterall():
            n += 1
        return n

    if args.mode == "probe":
        failed = {}
        elements = 0
        for path in files:
            try:
                raw(path)
                elements += every(path)
            except Exception as error:  # noqa: BLE001 - report any failure
                failed[path] = f"{type(error).__name__}: {error}"[:300]
        print(json.dumps({**info, "files": len(files), "failed": failed, "elements": elements}))
        return 0

    variants = {"raw": raw, "all": every}
    results = {}
    for name in args.variants.split(","):
        fn = variants[name]
        for path in files:  # warm-up pass (imports, dictionary caches, page cache)
            fn(path)
        runs = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            for _ in range(args.repeat):
                for path in files:
                    fn(path)
            runs.append(time.perf_counter() - t0)
        results[name] = runs
    print(json.dumps({**info, "files": len(files), "repeat": args.repeat, "seconds": results}))
    return 0


def readwrite(args, info, dcmread):
    def rw():
        ds = dcmread(args.file, force=True)
        ds.save_as(args.out)

    def rw_fsync():
        ds = dcmread(args.file, force=True)
        with open(args.out, "wb") as f:
            ds.save_as(f)
            f.flush()
            os.fsync(f.fileno())

    results = {}
    for name, fn in (("rw", rw), ("rw_fsync", rw_fsync)):
        fn()  # warm-up
        runs = []
        for _ in range(args.runs):
            if os.path.exists(args.out):
                os.unlink(args.out)
            t0 = time.perf_counter()
            for _ in range(args.repeat):
                fn()
            runs.append(time.perf_counter() - t0)
        results[name] = runs
    if os.path.exists(args.out):
        os.unlink(args.out)
    print(json.dumps({**info, "files": 1, "repeat": args.repeat, "bytes": os.path.getsize(args.file), "seconds": results}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
