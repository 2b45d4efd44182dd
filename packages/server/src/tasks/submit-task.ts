// Submitting a read: in one transaction the task moves from its loaded version to submitted (so nothing
// can change its labels meanwhile), its labels are checked against the project's rules (any violation:
// 422 ERR_RULES with every violation, and nothing changes), and in a consensus project the image's last
// read opens the consensus and its review tasks.
import { checkRead, type ReadBox } from '@cxrlab/dataset';
import type { Kysely } from 'kysely';
import type { Database, Project, Task } from '../db/database.js';
import { now } from '../db/dialect.js';
import { audit } from '../audit/audit.js';
import { ApiError, conflict } from '../http/api-error.js';
import { openReviewIfComplete } from '../workflow/open-review.js';
import { OPEN_STATUSES } from '../workflow/place-tasks.js';
import { projectRules } from './project-rules.js';
import { raisedReadingMs } from './reading-time.js';
import { taskConflict } from './task-conflict.js';
import { taskAnnotation } from './task-view.js';

export interface SubmitInput {
  version: number;
  readingMs?: number;
}

export async function submitTask(db: Kysely<Database>, args: { task: Task; project: Project; userId: number; input: SubmitInput }): Promise<Task> {
  const { task, project, input } = args;
  if (task.kind !== 'annotate') throw conflict(`task ${task.id} is a review task: it is completed by approving the image's consensus`);
  const { schema, rules } = projectRules(project);

  return db.transaction().execute(async (tx) => {
    const at = now();
    const submitted = await tx
      .updateTable('tasks')
      .set((eb) => ({
        version: eb('version', '+', 1),
        status: 'submitted' as const,
        started_at: eb.fn.coalesce('started_at', eb.val(at)),
        submitted_at: at,
        updated_at: at,
        ...(input.readingMs !== undefined ? { reading_ms: raisedReadingMs(eb, input.readingMs) } : {}),
      }))
      .where('id', '=', task.id)
      .where('version', '=', input.version)
      .where('status', 'in', OPEN_STATUSES)
      .returningAll()
      .executeTakeFirst();
    if (submitted === undefined) throw await taskConflict(tx, task.id);

    const read = await taskAnnotation(tx, task.id);
    const image = await tx.selectFrom('images').select(['width', 'height']).where('id', '=', task.image_id).executeTakeFirstOrThrow();
    const boxes: ReadBox[] = read.boxes.map(({ label, xMin, yMin, xMax, yMax }) => ({ label, xMin, yMin, xMax, yMax }));
    const violations = checkRead(rules, schema, { globals: read.globals, boxes }, { width: image.width, height: image.height });
    if (violations.length > 0) {
      const first = violations[0]!;
      const more = violations.length > 1 ? ` (and ${violations.length - 1} more)` : '';
      throw new ApiError(422, 'ERR_RULES', `the read breaks the project's rules: ${first.message}${more}`, undefined, { violations });
    }

    await audit(tx, {
      userId: args.userId,
      projectId: project.id,
      action: 'submit',
      entity: 'task',
      entityId: task.id,
      detail: { version: submitted.version, globals: read.globals.length, boxes: read.boxes.length, readingMs: submitted.reading_ms },
    });
    await openReviewIfComplete(tx, project, task.image_id, args.userId);
    return submitted;
  });
}
