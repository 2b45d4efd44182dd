#!/usr/bin/python3
"""Generate the pixel-data goldens used by packages/imaging/src/pixel/decode-golden.test.ts.

Run from anywhere with Debian's Python (NOT a pyenv/venv python):

    /usr/bin/python3 scripts/goldens/generate_pixel_goldens.py
    # or: npm run gen:pixel-goldens

Reference decoders (Debian packages, see scripts/setup-reference-tools.sh):
  pydicom 2.3.1 with ONLY its numpy, GDCM (python3-gdcm 3.0.21) and RLE handlers, so GDCM is the
  reference for every compressed transfer syntax; second decoders for the lossy syntaxes:
  opj_decompress (OpenJPEG), dcmdjpeg / dcmdjpls (DCMTK), Pillow (libjpeg-turbo).

Input:  ../shared/fixtures/dicom/{cr,edge}/*.dcm   (read-only)
Output: packages/imaging/test-assets/goldens/pixels.json
        packages/imaging/test-assets/htj2k/*.dcm    (HTJ2K assets made here with ojph_compress)

The JSON is deterministic: sorted keys, no absolute paths, no timestamps. What it holds, and
every fixture the references cannot decode, is explained in
packages/imaging/test-assets/goldens/README.md.
"""

import hashlib
import json
import os
import subprocess
import sys
import tempfile
import warnings

import gdcm
import numpy as np
import PIL
from PIL import Image
import pydicom
import pydicom._uid_dict
from pydicom.dataset import Dataset, FileMetaDataset
from pydicom.encaps import encapsulate, generate_pixel_data_frame
from pydicom.pixel_data_handlers import gdcm_handler, numpy_handler, rle_handler
from pydicom.pixel_data_handlers.util import convert_color_space, get_j2k_parameters
from pydicom.uid import UID

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
FIXTURE_ROOT = os.path.join("..", "shared", "fixtures", "dicom")
ASSET_ROOT = os.path.join("packages", "imaging", "test-assets")
GOLDEN_PATH = os.path.join(ASSET_ROOT, "goldens", "pixels.json")
HTJ2K_DIR = os.path.join(ASSET_ROOT, "htj2k")
SUBDIRS = ("cr", "edge")

# GDCM is the reference for everything compressed except RLE; numpy for native data.
HANDLERS = {"numpy": numpy_handler, "gdcm": gdcm_handler, "rle": rle_handler}
pydicom.config.pixel_data_handlers = list(HANDLERS.values())

# Lossy transfer syntaxes: JPEG Baseline / Extended, JPEG-LS near-lossless, JPEG 2000, HTJ2K.
LOSSY = {
    "1.2.840.10008.1.2.4.50": "jpeg-baseline",
    "1.2.840.10008.1.2.4.51": "jpeg-extended",
    "1.2.840.10008.1.2.4.81": "jpeg-ls-near",
    "1.2.840.10008.1.2.4.91": "jpeg2000",
    "1.2.840.10008.1.2.4.203": "htj2k",
}
HTJ2K_LOSSLESS = "1.2.840.10008.1.2.4.201"
# pydicom 2.3.1 predates the HTJ2K UIDs (PS3.6 2023a); without this entry it refuses to write them.
pydicom._uid_dict.UID_dictionary.setdefault(HTJ2K_LOSSLESS, (
    "High-Throughput JPEG 2000 Image Compression (Lossless Only)", "Transfer Syntax", "", "", "HTJ2KLossless"))

GRID_VALUES = 4096  # at most this many values in a lossy frame's subsampled grid


# ---------------------------------------------------------------------------------------------
# Stored values: pixel_array, then masked to Bits Stored and sign-extended (docs/imaging.md)
# ---------------------------------------------------------------------------------------------
def stored_values(arr, bits_allocated, bits_stored, high_bit, signed):
    """What @cxrlab/imaging promises beyond pydicom 2.3's pixel_array.

    pydicom 2.3 returns the raw allocated words: bits outside Bits Stored (overlays, garbage) are
    kept and signed values are not sign-extended from Bits Stored.  PS3.5 8.1.1 says only the Bits
    Stored bits ending at High Bit hold the value, so:
      1. shift right by (High Bit - Bits Stored + 1) (0 in every normal file),
      2. keep the low Bits Stored bits,
      3. when Pixel Representation is 1, sign-extend from bit (Bits Stored - 1),
    then cast back to pixel_array's dtype, in little-endian byte order (big endian data sets give
    a '>i2' array).  Bits Allocated 1 is already unpacked to 0/1 by pydicom and left alone.
    """
    dtype = arr.dtype.newbyteorder("<")
    arr = arr.astype(dtype)
    if bits_allocated == 1:
        return arr
    shift = max(0, high_bit - bits_stored + 1)
    if bits_stored >= bits_allocated and shift == 0:
        return arr
    unsigned = arr.view(np.dtype(f"<u{arr.dtype.itemsize}")).astype(np.int64)
    value = (unsigned >> shift) & ((1 << bits_stored) - 1)
    if signed:
        value = np.where(value & (1 << (bits_stored - 1)), value - (1 << bits_stored), value)
    return value.astype(dtype)


