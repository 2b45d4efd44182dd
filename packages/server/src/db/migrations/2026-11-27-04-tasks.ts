import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';
import { FLOAT, withId } from './column-types.js';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await withId(db.schema.createTable('tasks'), dialect)
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id'))
    .addColumn('image_id', 'integer', (c) => c.notNull().references('images.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reading_ms', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('skip_reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('started_at', 'text')
    .addColumn('submitted_at', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('tasks_image_kind_user', ['image_id', 'kind', 'user_id'])
    .execute();
  // "Next task": one index seek per status.
  await db.schema.createIndex('tasks_worklist').on('tasks').columns(['user_id', 'project_id', 'status', 'position']).execute();
  await db.schema.createIndex('tasks_project_status').on('tasks').columns(['project_id', 'kind', 'status']).execute();
  await withId(db.schema.createTable('annotations'), dialect)
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id'))
    .addColumn('image_id', 'integer', (c) => c.notNull().references('images.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('x_min', FLOAT)
    .addColumn('y_min', FLOAT)
    .addColumn('x_max', FLOAT)
    .addColumn('y_max', FLOAT)
    .execute();
  await db.schema.createIndex('annotations_task').on('annotations').column('task_id').execute();
  await db.schema.createIndex('annotations_image').on('annotations').column('image_id').execute();
}
