import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  clearDraft, decideDraft, docHash, draftKey, keepConflictCopy, parseDraft, pruneDrafts, readConflictCopy, readDraft, sameDoc, serializeDraft, writeDraft,
  type DraftDoc, type DraftRecord,
} from './draft-store.js';
import { FakeStorage } from './fake-storage.test-util.js';

const box = (label: string, x = 10) => ({ label, xMin: x, yMin: 20, xMax: x + 30, yMax: 60 });
const docA: DraftDoc = { globals: ['Pneumonia'], boxes: [box('Nodule/Mass')] };
const docB: DraftDoc = { globals: ['Pneumonia', 'COPD'], boxes: [box('Nodule/Mass'), box('Atelectasis', 100)] };
const record = (over: Partial<DraftRecord> = {}): DraftRecord => ({ taskId: 7, doc: docB, baseVersion: 3, pending: true, readingMs: 4200, savedAt: 1_000, ...over });

describe('draft store: serialise and restore', () => {
  it('round-trips a record, dropping client-only fields of boxes', () => {
    const s = new FakeStorage();
    const withKeys = { globals: ['COPD'], boxes: [{ ...box('Edema'), key: 'b1', extra: true } as unknown as ReturnType<typeof box>] };
    assert.equal(writeDraft(s, record({ doc: withKeys, sent: [{ baseVersion: 3, hash: 'abcd' }] })), true);
    assert.ok(s.map.has(draftKey(7)));
    const back = readDraft(s, 7)!;
    assert.deepEqual(back.doc, { globals: ['COPD'], boxes: [box('Edema')] });
    assert.equal(back.baseVersion, 3);
    assert.equal(back.pending, true);
    assert.equal(back.readingMs, 4200);
    assert.deepEqual(back.sent, [{ baseVersion: 3, hash: 'abcd' }]);
  });

  it('refuses damaged records, other tasks and other versions of the format', () => {
    assert.equal(parseDraft(null, 7), undefined);
    assert.equal(parseDraft('{not json', 7), undefined);
    assert.equal(parseDraft(serializeDraft(record()), 8), undefined, 'another task id');
    assert.equal(parseDraft(JSON.stringify({ ...JSON.parse(serializeDraft(record())), v: 2 }), 7), undefined);
    const badBox = JSON.parse(serializeDraft(record()));
    badBox.doc.boxes[0].xMin = 'left';
    assert.equal(parseDraft(JSON.stringify(badBox), 7), undefined);
    assert.ok(parseDraft(serializeDraft(record()), 7));
  });

  it('reports a full storage instead of throwing', () => {
    const s = new FakeStorage();
    s.failWrites = true;
    assert.equal(writeDraft(s, record()), false);
    assert.equal(readDraft(s, 7), undefined);
  });

  it('clears a task’s draft and its conflict copy, and keeps the others', () => {
    const s = new FakeStorage();
    writeDraft(s, record());
    writeDraft(s, record({ taskId: 8 }));
    keepConflictCopy(s, record({ doc: docA }));
    assert.deepEqual(readConflictCopy(s, 7)?.doc, docA);
    clearDraft(s, 7);
    assert.equal(readDraft(s, 7), undefined);
    assert.equal(readConflictCopy(s, 7), undefined);
    assert.ok(readDraft(s, 8));
  });

  it('prunes drafts older than the limit', () => {
    const s = new FakeStorage();
    writeDraft(s, record({ taskId: 1, savedAt: 100 }));
    writeDraft(s, record({ taskId: 2, savedAt: 900 }));
    s.setItem('unrelated', 'x');
    assert.equal(pruneDrafts(s, 1000, 500), 1);
    assert.equal(readDraft(s, 1), undefined);
    assert.ok(readDraft(s, 2));
    assert.equal(s.getItem('unrelated'), 'x');
  });
});

describe('draft store: which read opens', () => {
  const server = (version: number, doc: DraftDoc, open = true) => ({ version, doc, open });

  it('compares reads by content: globals as a set, boxes in order', () => {
    assert.equal(sameDoc({ globals: ['A', 'B'], boxes: [] }, { globals: ['B', 'A'], boxes: [] }), true);
    assert.equal(sameDoc(docA, docB), false);
    assert.equal(sameDoc({ globals: [], boxes: [box('X'), box('Y')] }, { globals: [], boxes: [box('Y'), box('X')] }), false);
    assert.equal(docHash(docA), docHash({ globals: [...docA.globals], boxes: docA.boxes.map((b) => ({ ...b })) }));
    assert.notEqual(docHash(docA), docHash(docB));
  });

  it('uses the server when there is no draft, or the draft was acknowledged', () => {
    assert.deepEqual(decideDraft(undefined, server(3, docA)), { action: 'server' });
    assert.deepEqual(decideDraft(record({ pending: false }), server(3, docA)), { action: 'server' });
  });

  it('restores unacknowledged changes made from the server’s current version', () => {
    const draft = record();
    assert.deepEqual(decideDraft(draft, server(3, docA)), { action: 'restore', draft });
  });

  it('does not restore what the server already has', () => {
    assert.deepEqual(decideDraft(record(), server(4, docB)), { action: 'server' });
  });

  it('treats a save sent but never answered as landed when the server holds exactly it', () => {
    // sent docA from version 3 (no answer), then kept editing to docB: the server is at 4 with docA
    const draft = record({ sent: [{ baseVersion: 3, hash: docHash(docA) }] });
    assert.deepEqual(decideDraft(draft, server(4, docA)), { action: 'restore', draft });
    // the server at 4 with something else: another tab saved
    assert.deepEqual(decideDraft(draft, server(4, { globals: ['COPD'], boxes: [] })), { action: 'conflict', draft });
  });

  it('is a conflict when the server moved on without these changes, or the task is closed', () => {
    const draft = record();
    assert.deepEqual(decideDraft(draft, server(5, docA)), { action: 'conflict', draft });
    assert.deepEqual(decideDraft(draft, server(3, docA, false)), { action: 'conflict', draft });
  });
});