def pixel_attrs(ds):
    return {
        "bits_allocated": int(ds.BitsAllocated),
        "bits_stored": int(ds.get("BitsStored", ds.BitsAllocated)),
        "high_bit": int(ds.get("HighBit", int(ds.get("BitsStored", ds.BitsAllocated)) - 1)),
        "signed": int(ds.get("PixelRepresentation", 0)) == 1,
    }


def frames_of(arr, ds):
    """pixel_array -> list of per-frame arrays (rows, columns[, samples])."""
    n = int(ds.get("NumberOfFrames", 1) or 1)
    return [arr] if n == 1 else [arr[i] for i in range(n)]


def sha256(arr):
    return hashlib.sha256(np.ascontiguousarray(arr).tobytes()).hexdigest()


def grid(arr):
    """Every k-th row and column (k the smallest giving at most GRID_VALUES values)."""
    samples = arr.shape[2] if arr.ndim == 3 else 1
    k = 1
    while -(-arr.shape[0] // k) * -(-arr.shape[1] // k) * samples > GRID_VALUES:
        k += 1
    return {"step": k, "values": arr[::k, ::k].ravel().tolist()}


def frame_record(arr):
    return {
        "dtype": arr.dtype.name,
        "shape": list(arr.shape),
        "sha256": sha256(arr),
        "min": int(arr.min()),
        "max": int(arr.max()),
    }


def diff_stats(a, b):
    d = np.abs(a.astype(np.int64) - b.astype(np.int64))
    return {"max_abs_diff": int(d.max()), "mean_abs_diff": round(float(d.mean()), 6)}


# ---------------------------------------------------------------------------------------------
# Second reference decoders for the lossy syntaxes (tolerances are justified from these)
# ---------------------------------------------------------------------------------------------
def run(args, **kw):
    subprocess.run(args, check=True, capture_output=True, **kw)


def dcmtk_decode(path, tool, attrs):
    """dcmdjpeg / dcmdjpls to a native file, read back with pydicom's numpy handler."""
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, "out.dcm")
        extra = ["--conv-never"] if tool == "dcmdjpeg" else []  # keep the colour model as GDCM does
        run([tool, *extra, path, out])
        ds = pydicom.dcmread(out)
        return [stored_values(f, **attrs) for f in frames_of(ds.pixel_array, ds)]


def opj_decode(ds, attrs):
    """opj_decompress (OpenJPEG) on each frame's codestream, written as raw little endian."""
    frames = []
    n = int(ds.get("NumberOfFrames", 1) or 1)
    with tempfile.TemporaryDirectory() as tmp:
        for i, codestream in enumerate(generate_pixel_data_frame(ds.PixelData, n)):
            src, out = os.path.join(tmp, f"{i}.j2k"), os.path.join(tmp, f"{i}.rawl")
            with open(src, "wb") as f:
                f.write(codestream)
            run(["opj_decompress", "-i", src, "-o", out])
            p = get_j2k_parameters(codestream)
            size = 1 if p["precision"] <= 8 else 2
            raw = np.fromfile(out, dtype=f"<{'i' if p['is_signed'] else 'u'}{size}")
            spp = int(ds.SamplesPerPixel)
            shape = (ds.Rows, ds.Columns) if spp == 1 else (spp, ds.Rows, ds.Columns)
            raw = raw.reshape(shape) if spp == 1 else np.moveaxis(raw.reshape(shape), 0, -1)
            frames.append(stored_values(raw.astype(np.dtype(ds.pixel_array.dtype).newbyteorder("<")), **attrs))
    return frames


