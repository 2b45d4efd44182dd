#!/usr/bin/python3
"""Generate the DICOM JSON golden files used by the TypeScript reader tests.

Run from the repository root with Debian's pydicom (NOT a pyenv/venv python):

    /usr/bin/python3 scripts/goldens/generate_dicom_goldens.py
    # or: npm run gen:goldens

Input:  ../shared/fixtures/dicom/{cr,edge}/*.dcm        (read-only fixtures)
Output: packages/dicom/test-assets/goldens/{cr,edge}/<file>.dcm.json

Each golden is pydicom's DICOM JSON model (PS3.18 Annex F) of the file, via
Dataset.to_json_dict(), plus a few normalisations documented below and in
packages/dicom/test-assets/goldens/README.md.  The output is deterministic:
sorted keys, indent=1, UTF-8, trailing newline, no timestamps, no absolute
paths.
"""

import base64
import hashlib
import json
import math
import os
import sys
import warnings

import pydicom
from pydicom.filereader import _read_file_meta_info, read_preamble

# --------------------------------------------------------------------------
# Locations (relative to the repository root; we chdir there so that the
# script can be started from anywhere and so that any file name pydicom puts
# into a warning text is the same relative path on every machine).
# --------------------------------------------------------------------------
REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
FIXTURE_ROOT = os.path.join("..", "shared", "fixtures", "dicom")
GOLDEN_ROOT = os.path.join("packages", "dicom", "test-assets", "goldens")
SUBDIRS = ("cr", "edge")

# Pin the pydicom reading options that shape the goldens to their 2.3.1
# defaults, so a site-wide pydicom configuration cannot change the output:
# - replace_un_with_known_vr: an explicit "UN" element whose tag is in the
#   public dictionary is decoded with the dictionary VR (and reported so);
# - infer_sq_for_un_vr: "UN" with undefined length is parsed as a sequence;
# - assume_implicit_vr_switch: inside an explicit VR data set, an element
#   whose VR bytes are not two capital letters is read as implicit VR;
# - convert_wrong_length_to_UN off: a value whose length does not fit its VR
#   raises instead of silently becoming UN;
# - reading_validation_mode WARN: invalid values give a warning, not an error.
pydicom.config.replace_un_with_known_vr = True
pydicom.config.settings.infer_sq_for_un_vr = True
pydicom.config.assume_implicit_vr_switch = True
pydicom.config.convert_wrong_length_to_UN = False
pydicom.config.settings.reading_validation_mode = pydicom.config.WARN

GENERATOR = f"pydicom {pydicom.__version__}"
EXPECTED_PYDICOM = "2.3.1"

# InlineBinary values whose *decoded* length exceeds this many bytes are
# replaced by a SHA-256 digest + length (see _normalise_binary).
INLINE_BINARY_LIMIT = 256

EXPLICIT_VR_BIG_ENDIAN = "1.2.840.10008.1.2.2"
IMPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2"
EXPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2.1"

# Byte-swap unit per VR for big endian data sets (see _normalise_binary).
# OB and UN are byte streams and are never swapped.  The ambiguous pydicom VR
# strings can only survive into the JSON for implicit VR files (explicit VR
# files always carry a concrete VR), but are listed for completeness: "US or
# OW" / "US or SS or OW" binary values are 16-bit words.  "OB or OW" is left
# alone because it may be a byte stream.
SWAP_UNIT = {
    "OW": 2,
    "US or OW": 2,
    "US or SS or OW": 2,
    "OF": 4,
    "OL": 4,
    "OD": 8,
    "OV": 8,
}


def _swap_to_little_endian(data: bytes, unit: int) -> bytes:
    """Reverse the byte order of every `unit`-byte word of `data`.

    A trailing partial word (value length not a multiple of the unit, which
    only a broken file can have) is kept unchanged at the end.
    """
    whole = len(data) - len(data) % unit
    out = bytearray(len(data))
    for i in range(0, whole, unit):
        out[i:i + unit] = data[i:i + unit][::-1]
    out[whole:] = data[whole:]
    return bytes(out)


