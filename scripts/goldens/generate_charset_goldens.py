#!/usr/bin/python3
"""Generate the Specific Character Set test vectors used by the TypeScript text decoder tests.

Run from the repository root with Debian's pydicom (NOT a pyenv/venv python):

    /usr/bin/python3 scripts/goldens/generate_charset_goldens.py

Output: packages/dicom/test-assets/charset/pydicom-cases.json, a list of cases

    {"name", "characterSets": [...], "vr", "bytesHex", "expected",
     "pydicomWarnings": [...],                 # what pydicom warned while decoding
     "pydicomGot", "reason"}                   # only where pydicom is judged wrong

"expected" is pydicom's decoding of the bytes, obtained the way pydicom decodes an element
(pydicom.charset.decode_element / values.convert_PN / convert_text):

* PN: the value is split on b'\\', each value on b'=', each component is decoded with
  charset.decode_bytes(..., PN_DELIMS), and everything is joined again with '=' and '\\';
* SH, LO, UC: split on b'\\', each value decoded with decode_bytes(..., TEXT_VR_DELIMS), joined with '\\';
* ST, LT, UT: the whole value decoded with decode_bytes(..., TEXT_VR_DELIMS).

Unlike pydicom's element values, nothing is trimmed: trailing '=' of a PN and trailing spaces stay, because
the TypeScript decoder returns exactly what the bytes say (the bytes recorded here have their padding
removed, as pydicom does before decoding a PN). Every case is cross-checked against
pydicom.charset.decode_element modulo that trimming.

Where pydicom departs from DICOM PS3.5 (or where this project departs from pydicom on purpose), the case
keeps pydicom's output in "pydicomGot", "expected" holds the correct decoding and "reason" says why.

Sources of the bytes:
(a) every element of a character-set-affected VR in pydicom's own charset test files
    (pydicom/data/charset_files: David Clunie's examples and the PS3.5 Annex H/I/J examples);
(b) strings encoded here with pydicom (pydicom.charset.encode_string / PersonName.encode), or
    written out by hand where pydicom cannot produce them (malformed data, PS3.5 Annex K);
(c) full code tables (every code point pydicom can decode in each character set).

The output is deterministic: one case per line, UTF-8, trailing newline.
"""

import json
import os
import sys
import unicodedata
import warnings

import pydicom
from pydicom import charset
from pydicom.data import get_charset_files
from pydicom.dataelem import DataElement
from pydicom.valuerep import CUSTOMIZABLE_CHARSET_VR, PN_DELIMS, TEXT_VR_DELIMS, PersonName

REPO_ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
OUTPUT = os.path.join("packages", "dicom", "test-assets", "charset", "pydicom-cases.json")
EXPECTED_PYDICOM = "2.3.1"

pydicom.config.settings.reading_validation_mode = pydicom.config.WARN
pydicom.config.settings.writing_validation_mode = pydicom.config.WARN

MULTI_VALUE_VRS = ("SH", "LO", "UC")
SINGLE_VALUE_VRS = ("ST", "LT", "UT")

ESC = "\x1b"


# --------------------------------------------------------------------------
# pydicom as the reference
# --------------------------------------------------------------------------
def encodings_for(character_sets):
    """pydicom.charset.decode_element's conversion of (0008,0005) values."""
    return charset.convert_encodings(list(character_sets) if character_sets else ["ISO_IR 6"])


def pydicom_decode(raw, character_sets, vr):
    """Decode `raw` the way pydicom decodes an element of `vr`; return (text, warnings)."""
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        encodings = encodings_for(character_sets)
        if vr == "PN":
            text = "\\".join(
                "=".join(charset.decode_bytes(comp, encodings, PN_DELIMS) for comp in value.split(b"="))
                for value in raw.split(b"\\")
            )
        elif vr in MULTI_VALUE_VRS:
            text = "\\".join(charset.decode_bytes(value, encodings, TEXT_VR_DELIMS) for value in raw.split(b"\\"))
        elif vr in SINGLE_VALUE_VRS:
            text = charset.decode_bytes(raw, encodings, TEXT_VR_DELIMS)
        else:
            raise ValueError(f"not a character-set-affected VR: {vr}")
    messages = []
    for w in caught:
        msg = str(w.message)
        if msg not in messages:
            messages.append(msg)
    return text, messages