def pillow_decode(ds, mode):
    """Pillow (libjpeg-turbo) on each JPEG Baseline frame; mode 'RGB' or 'YCbCr' (no colour transform)."""
    frames = []
    n = int(ds.get("NumberOfFrames", 1) or 1)
    for codestream in generate_pixel_data_frame(ds.PixelData, n):
        with tempfile.NamedTemporaryFile(suffix=".jpg") as f:
            f.write(codestream)
            f.flush()
            img = Image.open(f.name)
            if mode == "YCbCr":
                img.draft("YCbCr", img.size)
            frames.append(np.asarray(img.convert(mode) if img.mode != mode else img))
    return frames


def second_reference(path, ds, attrs):
    ts = str(ds.file_meta.TransferSyntaxUID)
    family = LOSSY[ts]
    if family == "jpeg2000":
        return f"opj_decompress (OpenJPEG {opj_version()})", opj_decode(ds, attrs)
    if family == "jpeg-ls-near":
        return "dcmdjpls (DCMTK 3.6.7, CharLS fork)", dcmtk_decode(path, "dcmdjpls", attrs)
    if family == "jpeg-extended":
        return "dcmdjpeg (DCMTK 3.6.7, IJG 6b 12-bit)", dcmtk_decode(path, "dcmdjpeg", attrs)
    if family == "jpeg-baseline":
        return f"Pillow {PIL.__version__} (libjpeg-turbo)", pillow_decode(ds, "RGB" if ds.SamplesPerPixel == 3 else "L")
    raise ValueError(f"no second reference for {ts}")


def opj_version():
    out = subprocess.run(["opj_decompress", "-h"], capture_output=True, text=True).stdout
    return out.split("openjp2 library v")[1].split(".\n")[0] if "library v" in out else "?"


def gdcm_colour_space(ds, frame):
    """JPEG YBR frames: which colour space did GDCM hand back?  Compared with Pillow's RGB output
    and Pillow's untransformed YCbCr output of the same codestream, whichever is closer."""
    rgb = pillow_decode(ds, "RGB")[0]
    ycc = pillow_decode(ds, "YCbCr")[0]
    d_rgb = diff_stats(frame, rgb)["mean_abs_diff"]
    d_ycc = diff_stats(frame, ycc)["mean_abs_diff"]
    return ("RGB" if d_rgb < d_ycc else "YBR_FULL"), {"vs_pillow_rgb": d_rgb, "vs_pillow_ycbcr": d_ycc}


# ---------------------------------------------------------------------------------------------
# One fixture
# ---------------------------------------------------------------------------------------------
def read_fixture(path):
    ds = pydicom.dcmread(path, force=True)
    workarounds = []
    if "TransferSyntaxUID" not in ds.file_meta:
        # No file meta: use the encoding pydicom's reader itself detected.
        uid = "1.2.840.10008.1.2" if ds.is_implicit_VR else ("1.2.840.10008.1.2.1" if ds.is_little_endian else "1.2.840.10008.1.2.2")
        ds.file_meta.TransferSyntaxUID = UID(uid)
        workarounds.append(f"no Transfer Syntax UID in the file meta: set to {uid}, the encoding pydicom's reader detected")
    return ds, workarounds


# Fixtures the reference cannot decode as they are, and the one-attribute fix that lets it.
REFERENCE_WORKAROUNDS = {
    "edge/badVR.dcm": ('Number of Frames "1A" is not an IS and stops pydicom; set to 1 (the Pixel Data holds exactly one frame)',
                       lambda ds: setattr(ds, "NumberOfFrames", 1)),
}


def decode_with_reference(ds):
    """pixel_array from the first configured handler that supports the transfer syntax and works."""
    ts = ds.file_meta.TransferSyntaxUID
    errors = []
    for name, handler in HANDLERS.items():
        if not (handler.is_available() and handler.supports_transfer_syntax(ts)):
            continue
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                ds.convert_pixel_data(handler_name=name)
            return name, ds.pixel_array
        except Exception as e:  # noqa: BLE001 - every handler failure is recorded
            errors.append(f"{name}: {type(e).__name__}: {e}")
    raise RuntimeError("; ".join(errors) or f"no handler supports {ts}")