def _normalise_binary(elem: dict, big_endian: bool) -> None:
    """Normalise an element carrying "InlineBinary" in place.

    1. Big endian (1.2.840.10008.1.2.2) data sets: pydicom base64-encodes the
       raw value bytes exactly as stored, i.e. big endian words.  The DICOM
       JSON model (PS3.18 F.2.7) defines InlineBinary as the little endian
       encoding of the value, so OW/OF/OL/OD/OV (and "US or OW" style binary)
       values are byte-swapped per unit (OW 2, OF/OL 4, OD/OV 8 bytes) before
       re-encoding.  OB and UN are byte streams and are not swapped.
    2. Size: if the decoded value is longer than INLINE_BINARY_LIMIT (256)
       bytes it is replaced by {"InlineBinarySha256": <hex sha256 of the
       decoded (little endian) bytes>, "InlineBinaryLength": <decoded length>}
       so the goldens stay small.  "vr" is kept.  Shorter values stay as
       base64 "InlineBinary".
       Encapsulated Pixel Data is whatever pydicom holds: the raw encapsulated
       value (Basic Offset Table item, fragment items, NOT including the
       Sequence Delimitation Item), hashed as it is.
    """
    raw = base64.b64decode(elem["InlineBinary"])
    vr = elem["vr"]
    if big_endian and vr in SWAP_UNIT:
        raw = _swap_to_little_endian(raw, SWAP_UNIT[vr])
    if len(raw) > INLINE_BINARY_LIMIT:
        del elem["InlineBinary"]
        elem["InlineBinarySha256"] = hashlib.sha256(raw).hexdigest()
        elem["InlineBinaryLength"] = len(raw)
    else:
        elem["InlineBinary"] = base64.b64encode(raw).decode("ascii")


def _normalise_number(v):
    """JSON has no NaN/Infinity: Python's json would write the invalid tokens
    NaN / Infinity / -Infinity.  Map such floats (only possible for FL/FD/DS)
    to the strings "NaN", "Infinity", "-Infinity" instead.  Finite numbers are
    kept exactly as pydicom's to_json_dict gives them (DS -> float, IS -> int).
    """
    if isinstance(v, float) and not math.isfinite(v):
        if math.isnan(v):
            return "NaN"
        return "Infinity" if v > 0 else "-Infinity"
    return v


def normalise_dataset(json_ds: dict, big_endian: bool) -> dict:
    """Apply the golden normalisations to a to_json_dict() result in place,
    recursing into sequence items."""
    for elem in json_ds.values():
        if "InlineBinary" in elem:
            _normalise_binary(elem, big_endian)
        if "Value" in elem:
            if elem["vr"] == "SQ":
                for item in elem["Value"]:
                    normalise_dataset(item, big_endian)
            else:
                elem["Value"] = [_normalise_number(v) for v in elem["Value"]]
    return json_ds


def _transfer_syntax_used(ds) -> str:
    """The transfer syntax pydicom decoded the data set with.

    (0002,0010) when the file meta has it; otherwise (no meta, or meta without
    Transfer Syntax UID) pydicom guesses the encoding from the first element,
    and we report the UID matching the guess (implicit/explicit VR, little/big
    endian).
    """
    file_meta = getattr(ds, "file_meta", None)
    if file_meta is not None and "TransferSyntaxUID" in file_meta:
        return str(file_meta.TransferSyntaxUID)
    if ds.is_implicit_VR:
        return IMPLICIT_VR_LITTLE_ENDIAN
    if ds.is_little_endian:
        return EXPLICIT_VR_LITTLE_ENDIAN
    return EXPLICIT_VR_BIG_ENDIAN


def _meta_after_failure(path: str):
    """Best effort for files pydicom cannot read: the file meta on its own,
    as (transferSyntax or None, fileMeta json dict)."""
    try:
        with open(path, "rb") as fp:
            if read_preamble(fp, True) is None:
                return None, {}
            meta = _read_file_meta_info(fp)
            meta_json = normalise_dataset(meta.to_json_dict(), False)
            ts = meta.get(0x00020010)  # a DataElement (get by keyword gives the value)
            return (str(ts.value) if ts is not None else None), meta_json
    except Exception:  # noqa: BLE001 - best effort only
        return None, {}


