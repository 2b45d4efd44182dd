// A draft as a JSON file the reader can keep (after the server's version replaced it).
import type { DraftRecord } from './draft-store.js';

export function draftFile(copy: DraftRecord, imageId: string): { name: string; text: string } {
  const stamp = new Date(copy.savedAt).toISOString().replace(/[:.]/g, '-');
  const text = JSON.stringify({ taskId: copy.taskId, imageId, basedOnVersion: copy.baseVersion, savedAt: new Date(copy.savedAt).toISOString(), globals: copy.doc.globals, boxes: copy.doc.boxes }, null, 2);
  return { name: `cxrlab-task-${copy.taskId}-draft-${stamp}.json`, text };
}

/** Starts a download of the draft (browser only). */
export function downloadDraft(copy: DraftRecord, imageId: string): void {
  const { name, text } = draftFile(copy, imageId);
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