def fixture_record(rel, path):
    ds, workarounds = read_fixture(path)
    ts = str(ds.file_meta.TransferSyntaxUID)
    record = {"transfer_syntax": ts, "lossy": ts in LOSSY}
    try:
        handler, arr = decode_with_reference(ds)
    except Exception as e:  # noqa: BLE001
        record["reference_error"] = str(e).replace(os.path.abspath(FIXTURE_ROOT), "<fixtures>")
        if rel not in REFERENCE_WORKAROUNDS:
            return record
        why, fix = REFERENCE_WORKAROUNDS[rel]
        fix(ds)
        workarounds.append(why)
        handler, arr = decode_with_reference(ds)
    attrs = pixel_attrs(ds)
    record.update(attrs)
    record["handler"] = handler
    record["photometric_interpretation"] = str(ds.PhotometricInterpretation)
    if workarounds:
        record["workarounds"] = workarounds
    frames = [stored_values(f, **attrs) for f in frames_of(arr, ds)]
    record["frames"] = [frame_record(f) for f in frames]
    record["decoded_photometric_interpretation"] = str(ds.PhotometricInterpretation)
    if ts == "1.2.840.10008.1.2.4.50" and ds.PhotometricInterpretation.startswith("YBR"):
        space, evidence = gdcm_colour_space(ds, frames[0])
        record["decoded_photometric_interpretation"] = space
        record["colour_space_evidence"] = evidence
    if ts in LOSSY:
        record["codec_family"] = LOSSY[ts]
        tool, others = second_reference(path, ds, attrs)
        record["second_reference"] = tool
        if record["decoded_photometric_interpretation"] == "YBR_FULL":
            # GDCM kept YCbCr; compare it with Pillow's untransformed output, and give the RGB
            # that docs/imaging.md promises as a separate reference (see rgb_frames below).
            others = pillow_decode(ds, "YCbCr")
            record["second_reference"] = f"Pillow {PIL.__version__} (libjpeg-turbo), YCbCr output"
            record["rgb_frames"] = rgb_frames(ds, frames)
        add_lossy_fields(record["frames"], frames, others)
    return record


def add_lossy_fields(records, frames, others):
    for rec, ref, other in zip(records, frames, others):
        rec["grid"] = grid(ref)
        rec["mean"] = round(float(ref.mean()), 4)
        rec["second_reference_diff"] = diff_stats(ref, other)


def rgb_frames(ds, frames):
    """RGB references for JPEG YBR_FULL frames that GDCM returned as YCbCr: pydicom's
    convert_color_space (the PS3.3 C.7.6.3.1.2 equations in float32, rounded half up) applied to
    GDCM's output; the second reference is libjpeg-turbo's own YCbCr->RGB (Pillow)."""
    rgb = [convert_color_space(f, "YBR_FULL", "RGB") for f in frames]
    records = [frame_record(f) for f in rgb]
    add_lossy_fields(records, rgb, pillow_decode(ds, "RGB"))
    return {"reference": "pydicom convert_color_space(YBR_FULL -> RGB) of the GDCM frames",
            "second_reference": f"Pillow {PIL.__version__} (libjpeg-turbo), RGB output", "frames": records}


# ---------------------------------------------------------------------------------------------
# HTJ2K assets: numpy source arrays encoded with ojph_compress (reversible), wrapped with pydicom
# ---------------------------------------------------------------------------------------------
def uid_for(text):
    return "2.25." + str(int(hashlib.sha256(text.encode()).hexdigest()[:32], 16))


def ojph_encode(arr, bits_stored, signed, tmp):
    """One frame -> raw HTJ2K codestream (ojph_compress -reversible true), checked by decoding it
    back with ojph_expand and with OpenJPEG's opj_decompress: both must return `arr` exactly."""
    rows, cols = arr.shape[:2]
    spp = arr.shape[2] if arr.ndim == 3 else 1
    out = os.path.join(tmp, "f.j2c")
    if spp == 3:
        src = os.path.join(tmp, "f.ppm")
        Image.fromarray(arr, "RGB").save(src)
        run(["ojph_compress", "-i", src, "-o", out, "-reversible", "true", "-colour_trans", "true"])
    else:
        src = os.path.join(tmp, "f.yuv")  # raw samples, little endian, 2 bytes when > 8 bits
        arr.astype(arr.dtype.newbyteorder("<")).tofile(src)
        run(["ojph_compress", "-i", src, "-o", out, "-reversible", "true", "-dims", f"{{{cols},{rows}}}",
             "-num_comps", "1", "-signed", "true" if signed else "false", "-bit_depth", str(bits_stored),
             "-downsamp", "{1,1}"])
    with open(out, "rb") as f:
        codestream = f.read()
    for tool in ("ojph_expand", "opj_decompress"):
        ext = "ppm" if spp == 3 else ("yuv" if tool == "ojph_expand" else "rawl")
        back = os.path.join(tmp, f"back.{ext}")
        run([tool, "-i", out, "-o", back])
        got = np.asarray(Image.open(back)) if spp == 3 else np.fromfile(back, dtype=arr.dtype.newbyteorder("<")).reshape(arr.shape)
        if not np.array_equal(got, arr):
            sys.exit(f"{tool} does not give back the source array exactly")
    return codestream


