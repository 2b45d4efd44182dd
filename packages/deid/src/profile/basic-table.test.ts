import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { repositoryRoot } from '../internal/test-assets.js';
import { DEID_RULES, MASKED_DEID_RULES } from './basic-table.generated.js';
import { basicRule } from './basic-rule.js';

const repo = repositoryRoot();
const sourcePath = resolve(repo, '..', 'shared', 'dicom-standard', 'confidentiality_profile_attributes.json');

describe('basic profile table', () => {
  it('the committed generated module is what the generator makes from the standard', async () => {
    const generator = (await import(pathToFileURL(resolve(repo, 'scripts', 'generate-deid-table.mjs')).href)) as {
      generateDeidTable(rows: unknown[]): string;
    };
    const expected = generator.generateDeidTable(JSON.parse(readFileSync(sourcePath, 'utf8')) as unknown[]);
    const committed = readFileSync(resolve(repo, 'packages', 'deid', 'src', 'profile', 'basic-table.generated.ts'), 'utf8');
    assert.ok(committed === expected, 'basic-table.generated.ts is stale: run npm run gen:deid-table');
  });

  it('holds every row of Table E.1-1 but the private attributes row', () => {
    const rows = JSON.parse(readFileSync(sourcePath, 'utf8')) as unknown[];
    assert.equal(DEID_RULES.length + MASKED_DEID_RULES.length, rows.length - 1);
  });

  it('decodes a row with its options', () => {
    assert.deepEqual(basicRule(0x00080020), { basic: 'Z', inStandardIod: true, options: { rtnLongFullDatesOpt: 'K', rtnLongModifDatesOpt: 'C' } });
    assert.deepEqual(basicRule(0x00102110)?.options, { cleanDescOpt: 'C', rtnPatCharsOpt: 'C' });
    assert.equal(basicRule(0x00280010), undefined);
  });

  it('matches repeating groups through masks: (50XX,XXXX), (60XX,3000), (60XX,4000)', () => {
    assert.deepEqual(MASKED_DEID_RULES.map(([mask, value]) => [mask, value]), [
      [0xff000000, 0x50000000], [0xff00ffff, 0x60003000], [0xff00ffff, 0x60004000],
    ]);
    for (const tag of [0x50000000, 0x50000010, 0x501e3000, 0x60003000, 0x601e3000, 0x60024000]) assert.equal(basicRule(tag)?.basic, 'X', tag.toString(16));
    for (const tag of [0x60000010, 0x60003001, 0x51003000, 0x60104001]) assert.equal(basicRule(tag), undefined, tag.toString(16));
    assert.equal(basicRule(0x60003000)?.inStandardIod, true);
    assert.equal(basicRule(0x60004000)?.inStandardIod, false);
  });
});
