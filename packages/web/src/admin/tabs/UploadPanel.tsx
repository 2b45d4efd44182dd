// Upload DICOM files: a file input and a drop zone, the split, three uploads in flight at a time,
// and each file's outcome (added, already there, or the server's reason, e.g. the identifying
// attributes of an ERR_IDENTIFIED refusal).
import { useRef, useState, type DragEvent } from 'react';
import type { ProjectDetail } from '@cxrlab/server/api-types';
import { errorMessage } from '../api-error-text.js';
import { ApiError } from '../../api/api-error.js';
import { formatBytes } from '../format.js';
import { uploadDicom } from '../upload-dicom.js';
import { runPool, summaryText, uploadPath, uploadSummary, type UploadItem } from '../upload-queue.js';

const CONCURRENCY = 3;
const STATUS_TEXT: Record<UploadItem['status'], string> = { waiting: 'waiting', uploading: 'uploading…', added: 'added', unchanged: 'already there', failed: 'refused' };

let nextKey = 1;

export function UploadPanel({ project, onFinished }: { project: ProjectDetail; onFinished: () => void }) {
  const [split, setSplit] = useState<'train' | 'test'>(project.workflow === 'consensus' ? 'test' : 'train');
  const [items, setItems] = useState<UploadItem[]>([]);
  const [over, setOver] = useState(false);
  const input = useRef<HTMLInputElement>(null);
  const summary = uploadSummary(items);
  const update = (key: number, patch: Partial<UploadItem>) => setItems((all) => all.map((i) => (i.key === key ? { ...i, ...patch } : i)));

  const start = async (files: File[]) => {
    if (files.length === 0) return;
    const added = files.map((f): UploadItem & { file: File } => ({ key: nextKey++, name: f.name, size: f.size, status: 'waiting', file: f }));
    setItems((all) => [...all, ...added.map(({ file: _f, ...item }) => item)]);
    const chosenSplit = split;
    await runPool(added, CONCURRENCY, async (item) => {
      update(item.key, { status: 'uploading' });
      try {
        const reply = await uploadDicom(uploadPath(project.key, chosenSplit, item.name), item.file);
        update(item.key, { status: reply.status, imageId: reply.imageId });
      } catch (error) {
        update(item.key, { status: 'failed', code: error instanceof ApiError ? error.code : 'ERR_NETWORK', message: errorMessage(error) });
      }
    });
    onFinished();
  };
  const drop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    void start([...e.dataTransfer.files]);
  };
  return (
    <section className="panel tab-section" aria-labelledby="upload-title">
      <h2 id="upload-title">Upload DICOM files</h2>
      <p className="explain">
        De-identified files only: a file that still names the patient is refused, with the attributes named (de-identify it with <code>cxrlab deid</code> first). A file named with a
        32-hex-digit id keeps it as its image id. For whole folders, <code>cxrlab import</code> on the server is faster.
      </p>
      <div
        className={over ? 'drop-zone over' : 'drop-zone'}
        onDragOver={(e) => {
          e.preventDefault();
          setOver(true);
        }}
        onDragLeave={() => setOver(false)}
        onDrop={drop}
        data-testid="drop-zone"
      >
        <div>Drop DICOM files here</div>
        <div className="toolbar">
          <label className="inline">
            Split
            <select value={split} onChange={(e) => setSplit(e.target.value as 'train' | 'test')} disabled={summary.active}>
              <option value="train">train</option>
              <option value="test">test</option>
            </select>
          </label>
          <button type="button" className="primary" onClick={() => input.current?.click()} disabled={summary.active}>
            {summary.active ? 'Uploading…' : 'Choose files…'}
          </button>
          <input
            ref={input}
            type="file"
            multiple
            hidden
            aria-label="DICOM files to upload"
            data-testid="upload-input"
            onChange={(e) => {
              const files = [...(e.target.files ?? [])];
              e.target.value = '';
              void start(files);
            }}
          />
        </div>
      </div>
      {items.length > 0 && (
        <>
          <div className="toolbar upload-summary">
            <span role="status" aria-live="polite" data-testid="upload-summary">
              {summaryText(summary)}
            </span>
            <span className="spacer" />
            <button type="button" onClick={() => setItems((all) => all.filter((i) => i.status === 'waiting' || i.status === 'uploading'))} disabled={summary.finished === 0}>
              Clear finished
            </button>
          </div>
          <div className="upload-list">
            <table className="admin-table" data-testid="upload-list">
              <thead>
                <tr>
                  <th>File</th>
                  <th className="num">Size</th>
                  <th>Result</th>
                </tr>
              </thead>
              <tbody>
                {items.map((i) => (
                  <tr key={i.key}>
                    <td>{i.name}</td>
                    <td className="num">{formatBytes(i.size)}</td>
                    <td className={`upload-status-${i.status}`}>
                      {STATUS_TEXT[i.status]}
                      {i.imageId !== undefined && <code className="muted"> {i.imageId}</code>}
                      {i.message !== undefined && (
                        <span>
                          {' '}
                          <code>{i.code}</code>: {i.message}
                        </span>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        </>
      )}
    </section>
  );
}
