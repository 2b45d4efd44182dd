import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { testAsset } from '../internal/test-assets.js';
import { CHARACTER_SETS, resolveCharacterSets } from './character-sets.js';
import { decodeText, decodeTextWithWarnings, encodeText } from './decode-text.js';
import { decodeIso2022 } from './iso2022-decoder.js';
import { randomGenerator } from '../internal/random.js';

interface PydicomCase {
  name: string;
  characterSets: string[];
  vr: string;
  bytesHex: string;
  expected: string;
  pydicomWarnings: string[];
  pydicomGot?: string;
  reason?: string;
}

const cases: PydicomCase[] = JSON.parse(readFileSync(testAsset('charset', 'pydicom-cases.json'), 'utf8'));

function hex(h: string): Uint8Array {
  return Uint8Array.from(Buffer.from(h, 'hex'));
}

function bytesOf(binary: string): Uint8Array {
  return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

function findCase(name: string): PydicomCase {
  const c = cases.find((x) => x.name === name);
  assert.ok(c, `no case named ${name}`);
  return c;
}


describe('pydicom reference cases (test-assets/charset/pydicom-cases.json)', () => {
  it('has the cases', () => {
    assert.ok(cases.length >= 150, `only ${cases.length} cases`);
  });

  for (const c of cases) {
    it(c.name, () => {
      const bytes = hex(c.bytesHex);
      const isPersonName = c.vr === 'PN';
      assert.equal(decodeText(bytes, c.characterSets, isPersonName), c.expected, c.reason);
      const { text, warnings } = decodeTextWithWarnings(bytes, c.characterSets, isPersonName);
      assert.equal(text, c.expected);
      if (c.pydicomGot === undefined) {
        // pydicom warned -> so do we; pydicom was silent -> so are we, except for the Python codec names
        // it accepts silently as terms
        const nonDicomTerm = c.characterSets.some((t) => !CHARACTER_SETS.has(t));
        if (c.pydicomWarnings.length > 0) {
          assert.ok(warnings.length > 0, `no warning; pydicom: ${c.pydicomWarnings.join('; ')}`);
        }
        else if (!nonDicomTerm) assert.deepEqual(warnings, []);
      } else {
        assert.notEqual(c.pydicomGot, c.expected);
      }
    });
  }
});

describe('decodeText', () => {
  it('decodes subarray views at any offset', () => {
    const c = findCase('chrH31.dcm (0010,0010) PN');
    const inner = hex(c.bytesHex);
    const outer = new Uint8Array(inner.length + 7);
    outer.set(inner, 3);
    assert.equal(decodeText(outer.subarray(3, 3 + inner.length), c.characterSets, true), c.expected);
    const latin = bytesOf('xxBuc^J\xe9r\xf4mexx');
    assert.equal(decodeText(latin.subarray(2, 12), ['ISO_IR 100'], true), 'Buc^Jérôme');
  });

  it('returns the warnings instead of logging them', () => {
    const { text, warnings } = decodeTextWithWarnings(bytesOf('abc'), ['ISO_IR 999'], false);
    assert.equal(text, 'abc');
    assert.deepEqual(warnings, ["Unknown encoding 'ISO_IR 999' - using default encoding instead"]);
  });

  it('keeps delimiters inside JIS X 0208 characters and resets on them in single-byte mode', () => {
    // 本 = 0x4B 0x5C: not a value delimiter while ESC $ B is in effect
    const jis = bytesOf('\x1b$B;3K\\\x1b(B\\\x1b$B;3ED\x1b(B');
    assert.equal(decodeText(jis, ['', 'ISO 2022 IR 87'], false), '山本\\山田');
    // Greek in G1 is reset by '\' (value 1: default repertoire -> Latin-1 for bytes above 0x7F, like pydicom)
    const greek = bytesOf('\x1b-F\xc4\xe9\\\xc4\xe9');
    assert.equal(decodeText(greek, ['', 'ISO 2022 IR 126'], false), 'Δι\\Äé');
    // '^' resets only in person names
    const pn = bytesOf('\x1b-F\xc4\xe9^\xc4\xe9');
    assert.equal(decodeText(pn, ['', 'ISO 2022 IR 126'], true), 'Δι^Äé');
    assert.equal(decodeText(pn, ['', 'ISO 2022 IR 126'], false), 'Δι^Δι');
    // CR LF reset whatever the VR
    const lt = bytesOf('\x1b$)C\xb1\xe8\r\n\xb1\xe8');
    assert.equal(decodeText(lt, ['', 'ISO 2022 IR 149'], false), '김\r\n±è');
  });

  it('honours ESC $ @ (JIS C 6226-1978) as JIS X 0208, with a warning', () => {
    const { text, warnings } = decodeTextWithWarnings(bytesOf('\x1b$@;3ED\x1b(B'), ['', 'ISO 2022 IR 87'], true);
    assert.equal(text, '山田');
    assert.equal(warnings.length, 1);
  });

  it('replaces incomplete two-byte characters and never throws on random input', () => {
    assert.equal(decodeText(bytesOf('\x1b$B;3E'), ['', 'ISO 2022 IR 87'], false), '山\ufffd');
    const terms = [...CHARACTER_SETS.keys(), 'ISO_IR 999', 'utf-8', 'ISO IR 100'];
    const next = randomGenerator(1);
    for (let n = 0; n < 3000; n++) {
      const length = Math.floor(next() * 24);
      // bias towards ESC and the bytes of escape sequences and delimiters
      const alphabet = [0x1b, 0x24, 0x28, 0x29, 0x2d, 0x42, 0x41, 0x43, 0x44, 0x49, 0x4a, 0x5c, 0x5e, 0x3d, 0x0d];
      const bytes = Uint8Array.from({ length }, () =>
        next() < 0.4 ? alphabet[Math.floor(next() * alphabet.length)]! : Math.floor(next() * 256),
      );
      const pick = (): string => terms[Math.floor(next() * terms.length)]!;
      const sets = next() < 0.5 ? [pick()] : [pick(), pick()];
      const { text } = decodeTextWithWarnings(bytes, sets, next() < 0.5);
      assert.equal(typeof text, 'string');
    }
  });
});

describe('fast paths', () => {
  const isoTerms = [...CHARACTER_SETS.values()].filter((t) => t.standalone === undefined).map((t) => t.term);

  it('pure ASCII returns the same as the general ISO 2022 path', () => {
    const next = randomGenerator(2);
    for (const term of isoTerms) {
      for (const sets of [[term], ['', term], [term, 'ISO 2022 IR 87']]) {
        const resolved = resolveCharacterSets(sets);
        for (let n = 0; n < 50; n++) {
          const bytes = Uint8Array.from({ length: Math.floor(next() * 40) }, () => {
            const b = Math.floor(next() * 0x80);
            return b === 0x1b ? 0x5c : b;
          });
          for (const isPersonName of [false, true]) {
            const general = decodeIso2022(bytes, resolved, isPersonName, []);
            assert.equal(decodeText(bytes, sets, isPersonName), general);
          }
        }
      }
    }
    for (const term of ['ISO_IR 192', 'GB18030', 'GBK']) {
      const bytes = bytesOf('Doe^John=\\ \r\n~');
      assert.equal(decodeText(bytes, [term], true), 'Doe^John=\\ \r\n~');
    }
  });

  it('a single character set without ESC returns the same as the general path', () => {
    const next = randomGenerator(3);
    for (const term of isoTerms) {
      const resolved = resolveCharacterSets([term]);
      for (let n = 0; n < 50; n++) {
        const bytes = Uint8Array.from({ length: Math.floor(next() * 40) }, () => {
          const b = Math.floor(next() * 256);
          return b === 0x1b ? 0xa0 : b;
        });
        for (const isPersonName of [false, true]) {
          const general = decodeIso2022(bytes, resolved, isPersonName, []);
          assert.equal(decodeText(bytes, [term], isPersonName), general, term);
        }
      }
    }
  });
});

describe('encodeText', () => {
  /** Every character a single-byte set decodes from a printable byte. */
  function repertoire(term: string): string {
    let text = '';
    for (let b = 0x20; b <= 0xff; b++) {
      if (b >= 0x7f && b < 0xa0) continue; // DEL and C1 controls
      const c = decodeText(Uint8Array.of(b), [term], false);
      if (c !== '\ufffd') text += c;
    }
    return text;
  }

  const singleByte = [100, 101, 109, 110, 126, 127, 138, 144, 148, 166, 13].map((ir) => `ISO_IR ${ir}`);
  for (const term of singleByte) {
    it(`round-trips the whole repertoire of ${term}`, () => {
      const text = repertoire(term);
      assert.ok(text.length > 140, `${term}: ${text.length} characters`);
      for (const isPersonName of [false, true]) {
        const bytes = encodeText(text, [term], isPersonName);
        assert.ok(!bytes.includes(0x1b));
        assert.equal(decodeText(bytes, [term], isPersonName), text);
      }
    });
  }

  const roundTrips: Array<[string, string[], string, boolean]> = [
    ['UTF-8 Vietnamese', ['ISO_IR 192'], 'Nguyễn^Văn Thành=阮^文成', true],
    ['UTF-8 astral, BOM, controls', ['ISO_IR 192'], '\ufeff𠀀😀\x1b\r\n\\x', false],
    ['default repertoire', [], 'Doe^John\\Roe^Jane', true],
    ['Latin-1 PN', ['ISO_IR 100'], 'Buc^Jérôme', true],
    ['Japanese ISO 2022 IR 87', ['', 'ISO 2022 IR 87'], 'Yamada^Tarou=山田^太郎=やまだ^たろう', true],
    [
      'Japanese with 0x5C and 0x3D inside characters',
      ['', 'ISO 2022 IR 87'],
      'Yamamoto^Tarou=山本^太郎\\Sogo^Jun=十河^純',
      true,
    ],
    ['Japanese IR 13 + IR 87', ['ISO 2022 IR 13', 'ISO 2022 IR 87'], 'ｳｪﾙﾁ^ｼﾞｪｰﾑｽﾞ=ウェルチ^ジェームズ=うぇるち^じぇーむず', true],
    ['Japanese IR 87 + IR 159', ['ISO 2022 IR 6', 'ISO 2022 IR 87', 'ISO 2022 IR 159'], 'Mori^Ogai=森^鷗外=もり^おうがい', true],
    ['Japanese LT', ['', 'ISO 2022 IR 87'], '胸部X線写真 (PA)\r\n異常なし。\tOK', false],
    ['Korean', ['', 'ISO 2022 IR 149'], 'Hong^Gildong=洪^吉洞=홍^길동', true],
    ['Chinese ISO 2022 IR 58', ['', 'ISO 2022 IR 58'], 'Zhang^XiaoDong=张^小东', true],
    ['GB18030', ['GB18030'], 'Wang^XiaoDong=王^小东=𠀀ḿ€', true],
    ['GBK', ['GBK'], 'Li^Xiaolong=李^小龙', true],
    [
      'Latin-1, Greek and Cyrillic extensions',
      ['ISO 2022 IR 100', 'ISO 2022 IR 126', 'ISO 2022 IR 144'],
      'Jérôme Διονυσιος Люкceмбypг\\Ωé',
      false,
    ],
  ];
  for (const [name, sets, text, isPersonName] of roundTrips) {
    it(`round-trips: ${name}`, () => {
      assert.equal(decodeText(encodeText(text, sets, isPersonName), sets, isPersonName), text);
    });
  }

  it('writes the PS3.5 example values byte for byte', () => {
    for (const name of [
      'chrH31.dcm (0010,0010) PN',
      'chrH32.dcm (0010,0010) PN',
      'chrI2.dcm (0010,0010) PN',
      'chrX1.dcm (0010,0010) PN',
      'chrX2.dcm (0010,0010) PN',
      'chinese ISO 2022 IR 58 PN (PS3.5 K.2)',
      'japanese PN IR 87 + IR 159',
    ]) {
      const c = findCase(name);
      assert.equal(Buffer.from(encodeText(c.expected, c.characterSets, true)).toString('hex'), c.bytesHex, name);
    }
  });

  it('throws a plain Error for characters the sets cannot represent', () => {
    const cannot: Array<[string, string[]]> = [
      ['é', []],
      ['é', ['ISO_IR 6']],
      ['山', ['ISO_IR 100']],
      ['é', ['', 'ISO 2022 IR 87']],
      ['𠀀', ['GBK']],
      ['\x1b', ['', 'ISO 2022 IR 87']],
      ['\ud800', ['ISO_IR 192']],
      ['€', ['ISO_IR 100']],
    ];
    for (const [text, sets] of cannot) {
      const plainError = (e: unknown): boolean => e instanceof Error && e.constructor === Error;
      assert.throws(() => encodeText(text, sets, false), plainError, `${text} ${sets}`);
    }
  });
});
