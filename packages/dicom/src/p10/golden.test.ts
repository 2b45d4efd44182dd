// Every shared fixture, read by us, must give the DICOM JSON model pydicom 2.3.1 gives
// (goldens from scripts/goldens/generate_dicom_goldens.py; normalisations in test-assets/goldens/README.md).
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { listFixtures } from '../internal/fixtures.js';
import { testAsset } from '../internal/test-assets.js';
import { normaliseForGolden } from '../internal/golden.js';
import { toDicomJson } from '../json/to-json.js';
import { readDicomFileSync } from './read.js';
import { DicomError } from '../core/errors.js';
import { EXPECTED_ERRORS } from '../internal/golden-exceptions.js';

interface Golden {
  /** partial: pydicom could not convert the `dropped` elements (invalid values) and gave the rest. */
  status: 'ok' | 'error' | 'partial';
  dropped?: string[];
  transferSyntax: string | null;
  fileMeta: Record<string, unknown>;
  dataSet: Record<string, unknown>;
}

describe('DICOM JSON model matches pydicom for every fixture', () => {
  for (const fixture of listFixtures()) {
    it(fixture.name, () => {
      const golden = JSON.parse(readFileSync(testAsset('goldens', `${fixture.name}.json`), 'utf8')) as Golden;
      const expectedError = EXPECTED_ERRORS[fixture.name];
      if (expectedError) {
        assert.throws(() => readDicomFileSync(fixture.path), (e: unknown) => e instanceof DicomError && e.code === expectedError.code);
        return;
      }
      assert.notEqual(golden.status, 'error', `pydicom could not read ${fixture.name} but we expect to`);
      const file = readDicomFileSync(fixture.path);
      const ours = normaliseForGolden(toDicomJson(file.dataSet));
      for (const key of golden.dropped ?? []) {
        // pydicom raised on these values (e.g. IS "1A"); a value that is not a number is null in our JSON.
        assert.deepStrictEqual((ours[key] as { Value?: unknown[] }).Value?.filter((v) => v !== null), [], `${key} should hold only invalid values`);
        delete ours[key];
      }
      const oursMeta = file.fileMeta ? normaliseForGolden(toDicomJson(file.fileMeta)) : {};
      const theirs = golden.dataSet;
      try {
        assert.deepStrictEqual(ours, theirs);
        assert.deepStrictEqual(oursMeta, golden.fileMeta);
        if (golden.transferSyntax) assert.equal(file.transferSyntax.uid, golden.transferSyntax);
      } catch (error) {
        writeFileSync(testAsset('goldens', `${fixture.name}.validation_failure.json`), JSON.stringify({ dataSet: ours, fileMeta: oursMeta }, null, 1));
        throw error;
      }
    });
  }
});
