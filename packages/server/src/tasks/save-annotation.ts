// Saving a draft read: one transaction that first moves the task's version on (only from the version the
// client loaded: a stale one gets 409) and then replaces the task's annotation rows. Drafts are not
// checked against the rules (that happens on submit), but every label must be one of the project's.
import { findLabel, type LabelSchema } from '@cxrlab/dataset';
import type { Kysely } from 'kysely';
import type { Database, Project, Task } from '../db/database.js';
import { now } from '../db/dialect.js';
import { audit } from '../audit/audit.js';
import { badRequest, conflict } from '../http/api-error.js';
import { chunks, OPEN_STATUSES } from '../workflow/place-tasks.js';
import { projectRules } from './project-rules.js';
import { raisedReadingMs } from './reading-time.js';
import { taskConflict } from './task-conflict.js';

export interface BoxInput {
  label: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface SaveAnnotationInput {
  version: number;
  globals: readonly string[];
  boxes: readonly BoxInput[];
  readingMs?: number;
}

/** The label as the schema spells it (aliases accepted); 400 naming the field when the schema lacks it. */
function schemaLabel(schema: LabelSchema, label: string, field: string): string {
  const found = findLabel(schema, label);
  if (found === undefined) throw badRequest(`${JSON.stringify(label)} is not a label of the project's schema (${schema.name})`, field);
  return found.name;
}

export async function saveAnnotation(db: Kysely<Database>, args: { task: Task; project: Project; userId: number; input: SaveAnnotationInput }): Promise<{ version: number }> {
  const { task, project, input } = args;
  if (task.kind !== 'annotate') throw conflict(`task ${task.id} is a review task: reviewers edit the image's consensus, not a read of their own`);
  const { schema } = projectRules(project);
  const globals = input.globals.map((label, i) => schemaLabel(schema, label, `body.globals[${i}]`));
  const boxes = input.boxes.map((box, i) => ({ ...box, label: schemaLabel(schema, box.label, `body.boxes[${i}].label`) }));

  return db.transaction().execute(async (tx) => {
    const at = now();
    const updated = await tx
      .updateTable('tasks')
      .set((eb) => ({
        version: eb('version', '+', 1),
        status: 'in_progress' as const,
        started_at: eb.fn.coalesce('started_at', eb.val(at)),
        updated_at: at,
        ...(input.readingMs !== undefined ? { reading_ms: raisedReadingMs(eb, input.readingMs) } : {}),
      }))
      .where('id', '=', task.id)
      .where('version', '=', input.version)
      .where('status', 'in', OPEN_STATUSES)
      .returning('version')
      .executeTakeFirst();
    if (updated === undefined) throw await taskConflict(tx, task.id);

    await tx.deleteFrom('annotations').where('task_id', '=', task.id).execute();
    const rows = [
      ...globals.map((label) => ({ task_id: task.id, image_id: task.image_id, kind: 'global' as const, label, x_min: null, y_min: null, x_max: null, y_max: null })),
      ...boxes.map((b) => ({ task_id: task.id, image_id: task.image_id, kind: 'local' as const, label: b.label, x_min: b.xMin, y_min: b.yMin, x_max: b.xMax, y_max: b.yMax })),
    ];
    for (const batch of chunks(rows)) await tx.insertInto('annotations').values(batch).execute();
    await audit(tx, {
      userId: args.userId,
      projectId: project.id,
      action: 'save',
      entity: 'task',
      entityId: task.id,
      detail: { version: updated.version, globals: globals.length, boxes: boxes.length },
    });
    return { version: updated.version };
  });
}
