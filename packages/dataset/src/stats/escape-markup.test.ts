// Escaping for SVG/HTML and count formatting.
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { escapeMarkup, formatCount } from './escape-markup.js';

describe('escapeMarkup', () => {
  it('replaces the five markup characters and keeps the rest, astral characters included', () => {
    assert.equal(escapeMarkup(`a<b>&"c"'d' Nodule/Mass \u00e9 \u{1f600}`), 'a&lt;b&gt;&amp;&quot;c&quot;&#39;d&#39; Nodule/Mass \u00e9 \u{1f600}');
    assert.equal(escapeMarkup('&amp;'), '&amp;amp;');
  });
});

describe('formatCount', () => {
  it('groups thousands without a locale', () => {
    assert.deepEqual([0, 7, 999, 1000, 15000, 1234567, -4500, 2.5].map(formatCount), ['0', '7', '999', '1,000', '15,000', '1,234,567', '-4,500', '2.5']);
  });
});
