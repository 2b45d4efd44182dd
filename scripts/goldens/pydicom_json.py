"""Prints pydicom's DICOM JSON model of each file named on the command line, normalised exactly like
the committed goldens (see generate_dicom_goldens.py), as one JSON object {path: golden}.

Used by the interoperability test (packages/dicom/src/p10/interop.test.ts): files that cxrlab writes
in every transfer syntax must read back in pydicom as the same data set.
Run with Debian's /usr/bin/python3 (apt-get install python3-pydicom).
"""
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import generate_dicom_goldens as goldens  # noqa: E402  (sets pydicom's reading options too)


def main() -> int:
    out = {}
    for path in sys.argv[1:]:
        sub, name = os.path.split(os.path.abspath(path))
        root = goldens.FIXTURE_ROOT
        goldens.FIXTURE_ROOT = os.path.dirname(sub)
        try:
            out[path] = goldens.golden_for(os.path.basename(sub), name)
        finally:
            goldens.FIXTURE_ROOT = root
    json.dump(out, sys.stdout, sort_keys=True, allow_nan=False)
    return 0


if __name__ == "__main__":
    sys.exit(main())