def cross_check(raw, character_sets, vr, text):
    """Assert that decode_element gives `text` up to pydicom's trimming of element values."""
    tag = {"PN": 0x00100010, "SH": 0x00080050, "LO": 0x00081030, "UC": 0x00081030, "LT": 0x00104000,
           "ST": 0x00081030, "UT": 0x00104000}[vr]
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        elem = DataElement(tag, vr, raw)
        charset.decode_element(elem, list(character_sets) if character_sets else None)
    value = elem.value
    values = list(value) if isinstance(value, (list, pydicom.multival.MultiValue)) else [value]
    got = [str(v) for v in values]
    if vr == "PN":
        want = []
        for v in text.split("\\") if raw else [""]:
            comps = v.split("=")
            while comps and not comps[-1]:
                comps.pop()
            want.append("=".join(comps))
    elif vr in MULTI_VALUE_VRS:
        want = text.split("\\")
    else:
        want = [text]
    if raw == b"":
        return
    if got != want:
        raise AssertionError(f"decode_element disagrees: {got!r} != {want!r} for {raw!r} {character_sets!r}")


def pydicom_encode(text, character_sets, vr):
    """Encode `text` with pydicom (charset.encode_string / PersonName.encode), per value."""
    encodings = encodings_for(character_sets)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # pydicom's replacement-character fallback would corrupt the case
        if vr == "PN":
            return b"\\".join(bytes(PersonName(v).encode(encodings)) for v in text.split("\\"))
        if vr in MULTI_VALUE_VRS:
            return b"\\".join(bytes(charset.encode_string(v, encodings)) for v in text.split("\\"))
        return bytes(charset.encode_string(text, encodings))


# --------------------------------------------------------------------------
# Cases
# --------------------------------------------------------------------------
cases = []
seen = set()


def add_case(name, character_sets, vr, raw, *, correct=None, reason=None, original=None):
    """Record pydicom's decoding of `raw`. `correct`/`reason`: pydicom is judged wrong on this case.
    `original`: the string that was encoded; pydicom must give it back (unless judged wrong)."""
    key = (tuple(character_sets), vr == "PN", raw)
    if key in seen:
        return
    seen.add(key)
    got, messages = pydicom_decode(raw, character_sets, vr)
    cross_check(raw, character_sets, vr, got)
    case = {"name": name, "characterSets": list(character_sets), "vr": vr, "bytesHex": raw.hex(), "expected": got}
    if correct is not None:
        if got == correct:
            raise AssertionError(f"{name}: pydicom is right after all: {got!r}")
        if not reason:
            raise AssertionError(f"{name}: a corrected case needs a reason")
        case["expected"] = correct
        case["pydicomGot"] = got
        case["reason"] = reason
    elif original is not None and got != original:
        raise AssertionError(f"{name}: pydicom does not round-trip {original!r}: got {got!r}")
    case["pydicomWarnings"] = messages
    cases.append(case)


def add_encoded(name, character_sets, vr, text, **kw):
    add_case(name, character_sets, vr, pydicom_encode(text, character_sets, vr), original=text, **kw)


def file_cases():
    """(a) Every non-empty element of a character-set-affected VR in pydicom's charset files."""
    for path in sorted(get_charset_files("*.dcm")):
        fname = os.path.basename(path)
        ds = pydicom.dcmread(path)

        def walk(dataset, inherited, where):
            if "SpecificCharacterSet" in dataset:
                value = dataset.get_item(0x00080005).value
                cs = value.decode("ascii").strip(" \x00").split("\\") if isinstance(value, bytes) else value
                cs = [c.strip() for c in ([cs] if isinstance(cs, str) else cs)]
            else:
                cs = inherited
            for tag in list(dataset.keys()):
                raw = dataset.get_item(tag)
                if raw.VR == "SQ":
                    for i, item in enumerate(dataset[tag].value):
                        walk(item, cs, f"{where}({tag.group:04X},{tag.element:04X})[{i}]/")
                    continue
                if raw.VR not in CUSTOMIZABLE_CHARSET_VR or not raw.value:
                    continue
                value = raw.value.rstrip(b"\x00 ")  # padding, which pydicom strips too
                name = f"{fname} {where}({tag.group:04X},{tag.element:04X}) {raw.VR}"
                add_case(name, cs or [""], raw.VR, value)

        walk(ds, [""], "")


