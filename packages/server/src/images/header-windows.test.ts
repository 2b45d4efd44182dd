import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DataSet, bytesElement, encodeAscii } from '@cxrlab/dicom';
import { headerWindows } from './header-windows.js';

function dataSet(center?: string, width?: string, explanation?: string): DataSet {
  const ds = new DataSet();
  if (center !== undefined) ds.set(bytesElement(0x00281050, 'DS', encodeAscii(center)));
  if (width !== undefined) ds.set(bytesElement(0x00281051, 'DS', encodeAscii(width)));
  if (explanation !== undefined) ds.set(bytesElement(0x00281055, 'LO', encodeAscii(explanation)));
  return ds;
}

describe('headerWindows', () => {
  it('pairs multi-valued centres and widths, named by the explanation', () => {
    assert.deepEqual(headerWindows(dataSet('40\\-600', '400\\1500', 'MEDIASTINUM\\LUNG')), [
      { name: 'MEDIASTINUM', center: 40, width: 400 },
      { name: 'LUNG', center: -600, width: 1500 },
    ]);
  });

  it('names a window without an explanation Header N, N its position among the pairs', () => {
    assert.deepEqual(headerWindows(dataSet('2048\\1000\\3000', '4096\\500\\800', 'NORMAL\\ ')), [
      { name: 'NORMAL', center: 2048, width: 4096 },
      { name: 'Header 2', center: 1000, width: 500 },
      { name: 'Header 3', center: 3000, width: 800 },
    ]);
  });

  it('uses as many pairs as the shorter list and skips unusable widths', () => {
    assert.deepEqual(headerWindows(dataSet('10\\20\\30', '0\\50')), [{ name: 'Header 2', center: 20, width: 50 }]);
  });

  it('gives [] without a window', () => {
    assert.deepEqual(headerWindows(dataSet()), []);
    assert.deepEqual(headerWindows(dataSet('40')), []);
  });
});
