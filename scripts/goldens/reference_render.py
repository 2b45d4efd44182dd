#!/usr/bin/python3
"""An independent reference for the display pipeline of docs/imaging.md
("Display pipeline (PS3.3 C.11), as renderFrame implements it").

Written from the PS3.3 formulas and the text of docs/imaging.md, in plain numpy, without looking at
the TypeScript renderer.  Decoding is pydicom 2.3.1's: the numpy handler for native pixel data,
GDCM for encapsulated data (the handlers are pinned, so a site-wide pydicom configuration cannot
swap them).  Used by generate_render_goldens.py; run with Debian's /usr/bin/python3.

Where this reference and pydicom 2.3.1 disagree, the comment says so (search for "pydicom:").
The generator also cross-checks each step against pydicom and prints the largest difference.

Public functions:
    read_dataset(path)                      -> pydicom Dataset (raw data sets get a transfer syntax)
    stored_values(ds, frame)                -> int64 array (rows, cols) or (rows, cols, 3)
    modality_values(ds, a)                  -> float64 array, the Modality LUT output
    modality_range(ds)                      -> (lo, hi), the smallest and largest Modality LUT output
    render(ds, a, mode, voi_index)          -> uint8 array (rows, cols) or (rows, cols, 3)
    modality_image16(ds, a)                 -> (uint16 array, shift)
"""

import math

import numpy as np
import pydicom
from pydicom.pixel_data_handlers import gdcm_handler, numpy_handler
from pydicom.pixel_data_handlers.util import apply_voi_lut as pydicom_apply_voi_lut

IMPLICIT_VR_LITTLE_ENDIAN = "1.2.840.10008.1.2"
NATIVE_TRANSFER_SYNTAXES = {
    "1.2.840.10008.1.2",
    "1.2.840.10008.1.2.1",
    "1.2.840.10008.1.2.2",
    "1.2.840.10008.1.2.1.99",
}

# The 0.5th and 99.5th percentiles of the robust window (docs/imaging.md), as float64 literals.
ROBUST_LOW = 0.005
ROBUST_HIGH = 0.995


# ---------------------------------------------------------------------------------------------
# Reading and decoding
# ---------------------------------------------------------------------------------------------

def read_dataset(path):
    ds = pydicom.dcmread(path, force=True)
    if "TransferSyntaxUID" not in ds.file_meta:
        # A raw data set without file meta (CR-MONO1-10-chest): pydicom detected implicit VR LE.
        ds.file_meta.TransferSyntaxUID = IMPLICIT_VR_LITTLE_ENDIAN
    return ds


def _transfer_syntax(ds):
    return str(ds.file_meta.TransferSyntaxUID)


def stored_values(ds, frame=0):
    """The stored values of one frame, as docs/imaging.md "Decoding" defines them: pydicom's
    pixel_array, then only the Bits Stored bits ending at High Bit kept and, for Pixel
    Representation 1, sign-extended from Bits Stored.

    pydicom: 2.3.1's pixel_array neither masks nor sign-extends (mlut_18 holds 12-bit two's
    complement values in 16 bits without the upper bits set, so pixel_array reads -1 as 4095).
    """
    handler = numpy_handler if _transfer_syntax(ds) in NATIVE_TRANSFER_SYNTAXES else gdcm_handler
    saved = pydicom.config.pixel_data_handlers
    pydicom.config.pixel_data_handlers = [handler]
    try:
        if "_pixel_array" in ds.__dict__:
            ds._pixel_array = None
        arr = ds.pixel_array
    finally:
        pydicom.config.pixel_data_handlers = saved
    frames = int(ds.get("NumberOfFrames", 1) or 1)
    if frames > 1:
        arr = arr[frame]
    elif frame != 0:
        raise ValueError(f"frame {frame} of a single-frame image")
    allocated = int(ds.BitsAllocated)
    stored = int(ds.get("BitsStored", allocated))
    high = int(ds.get("HighBit", stored - 1))
    signed = int(ds.get("PixelRepresentation", 0)) == 1
    if allocated == 1:
        return arr.astype(np.int64)
    bits = arr.astype(np.int64) & ((1 << allocated) - 1)  # the raw bit pattern
    shift = max(0, high - stored + 1)
    mask = (1 << stored) - 1
    values = (bits >> shift) & mask
    if signed:
        sign = 1 << (stored - 1)
        values = np.where(values & sign, values - (mask + 1), values)
    return values.astype(np.int64)