# PS3.5 6.1.2.5.3 states where a writer must return to the initial character set, and the standard's own
# PN example (H.3.1, chrH31.dcm) shows that bytes of two-byte JIS X 0208 characters are not delimiters:
# "やまだ" is ESC $ B 0x24 0x64 0x24 0x5E 0x24 0x40, with 0x5E ('^' in ISO-IR 6) inside "ま".
JIS_DELIMITER_REASON = (
    "PS3.5 6.1.2.5.3: delimiters are only recognized while G0 holds the initial single-byte set (a writer must "
    "return to it before '\\', '^' and '='); while ISO 2022 IR 87 (JIS X 0208) is invoked, bytes 0x21-0x7E are "
    "halves of two-byte characters - the standard's own example (H.3.1) encodes \u307e as 0x24 0x5E. "
    "pydicom splits the raw bytes on 0x5C/0x3D before decoding, breaking {chars}."
)


def encoded_cases():
    """(b) Strings encoded with pydicom, hand-written bytes and malformed data."""
    # --- UTF-8 (ISO_IR 192): Vietnamese
    add_encoded("vi utf-8 PN", ["ISO_IR 192"], "PN", "Nguyễn^Văn Thành")
    add_encoded("vi utf-8 PN three groups", ["ISO_IR 192"], "PN", "Trần^Thị Bích Ngọc=陳^氏碧玉")
    add_encoded("vi utf-8 PN NFD (no normalisation)", ["ISO_IR 192"], "PN",
                unicodedata.normalize("NFD", "Nguyễn^Văn Thành"))
    add_encoded("vi utf-8 LO multi-valued", ["ISO_IR 192"], "LO",
                "Bệnh viện Bạch Mai\\Khoa Chẩn đoán hình ảnh")
    add_encoded("vi utf-8 LT with CR LF", ["ISO_IR 192"], "LT",
                "Tổn thương dạng nốt ở thùy trên phổi phải.\r\nKhông có tràn dịch màng phổi.")
    add_encoded("utf-8 astral and BOM kept", ["ISO_IR 192"], "LO", "\ufeff𠀀 ☃ 😀")
    add_encoded("utf-8 empty value", ["ISO_IR 192"], "LO", "")

    # --- single-byte sets
    add_encoded("latin-1 PN", ["ISO_IR 100"], "PN", "Buc^Jérôme")
    add_encoded("latin-1 LO multi-valued", ["ISO_IR 100"], "LO", "Röntgen Thorax\\Poumon gauche\\Åsa Øster")
    add_encoded("latin-2 PN", ["ISO_IR 101"], "PN", "Dvořák^Antonín")
    add_encoded("latin-3 PN", ["ISO_IR 109"], "PN", "Ħaġar^Ġużeppi")
    add_encoded("latin-4 PN", ["ISO_IR 110"], "PN", "Ķēniņš^Jānis")
    add_encoded("cyrillic PN", ["ISO_IR 144"], "PN", "Иванов^Иван Петрович")
    add_encoded("cyrillic LO multi-valued", ["ISO_IR 144"], "LO", "Рентгенография\\грудной клетки")
    add_encoded("greek PN", ["ISO_IR 126"], "PN", "Παπαδόπουλος^Γιώργος")
    add_encoded("arabic PN", ["ISO_IR 127"], "PN", "محمد^أحمد")
    add_encoded("hebrew PN", ["ISO_IR 138"], "PN", "כהן^משה")
    add_encoded("hebrew LO multi-valued", ["ISO_IR 138"], "LO", "צילום חזה\\תקין")
    add_encoded("latin-5 PN", ["ISO_IR 148"], "PN", "Öztürk^Şükrü Ğİı")
    add_encoded("thai PN", ["ISO_IR 166"], "PN", "สมชาย^ใจดี")
    add_encoded("thai LO multi-valued", ["ISO_IR 166"], "LO", "ผลการตรวจ\\ปกติ")
    add_encoded("jis x 0201 PN", ["ISO_IR 13"], "PN", "ﾔﾏﾀﾞ^ﾀﾛｳ")

    # --- pydicom's single-byte code extension vectors (test_charset.ENCODED_NAMES), after 'ASCII+'
    for term, text, raw in [
        ("ISO 2022 IR 13", "ﾔﾏﾀﾞ^ﾀﾛｳ", b"\x1b\x29\x49\xd4\xcf\xc0\xde\x5e\x1b\x29\x49\xc0\xdb\xb3"),
        ("ISO 2022 IR 100", "Buc^Jérôme", b"\x1b\x2d\x41\x42\x75\x63\x5e\x1b\x2d\x41\x4a\xe9\x72\xf4\x6d\x65"),
        ("ISO 2022 IR 101", "Wałęsa", b"\x1b\x2d\x42\x57\x61\xb3\xea\x73\x61"),
        ("ISO 2022 IR 109", "antaŭnomo", b"\x1b\x2d\x43\x61\x6e\x74\x61\xfd\x6e\x6f\x6d\x6f"),
        ("ISO 2022 IR 110", "vārds", b"\x1b\x2d\x44\x76\xe0\x72\x64\x73"),
        ("ISO 2022 IR 127", "قباني^لنزار", b"\x1b\x2d\x47\xe2\xc8\xc7\xe6\xea\x5e\x1b\x2d\x47\xe4\xe6\xd2\xc7\xd1"),
        ("ISO 2022 IR 126", "Διονυσιος", b"\x1b\x2d\x46\xc4\xe9\xef\xed\xf5\xf3\xe9\xef\xf2"),
        ("ISO 2022 IR 138", "שרון^דבורה", b"\x1b\x2d\x48\xf9\xf8\xe5\xef\x5e\x1b\x2d\x48\xe3\xe1\xe5\xf8\xe4"),
        ("ISO 2022 IR 144", "Люкceмбypг", b"\x1b\x2d\x4c\xbb\xee\xda\x63\x65\xdc\xd1\x79\x70\xd3"),
        ("ISO 2022 IR 148", "Çavuşoğlu", b"\x1b\x2d\x4d\xc7\x61\x76\x75\xfe\x6f\xf0\x6c\x75"),
        ("ISO 2022 IR 166", "นามสกุล", b"\x1b\x2d\x54\xb9\xd2\xc1\xca\xa1\xd8\xc5"),
    ]:
        add_case(f"code extension ['', '{term}'] PN", ["", term], "PN", b"ASCII+" + raw)
        assert cases[-1]["expected"] == "ASCII+" + text, cases[-1]
    add_encoded("code extensions latin-1 + greek + cyrillic LO", ["ISO 2022 IR 100", "ISO 2022 IR 126", "ISO 2022 IR 144"],
                "LO", "Jérôme Διονυσιος\\Люкceмбypг")
    add_encoded("code extensions greek after '^'", ["", "ISO 2022 IR 126"], "PN", "Dionysios^Διονυσιος=Διονυσιος")
    # the last group lacks its escape sequence: after '^' the initial state (default repertoire) is back
    add_case("katakana escape missing after '^'", ["", "ISO 2022 IR 13"], "PN",
             b"ASCII+\x1b\x29\x49\xd4\xcf\xc0\xde\x5e\xc0\xdb\xb3")

    # --- Japanese
    add_encoded("japanese PN IR 87", ["", "ISO 2022 IR 87"], "PN", "Yamada^Tarou=山田^太郎=やまだ^たろう")
    add_encoded("japanese PN IR 6 + IR 87", ["ISO 2022 IR 6", "ISO 2022 IR 87"], "PN", "Suzuki^Hanako=鈴木^花子=すずき^はなこ")
    add_encoded("japanese PN IR 13 + IR 87", ["ISO 2022 IR 13", "ISO 2022 IR 87"], "PN", "ﾔﾏﾀﾞ^ﾀﾛｳ=山田^太郎=やまだ^たろう")
    add_encoded("japanese PN half-width katakana", ["ISO 2022 IR 13", "ISO 2022 IR 87"], "PN",
                "ｳｪﾙﾁ^ｼﾞｪｰﾑｽﾞ=ウェルチ^ジェームズ=うぇるち^じぇーむず")
    add_encoded("japanese PN IR 87 + IR 159", ["ISO 2022 IR 6", "ISO 2022 IR 87", "ISO 2022 IR 159"], "PN",
                "Mori^Ogai=森^鷗外=もり^おうがい")
    add_encoded("japanese LO multi-valued", ["", "ISO 2022 IR 87"], "LO", "胸部単純撮影\\正面像")
    add_encoded("japanese LO mixed ASCII", ["", "ISO 2022 IR 87"], "LO", "CT 胸部 (造影)")
    add_encoded("japanese LT CR LF", ["", "ISO 2022 IR 87"], "LT", "胸部X線写真\r\n異常なし")
    add_encoded("japanese PN ASCII only", ["", "ISO 2022 IR 87"], "PN", "Doe^John")
    add_encoded("japanese empty value", ["", "ISO 2022 IR 87"], "PN", "")
    # pydicom's own multi-set vector (test_japanese_multi_byte_encoding)
    add_case("japanese mixed sets (pydicom test vector)", ["ISO 2022 IR 13", "ISO 2022 IR 87", "ISO 2022 IR 159"], "LO",
             b'\x1b$B$"\x1b(Ja\x1b)I\xb1\x1b$B%"\x1b$(DmN\x1b(J')
    add_case("japanese ISO 2022 IR 159 without its escape (pydicom test)", ["ISO 2022 IR 159"], "PN",
             b"\x1b$(D\xc4\xe9\xef\xed\xf5\xf3\xe9\xef\xf2")

    # --- Korean
    add_encoded("korean PN", ["", "ISO 2022 IR 149"], "PN", "Hong^Gildong=洪^吉洞=홍^길동")
    add_encoded("korean LO multi-valued", ["", "ISO 2022 IR 149"], "LO", "흉부 촬영\\정상 소견")
    add_encoded("korean LO euro sign (KS X 1001:1998)", ["", "ISO 2022 IR 149"], "LO", "가격 €")
    add_case("korean EUC-KR without escapes (value 1 IR 149)", ["ISO 2022 IR 149"], "PN", b"\xb1\xe8\xc8\xf1\xc1\xdf")

    # --- Chinese
    add_case("chinese GB18030 PN (PS3.5 J.2)", ["GB18030"], "PN", b"Wang^XiaoDong=\xcd\xf5^\xd0\xa1\xb6\xab=")
    add_encoded("chinese GB18030 PN", ["GB18030"], "PN", "Zhang^San=张^三")
    add_encoded("chinese GB18030 LO multi-valued", ["GB18030"], "LO", "胸部正位片\\未见异常")
    add_encoded("chinese GB18030 four-byte", ["GB18030"], "LO", "𠀀 € ㄅ")
    add_encoded("chinese GBK PN", ["GBK"], "PN", "Li^Xiaolong=李^小龙")
    add_encoded("chinese GBK LO", ["GBK"], "LO", "胸部X线检查\\正常")
    add_case("chinese GB 2312 without escapes (value 1 IR 58)", ["ISO 2022 IR 58"], "PN", b"\xd5\xc5^\xc8\xfd")
    ir58_reason = (
        "PS3.5 6.1.2.5.1/Annex K: ESC $ ) A designates GB 2312 to G1 and is not text. pydicom 2.3.1 lists "
        "'iso_ir_58' among the encodings whose escape sequences Python's codec strips, but Python's gb2312 "
        "codec is EUC-CN and keeps them, so pydicom returns ESC, '$', ')' and 'A' in the text."
    )
    add_case("chinese ISO 2022 IR 58 PN (PS3.5 K.2)", ["", "ISO 2022 IR 58"], "PN",
             b"Zhang^XiaoDong=\x1b$)A\xd5\xc5^\x1b$)A\xd0\xa1\xb6\xab=",
             correct="Zhang^XiaoDong=张^小东=", reason=ir58_reason)
    add_case("chinese ISO 2022 IR 58 LO", ["", "ISO 2022 IR 58"], "LO",
             b"\x1b$)A\xd0\xd8\xb2\xbf\\\x1b$)A\xd5\xfd\xb3\xa3",
             correct="胸部\\正常", reason=ir58_reason)
    gb_reason = (
        "GB 18030-2005 moved U+1E3F to 0xA8BC (formerly U+E7C7, private use) and U+E7C7 to 0x8135F437; "
        "Python's gb18030 codec, and so pydicom, still implements GB 18030-2000."
    )
    add_case("chinese GB18030 0xA8BC (2005 mapping)", ["GB18030"], "LO", b"\xa8\xbc", correct="\u1e3f", reason=gb_reason)
    add_case("chinese GB18030 0x8135F437 (2005 mapping)", ["GB18030"], "LO", b"\x81\x35\xf4\x37", correct="\ue7c7",
             reason=gb_reason)

    # --- delimiter bytes inside two-byte JIS X 0208 characters (pydicom splits the raw bytes first)
    add_encoded("japanese PN with 0x5C inside 本 (Yamamoto)", ["", "ISO 2022 IR 87"], "PN",
                "Yamamoto^Tarou=山本^太郎=やまもと^たろう",
                correct="Yamamoto^Tarou=山本^太郎=やまもと^たろう", reason=JIS_DELIMITER_REASON.format(chars="本 (0x4B 0x5C)"))
    add_encoded("japanese PN with 0x3D inside 十 and 純", ["", "ISO 2022 IR 87"], "PN", "Sogo^Jun=十河^純=そごう^じゅん",
                correct="Sogo^Jun=十河^純=そごう^じゅん", reason=JIS_DELIMITER_REASON.format(chars="十 (0x3D 0x3D) and 純 (0x3D 0x63)"))
    add_encoded("japanese LO with 0x5C inside 宮", ["", "ISO 2022 IR 87"], "LO", "宮崎医院\\内科",
                correct="宮崎医院\\内科", reason=JIS_DELIMITER_REASON.format(chars="宮 (0x35 0x5C)"))

    # --- G1 designations survive ESC ( B, which only designates G0
    g1_reason = (
        "ISO 2022 / PS3.5 6.1.2.5.1: ESC ( B designates ISO-IR 6 to G0 only; the G1 set in effect (here the one "
        "of value 1) still applies to bytes 0xA0-0xFF after it. pydicom decodes everything after ESC ( B as "
        "Latin-1."
    )
    add_case("katakana after ESC ( B (G1 unchanged)", ["ISO 2022 IR 13", "ISO 2022 IR 87"], "LO",
             b"\x1b$B;3ED\x1b(B\xd4\xcf\xc0\xde", correct="山田ﾔﾏﾀﾞ", reason=g1_reason)
    add_case("greek after ESC ( B (G1 unchanged)", ["ISO 2022 IR 126", "ISO 2022 IR 87"], "LO",
             b"\xc4\xe9\xef\x1b$B;3ED\x1b(B\xed\xf5", correct="Διο山田νυ", reason=g1_reason)

    # --- malformed data and pydicom's fallbacks
    latin1_name = "Buc^J\xe9r\xf4me".encode("latin-1")
    add_case("unknown term falls back to default", ["ISO_IR 999"], "PN", latin1_name)
    add_case("unknown second term", ["ISO 2022 IR 100", "ISO 2022 IR 146"], "PN", latin1_name)
    add_case("misspelled term ISO IR 100", ["ISO IR 100"], "PN", latin1_name)
    add_case("misspelled term ISO IR 192", ["ISO IR 192"], "PN", "Nguyễn^Văn".encode("utf-8"))
    add_case("misspelled term ISO_2022_IR_87", ["", "ISO_2022_IR_87"], "PN", b"\x1b$B;3ED\x1b(B^\x1b$BB@O:\x1b(B")
    add_case("python codec name UTF-8", ["UTF-8"], "LO", "Thành".encode("utf-8"))
    add_case("python codec name latin1", ["latin1"], "LO", latin1_name)
    add_case("default repertoire with Latin-1 bytes", ["ISO_IR 6"], "PN", latin1_name)
    add_case("empty first value with Latin-1 bytes", [""], "PN", latin1_name)
    add_case("no character set with Latin-1 bytes", [], "PN", latin1_name)
    add_case("Latin-1 bytes outside escapes with IR 87", ["", "ISO 2022 IR 87"], "PN",
             latin1_name + b"=\x1b$B;3ED\x1b(B")
    add_case("invalid utf-8", ["ISO_IR 192"], "PN", b"Nguy\xe1\xbb\x85n^V\xc4\x83n \xff\xfe Th\xc3")
    add_case("invalid utf-8 truncated sequences", ["ISO_IR 192"], "LO", b"a\xe0\x80b\xf0\x9f\x98c\xed\xa0\x80d\xc0\xafe")
    add_case("GB18030 bytes declared as utf-8", ["ISO_IR 192"], "LO", "胸部".encode("gb18030"))
    add_case("arabic undefined byte", ["ISO_IR 127"], "LO", b"\xa1\xc8\xc7")
    add_case("thai undefined bytes", ["ISO_IR 166"], "LO", b"\xa1\xfc\xdb\xa0")
    add_case("utf-8 with code extensions ignored", ["ISO_IR 192", "ISO 2022 IR 87"], "PN", "Nguyễn^Văn".encode("utf-8"))
    add_case("utf-8 as code extension ignored", ["", "ISO_IR 192"], "PN", b"Yamada^Tarou")
    add_case("GB18030 as code extension ignored", ["ISO 2022 IR 100", "GB18030"], "PN", latin1_name)
    add_case("unknown escape sequence", ["", "ISO 2022 IR 87"], "LO", b"abc\x1b(Zdef")
    add_case("truncated escape sequence", ["", "ISO 2022 IR 87"], "LO", b"abc\x1b$")
    add_case("korean odd byte count (pydicom replacement)", ["ISO 2022 IR 149"], "LO", b"\xb1\xe8\xc8")
    undeclared_reason = (
        "The escape sequence designates a set that (0008,0005) does not list, which PS3.3 C.12.1.1.2 forbids; "
        "no result is mandated. An escape sequence is a control function, never text, and it names its set "
        "unambiguously, so this project honours it (with a warning) instead of decoding the escape bytes as "
        "text and the following bytes with value 1, as pydicom does."
    )
    add_case("escape for an undeclared set (pydicom test vector)", ["ISO_IR 100"], "PN",
             b"\x1b\x2d\x46\xc4\xe9\xef\xed\xf5\xf3\xe9\xef\xf2", correct="Διονυσιος", reason=undeclared_reason)
    add_case("JIS escapes without (0008,0005)", [""], "PN", b"Yamada^Tarou=\x1b$B;3ED\x1b(B^\x1b$BB@O:\x1b(B",
             correct="Yamada^Tarou=山田^太郎", reason=undeclared_reason)
    add_case("stray escape in UTF-8", ["ISO_IR 192"], "LO", "Café \x1b(Bé".encode("utf-8"),
             correct="Café \x1b(Bé",
             reason="PS3.3 C.12.1.1.2: ISO_IR 192 does not use code extensions, so ESC is an ordinary (if "
                    "invalid) character and the UTF-8 bytes after it are still UTF-8; pydicom applies ESC ( B and "
                    "decodes them as Latin-1.")


