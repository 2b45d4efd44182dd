// The project's images (paged, by split): anonymous id, split, size, bit depth, photometric, file size.
import { useState } from 'react';
import { seg } from '../../api/client.js';
import { LoadError } from '../ActionStatus.js';
import { formatBytes, formatDate } from '../format.js';
import { useResource } from '../use-resource.js';

interface ImageRow {
  id: number;
  imageId: string;
  split: 'train' | 'test';
  width: number;
  height: number;
  bitsStored: number;
  photometric: string;
  fileSize: number;
  createdAt: string;
}

const PAGE = 50;

export function ImageTable({ projectKey, generation }: { projectKey: string; generation: number }) {
  const [split, setSplit] = useState<'' | 'train' | 'test'>('');
  const [offset, setOffset] = useState(0);
  const q = new URLSearchParams({ limit: String(PAGE), offset: String(offset), ...(split !== '' ? { split } : {}) });
  const images = useResource<{ images: ImageRow[]; total: number }>(`/api/projects/${seg(projectKey)}/images?${q.toString()}`, generation);
  const total = images.data?.total ?? 0;
  const shown = images.data?.images.length ?? 0;
  return (
    <section className="panel tab-section" aria-labelledby="images-title">
      <div className="page-head">
        <h2 id="images-title">Images{images.data !== undefined ? ` (${total})` : ''}</h2>
        <label className="inline">
          Split
          <select
            value={split}
            onChange={(e) => {
              setSplit(e.target.value as '' | 'train' | 'test');
              setOffset(0);
            }}
          >
            <option value="">all</option>
            <option value="train">train</option>
            <option value="test">test</option>
          </select>
        </label>
      </div>
      {images.error !== undefined && <LoadError error={images.error} retry={images.reload} />}
      {images.data !== undefined && total === 0 && <p className="muted">No images{split !== '' ? ` in the ${split} split` : ''} yet: upload DICOM files above, or run <code>cxrlab import</code> on the server.</p>}
      {images.data !== undefined && shown > 0 && (
        <>
          <div className="table-wrap">
            <table className="admin-table" data-testid="image-table">
              <thead>
                <tr>
                  <th>Image id</th>
                  <th>Split</th>
                  <th className="num">Size (px)</th>
                  <th className="num">Bits</th>
                  <th>Photometric</th>
                  <th className="num">File</th>
                  <th>Added</th>
                </tr>
              </thead>
              <tbody>
                {images.data.images.map((i) => (
                  <tr key={i.id}>
                    <td>
                      <code>{i.imageId}</code>
                    </td>
                    <td>{i.split}</td>
                    <td className="num">
                      {i.width} × {i.height}
                    </td>
                    <td className="num">{i.bitsStored}</td>
                    <td>{i.photometric}</td>
                    <td className="num">{formatBytes(i.fileSize)}</td>
                    <td className="muted">{formatDate(i.createdAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <div className="toolbar pager">
            <span className="muted">
              {offset + 1}–{offset + shown} of {total}
            </span>
            <button type="button" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE))}>
              Previous
            </button>
            <button type="button" disabled={offset + shown >= total} onClick={() => setOffset(offset + PAGE)}>
              Next
            </button>
          </div>
        </>
      )}
    </section>
  );
}