def stored_range(ds):
    """The range of values Bits Stored and Pixel Representation allow."""
    stored = int(ds.get("BitsStored", ds.BitsAllocated))
    if int(ds.get("PixelRepresentation", 0)) == 1:
        return -(1 << (stored - 1)), (1 << (stored - 1)) - 1
    return 0, (1 << stored) - 1


# ---------------------------------------------------------------------------------------------
# LUT helpers (PS3.3 C.11.1.1 / C.11.2.1.1: LUT Descriptor = entries, first value mapped, bits)
# ---------------------------------------------------------------------------------------------

def _lut_entries(item, little_endian=True):
    """(entries, first, bits, data as int64) of a Modality or VOI LUT item."""
    descriptor = [int(v) for v in item.LUTDescriptor]
    entries = descriptor[0] or 65536  # PS3.3 C.11.1.1: 0 means 2^16
    first = descriptor[1]
    bits = descriptor[2]
    element = item["LUTData"]
    if isinstance(element.value, (bytes, bytearray)):
        # OW: 16-bit words (8-bit LUTs are also held in 16-bit words by PS3.3, but none of our
        # inputs has one).
        data = np.frombuffer(element.value, ("<" if little_endian else ">") + "u2").astype(np.int64)
    else:
        value = element.value
        data = np.asarray(list(value) if isinstance(value, (list, tuple, pydicom.multival.MultiValue)) else [value], dtype=np.int64)
    if len(data) < entries:
        raise ValueError(f"LUT Data holds {len(data)} entries, the descriptor says {entries}")
    return entries, first, bits, data[:entries]


def _lut_lookup(x, entries, first, data):
    """PS3.3 C.11.1.1 / docs: input below the first value mapped takes entry 0, above the last
    takes the last entry.  x must hold integers."""
    if not np.all(np.equal(np.floor(x), x)):
        raise NotImplementedError("LUT input is not an integer (the spec does not say how to index a LUT then)")
    index = np.clip(x.astype(np.int64) - first, 0, entries - 1)
    return data[index]


# ---------------------------------------------------------------------------------------------
# Step 1: Modality LUT (PS3.3 C.11.1)
# ---------------------------------------------------------------------------------------------

def _rescale(ds):
    """(slope, intercept) or None.  pydicom: apply_modality_lut rescales only when BOTH Rescale
    Slope and Rescale Intercept are present; docs say "when present".  We follow pydicom (an
    absent one defaults to the identity value 1 / 0 would give the same result), and none of our
    inputs has only one of them."""
    slope = ds.get("RescaleSlope", None)
    intercept = ds.get("RescaleIntercept", None)
    if slope is None and intercept is None:
        return None
    return float(slope if slope is not None else 1.0), float(intercept if intercept is not None else 0.0)


def modality_values(ds, a):
    if "ModalityLUTSequence" in ds and len(ds.ModalityLUTSequence) > 0:
        entries, first, _bits, data = _lut_entries(ds.ModalityLUTSequence[0], ds.is_little_endian)
        return _lut_lookup(a.astype(np.float64), entries, first, data).astype(np.float64)
    rescale = _rescale(ds)
    if rescale is not None:
        slope, intercept = rescale
        return a.astype(np.float64) * slope + intercept
    return a.astype(np.float64)


def modality_range(ds):
    """The smallest and the largest value the Modality LUT can produce for the stored range."""
    lo, hi = stored_range(ds)
    if "ModalityLUTSequence" in ds and len(ds.ModalityLUTSequence) > 0:
        entries, first, _bits, data = _lut_entries(ds.ModalityLUTSequence[0], ds.is_little_endian)
        reachable = data[max(0, lo - first): max(0, min(entries, hi - first + 1))]
        if len(reachable) == 0:  # the whole stored range clamps to one end
            reachable = data[[0 if hi < first else entries - 1]]
        # The clamped ends are reachable too when the stored range extends past the LUT.
        extra = []
        if lo < first:
            extra.append(data[0])
        if hi > first + entries - 1:
            extra.append(data[entries - 1])
        reachable = np.concatenate([reachable, np.asarray(extra, dtype=np.int64)])
        return float(reachable.min()), float(reachable.max())
    rescale = _rescale(ds)
    if rescale is not None:
        slope, intercept = rescale
        ends = (lo * slope + intercept, hi * slope + intercept)
        return min(ends), max(ends)
    return float(lo), float(hi)


# ---------------------------------------------------------------------------------------------
# Step 2: VOI (PS3.3 C.11.2), output y in [0, 1]
# ---------------------------------------------------------------------------------------------

