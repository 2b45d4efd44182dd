import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { PROJECT_TABS, tabHref, tabOf } from './project-tabs.js';

describe('project tabs', () => {
  it('knows every tab by id and falls back to the overview', () => {
    for (const t of PROJECT_TABS) assert.equal(tabOf(t.id), t.id);
    assert.equal(tabOf('nonsense'), 'overview');
    assert.equal(tabOf(null), 'overview');
  });
  it('treats import as the images tab', () => {
    assert.equal(tabOf('import'), 'images');
  });
  it('encodes the key in links', () => {
    assert.equal(tabHref('DEMO-TEST', 'rules'), '/admin/projects/DEMO-TEST?tab=rules');
  });
});
