// The label chart: well-formed XML (checked by a small scanner below), every label escaped, bars, values, options.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { synthesizeRelease } from '../synth/synthetic-release.js';
import { escapeMarkup } from './escape-markup.js';
import { chartDataFromTable2, labelChartSvg, type LabelChartData } from './label-chart-svg.js';
import { table2 } from './table2.js';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

/** Decodes entities, throwing on an unknown or unterminated one. */
function decode(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    if (text[i] !== '&') {
      out += text[i];
      continue;
    }
    const end = text.indexOf(';', i);
    if (end < 0) throw new Error(`unterminated entity at ${i}`);
    const name = text.slice(i + 1, end);
    const code = name.startsWith('#x') ? parseInt(name.slice(2), 16) : name.startsWith('#') ? parseInt(name.slice(1), 10) : undefined;
    const value = code === undefined ? ENTITIES[name] : Number.isNaN(code) ? undefined : String.fromCodePoint(code);
    if (value === undefined) throw new Error(`bad entity &${name};`);
    out += value;
    i = end;
  }
  return out;
}

/** A small XML well-formedness check: one root, balanced and properly nested tags, quoted unique
 * attributes, valid entities, no stray '<'. Returns the root name and the decoded text nodes. */
function checkXml(xml: string): { root: string; texts: string[]; attributes: Array<Record<string, string>> } {
  const stack: string[] = [];
  const texts: string[] = [];
  const attributes: Array<Record<string, string>> = [];
  let root = '';
  let i = 0;
  const isNameChar = (c: string | undefined): boolean => c !== undefined && c > ' ' && !'<>/="\'&'.includes(c);
  while (i < xml.length) {
    if (xml[i] !== '<') {
      const end = xml.indexOf('<', i) < 0 ? xml.length : xml.indexOf('<', i);
      const text = xml.slice(i, end);
      if (stack.length === 0 && text.trim() !== '') throw new Error(`text outside the root at ${i}`);
      if (text.trim() !== '') texts.push(decode(text));
      i = end;
      continue;
    }
    if (xml.startsWith('</', i)) {
      const end = xml.indexOf('>', i);
      const name = xml.slice(i + 2, end).trim();
      if (stack.pop() !== name) throw new Error(`unbalanced </${name}> at ${i}`);
      i = end + 1;
      continue;
    }
    let j = i + 1;
    while (isNameChar(xml[j])) j++;
    const name = xml.slice(i + 1, j);
    if (name === '') throw new Error(`stray '<' at ${i}`);
    if (stack.length === 0 && root !== '') throw new Error(`second root <${name}> at ${i}`);
    if (root === '') root = name;
    const attrs: Record<string, string> = {};
    for (;;) {
      while (xml[j] === ' ' || xml[j] === '\n' || xml[j] === '\t') j++;
      if (xml.startsWith('/>', j) || xml[j] === '>') break;
      const start = j;
      while (isNameChar(xml[j])) j++;
      const attr = xml.slice(start, j);
      if (attr === '' || xml[j] !== '=' || (xml[j + 1] !== '"' && xml[j + 1] !== "'")) throw new Error(`bad attribute in <${name}> at ${start}`);
      const quote = xml[j + 1]!;
      const close = xml.indexOf(quote, j + 2);
      const value = xml.slice(j + 2, close);
      if (close < 0 || value.includes('<')) throw new Error(`bad attribute value in <${name}> at ${start}`);
      if (attr in attrs) throw new Error(`duplicate attribute ${attr} in <${name}>`);
      attrs[attr] = decode(value);
      j = close + 1;
    }
    attributes.push(attrs);
    if (xml[j] === '>') stack.push(name);
    i = j + (xml[j] === '>' ? 1 : 2);
  }
  if (stack.length > 0 || root === '') throw new Error(`unclosed <${stack.join('><')}>`);
  return { root, texts, attributes };
}

