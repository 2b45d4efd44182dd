// The rules run in the browser too: the compiled module imports nothing from node: and nothing
// outside rules/ but the label schema (which is pure itself).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));

function moduleFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? moduleFiles(join(dir, e.name)) : e.name.endsWith('.js') && !e.name.endsWith('.test.js') ? [join(dir, e.name)] : []);
}

describe('the rules module', () => {
  it('has no node: imports and reaches outside only for the label schema', () => {
    const files = moduleFiles(here);
    assert.ok(files.length > 5);
    const imports = files.flatMap((f) => [...readFileSync(f, 'utf8').matchAll(/(?:from|import)\s*\(?\s*['"]([^'"]+)['"]/g)].map((m) => [f, m[1] ?? '']));
    for (const [file, spec] of imports) {
      assert.ok(!spec?.startsWith('node:') && spec?.startsWith('.'), `${file} imports ${spec}`);
      if (spec?.includes('schema/')) assert.match(spec, /\/schema\/label-schema\.js$/, `${file} imports ${spec}`);
    }
    assert.doesNotMatch(readFileSync(join(here, '../schema/label-schema.js'), 'utf8'), /\b(?:from|import)\s*\(?\s*['"]node:/);
  });
});
