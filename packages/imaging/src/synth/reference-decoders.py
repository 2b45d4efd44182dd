"""Decodes cxrlab synth files with reference implementations, for synth/reference-decoders.test.ts.

Usage: python3 reference-decoders.py MANIFEST.json  ->  JSON on stdout, one entry per case.
Each case names a DICOM file and the raw little-endian uint16 array the generator made. Decoders:
pydicom 2.3 with numpy/GDCM only, pydicom's fragment parser + opj_decompress (JPEG 2000, HTJ2K),
+ ojph_expand (HTJ2K), and dcmtk's dcmdjpls (JPEG-LS). Tools that are not installed are reported
as such; every error is reported, not raised.
"""
import hashlib
import json
import os
import shutil
import subprocess
import sys

import numpy as np
import pydicom
from pydicom.encaps import generate_pixel_data_frame
from pydicom.pixel_data_handlers import gdcm_handler, numpy_handler, rle_handler

pydicom.config.pixel_data_handlers = [numpy_handler, gdcm_handler, rle_handler]

JPEG2000 = ('1.2.840.10008.1.2.4.90', '1.2.840.10008.1.2.4.91')
HTJ2K = ('1.2.840.10008.1.2.4.201', '1.2.840.10008.1.2.4.202', '1.2.840.10008.1.2.4.203')
JPEG_LS = ('1.2.840.10008.1.2.4.80', '1.2.840.10008.1.2.4.81')


def read_pgm(path):
    with open(path, 'rb') as f:
        data = f.read()
    fields, pos = [], 0
    while len(fields) < 4:
        while data[pos:pos + 1].isspace():
            pos += 1
        if data[pos:pos + 1] == b'#':
            pos = data.index(b'\n', pos) + 1
            continue
        end = pos
        while not data[end:end + 1].isspace():
            end += 1
        fields.append(data[pos:end])
        pos = end
    width, height, maxval = int(fields[1]), int(fields[2]), int(fields[3])
    return np.frombuffer(data, dtype='>u2' if maxval > 255 else 'u1', count=width * height, offset=pos + 1).reshape(height, width)


def compare(array, reference):
    diff = np.abs(array.astype(np.int64) - reference.astype(np.int64))
    return {
        'sha256': hashlib.sha256(np.ascontiguousarray(array, dtype='<u2').tobytes()).hexdigest(),
        'shape': list(array.shape),
        'maxError': int(diff.max()),
        'rmse': float(np.sqrt((diff.astype(np.float64) ** 2).mean())),
    }


def numbers(value):
    if value is None:
        return None
    return [float(v) for v in (value if isinstance(value, pydicom.multival.MultiValue) else [value])]


def attempt(fn):
    try:
        return fn()
    except Exception as error:  # report, never raise: the test says which decoder failed and why
        return {'error': f'{type(error).__name__}: {error}'}


def tool(name, args):
    if shutil.which(name) is None:
        return {'missing': name}
    done = subprocess.run([name, *args], capture_output=True, text=True)
    if done.returncode != 0:
        raise RuntimeError(f'{name} exited {done.returncode}: {done.stderr.strip() or done.stdout.strip()}')
    return None


def codestream_decode(name, args_for, codestream_path, out_path, reference):
    missing = tool(name, args_for(codestream_path, out_path))
    return missing or compare(read_pgm(out_path), reference)


def check(case, work):
    ds = pydicom.dcmread(case['path'])
    ts = str(ds.file_meta.TransferSyntaxUID)
    reference = np.fromfile(case['raw'], dtype='<u2').reshape(int(ds.Rows), int(ds.Columns))
    out = {
        'transferSyntax': ts,
        'photometric': ds.PhotometricInterpretation,
        'bitsStored': int(ds.BitsStored),
        'windowCenter': numbers(ds.get('WindowCenter')),
        'windowWidth': numbers(ds.get('WindowWidth')),
        'lossy': ds.get('LossyImageCompression'),
        'sopInstanceUID': str(ds.SOPInstanceUID),
    }
    if ts in HTJ2K:
        out['pydicom'] = {'unsupported': f'pydicom {pydicom.__version__} has no HTJ2K decoder'}
    else:
        out['pydicom'] = attempt(lambda: compare(ds.pixel_array, reference))
    # pydicom 2.3 does not know the HTJ2K UIDs, so the UID's own is_compressed cannot be asked.
    if ts not in JPEG2000 + HTJ2K + JPEG_LS:
        return out
    out['basicOffsetTable'] = ds.PixelData[:12].hex()
    stem = os.path.join(work, os.path.basename(case['path'])[:-4])
    if ts in JPEG2000 or ts in HTJ2K:
        def extract():
            frame = next(generate_pixel_data_frame(ds.PixelData, 1))
            with open(stem + '.j2c', 'wb') as f:
                f.write(frame)
        failed = attempt(extract)
        if failed:
            out['opj_decompress'] = failed
            return out
        out['opj_decompress'] = attempt(lambda: codestream_decode('opj_decompress', lambda i, o: ['-i', i, '-o', o], stem + '.j2c', stem + '-opj.pgm', reference))
        if ts in HTJ2K:
            out['ojph_expand'] = attempt(lambda: codestream_decode('ojph_expand', lambda i, o: ['-i', i, '-o', o], stem + '.j2c', stem + '-ojph.pgm', reference))
    if ts in JPEG_LS:
        def dcmdjpls():
            missing = tool('dcmdjpls', [case['path'], stem + '-dcmtk.dcm'])
            return missing or compare(pydicom.dcmread(stem + '-dcmtk.dcm').pixel_array, reference)
        out['dcmdjpls'] = attempt(dcmdjpls)
    return out


def main():
    with open(sys.argv[1]) as f:
        manifest = json.load(f)
    work = os.path.dirname(os.path.abspath(sys.argv[1]))
    print(json.dumps({case['name']: attempt(lambda: check(case, work)) for case in manifest}))


if __name__ == '__main__':
    main()
