import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { buildProjectBody, emptyProjectForm, jsonErrorText, normaliseKey, type ProjectFormState } from './project-form.js';

const form = (over: Partial<ProjectFormState>): ProjectFormState => ({ ...emptyProjectForm(), key: 'VINDR-TEST', name: 'Test split', ...over });

describe('buildProjectBody', () => {
  it('sends only the template for a VinDr-CXR template', () => {
    assert.deepEqual(buildProjectBody(form({ template: 'vindr-test' })), { ok: true, body: { key: 'VINDR-TEST', name: 'Test split', template: 'vindr-test' } });
  });
  it('trims the key and name', () => {
    const r = buildProjectBody(form({ key: ' A1 ', name: '  x ' }));
    assert.deepEqual(r.ok && r.body, { key: 'A1', name: 'x', template: 'vindr-train' });
  });
  it('sends workflow, readers and reviewers for a custom set-up, 0 reviewers when independent', () => {
    const independent = buildProjectBody(form({ template: 'custom', workflow: 'independent', readersPerImage: '2', reviewersPerImage: '4' }));
    assert.deepEqual(independent.ok && independent.body, { key: 'VINDR-TEST', name: 'Test split', workflow: 'independent', readersPerImage: 2, reviewersPerImage: 0 });
    const consensus = buildProjectBody(form({ template: 'custom', workflow: 'consensus', readersPerImage: '5', reviewersPerImage: '3' }));
    assert.deepEqual(consensus.ok && consensus.body, { key: 'VINDR-TEST', name: 'Test split', workflow: 'consensus', readersPerImage: 5, reviewersPerImage: 3 });
  });
  it('names the field of each local problem', () => {
    assert.deepEqual(fieldOf(form({ key: 'lower' })), 'body.key');
    assert.deepEqual(fieldOf(form({ key: '1ABC' })), 'body.key');
    assert.deepEqual(fieldOf(form({ name: ' ' })), 'body.name');
    assert.deepEqual(fieldOf(form({ template: 'custom', readersPerImage: '0' })), 'body.readersPerImage');
    assert.deepEqual(fieldOf(form({ template: 'custom', readersPerImage: '2.5' })), 'body.readersPerImage');
    assert.deepEqual(fieldOf(form({ template: 'custom', workflow: 'consensus', reviewersPerImage: '0' })), 'body.reviewersPerImage');
    assert.deepEqual(fieldOf(form({ schemaJson: '{"name": ' })), 'body.schema');
    assert.deepEqual(fieldOf(form({ schemaJson: '[1,2]' })), 'body.schema');
  });
  it('passes a custom schema through as parsed JSON, and leaves it out when empty', () => {
    const r = buildProjectBody(form({ schemaJson: '{"name":"s","labels":[],"classIds":[]}' }));
    assert.deepEqual(r.ok && r.body.schema, { name: 's', labels: [], classIds: [] });
    const none = buildProjectBody(form({ schemaJson: '   ' }));
    assert.equal(none.ok && 'schema' in none.body, false);
  });
});

function fieldOf(state: ProjectFormState): string | undefined {
  const r = buildProjectBody(state);
  return r.ok ? undefined : r.field;
}

describe('normaliseKey and jsonErrorText', () => {
  it('upper-cases keys and turns spaces into dashes', () => {
    assert.equal(normaliseKey('vindr train'), 'VINDR-TRAIN');
  });
  it('says the line and column of a JSON error', () => {
    const text = '{\n  "a": 1,\n  oops\n}';
    let error: unknown;
    try {
      JSON.parse(text);
    } catch (e) {
      error = e;
    }
    assert.match(jsonErrorText(text, error), /line 3, column 3/);
  });
});