def htj2k_asset(name, source_rel, frames, ds_src, bits_stored, photometric, note):
    """Write packages/imaging/test-assets/htj2k/<name>.dcm; return its golden record."""
    signed = int(ds_src.get("PixelRepresentation", 0)) == 1
    spp = 3 if frames[0].ndim == 3 else 1
    with tempfile.TemporaryDirectory() as tmp:
        codestreams = [ojph_encode(f, bits_stored, signed, tmp) for f in frames]
    meta = FileMetaDataset()
    meta.MediaStorageSOPClassUID = ds_src.SOPClassUID
    meta.MediaStorageSOPInstanceUID = uid_for(name)
    meta.TransferSyntaxUID = UID(HTJ2K_LOSSLESS)
    ds = Dataset()
    ds.file_meta = meta
    ds.is_little_endian, ds.is_implicit_VR = True, False
    ds.SOPClassUID = ds_src.SOPClassUID
    ds.SOPInstanceUID = uid_for(name)
    ds.Modality = ds_src.get("Modality", "OT")
    ds.ImageComments = note
    ds.SamplesPerPixel = spp
    ds.PhotometricInterpretation = photometric
    if spp == 3:
        ds.PlanarConfiguration = 0
    if len(frames) > 1:
        ds.NumberOfFrames = len(frames)
    ds.Rows, ds.Columns = frames[0].shape[:2]
    ds.BitsAllocated = 8 if frames[0].dtype.itemsize == 1 else 16
    ds.BitsStored = bits_stored
    ds.HighBit = bits_stored - 1
    ds.PixelRepresentation = 1 if signed else 0
    ds.PixelData = encapsulate(codestreams, has_bot=True)
    ds["PixelData"].VR = "OB"
    ds["PixelData"].is_undefined_length = True
    os.makedirs(HTJ2K_DIR, exist_ok=True)
    path = os.path.join(HTJ2K_DIR, f"{name}.dcm")
    ds.save_as(path, write_like_original=False)
    return {
        "transfer_syntax": HTJ2K_LOSSLESS, "lossy": False, "handler": "numpy source array",
        "source": source_rel, "note": note, "photometric_interpretation": photometric,
        "decoded_photometric_interpretation": "RGB" if spp == 3 else photometric,
        "bits_allocated": int(ds.BitsAllocated), "bits_stored": bits_stored, "high_bit": bits_stored - 1,
        "signed": signed, "frames": [frame_record(f) for f in frames],
        "size_bytes": os.path.getsize(path),
    }


def load_stored(rel):
    ds = pydicom.dcmread(os.path.join(FIXTURE_ROOT, rel))
    return ds, [stored_values(f, **pixel_attrs(ds)) for f in frames_of(ds.pixel_array, ds)]


def rg3_crop(frames):
    """512 rows x 448 columns from the middle of RG3_UNC: not square, so a rows/columns mix-up fails."""
    (a,) = frames
    r0, c0 = (a.shape[0] - 512) // 2, (a.shape[1] - 448) // 2
    return [np.ascontiguousarray(a[r0:r0 + 512, c0:c0 + 448])], f"rows {r0}-{r0 + 511}, columns {c0}-{c0 + 447}"


# name -> (source fixture, frames from the source's stored values, Bits Stored, Photometric, note)
HTJ2K_ASSETS = {
    "RG3_crop_mono1_10bit": ("cr/RG3_UNC.dcm", rg3_crop, 10, "MONOCHROME1", "RG3_UNC {}, 10-bit MONOCHROME1"),
    "MR_small_signed16": ("edge/MR_small.dcm", lambda f: (f, "all"), 16, "MONOCHROME2", "MR_small, signed 16-bit"),
    "emri_small_3frames_12bit": ("edge/emri_small.dcm", lambda f: (f[:3], "frames 0-2"), 12, "MONOCHROME2",
                                 "emri_small {}, 12-bit, one codestream per frame"),
    "SC_rgb_rct": ("edge/SC_rgb.dcm", lambda f: (f, "all"), 8, "YBR_RCT",
                   "SC_rgb, 8-bit RGB, with the reversible colour transform"),
}


