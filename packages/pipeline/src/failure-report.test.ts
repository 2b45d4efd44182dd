import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FailureReport, failureOf, failuresToCsv, failuresToJsonl } from './failure-report.js';

const truncated = failureOf('/data/b,"odd".dcm', {
  code: 'ERR_INVALID_LENGTH', reason: 'value length 8192 runs past the end of the data', message: '/data/b.dcm: value length 8192 runs past the end of the data (at byte 330, reading (7FE0,0010))',
  offset: 330, tag: 0x7fe00010, file: '/data/b.dcm',
});
const notDicom = failureOf('/data/a.txt', { code: 'ERR_NOT_DICOM', reason: 'not a DICOM file', message: 'not a DICOM file' });

describe('failure report', () => {
  it('CSV: header input,error_code,reason,offset,tag and quoted fields', () => {
    assert.equal(failuresToCsv([truncated, notDicom]), [
      'input,error_code,reason,offset,tag',
      '"/data/b,""odd"".dcm",ERR_INVALID_LENGTH,value length 8192 runs past the end of the data,330,7FE00010',
      '/data/a.txt,ERR_NOT_DICOM,not a DICOM file,,',
      '',
    ].join('\r\n'));
  });

  it('JSONL: one object a line', () => {
    const lines = failuresToJsonl([truncated, notDicom]).split('\n');
    assert.equal(lines.length, 3);
    assert.equal(lines[2], '');
    assert.deepEqual(JSON.parse(lines[0]!), {
      input: '/data/b,"odd".dcm', error_code: 'ERR_INVALID_LENGTH', reason: 'value length 8192 runs past the end of the data', offset: 330, tag: '7FE00010',
      message: '/data/b.dcm: value length 8192 runs past the end of the data (at byte 330, reading (7FE0,0010))',
    });
    assert.deepEqual(JSON.parse(lines[1]!), { input: '/data/a.txt', error_code: 'ERR_NOT_DICOM', reason: 'not a DICOM file', message: 'not a DICOM file' });
  });

  it('writes both files sorted by input, and removes them when a later run has no failures', () => {
    const dir = mkdtempSync(join(tmpdir(), 'cxrlab-report-'));
    const report = new FailureReport(dir, 'cxrlab-convert-failures');
    report.add(truncated);
    report.add(notDicom);
    assert.equal(report.count, 2);
    assert.equal(report.write(), true);
    assert.deepEqual(readdirSync(dir).sort(), ['cxrlab-convert-failures.csv', 'cxrlab-convert-failures.jsonl']);
    assert.match(readFileSync(report.csvPath, 'utf8'), /^input,.*\r\n\/data\/a\.txt,/);
    assert.match(readFileSync(report.jsonlPath, 'utf8'), /^\{"input":"\/data\/a\.txt"/);
    assert.equal(new FailureReport(dir, 'cxrlab-convert-failures').write(), false);
    assert.equal(existsSync(report.csvPath) || existsSync(report.jsonlPath), false);
  });
});
