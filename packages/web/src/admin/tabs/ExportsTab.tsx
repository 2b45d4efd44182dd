// Exports: make a numbered snapshot in one of the formats, list the snapshots with their counts, and
// open one's manifest to download its files.
import { useState } from 'react';
import type { ExportFormat, ExportManifest } from '@cxrlab/server/api-types';
import { api, seg } from '../../api/client.js';
import { ActionStatus } from '../ActionStatus.js';
import type { TabProps } from '../AdminProjectPage.js';
import { ResourceTable } from '../ResourceTable.js';
import { formatDate, plural } from '../format.js';
import { useAction } from '../use-action.js';
import { useResource } from '../use-resource.js';
import { ExportManifestView } from './ExportManifestView.js';

type Counts = ExportManifest['counts'];
interface ExportListItem {
  number: number;
  format: string;
  createdAt: string;
  createdBy: number | null;
  counts: Counts;
}

export const FORMATS: readonly { id: ExportFormat; text: string }[] = [
  { id: 'vindr', text: 'the PhysioNet release: annotations/annotations_<split>.csv and image_labels_<split>.csv (rad_id R1, R2, …; the final consensus for consensus projects)' },
  { id: 'kaggle', text: 'the Kaggle challenge train.csv with class ids (independent projects)' },
  { id: 'coco', text: 'one COCO JSON, categories = the Kaggle class ids' },
  { id: 'yolo', text: 'labels/<image_id>.txt per image, classes.txt and data.yaml' },
  { id: 'json', text: 'the project, its images and every read or consensus in one JSON document' },
];

export const countsText = (c: Counts): string => `${plural(c.images, 'image')}, ${plural(c.reads, 'read')}, ${plural(c.boxes, 'box', 'boxes')}, ${plural(c.globalLabels, 'global label')}`;

export function ExportsTab({ project }: TabProps) {
  const base = `/api/projects/${seg(project.key)}/exports`;
  const [format, setFormat] = useState<ExportFormat>('vindr');
  const [open, setOpen] = useState<number | undefined>();
  const list = useResource<{ exports: ExportListItem[] }>(base);
  const create = useAction(
    (f: ExportFormat) => api.post<ExportManifest & { number: number }>(base, { format: f }),
    (m) => `Export #${m.number} (${m.format}) made: ${countsText(m.counts)}${m.counts.skippedUnfinished > 0 ? `; ${plural(m.counts.skippedUnfinished, 'unfinished image')} left out` : ''}.`,
  );
  const exports = list.data?.exports ?? [];
  return (
    <div>
      <section className="panel">
        <h2>New export</h2>
        <p className="explain">
          Only finished work is exported: images with all their reads submitted, or a final consensus; the rest are counted as unfinished. Every format also writes image_sizes.csv. No
          file holds a user name or id.
        </p>
        <fieldset className="format-choice" disabled={create.busy}>
          <legend className="visually-hidden">Format</legend>
          {FORMATS.map((f) => (
            <label key={f.id} className="inline radio-card">
              <input type="radio" name="export-format" value={f.id} checked={format === f.id} onChange={() => setFormat(f.id)} />
              <span>
                <strong>{f.id}</strong> <span className="muted">— {f.text}</span>
              </span>
            </label>
          ))}
        </fieldset>
        <div className="toolbar">
          <button
            type="button"
            className="primary"
            disabled={create.busy}
            data-testid="create-export"
            onClick={async () => {
              const made = await create.run(format);
              if (made !== undefined) {
                list.reload();
                setOpen(made.number);
              }
            }}
          >
            {create.busy ? 'Exporting…' : `Export as ${format}`}
          </button>
        </div>
        <ActionStatus state={create} testId="export-status" />
      </section>
      <section className="panel tab-section">
        <h2>Snapshots{list.data !== undefined ? ` (${exports.length})` : ''}</h2>
        <ResourceTable
          resource={list}
          rows={list.data?.exports}
          testId="export-table"
          empty={<p className="muted">No exports yet.</p>}
          head={
            <>
              <th className="num">#</th>
              <th>Format</th>
              <th>Made</th>
              <th className="num">Images</th>
              <th className="num">Reads</th>
              <th className="num">Boxes</th>
              <th className="num">Unfinished</th>
              <th>
                <span className="visually-hidden">Files</span>
              </th>
            </>
          }
          row={(e) => (
            <tr key={e.number} className={open === e.number ? 'selected' : undefined}>
              <td className="num">{e.number}</td>
              <td>{e.format}</td>
              <td className="muted">{formatDate(e.createdAt)}</td>
              <td className="num">{e.counts.images}</td>
              <td className="num">{e.counts.reads}</td>
              <td className="num">{e.counts.boxes}</td>
              <td className="num">{e.counts.skippedUnfinished}</td>
              <td>
                <button type="button" className="ghost" aria-expanded={open === e.number} onClick={() => setOpen(open === e.number ? undefined : e.number)}>
                  {open === e.number ? 'Hide files' : 'Files'}
                </button>
              </td>
            </tr>
          )}
        />
        {open !== undefined && <ExportManifestView base={base} number={open} />}
      </section>
    </div>
  );
}
