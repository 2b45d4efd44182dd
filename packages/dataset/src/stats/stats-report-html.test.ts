// The HTML report: Table 2 as a table, the chart inline, escaped text, no external references.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { synthesizeRelease } from '../synth/synthetic-release.js';
import { VINDR_CXR_SCHEMA } from '../schema/vindr-cxr.js';
import { statsReportHtml } from './stats-report-html.js';
import { table2 } from './table2.js';

const count = (text: string, part: string): number => text.split(part).length - 1;

describe('statsReportHtml', () => {
  const release = synthesizeRelease({ seed: 3, trainImages: 600, testImages: 120 });
  const facts = [...release.sizes].map(([imageId, s], i) => ({ imageId, rows: s.height, columns: s.width, age: 30 + (i % 40), sex: i % 3 === 0 ? 'F' : 'M', bytes: 5_000_000 + i }));
  const table = table2({ train: release.train.imageLabels, test: release.test.imageLabels }, { facts, consensusReaders: 5 });
  const html = statsReportHtml(table, { title: 'VinDr <synthetic> & "friends"', description: 'Seed 3 & more <b>' });

  it('holds the table with every figure and label, and the chart inline', () => {
    assert.ok(html.startsWith('<!DOCTYPE html>'));
    assert.equal(count(html, '<table>'), 1);
    assert.equal(count(html, '</table>'), 1);
    assert.equal(count(html, '<tr'), count(html, '</tr>'));
    assert.equal(count(html, '<svg '), 1);
    assert.equal(count(html, '</svg>'), 1);
    for (const label of VINDR_CXR_SCHEMA.labels) assert.ok(html.includes(`<td>${label.name}</td>`), label.name);
    const nf = table.train.labels['No finding']!;
    assert.ok(html.includes(`${nf.count.toLocaleString('en-US')} (${nf.percent.toFixed(2)}%)`));
    for (const figure of ['Images', 'Readers per image', 'Median image size', 'Median age', 'Sex: male', 'Data size', '600', '120']) assert.ok(html.includes(figure), figure);
    assert.ok(html.includes('<td>5</td>'), 'the consensus readers of the test set');
  });

  it('escapes the title and description', () => {
    assert.ok(html.includes('<title>VinDr &lt;synthetic&gt; &amp; &quot;friends&quot;</title>'));
    assert.ok(html.includes('<p>Seed 3 &amp; more &lt;b&gt;</p>'));
    assert.ok(!html.includes('<b>'));
  });

  it('references nothing outside itself', () => {
    const lower = html.toLowerCase();
    for (const part of ['http:', 'https:', 'src=', 'href=', '@import', 'url(', '<link', '<script']) assert.ok(!lower.includes(part), part);
  });

  it('shows dashes for figures one split lacks, and leaves out those both lack', () => {
    const trainIds = new Set(release.train.imageLabels.map((r) => r.imageId));
    const trainOnly = table2({ train: release.train.imageLabels, test: release.test.imageLabels }, { facts: facts.filter((f) => trainIds.has(f.imageId)) });
    assert.ok(statsReportHtml(trainOnly).includes('<td>Median age (years)</td><td>49.5</td><td>\u2013</td>'));
    const bare = statsReportHtml(table2({ train: release.train.imageLabels, test: [] }));
    assert.ok(!bare.includes('Median age') && !bare.includes('Data size') && bare.includes('<td>Readers per image</td><td>3</td><td>0</td>'));
  });
});
