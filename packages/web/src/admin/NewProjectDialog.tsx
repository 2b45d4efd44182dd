// "New project" (administrators): key, name, a VinDr-CXR template or a custom set-up, and optionally
// a custom label schema as JSON. Local checks and the server's validation errors appear at their field.
import { useState, type FormEvent } from 'react';
import type { ProjectDetail } from '@cxrlab/server/api-types';
import { api, seg } from '../api/client.js';
import { navigate } from '../app/router.js';
import { ActionStatus } from './ActionStatus.js';
import { Dialog } from './Dialog.js';
import { FieldError, shownAtField } from './FieldError.js';
import { buildProjectBody, emptyProjectForm, EXAMPLE_SCHEMA, MAX_READERS, MAX_REVIEWERS, normaliseKey, TEMPLATES, type NewProjectBody, type ProjectFormState, type TemplateChoice } from './project-form.js';
import { useAction } from './use-action.js';

const FIELDS = ['body.key', 'body.name', 'body.template', 'body.workflow', 'body.readersPerImage', 'body.reviewersPerImage', 'body.schema'];

export function NewProjectDialog({ onClose }: { onClose: () => void }) {
  const [form, setForm] = useState<ProjectFormState>(emptyProjectForm);
  const [local, setLocal] = useState<{ field: string; message: string } | undefined>();
  const create = useAction((body: NewProjectBody) => api.post<ProjectDetail>('/api/projects', body));
  const set = (patch: Partial<ProjectFormState>) => {
    setForm((f) => ({ ...f, ...patch }));
    setLocal(undefined);
  };
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const built = buildProjectBody(form);
    if (!built.ok) {
      setLocal({ field: built.field, message: built.message });
      return;
    }
    const project = await create.run(built.body);
    if (project !== undefined) navigate(`/admin/projects/${seg(project.key)}?tab=overview&created=1`);
  };
  const described = (field: string) => (local?.field === field || shownAtField(create.error, [field]) ? `err-${field}` : undefined);
  const general = create.error !== undefined && !shownAtField(create.error, FIELDS) ? create : { ...create, error: undefined };
  return (
    <Dialog title="New project" onClose={onClose} busy={create.busy} wide>
      <form className="form-grid" onSubmit={(e) => void submit(e)} noValidate>
        <label>
          Key
          <input value={form.key} onChange={(e) => set({ key: normaliseKey(e.target.value) })} placeholder="VINDR-TRAIN" maxLength={32} aria-describedby={described('body.key')} aria-invalid={described('body.key') !== undefined} autoComplete="off" />
          <span className="hint muted">Upper-case letters, digits, - and _; used in links and exports. Cannot be changed later.</span>
          <FieldError id="err-body.key" field="body.key" local={local} server={create.error} />
        </label>
        <label>
          Name
          <input value={form.name} onChange={(e) => set({ name: e.target.value })} placeholder="VinDr-CXR training split" maxLength={200} aria-describedby={described('body.name')} aria-invalid={described('body.name') !== undefined} />
          <FieldError id="err-body.name" field="body.name" local={local} server={create.error} />
        </label>
        <fieldset className="template-choice">
          <legend>Reading set-up</legend>
          {(['vindr-train', 'vindr-test', 'custom'] as TemplateChoice[]).map((t) => (
            <label key={t} className="inline radio-card">
              <input type="radio" name="template" value={t} checked={form.template === t} onChange={() => set({ template: t })} />
              <span>
                <strong>{t === 'custom' ? 'Custom' : TEMPLATES[t].label}</strong>
                <span className="muted"> — {t === 'custom' ? 'choose the workflow and the numbers of readers and reviewers' : TEMPLATES[t].text}</span>
              </span>
            </label>
          ))}
          <FieldError id="err-body.template" field="body.template" server={create.error} />
        </fieldset>
        {form.template === 'custom' && (
          <div className="custom-setup">
            <label>
              Workflow
              <select aria-label="Workflow" value={form.workflow} onChange={(e) => set({ workflow: e.target.value as ProjectFormState['workflow'], reviewersPerImage: e.target.value === 'consensus' ? '2' : '0' })}>
                <option value="independent">independent (reads only)</option>
                <option value="consensus">consensus (reads, then reviewers)</option>
              </select>
              <FieldError id="err-body.workflow" field="body.workflow" server={create.error} />
            </label>
            <label>
              Readers per image
              <input type="number" min={1} max={MAX_READERS} value={form.readersPerImage} onChange={(e) => set({ readersPerImage: e.target.value })} aria-describedby={described('body.readersPerImage')} aria-invalid={described('body.readersPerImage') !== undefined} />
              <FieldError id="err-body.readersPerImage" field="body.readersPerImage" local={local} server={create.error} />
            </label>
            <label>
              Reviewers per image
              <input type="number" min={form.workflow === 'consensus' ? 1 : 0} max={MAX_REVIEWERS} value={form.workflow === 'consensus' ? form.reviewersPerImage : '0'} disabled={form.workflow !== 'consensus'} onChange={(e) => set({ reviewersPerImage: e.target.value })} aria-describedby={described('body.reviewersPerImage')} aria-invalid={described('body.reviewersPerImage') !== undefined} />
              <FieldError id="err-body.reviewersPerImage" field="body.reviewersPerImage" local={local} server={create.error} />
            </label>
          </div>
        )}
        <div className="field">
          <div className="label-row">
            <label htmlFor="new-project-schema">Label schema (JSON, optional)</label>
            <button type="button" className="ghost small-button" onClick={() => set({ schemaJson: JSON.stringify(EXAMPLE_SCHEMA, null, 2) })}>
              Insert an example
            </button>
          </div>
          <textarea id="new-project-schema" className="json-input" rows={6} spellCheck={false} value={form.schemaJson} onChange={(e) => set({ schemaJson: e.target.value })} placeholder="Empty: the VinDr-CXR schema (22 local and 6 global labels, No finding, the Kaggle class ids)" aria-describedby={described('body.schema')} aria-invalid={described('body.schema') !== undefined} />
          <FieldError id="err-body.schema" field="body.schema" local={local} server={create.error} />
        </div>
        <ActionStatus state={general} />
        <div className="toolbar dialog-actions">
          <button type="button" onClick={onClose} disabled={create.busy}>
            Cancel
          </button>
          <button type="submit" className="primary" disabled={create.busy} data-testid="create-project">
            {create.busy ? 'Creating…' : 'Create project'}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
