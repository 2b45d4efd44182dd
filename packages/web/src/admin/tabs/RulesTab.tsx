// Rules: the project's verification rules in words (checked at every submission and approval), and
// an editor for them as JSON, checked as you type against the project's schema and by the server on save.
import { useState } from 'react';
import { defaultRules } from '@cxrlab/dataset/rules';
import { api, seg } from '../../api/client.js';
import { ActionStatus, LoadError } from '../ActionStatus.js';
import type { TabProps } from '../AdminProjectPage.js';
import { errorField } from '../api-error-text.js';
import { checkRulesText, ruleIndexOf, ruleLines } from '../rules-text.js';
import { useAction } from '../use-action.js';
import { useResource } from '../use-resource.js';

export function RulesTab({ project, reloadProject }: TabProps) {
  const path = `/api/projects/${seg(project.key)}/rules`;
  const rules = useResource<{ rules: unknown[] }>(path);
  const [text, setText] = useState<string | undefined>();
  const save = useAction(
    (body: { rules: unknown[] }) => api.put<{ rules: unknown[] }>(path, body),
    (r) => `Saved ${r.rules.length} rules: they apply to the next submission.`,
  );
  const editing = text !== undefined;
  const check = editing ? checkRulesText(text, project.schema) : undefined;
  // the rule the server's error or the local check names, marked in the list
  const badIndex = ruleIndexOf(errorField(save.error) ?? (check?.ok === false ? check.field : undefined));
  // the JSON as typed, when it parses: sent as is, so the server's own validation has the last word
  const typed = editing ? parsed(text) : undefined;
  // the list follows the editor while its text is an array (a refused rule is marked, not hidden)
  const shown = Array.isArray(typed) ? typed : (rules.data?.rules ?? []);
  const startEditing = (from: unknown[]) => {
    save.clear();
    setText(JSON.stringify(from, null, 2));
  };
  const submit = async () => {
    if (!Array.isArray(typed)) return;
    if ((await save.run({ rules: typed })) !== undefined) {
      setText(undefined);
      rules.reload();
      reloadProject();
    }
  };
  if (rules.error !== undefined && rules.data === undefined) return <LoadError error={rules.error} retry={rules.reload} />;
  return (
    <div className={editing ? 'two-col rules-tab' : 'rules-tab'}>
      <section className="panel" aria-labelledby="rules-title">
        <h2 id="rules-title">{editing ? 'The rules as edited' : 'The rules'}</h2>
        <p className="explain">Checked when a reader submits and when a reviewer approves; the reading view shows the same checks live.</p>
        <ol className="rule-list" data-testid="rule-list">
          {ruleLines(shown).map((r, i) => (
            <li key={i} className={badIndex === i ? 'error' : undefined}>
              {r.text}
              <span className="rule-id">{r.id}</span>
              {r.message !== undefined && <div className="muted small">Message: “{r.message}”</div>}
            </li>
          ))}
        </ol>
        {!editing && (
          <div className="toolbar">
            <button type="button" onClick={() => startEditing(rules.data?.rules ?? [])} disabled={rules.data === undefined} data-testid="edit-rules">
              Edit as JSON
            </button>
          </div>
        )}
        {!editing && <ActionStatus state={save} testId="rules-status" />}
      </section>
      {editing && (
        <section className="panel" aria-labelledby="rules-json-title">
          <div className="page-head">
            <h2 id="rules-json-title">Edit as JSON</h2>
            <button type="button" className="ghost small-button" onClick={() => startEditing(defaultRules(project.schema))} disabled={save.busy}>
              Reset to the VinDr-CXR defaults
            </button>
          </div>
          <p className="explain">
            Kinds: requireGlobalLabel, exclusiveLabel, boxLabelIsLocal, boxInsideImage, boxPositiveArea, globalLabelIsGlobal, and the project's own: requiresLabel {'{label, requires[]}'},
            forbidsTogether {'{labels[]}'}, maxBoxes {'{max, label?}'}, boxLabelRequiresGlobal {'{boxLabel?, global[]}'}. Any rule may have an id and a message.
          </p>
          <textarea
            className="json-input rules-json"
            rows={22}
            spellCheck={false}
            value={text}
            onChange={(e) => {
              setText(e.target.value);
              save.clear();
            }}
            aria-label="Rules as JSON"
            aria-invalid={check?.ok === false || save.error !== undefined}
            aria-describedby="rules-check"
            data-testid="rules-json"
          />
          {save.error === undefined && (
            <p id="rules-check" className={check?.ok === false ? 'error' : 'ok'} role="status">
              {check?.ok === false ? check.message : `${check?.ok === true ? check.rules.length : 0} rules, valid for the ${project.schema.name} schema.`}
            </p>
          )}
          <ActionStatus state={save} testId="rules-status" />
          <div className="toolbar">
            <button type="button" className="primary" onClick={() => void submit()} disabled={save.busy || !Array.isArray(typed)} data-testid="save-rules">
              {save.busy ? 'Saving…' : 'Save rules'}
            </button>
            <button type="button" onClick={() => (setText(undefined), save.clear())} disabled={save.busy}>
              Cancel
            </button>
          </div>
        </section>
      )}
    </div>
  );
}

function parsed(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
