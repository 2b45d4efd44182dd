#!/usr/bin/env bash
# Installs the independent reference implementations cxrlab is checked against, from Debian's
# packages: pydicom + GDCM + numpy + Pillow (goldens, interoperability tests, the Python pipeline
# in the benchmarks), dcmtk (dcmdump, dcmdjpls), OpenJPEG's and OpenJPH's command-line tools
# (native JPEG 2000 / HTJ2K reference decoders), and the OpenJPEG and CharLS headers the imaging
# benchmark builds its native decode harnesses against, and tesseract OCR (with English data), which
# the de-identification tests use to prove burned-in text is unreadable once scrubbed, and the onnx
# Python package (onnx.checker: an independent reader of the ONNX models the filter tests build), and
# Debian's Chromium, which the web app's end-to-end tests drive through playwright-core.
# With --goldens it also installs OpenCV for Python, which only scripts/goldens/generate_filter_goldens.py
# needs (the released VinDr-CXR preprocessing calls it).
# Needs root (apt-get); does nothing when they are already there.
set -euo pipefail
need=()
/usr/bin/python3 -c 'import pydicom' 2>/dev/null || need+=(python3-pydicom)
/usr/bin/python3 -c 'import numpy' 2>/dev/null || need+=(python3-numpy)
/usr/bin/python3 -c 'import gdcm' 2>/dev/null || need+=(python3-gdcm)
/usr/bin/python3 -c 'import PIL' 2>/dev/null || need+=(python3-pil)
command -v dcmdump >/dev/null 2>&1 || need+=(dcmtk)
command -v opj_decompress >/dev/null 2>&1 || need+=(libopenjp2-tools)
command -v ojph_expand >/dev/null 2>&1 || need+=(openjph-tools)
# headers for the native OpenJPEG and CharLS decode harnesses of `npm run bench:imaging` (built with gcc)
[ -e /usr/include/openjpeg-2.5/openjpeg.h ] || need+=(libopenjp2-7-dev)
[ -e /usr/include/charls/charls.h ] || need+=(libcharls-dev)
command -v tesseract >/dev/null 2>&1 || need+=(tesseract-ocr)
[ -e /usr/share/tesseract-ocr/5/tessdata/eng.traineddata ] || need+=(tesseract-ocr-eng)
/usr/bin/python3 -c 'import onnx' 2>/dev/null || need+=(python3-onnx)
# the browser the web app's end-to-end tests, screenshots and benchmark drive (playwright-core, no download)
[ -x /usr/bin/chromium ] || need+=(chromium)
if [ "${1:-}" = "--goldens" ]; then
  /usr/bin/python3 -c 'import cv2' 2>/dev/null || need+=(python3-opencv)
fi
if [ ${#need[@]} -eq 0 ]; then
  echo "reference tools present: $(/usr/bin/python3 -c 'import pydicom, gdcm, PIL, numpy; print("pydicom", pydicom.__version__, "gdcm", gdcm.Version.GetVersion(), "Pillow", PIL.__version__, "numpy", numpy.__version__)'), $(dcmdump --version | head -1), $(tesseract --version 2>&1 | head -1), $(/usr/bin/chromium --version 2>/dev/null)"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "setup-reference-tools: run as root to apt-get install ${need[*]}" >&2
  exit 1
fi
apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}"
