// For route tests: a project with one signed-in user per role (owner, annotator, reviewer) and an outsider.
import assert from 'node:assert/strict';
import type { ApiClient, TestServer } from '../../testing/index.js';

export interface RoleClients {
  key: string;
  owner: ApiClient;
  annotator: ApiClient;
  reviewer: ApiClient;
  outsider: ApiClient;
}

let counter = 0;

/** Creates project `key` (as the admin, with `body`) and users holding each role in it. */
export async function projectWithRoles(server: TestServer, key: string, body: Record<string, unknown> = {}): Promise<RoleClients> {
  const created = await server.admin.post('/api/projects', { key, name: `Project ${key}`, ...body });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const n = ++counter;
  const owner = await server.user(`owner${n}`);
  const annotator = await server.user(`annotator${n}`);
  const reviewer = await server.user(`reviewer${n}`);
  const outsider = await server.user(`outsider${n}`);
  for (const [client, roles] of [[owner, ['owner']], [annotator, ['annotator']], [reviewer, ['reviewer']]] as const) {
    const r = await server.admin.put(`/api/projects/${key}/members/${client.userId}`, { roles });
    assert.equal(r.status, 200, JSON.stringify(r.body));
  }
  return { key, owner, annotator, reviewer, outsider };
}
