import assert from 'node:assert/strict';
import { after, before, it } from 'node:test';
import type { ApiClient } from '../testing/index.js';
import { createTestServer, forEachDialect, type TestServer } from '../testing/index.js';
import { assignedStudy, tasksOf, type AssignedStudy } from './tasks.test-fixture.js';

/** Every key anywhere in a JSON value. */
function keysOf(value: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const v of value) keysOf(v, out);
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) {
      out.add(k);
      keysOf(v, out);
    }
  }
  return out;
}

// Three readers read the same image, each with labels only they chose. Whatever one of them receives
// must not name the others, carry their ids, or show their labels.
await forEachDialect('blinding: a reader learns nothing of the other readers', (dialect) => {
  let server: TestServer;
  let study: AssignedStudy;
  const reads = [
    { globals: ['COPD'], boxes: [{ label: 'Emphysema', xMin: 11, yMin: 12, xMax: 313, yMax: 314 }] },
    { globals: ['Tuberculosis'], boxes: [{ label: 'Lung cavity', xMin: 21, yMin: 22, xMax: 323, yMax: 324 }] },
    { globals: ['Lung tumor'], boxes: [{ label: 'Nodule/Mass', xMin: 31, yMin: 32, xMax: 333, yMax: 334 }] },
  ];
  before(async () => {
    server = await createTestServer(dialect);
    study = await assignedStudy(server, { annotators: 3, images: 2 });
  });
  after(() => server.close());

  it('task views, next, worklist, save, submit and skip replies carry no other reader', async () => {
    const received: { reader: ApiClient; body: unknown }[] = [];
    const tasks = await Promise.all(study.annotators.map((r) => tasksOf(server, study, r)));
    for (const [i, reader] of study.annotators.entries()) {
      const task = tasks[i]!.find((t) => t.image_id === study.imageIds[0])!;
      const saved = await reader.put(`/api/tasks/${task.id}/annotation`, { version: 0, ...reads[i]! });
      received.push({ reader, body: saved.body });
    }
    for (const [i, reader] of study.annotators.entries()) {
      const task = tasks[i]!.find((t) => t.image_id === study.imageIds[0])!;
      const view = await reader.get(`/api/tasks/${task.id}`);
      assert.deepEqual(view.body.annotation.globals, reads[i]!.globals);
      assert.deepEqual(view.body.annotation.boxes.map(({ id: _id, ...b }: { id: number }) => b), reads[i]!.boxes);
      received.push({ reader, body: view.body });
      received.push({ reader, body: (await reader.get(`/api/projects/${study.project.key}/tasks/next`)).body });
      received.push({ reader, body: (await reader.get(`/api/projects/${study.project.key}/tasks`)).body });
      const submitted = await reader.post(`/api/tasks/${task.id}/submit`, { version: 1 });
      assert.equal(submitted.status, 200);
      received.push({ reader, body: submitted.body });
    }
    const other = tasks[0]!.find((t) => t.image_id === study.imageIds[1])!;
    received.push({ reader: study.annotators[0]!, body: (await study.annotators[0]!.post(`/api/tasks/${other.id}/skip`, { reason: 'blurred' })).body });

    for (const { reader, body } of received) {
      const json = JSON.stringify(body);
      const others = study.annotators.filter((a) => a !== reader);
      for (const o of others) {
        assert.ok(!json.includes(o.username!), `${reader.username} received ${o.username}`);
        assert.ok(!json.includes(o.username!.toUpperCase()), `${reader.username} received ${o.username}'s display name`);
      }
      for (const key of keysOf(body)) assert.ok(!/user|rad|reader|author|owner/i.test(key), `${reader.username} received a key ${key}`);
      const mine = study.annotators.indexOf(reader);
      for (const [j, read] of reads.entries()) {
        if (j === mine) continue;
        assert.ok(!json.includes(read.globals[0]!), `${reader.username} received another read's label ${read.globals[0]}`);
        assert.ok(!json.includes(read.boxes[0]!.label), `${reader.username} received another read's box ${read.boxes[0]!.label}`);
      }
    }
  });
});
