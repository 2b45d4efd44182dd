import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { bodyPartWords, isChestBodyPart } from './body-part.js';
import { isLateralViewCode, isLateralViewPosition, lateralHint } from './view-position.js';

describe('isChestBodyPart', () => {
  it('knows the defined term and the common spellings', () => {
    for (const v of ['CHEST', 'chest', 'THORAX', 'Thorax/Lungs', 'CHEST PA', 'LUNG', 'TORAX', 'Brustkorb', 'Lồng ngực', 'NGỰC', 'PHỔI', 'C-Spine and CHEST']) assert.ok(isChestBodyPart(v), v);
  });
  it('rejects other body parts, and words that only contain a chest word', () => {
    for (const v of ['HIP', 'EXTREMITY', 'ABDOMEN', 'SKULL', 'HAND', 'CHESTNUT', 'WHOLE BODY', 'SHOULDER']) assert.equal(isChestBodyPart(v), false, v);
  });
  it("takes a site's own words", () => {
    assert.equal(isChestBodyPart('TX'), false);
    assert.ok(isChestBodyPart('TX', ['tx']));
  });
  it('splits into plain upper-case words', () => {
    assert.deepEqual(bodyPartWords('Lồng ngực / Đầu'), ['LONG', 'NGUC', 'DAU']);
  });
});

describe('lateral views', () => {
  it('reads View Position and View Code meanings', () => {
    for (const v of ['LL', 'RL', 'LAT', 'LATERAL', ' lat ']) assert.ok(isLateralViewPosition(v), v);
    for (const v of ['PA', 'AP', 'AP SUPINE', '']) assert.equal(isLateralViewPosition(v), false, v);
    assert.ok(isLateralViewCode('left lateral'));
    assert.equal(isLateralViewCode('postero-anterior'), false);
  });
  it('finds lateral words in descriptions, not inside other words', () => {
    assert.equal(lateralHint('CHEST LAT'), 'LAT');
    assert.equal(lateralHint('Thorax lateral'), 'LATERAL');
    assert.equal(lateralHint('XR CHEST PA AND LATERAL'), undefined, 'a frontal word too: may be the PA image');
    assert.equal(lateralHint('BILATERAL HIPS'), undefined);
    assert.equal(lateralHint('CHEST PA'), undefined);
  });
});