def window_linear(x, c, w):
    """PS3.3 C.11.2.1.2.1, with ymin = 0 and ymax = 1."""
    if w < 1:
        raise ValueError("LINEAR needs Window Width >= 1")
    y = np.empty_like(x, dtype=np.float64)
    below = x <= c - 0.5 - (w - 1) / 2
    above = x > c - 0.5 + (w - 1) / 2
    between = ~below & ~above
    y[below] = 0.0
    y[above] = 1.0
    # w == 1 leaves nothing between (the two tests meet at c - 0.5), so no division by zero.
    y[between] = (x[between] - (c - 0.5)) / (w - 1) + 0.5
    return y


def window_linear_exact(x, c, w):
    """PS3.3 C.11.2.1.3.2, with ymin = 0 and ymax = 1."""
    if w <= 0:
        raise ValueError("LINEAR_EXACT needs Window Width > 0")
    y = np.empty_like(x, dtype=np.float64)
    below = x <= c - w / 2
    above = x > c + w / 2
    between = ~below & ~above
    y[below] = 0.0
    y[above] = 1.0
    y[between] = (x[between] - c) / w + 0.5
    return y


def window_sigmoid(x, c, w):
    """PS3.3 C.11.2.1.3.1, with ymin = 0 and ymax = 1."""
    if w <= 0:
        raise ValueError("SIGMOID needs Window Width > 0")
    return 1.0 / (1.0 + np.exp(-4.0 * (x - c) / w))


def percentile_inverted_cdf(values, p):
    """The smallest value v with count(x <= v) >= p * N (numpy's 'inverted_cdf'), p * N computed
    in float64 exactly as written (0.005 * 193600 is 968.0, 0.005 * 4096 is 20.48)."""
    flat = np.asarray(values, dtype=np.float64).ravel()
    n = flat.size
    k = max(0, math.ceil(p * n) - 1)  # count(x <= sorted[k]) >= k + 1 >= p * n, k smallest
    return float(np.partition(flat, k)[k])


def robust_window(x):
    """(c, w) of the robust window: LINEAR_EXACT from the 0.5th and 99.5th percentiles."""
    lo = percentile_inverted_cdf(x, ROBUST_LOW)
    hi = percentile_inverted_cdf(x, ROBUST_HIGH)
    return (lo + hi) / 2, hi - lo


def apply_robust_window(x):
    c, w = robust_window(x)
    if w == 0:
        # docs: "all-equal images give mid grey".  For an image that is not all equal but whose
        # 0.5th and 99.5th percentiles coincide the docs are silent; we give mid grey too (the
        # LINEAR_EXACT formula is undefined for w = 0).  None of our inputs gets here.
        return np.full(x.shape, 0.5)
    return window_linear_exact(x, c, w)


def _multi(ds, keyword):
    value = ds[keyword].value
    if isinstance(value, (list, tuple, pydicom.multival.MultiValue)):
        return [float(v) for v in value]
    return [float(value)]


def has_voi_lut_sequence(ds):
    return "VOILUTSequence" in ds and len(ds.VOILUTSequence) > 0


def has_window(ds):
    return "WindowCenter" in ds and "WindowWidth" in ds and ds.WindowCenter is not None and ds.WindowWidth is not None


def voi(ds, x, voi_index=0):
    """docs step 2 for the `dicom` window mode."""
    if has_voi_lut_sequence(ds):
        entries, first, bits, data = _lut_entries(ds.VOILUTSequence[voi_index], ds.is_little_endian)
        return _lut_lookup(x, entries, first, data).astype(np.float64) / (2 ** bits - 1)
    if has_window(ds):
        c = _multi(ds, "WindowCenter")[voi_index]
        w = _multi(ds, "WindowWidth")[voi_index]
        function = str(ds.get("VOILUTFunction", "LINEAR") or "LINEAR").strip().upper()
        if function == "LINEAR":
            return window_linear(x, c, w)
        if function == "LINEAR_EXACT":
            return window_linear_exact(x, c, w)
        if function == "SIGMOID":
            return window_sigmoid(x, c, w)
        raise ValueError(f"unknown VOI LUT Function {function}")
    return apply_robust_window(x)


# ---------------------------------------------------------------------------------------------
# Step 3: Presentation (PS3.3 C.11.6), step 4: output
# ---------------------------------------------------------------------------------------------

def photometric(ds):
    return str(ds.get("PhotometricInterpretation", "MONOCHROME2")).strip().upper()


def inverts(ds):
    shape = ds.get("PresentationLUTShape", None)
    if shape is not None and str(shape).strip() != "":
        return str(shape).strip().upper() == "INVERSE"
    return photometric(ds) == "MONOCHROME1"


