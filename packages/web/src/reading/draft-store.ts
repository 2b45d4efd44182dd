// The read in progress, kept in localStorage at every change (one key per task), so that nothing is lost
// to a crash, a closed tab or a dead network; and the decision, on opening a task, between the server's
// read and the one left on this device. Pure apart from the Storage it is given.

export interface DraftBox {
  label: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface DraftDoc {
  globals: readonly string[];
  boxes: readonly DraftBox[];
}

export interface DraftRecord {
  taskId: number;
  doc: DraftDoc;
  /** The server version this doc was edited from. */
  baseVersion: number;
  /** Changes the server has not acknowledged yet. */
  pending: boolean;
  /** Saves sent but not answered yet (the last few): the version each was sent from and a hash of what it sent. */
  sent?: { baseVersion: number; hash: string }[];
  readingMs: number;
  /** When written (ms since the epoch, this device's clock). */
  savedAt: number;
}

/** The part of the Web Storage API used (localStorage, or a fake in tests). */
export interface DraftStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
  readonly length: number;
  key(index: number): string | null;
}

const PREFIX = 'cxrlab.draft.';
export const draftKey = (taskId: number): string => `${PREFIX}${taskId}`;
export const conflictKey = (taskId: number): string => `${PREFIX}${taskId}.conflict`;

/** Only what the server stores, in a stable shape (client keys and extra fields dropped). */
export const plainDoc = (doc: DraftDoc): DraftDoc => ({
  globals: [...doc.globals],
  boxes: doc.boxes.map(({ label, xMin, yMin, xMax, yMax }) => ({ label, xMin, yMin, xMax, yMax })),
});

/** The same read: the same set of global labels and the same boxes in the same order. */
export const sameDoc = (a: DraftDoc, b: DraftDoc): boolean => canonical(a) === canonical(b);

function canonical(doc: DraftDoc): string {
  const { globals, boxes } = plainDoc(doc);
  return JSON.stringify({ globals: [...new Set(globals)].sort(), boxes });
}

/** A short hash of a doc (FNV-1a over its canonical JSON), to recognise a save's content later. */
export function docHash(doc: DraftDoc): string {
  const text = canonical(doc);
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16).padStart(8, '0');
}

export function serializeDraft(record: DraftRecord): string {
  return JSON.stringify({ v: 1, ...record, doc: plainDoc(record.doc) });
}

const isNum = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isBox = (b: unknown): b is DraftBox => {
  const x = b as Record<string, unknown> | null;
  return typeof x === 'object' && x !== null && typeof x['label'] === 'string' && isNum(x['xMin']) && isNum(x['yMin']) && isNum(x['xMax']) && isNum(x['yMax']);
};

/** The record in `text`, or undefined when it is missing, of another task, or damaged. */
export function parseDraft(text: string | null, taskId: number): DraftRecord | undefined {
  if (text === null) return undefined;
  let j: Record<string, unknown>;
  try {
    j = JSON.parse(text) as Record<string, unknown>;
  } catch {
    return undefined;
  }
  if (typeof j !== 'object' || j === null || j['v'] !== 1 || j['taskId'] !== taskId) return undefined;
  const doc = j['doc'] as Record<string, unknown> | undefined;
  if (typeof doc !== 'object' || doc === null || !Array.isArray(doc['globals']) || !Array.isArray(doc['boxes'])) return undefined;
  if (!doc['globals'].every((g) => typeof g === 'string') || !doc['boxes'].every(isBox)) return undefined;
  if (!isNum(j['baseVersion']) || typeof j['pending'] !== 'boolean' || !isNum(j['readingMs']) || !isNum(j['savedAt'])) return undefined;
  const sent = (Array.isArray(j['sent']) ? j['sent'] : []) as { baseVersion?: unknown; hash?: unknown }[];
  const sentOk = sent.filter((e): e is { baseVersion: number; hash: string } => typeof e === 'object' && e !== null && isNum(e.baseVersion) && typeof e.hash === 'string');
  return {
    taskId,
    doc: plainDoc(doc as unknown as DraftDoc),
    baseVersion: j['baseVersion'],
    pending: j['pending'],
    ...(sentOk.length > 0 ? { sent: sentOk.map(({ baseVersion, hash }) => ({ baseVersion, hash })) } : {}),
    readingMs: j['readingMs'],
    savedAt: j['savedAt'],
  };
}

