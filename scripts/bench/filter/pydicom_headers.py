#!/usr/bin/python3
"""The header side of `cxrlab filter --header-only` in pydicom: the reference for the filter benchmark.

Per file: dcmread(path, stop_before_pixels=True), then the tags the filter's header rules read, each
converted to its Python value (as the rules need them): Modality, Body Part Examined, View Position,
the first View Code Sequence item's Code Meaning, Image Laterality (else Laterality), Series
Description, Protocol Name, Patient Age, Patient Birth Date, Study Date (else Acquisition Date, else
Content Date), Patient Sex, Rows, Columns, Number of Frames, Samples per Pixel, Photometric
Interpretation, Bits Stored. No rules are applied (they are a few comparisons). Debian's
/usr/bin/python3 with python3-pydicom.

Usage:
  pydicom_headers.py FILE...
      Reads each file's header one after the other and prints one JSON line:
      {"files": n, "seconds": s, "files_per_s": r} (the loop only; imports not counted).
"""
import json
import sys
import time

import pydicom

TEXT = ("Modality", "BodyPartExamined", "ViewPosition", "ImageLaterality", "Laterality", "SeriesDescription",
        "ProtocolName", "PatientAge", "PatientBirthDate", "StudyDate", "AcquisitionDate", "ContentDate", "PatientSex",
        "PhotometricInterpretation")
NUMBERS = ("Rows", "Columns", "NumberOfFrames", "SamplesPerPixel", "BitsStored")


def text(ds, keyword):
    value = ds.get(keyword)
    value = "" if value is None else str(value).strip()
    return value or None


def header_facts(path):
    ds = pydicom.dcmread(path, stop_before_pixels=True)
    facts = {k: text(ds, k) for k in TEXT}
    facts.update({k: ds.get(k) for k in NUMBERS})
    view = ds.get("ViewCodeSequence")
    facts["ViewCodeMeaning"] = text(view[0], "CodeMeaning") if view else None
    return facts


def main(argv):
    if not argv or argv[0] in ("-h", "--help"):
        print(__doc__.strip())
        return 0 if argv else 2
    start = time.perf_counter()
    for path in argv:
        header_facts(path)
    seconds = time.perf_counter() - start
    print(json.dumps({"files": len(argv), "seconds": round(seconds, 4), "files_per_s": round(len(argv) / seconds, 3)}))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
