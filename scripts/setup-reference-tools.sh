#!/usr/bin/env bash
# Installs the independent reference implementations cxrlab is checked against, from Debian's
# packages: pydicom (goldens, interoperability test, benchmarks) and dcmtk (dcmdump, for comparison).
# Needs root (apt-get); does nothing when they are already there.
set -euo pipefail
need=()
/usr/bin/python3 -c 'import pydicom' 2>/dev/null || need+=(python3-pydicom)
/usr/bin/python3 -c 'import numpy' 2>/dev/null || need+=(python3-numpy)
command -v dcmdump >/dev/null 2>&1 || need+=(dcmtk)
if [ ${#need[@]} -eq 0 ]; then
  echo "reference tools present: $(/usr/bin/python3 -c 'import pydicom; print("pydicom", pydicom.__version__)'), $(dcmdump --version | head -1)"
  exit 0
fi
if [ "$(id -u)" -ne 0 ]; then
  echo "setup-reference-tools: run as root to apt-get install ${need[*]}" >&2
  exit 1
fi
apt-get update -q
DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends "${need[@]}"
