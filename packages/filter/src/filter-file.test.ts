import { before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Tags, bytesElement, readDicomFileSync, writeDicomFileSync } from '@cxrlab/dicom';
import { sharedFixture } from './internal/test-assets.js';
import { DEFAULT_FILTER_OPTIONS, filterFile } from './filter-file.js';
import { OutlierClassifier } from './model/classifier.js';
import { VINDR_MODEL_CONFIG } from './model/model-config.js';
import { identityModel, linearHeadModel } from './testing/onnx/models.js';
import { writeFilterCorpus, type CorpusFile } from './testing/filter-corpus.js';

const codes = (r: { findings: { code: string }[] }): string[] => r.findings.map((f) => f.code);
let dir: string;
let corpus: CorpusFile[];
const pathOf = (name: string): string => corpus.find((c) => c.name === name)!.path;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), 'cxrlab-filter-file-'));
  corpus = await writeFilterCorpus(join(dir, 'corpus'));
});

describe('filterFile', () => {
  it('gives every corpus file its expected reasons and decision', async () => {
    for (const file of corpus) {
      const result = await filterFile(file.path);
      assert.deepEqual(codes(result), file.expected, file.name);
      assert.equal(result.decision, file.expected.length === 0 ? 'keep' : 'drop', file.name);
      assert.equal(result.score, undefined);
      assert.equal(result.facts?.modality, 'CR');
    }
  });

  it('does not decode an image the header drops, unless allChecks says so', async () => {
    // the knee variant is blank-free; make a blank knee to see whether the pixels were looked at
    const blank = readDicomFileSync(pathOf('blank'));
    blank.dataSet.set(bytesElement(0x00180015, 'CS', new TextEncoder().encode('KNEE')));
    const path = join(dir, 'blank-knee.dcm');
    writeDicomFileSync(path, blank);
    assert.deepEqual(codes(await filterFile(path)), ['BODY_PART_NOT_CHEST']);
    assert.deepEqual(codes(await filterFile(path, { ...DEFAULT_FILTER_OPTIONS, allChecks: true })), ['BODY_PART_NOT_CHEST', 'BLANK_IMAGE']);
  });

  it('reads no pixels with quality false and no classifier', async () => {
    assert.deepEqual(codes(await filterFile(pathOf('blank'), { ...DEFAULT_FILTER_OPTIONS, quality: false })), []);
  });

  it('says UNDECODABLE, with the error, when the header reads but the pixels cannot be decoded', async () => {
    const chest = readDicomFileSync(pathOf('chest'));
    chest.dataSet.set(bytesElement(Tags.Rows, 'US', new Uint8Array([0x00, 0x04]))); // 1024 rows: more than the pixel data holds
    const path = join(dir, 'short-pixels.dcm');
    writeDicomFileSync(path, chest);
    const result = await filterFile(path);
    assert.equal(result.decision, 'drop');
    assert.deepEqual(codes(result), ['UNDECODABLE']);
    assert.match(result.findings[0]!.detail, /pixel|frame|length|short/i);
  });

  it('says UNREADABLE, with the error and without the path, for a file that is not DICOM', async () => {
    const result = await filterFile(sharedFixture('edge', 'README-pydicom-test-files.txt'));
    assert.deepEqual(result, { decision: 'drop', findings: [{ code: 'UNREADABLE', detail: result.findings[0]!.detail }] });
    assert.match(result.findings[0]!.detail, /^not a DICOM file/);
  });

  it('scores with the classifier, and reports a classifier failure as CHECK_FAILED', async () => {
    const constant = await OutlierClassifier.load(linearHeadModel({ channels: 3, height: 224, width: 224, weights: [[0, 0, 0], [0, 0, 0]], bias: [0, -2] }), VINDR_MODEL_CONFIG);
    const kept = await filterFile(pathOf('chest'), DEFAULT_FILTER_OPTIONS, { classifier: constant });
    assert.equal(kept.decision, 'keep');
    assert.ok(Math.abs(kept.score! - 1 / (1 + Math.exp(2))) < 1e-6);
    // quality drops the blank image first: it is not scored
    assert.equal((await filterFile(pathOf('blank'), DEFAULT_FILTER_OPTIONS, { classifier: constant })).score, undefined);
    // an identity model read as probabilities gives the first row's second normalised pixel (the
    // synthetic chest's dark corner: about -2), not a probability
    const broken = await OutlierClassifier.load(identityModel({ channels: 3, height: 224, width: 224 }), { ...VINDR_MODEL_CONFIG, output: 'probabilities' });
    const failed = await filterFile(pathOf('chest'), DEFAULT_FILTER_OPTIONS, { classifier: broken });
    assert.deepEqual(codes(failed), ['CHECK_FAILED']);
    assert.match(failed.findings[0]!.detail, /^classifier: /);
    await Promise.all([constant.release(), broken.release()]);
  });
});