def table_cases():
    """(c) Every byte of the single-byte sets, and every code point of the double-byte sets that pydicom decodes."""
    every_byte = bytes(range(256))
    for term in ["ISO_IR 6", "ISO_IR 100", "ISO_IR 101", "ISO_IR 109", "ISO_IR 110", "ISO_IR 126", "ISO_IR 127",
                 "ISO_IR 138", "ISO_IR 144", "ISO_IR 148", "ISO_IR 166"]:
        add_case(f"every byte {term}", [term], "LT", every_byte)
    # Shift_JIS lead bytes would pair up with their neighbours; they are covered by the Shift_JIS table below
    add_case("every non-lead byte ISO_IR 13", ["ISO_IR 13"], "LT",
             bytes(b for b in every_byte if not (0x81 <= b <= 0x9F or 0xE0 <= b <= 0xFC)))

    def pairs(decode):
        out = bytearray()
        for b1 in range(0x21, 0x7F):
            for b2 in range(0x21, 0x7F):
                try:
                    decode(bytes([b1, b2]))
                except UnicodeDecodeError:
                    continue
                out += bytes([b1, b2])
        return bytes(out)

    jis0208 = pairs(lambda p: (b"\x1b$B" + p).decode("iso2022_jp"))
    add_case("every JIS X 0208 character (ISO 2022 IR 87)", ["", "ISO 2022 IR 87"], "LT", b"\x1b$B" + jis0208 + b"\x1b(B")
    jis0212 = pairs(lambda p: (b"\x1b$(D" + p).decode("iso2022_jp_2"))
    add_case("every JIS X 0212 character (ISO 2022 IR 159)", ["", "ISO 2022 IR 159"], "LT",
             b"\x1b$(D" + jis0212 + b"\x1b(B")
    ksx1001 = bytes(b | 0x80 for b in pairs(lambda p: bytes(b | 0x80 for b in p).decode("euc_kr")))
    add_case("every KS X 1001 character (ISO 2022 IR 149)", ["", "ISO 2022 IR 149"], "LT", b"\x1b$)C" + ksx1001)
    # pydicom keeps ESC $ ) A in the text (see the IR 58 cases), so the table is given as value 1 without escapes
    gb2312 = bytes(b | 0x80 for b in pairs(lambda p: bytes(b | 0x80 for b in p).decode("gb2312")))
    add_case("every GB 2312 character (ISO 2022 IR 58 as value 1)", ["ISO 2022 IR 58"], "LT", gb2312)
    sjis = bytearray()
    for lead in list(range(0x81, 0xA0)) + list(range(0xE0, 0xFD)):
        for trail in range(0x40, 0xFD):
            try:
                bytes([lead, trail]).decode("shift_jis")
            except UnicodeDecodeError:
                continue
            sjis += bytes([lead, trail])
    add_case("every Shift_JIS double-byte character (ISO_IR 13, as pydicom accepts)", ["ISO_IR 13"], "LT", bytes(sjis))


def main():
    os.chdir(REPO_ROOT)
    if pydicom.__version__ != EXPECTED_PYDICOM:
        print(f"warning: pydicom {pydicom.__version__}, the cases were made with {EXPECTED_PYDICOM}", file=sys.stderr)
    file_cases()
    encoded_cases()
    table_cases()
    os.makedirs(os.path.dirname(OUTPUT), exist_ok=True)
    with open(OUTPUT, "w", encoding="utf-8", newline="\n") as f:
        f.write("[\n")
        f.write(",\n".join(json.dumps(c, ensure_ascii=False, sort_keys=False) for c in cases))
        f.write("\n]\n")
    corrected = [c["name"] for c in cases if "pydicomGot" in c]
    print(f"{OUTPUT}: {len(cases)} cases ({len(corrected)} where pydicom is judged wrong)")
    for name in corrected:
        print(f"  corrected: {name}")


if __name__ == "__main__":
    main()