def round_half_away(v):
    return np.where(v >= 0, np.floor(v + 0.5), -np.floor(-v + 0.5))


def to_8bit(y):
    return np.clip(round_half_away(y * 255.0), 0, 255).astype(np.uint8)


# ---------------------------------------------------------------------------------------------
# Presets
# ---------------------------------------------------------------------------------------------

def equalize_hist(img):
    """OpenCV's cv::equalizeHist on a uint8 image, re-implemented from its source
    (imgproc/src/histogram.cpp, EqualizeHistLut_Invoker): the lut starts at the first occupied
    bin i with 0; scale = 255.f / (total - hist[i]) in float32; lut[j] =
    saturate_cast<uchar>(sum * scale), sum the cumulative count from bin i+1 to j, the product in
    float32 and cvRound rounding half to even; an image with one value comes out as that value."""
    hist = np.bincount(img.ravel(), minlength=256).astype(np.int64)
    total = int(img.size)
    i = int(np.flatnonzero(hist)[0])
    if hist[i] == total:
        return np.full(img.shape, i, dtype=np.uint8)
    scale = np.float32(255.0) / np.float32(total - hist[i])
    lut = np.zeros(256, dtype=np.int64)
    running = 0
    for j in range(i + 1, 256):
        running += int(hist[j])
        product = np.float32(np.float32(running) * scale)
        lut[j] = min(255, max(0, int(np.rint(product))))  # rint: half to even, as cvRound
    return lut[img].astype(np.uint8)


def render_vindr(ds, a):
    """docs `vindr`: stored values, v = floor(a * 255 / max(a)), 255 - v for MONOCHROME1,
    equalizeHist when max(a) > 255.  Negative stored values give negative v; the docs are silent
    about them, we clamp v to [0, 255] before inversion (an 8-bit image is needed to equalise)."""
    top = int(a.max())
    if top <= 0:
        v = np.zeros(a.shape, dtype=np.int64)
    else:
        v = np.floor(a.astype(np.float64) * 255.0 / top).astype(np.int64)
        v = np.clip(v, 0, 255)
    if photometric(ds) == "MONOCHROME1":
        v = 255 - v
    v = v.astype(np.uint8)
    if top > 255:
        v = equalize_hist(v)
    return v


def render_kaggle(ds, a):
    """docs `kaggle`: the VinBigData notebooks' read_xray, with pydicom's own apply_voi_lut
    (VOI LUT Sequence preferred, else the first window; on stored values, no modality LUT)."""
    data = pydicom_apply_voi_lut(a, ds)
    if photometric(ds) == "MONOCHROME1":
        data = np.amax(data) - data
    data = data - np.min(data)
    top = np.max(data)
    if top == 0:
        # read_xray divides 0 by 0 here (NaN, then astype(uint8)); the docs are silent.  We give
        # zeros; none of our inputs gets here.
        return np.zeros(a.shape, dtype=np.uint8)
    data = data / top
    return (data * 255).astype(np.uint8)


# ---------------------------------------------------------------------------------------------
# Colour (no windowing)
# ---------------------------------------------------------------------------------------------

# PS3.3 C.7.6.3.1.2 (YBR_FULL), the forward equations; we invert the matrix exactly.
YBR_FORWARD = np.array([
    [0.2990, 0.5870, 0.1140],
    [-0.1687, -0.3313, 0.5000],
    [0.5000, -0.4187, -0.0813],
])
YBR_INVERSE = np.linalg.inv(YBR_FORWARD)


def ybr_full_to_rgb(a):
    ybr = a.astype(np.float64) - np.array([0.0, 128.0, 128.0])
    rgb = ybr @ YBR_INVERSE.T
    return np.clip(round_half_away(rgb), 0, 255).astype(np.uint8)


def expand_segmented_lut(words, bits):
    """PS3.3 C.7.9.2 segmented palette colour LUT data: discrete (0), linear (1) and indirect (2)
    segments.  Linear segments are rounded half up.  pydicom: _expand_segmented_lut rounds them
    with np.round (half to even); the generator compares the two."""
    out = []

    def run(start, stop, limit=None):
        at = start
        done = 0
        while at < stop and (limit is None or done < limit):
            opcode = int(words[at])
            if opcode == 0:
                length = int(words[at + 1])
                out.extend(int(v) for v in words[at + 2: at + 2 + length])
                at += 2 + length
            elif opcode == 1:
                length = int(words[at + 1])
                y1 = int(words[at + 2])
                y0 = out[-1]
                out.extend(int(math.floor(y0 + (y1 - y0) * k / length + 0.5)) for k in range(1, length + 1))
                at += 3
            elif opcode == 2:
                count = int(words[at + 1])
                offset = int(words[at + 2]) | (int(words[at + 3]) << 16)
                run(offset, len(words), count)
                at += 4
            else:
                raise ValueError(f"segment opcode {opcode}")
            done += 1

    run(0, len(words))
    return np.asarray(out, dtype=np.int64)