def golden_for(sub: str, name: str) -> dict:
    path = os.path.join(FIXTURE_ROOT, sub, name)
    result = {
        "source": f"{sub}/{name}",
        "generator": GENERATOR,
    }
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        try:
            ds = pydicom.dcmread(path, force=True)
            ts = _transfer_syntax_used(ds)
            file_meta = getattr(ds, "file_meta", None)
            # File meta is always explicit VR little endian.
            meta_json = (
                normalise_dataset(file_meta.to_json_dict(), False)
                if file_meta is not None and len(file_meta) > 0
                else {}
            )
            # Dataset.to_json_dict() reads every element through ds[key],
            # which converts raw elements and runs pydicom's ambiguous VR
            # correction (US or SS, OB or OW, US or OW); for a FileDataset it
            # does not include the file meta.
            big_endian = not ds.is_little_endian
            try:
                data_json = normalise_dataset(ds.to_json_dict(), big_endian)
                status = "ok"
            except Exception as exc:  # noqa: BLE001
                # One invalid value (e.g. IS "1A" in badVR.dcm) makes pydicom's
                # conversion raise; suppress_invalid_tags drops just that
                # element so every other attribute still has a golden. The
                # dropped tags are listed; the test checks those separately.
                data_json = normalise_dataset(
                    ds.to_json_dict(suppress_invalid_tags=True), big_endian)
                status = "partial"
                result["error"] = f"{type(exc).__name__}: {exc}"
                result["dropped"] = sorted(
                    f"{int(tag):08X}" for tag in ds.keys()
                    if f"{int(tag):08X}" not in data_json)
            result.update(
                status=status,
                transferSyntax=ts,
                fileMeta=meta_json,
                dataSet=data_json,
            )
        except Exception as exc:  # noqa: BLE001 - recorded in the golden
            ts, meta_json = _meta_after_failure(path)
            result.update(
                status="error",
                error=f"{type(exc).__name__}: {exc}",
                transferSyntax=ts,
                fileMeta=meta_json,
                dataSet={},
            )
    if caught:
        result["warnings"] = [
            f"{w.category.__name__}: {w.message}" for w in caught
        ]
    return result


def main() -> int:
    os.chdir(REPO_ROOT)
    if pydicom.__version__ != EXPECTED_PYDICOM:
        print(
            f"warning: goldens were made with pydicom {EXPECTED_PYDICOM}, "
            f"this is {pydicom.__version__} ({pydicom.__file__}); "
            "use /usr/bin/python3 with Debian's python3-pydicom",
            file=sys.stderr,
        )
    count = 0
    for sub in SUBDIRS:
        src_dir = os.path.join(FIXTURE_ROOT, sub)
        out_dir = os.path.join(GOLDEN_ROOT, sub)
        os.makedirs(out_dir, exist_ok=True)
        names = sorted(n for n in os.listdir(src_dir) if n.endswith(".dcm"))
        # Remove goldens of fixtures that no longer exist.
        for old in sorted(os.listdir(out_dir)):
            if old.endswith(".dcm.json") and old[:-5] not in names:
                os.remove(os.path.join(out_dir, old))
        for name in names:
            golden = golden_for(sub, name)
            out_path = os.path.join(out_dir, name + ".json")
            with open(out_path, "w", encoding="utf-8", newline="\n") as f:
                json.dump(golden, f, indent=1, sort_keys=True,
                          ensure_ascii=False, allow_nan=False)
                f.write("\n")
            flag = golden["status"]
            if "warnings" in golden:
                flag += f" ({len(golden['warnings'])} warnings)"
            print(f"{sub}/{name}: {flag}")
            count += 1
    print(f"wrote {count} goldens under {GOLDEN_ROOT}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