const NASTY: LabelChartData = {
  labels: ['Nodule/Mass', 'A & B', '<script>alert("x")</script>', "O'Brien's sign", 'Zero'],
  series: [{ name: 'Train <1>', values: { 'Nodule/Mass': 826, 'A & B': 12, '<script>alert("x")</script>': 1, "O'Brien's sign": 15000 } }, { name: 'Test & co', values: { 'Nodule/Mass': 178 } }],
};

describe('labelChartSvg', () => {
  it('is well-formed and holds every label and series name, escaped', () => {
    for (const log of [false, true]) {
      const svg = labelChartSvg(NASTY, { log, title: 'Title "quoted" & <b>' });
      const { root, texts } = checkXml(svg);
      assert.equal(root, 'svg');
      for (const name of [...NASTY.labels, 'Train <1>', 'Test & co', 'Title "quoted" & <b>']) assert.ok(texts.includes(name), name);
      assert.ok(svg.includes('&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;') && svg.includes('A &amp; B') && svg.includes('O&#39;Brien&#39;s sign'));
      assert.ok(!svg.includes('<script'));
    }
  });

  it('draws one bar and one value per label and series, with counts formatted', () => {
    const { texts, attributes } = checkXml(labelChartSvg(NASTY, { log: true }));
    const bars = attributes.filter((a) => a.fill !== undefined && a.height !== undefined && a.x !== undefined && a.width !== undefined && Number(a.height) < 20);
    assert.equal(bars.length, NASTY.labels.length * 2 + 2, 'a bar per label and series, and two legend swatches');
    for (const value of ['826', '178', '12', '1', '15,000', '0']) assert.ok(texts.includes(value), value);
    const zero = bars.filter((a) => a.width === '0.0');
    assert.equal(zero.length, 1 + 4, "Zero's training bar and four missing test values (a count of 1 shows on a log axis)");
  });

  it('is 900 px wide by default, standalone with xmlns unless asked not to be', () => {
    const { attributes } = checkXml(labelChartSvg(NASTY));
    assert.equal(attributes[0]!.width, '900');
    assert.equal(attributes[0]!.xmlns, 'http://www.w3.org/2000/svg');
    assert.equal(checkXml(labelChartSvg(NASTY, { xmlns: false, width: 1200 })).attributes[0]!.xmlns, undefined);
    assert.equal(checkXml(labelChartSvg(NASTY, { width: 1200 })).attributes[0]!.width, '1200');
  });

  it('labels the axis for a log scale and sorts by the first series when asked', () => {
    const svg = labelChartSvg(NASTY, { log: true, sort: true });
    assert.ok(checkXml(svg).texts.includes('Images (log scale)'));
    const order = NASTY.labels.map((l) => svg.indexOf(`>${escapeMarkup(l)}</text>`));
    assert.deepEqual([...order].sort((a, b) => a - b), [order[3], order[0], order[1], order[2], order[4]]);
  });

  it('charts every label of a Table 2 with both splits', () => {
    const release = synthesizeRelease({ seed: 5, trainImages: 300, testImages: 60 });
    const data = chartDataFromTable2(table2({ train: release.train.imageLabels, test: release.test.imageLabels }));
    assert.equal(data.labels.length, 28);
    assert.deepEqual(data.series.map((s) => s.name), ['Training set', 'Test set']);
    assert.deepEqual(data.series[0]!.values, release.truth.train);
    const { texts } = checkXml(labelChartSvg(data));
    for (const label of data.labels) assert.ok(texts.includes(label), label);
  });

  it('rejects malformed XML (the checker itself)', () => {
    for (const bad of ['<a><b></a></b>', '<a>x & y</a>', '<a b=1/>', '<a/><b/>', '<a>', '<a b="1" b="2"/>', '<a>&bogus;</a>']) assert.throws(() => checkXml(bad), bad);
    assert.deepEqual(checkXml('<a b="&lt;"><c/>t&amp;</a>').texts, ['t&']);
  });
});