def palette_tables(ds):
    tables = []
    for colour in ("Red", "Green", "Blue"):
        descriptor = [int(v) for v in ds[f"{colour}PaletteColorLookupTableDescriptor"].value]
        entries = descriptor[0] or 65536
        first = descriptor[1]
        bits = descriptor[2]
        segmented = f"Segmented{colour}PaletteColorLookupTableData"
        if segmented in ds:
            words = np.frombuffer(ds[segmented].value, "<u2" if ds.is_little_endian else ">u2")
            data = expand_segmented_lut(words, bits)
        else:
            raw = ds[f"{colour}PaletteColorLookupTableData"].value
            if bits == 8 and len(raw) == entries:
                data = np.frombuffer(raw, np.uint8).astype(np.int64)
            else:
                data = np.frombuffer(raw, "<u2" if ds.is_little_endian else ">u2").astype(np.int64)
        if len(data) < entries:
            raise ValueError(f"{colour} palette holds {len(data)} entries, the descriptor says {entries}")
        tables.append((entries, first, bits, data[:entries]))
    return tables


def palette_to_rgb(ds, a):
    """PALETTE COLOR: each channel through its LUT (below the first value mapped -> entry 0,
    above the last -> the last entry, as for other LUTs), the entries scaled to 8 bits as
    round(v * 255 / (2^bits - 1)) half away from zero - the docs only say "scaled to 8 bits"; we
    read it like the VOI LUT Sequence (LUT / (2^bits - 1), then round(y * 255)).  A right shift by
    bits - 8 is the other common reading; the two differ by at most 1 (OBXXXX1A's white 65280
    gives 254 here, 255 by shifting)."""
    channels = []
    for entries, first, bits, data in palette_tables(ds):
        v = _lut_lookup(a.astype(np.float64), entries, first, data).astype(np.float64)
        channels.append(round_half_away(v * 255.0 / (2 ** bits - 1)))
    return np.clip(np.stack(channels, axis=-1), 0, 255).astype(np.uint8)


def render_colour(ds, a):
    pi = photometric(ds)
    if pi == "RGB":
        return np.clip(a, 0, 255).astype(np.uint8)
    if pi == "YBR_FULL":
        return ybr_full_to_rgb(a)
    if pi == "PALETTE COLOR":
        return palette_to_rgb(ds, a)
    raise NotImplementedError(f"photometric interpretation {pi}")


def is_colour(ds):
    return photometric(ds) in ("RGB", "YBR_FULL", "PALETTE COLOR", "YBR_FULL_422")


# ---------------------------------------------------------------------------------------------
# The renderer
# ---------------------------------------------------------------------------------------------

def render(ds, a, mode="dicom", voi_index=0):
    """renderFrame(frame, dataSet, {window: mode, voiIndex}) per docs/imaging.md."""
    if is_colour(ds):
        return render_colour(ds, a)
    if mode == "vindr":
        return render_vindr(ds, a)
    if mode == "kaggle":
        return render_kaggle(ds, a)
    x = modality_values(ds, a)
    if mode == "dicom":
        y = voi(ds, x, voi_index)
    elif mode == "auto":
        y = apply_robust_window(x)
    else:
        raise ValueError(f"window mode {mode}")
    if inverts(ds):
        y = 1.0 - y
    return to_8bit(y)


def modality_image16(ds, a):
    """png16: the Modality LUT output rounded (half away from zero, as the 8-bit output), then
    shifted by -min when the LUT can give negative values (min: the smallest value it can produce
    for the stored range), clamped to [0, 65535].  Returns (uint16 array, shift).  The docs say
    round, then shift; when min is not an integer they are silent (we raise)."""
    x = modality_values(ds, a)
    lo, _hi = modality_range(ds)
    shift = 0.0
    if lo < 0:
        if lo != math.floor(lo):
            raise NotImplementedError("non-integer smallest modality value")
        shift = -lo
    out = np.clip(round_half_away(x) + shift, 0, 65535).astype(np.uint16)
    return out, int(shift)