def htj2k_source(name):
    rel, select, bits_stored, photometric, note = HTJ2K_ASSETS[name]
    ds, frames = load_stored(rel)
    frames, where = select(frames)
    return ds, frames, rel, bits_stored, photometric, note.format(where) + ", HTJ2K lossless (ojph_compress)"


def make_htj2k_assets():
    out = {}
    for name in HTJ2K_ASSETS:
        ds, frames, rel, bits_stored, photometric, note = htj2k_source(name)
        out[f"htj2k/{name}.dcm"] = htj2k_asset(name, rel, frames, ds, bits_stored, photometric, note)
    return out


def expected_frame(rel, index):
    """The golden frame's values (for the RGB of JPEG YBR fixtures: rel ending in '#rgb')."""
    rgb = rel.endswith("#rgb")
    rel = rel.removesuffix("#rgb")
    if rel.startswith("htj2k/"):
        return htj2k_source(rel[len("htj2k/"):-len(".dcm")])[1][index]
    ds, _ = read_fixture(os.path.join(FIXTURE_ROOT, rel))
    if rel in REFERENCE_WORKAROUNDS:
        REFERENCE_WORKAROUNDS[rel][1](ds)
    _, arr = decode_with_reference(ds)
    frame = stored_values(frames_of(arr, ds)[index], **pixel_attrs(ds))
    return convert_color_space(frame, "YBR_FULL", "RGB") if rgb else frame


# ---------------------------------------------------------------------------------------------
def write_json(doc):
    """Sorted keys, one key per line, but each grid's values on one line."""
    grids = []

    def lift(node):
        if isinstance(node, dict):
            for k, v in node.items():
                if k == "values" and isinstance(v, list):
                    grids.append(json.dumps(v, separators=(",", ":")))
                    node[k] = f"@@GRID{len(grids) - 1}@@"
                else:
                    lift(v)
        elif isinstance(node, list):
            for v in node:
                lift(v)

    lift(doc)
    text = json.dumps(doc, sort_keys=True, indent=1, ensure_ascii=True)
    for i, g in enumerate(grids):
        text = text.replace(f'"@@GRID{i}@@"', g)
    os.makedirs(os.path.dirname(GOLDEN_PATH), exist_ok=True)
    with open(GOLDEN_PATH, "w", encoding="utf-8", newline="\n") as f:
        f.write(text + "\n")


def main():
    os.chdir(REPO_ROOT)
    if sys.argv[1:2] == ["--expected-frame"]:
        # Used by the tests to show the first differing value on a mismatch: raw little-endian
        # C-order bytes of one golden frame on stdout.
        sys.stdout.buffer.write(np.ascontiguousarray(expected_frame(sys.argv[2], int(sys.argv[3]))).tobytes())
        return
    if pydicom.__version__ != "2.3.1":
        print(f"warning: goldens were made with pydicom 2.3.1, this is {pydicom.__version__}", file=sys.stderr)
    fixtures = {}
    for sub in SUBDIRS:
        for name in sorted(os.listdir(os.path.join(FIXTURE_ROOT, sub))):
            path = os.path.join(FIXTURE_ROOT, sub, name)
            if not name.endswith(".dcm"):
                continue
            try:
                has_pixels = "PixelData" in pydicom.dcmread(path, force=True)
            except Exception:  # noqa: BLE001 - unreadable by pydicom: not a pixel golden
                has_pixels = False
            if has_pixels:
                fixtures[f"{sub}/{name}"] = fixture_record(f"{sub}/{name}", path)
                print(f"{sub}/{name}: {fixtures[f'{sub}/{name}'].get('handler', 'NOT DECODED')}", file=sys.stderr)
    doc = {
        "generator": {
            "pydicom": pydicom.__version__, "gdcm": gdcm.Version.GetVersion(), "numpy": np.__version__,
            "pillow": PIL.__version__, "openjpeg": opj_version(), "script": "scripts/goldens/generate_pixel_goldens.py",
        },
        "fixtures": fixtures,
        "htj2k": make_htj2k_assets(),
    }
    write_json(doc)


if __name__ == "__main__":
    main()
