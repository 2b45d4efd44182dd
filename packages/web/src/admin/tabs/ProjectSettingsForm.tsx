// PATCH /api/projects/:key: the name, and readers/reviewers per image (the server refuses those once
// tasks exist, and says so).
import { useState, type FormEvent } from 'react';
import type { ProjectDetail } from '@cxrlab/server/api-types';
import { api, seg } from '../../api/client.js';
import { ActionStatus } from '../ActionStatus.js';
import { FieldError, shownAtField } from '../FieldError.js';
import { MAX_READERS, MAX_REVIEWERS } from '../project-form.js';
import { useAction } from '../use-action.js';

export function ProjectSettingsForm({ project: p, onSaved }: { project: ProjectDetail; onSaved: () => void }) {
  const [name, setName] = useState(p.name);
  const [readers, setReaders] = useState(String(p.readersPerImage));
  const [reviewers, setReviewers] = useState(String(p.reviewersPerImage));
  const save = useAction(
    (body: Record<string, unknown>) => api.patch<ProjectDetail>(`/api/projects/${seg(p.key)}`, body),
    (_r, body) => `Saved ${Object.keys(body).join(', ')}.`,
  );
  const changes: Record<string, unknown> = {};
  if (name.trim() !== p.name) changes.name = name.trim();
  if (Number(readers) !== p.readersPerImage) changes.readersPerImage = Number(readers);
  if (p.workflow === 'consensus' && Number(reviewers) !== p.reviewersPerImage) changes.reviewersPerImage = Number(reviewers);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if ((await save.run(changes)) !== undefined) onSaved();
  };
  const fields = ['body.name', 'body.readersPerImage', 'body.reviewersPerImage'];
  return (
    <form className="form-grid" onSubmit={(e) => void submit(e)} noValidate>
      <label>
        Name
        <input value={name} onChange={(e) => setName(e.target.value)} maxLength={200} />
        <FieldError id="err-settings-name" field="body.name" server={save.error} />
      </label>
      <div className="form-row">
        <label>
          Readers per image
          <input type="number" min={1} max={MAX_READERS} value={readers} onChange={(e) => setReaders(e.target.value)} />
        </label>
        {p.workflow === 'consensus' && (
          <label>
            Reviewers per image
            <input type="number" min={1} max={MAX_REVIEWERS} value={reviewers} onChange={(e) => setReviewers(e.target.value)} />
          </label>
        )}
      </div>
      <FieldError id="err-settings-readers" field="body.readersPerImage" server={save.error} />
      <FieldError id="err-settings-reviewers" field="body.reviewersPerImage" server={save.error} />
      <p className="hint muted">Readers and reviewers per image can change only before the first assignment.</p>
      <ActionStatus state={save.error !== undefined && shownAtField(save.error, fields) ? { ...save, error: undefined } : save} />
      <div className="toolbar">
        <button type="submit" className="primary" disabled={save.busy || Object.keys(changes).length === 0}>
          {save.busy ? 'Saving…' : 'Save changes'}
        </button>
      </div>
    </form>
  );
}