/** Writes the record; false when storage refuses (full, or disabled): the caller says so. */
export function writeDraft(storage: DraftStorage, record: DraftRecord): boolean {
  try {
    storage.setItem(draftKey(record.taskId), serializeDraft(record));
    return true;
  } catch {
    return false;
  }
}

export function readDraft(storage: DraftStorage, taskId: number): DraftRecord | undefined {
  try {
    return parseDraft(storage.getItem(draftKey(taskId)), taskId);
  } catch {
    return undefined;
  }
}

export function clearDraft(storage: DraftStorage, taskId: number): void {
  try {
    storage.removeItem(draftKey(taskId));
    storage.removeItem(conflictKey(taskId));
  } catch {
    // storage disabled: nothing was kept either
  }
}

/** Keeps a copy of a draft the server's version replaced (downloadable later). */
export function keepConflictCopy(storage: DraftStorage, record: DraftRecord): void {
  try {
    storage.setItem(conflictKey(record.taskId), serializeDraft(record));
  } catch {
    // best effort: the copy is also held in memory
  }
}

export function removeConflictCopy(storage: DraftStorage, taskId: number): void {
  try {
    storage.removeItem(conflictKey(taskId));
  } catch {
    // storage disabled
  }
}

export function readConflictCopy(storage: DraftStorage, taskId: number): DraftRecord | undefined {
  try {
    return parseDraft(storage.getItem(conflictKey(taskId)), taskId);
  } catch {
    return undefined;
  }
}

/** Removes drafts (and conflict copies) written more than maxAgeMs ago; returns how many. */
export function pruneDrafts(storage: DraftStorage, now: number, maxAgeMs: number): number {
  const old: string[] = [];
  try {
    for (let i = 0; i < storage.length; i++) {
      const key = storage.key(i);
      if (key === null || !key.startsWith(PREFIX)) continue;
      const id = Number(key.slice(PREFIX.length).replace(/\.conflict$/, ''));
      const record = parseDraft(storage.getItem(key), id);
      if (record === undefined || now - record.savedAt > maxAgeMs) old.push(key);
    }
    for (const key of old) storage.removeItem(key);
  } catch {
    return 0;
  }
  return old.length;
}

export interface ServerRead {
  version: number;
  /** The task can still be changed (pending or in progress). */
  open: boolean;
  doc: DraftDoc;
}

export type DraftDecision =
  /** Use the server's read (no draft, or the server has it already). */
  | { action: 'server' }
  /** This device has changes the server never acknowledged, made from the server's current version: restore and save them. */
  | { action: 'restore'; draft: DraftRecord }
  /** The server moved on without this device's changes (another tab, or the task was closed): the server's read wins; keep the draft downloadable. */
  | { action: 'conflict'; draft: DraftRecord };

/**
 * The version the draft is effectively based on: its base, or the server's version when the server's
 * read is exactly the save this device sent last without hearing the answer (the tab was closed or the
 * network dropped after the server had committed it).
 */
export function effectiveBase(draft: DraftRecord, server: ServerRead): number {
  const hash = docHash(server.doc);
  const landed = (draft.sent ?? []).some((s) => server.version === s.baseVersion + 1 && s.hash === hash);
  return landed ? server.version : draft.baseVersion;
}

/** Which read to open a task with. */
export function decideDraft(draft: DraftRecord | undefined, server: ServerRead): DraftDecision {
  if (draft === undefined || !draft.pending) return { action: 'server' };
  if (sameDoc(draft.doc, server.doc)) return { action: 'server' };
  if (server.open && effectiveBase(draft, server) === server.version) return { action: 'restore', draft };
  return { action: 'conflict', draft };
}
