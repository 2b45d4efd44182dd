// Test-only: a study whose images are assigned, and quick looks at its tasks.
import type { Task } from '../db/database.js';
import type { ApiClient, TestServer } from '../testing/index.js';
import { assignProject } from '../workflow/assign.js';
import { createStudy, type StudyFixture } from '../workflow/workflow.test-fixture.js';

export type AssignedStudy = StudyFixture;

export async function assignedStudy(server: TestServer, options: Parameters<typeof createStudy>[1] = {}): Promise<AssignedStudy> {
  const study = await createStudy(server, options);
  await assignProject(server.ctx.db, { project: study.project, actorId: study.owner.userId! });
  return study;
}

/** The client's tasks in the project (any status), in their order. */
export function tasksOf(server: TestServer, study: AssignedStudy, client: ApiClient): Promise<Task[]> {
  return server.ctx.db.selectFrom('tasks').selectAll().where('project_id', '=', study.project.id).where('user_id', '=', client.userId!).orderBy('position').execute();
}

export function taskById(server: TestServer, id: number): Promise<Task> {
  return server.ctx.db.selectFrom('tasks').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** A read that passes the VinDr-CXR rules. */
export const GOOD_READ = {
  globals: ['Pneumonia'],
  boxes: [{ label: 'Consolidation', xMin: 100, yMin: 200, xMax: 400, yMax: 600 }],
};
