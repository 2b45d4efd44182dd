import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';
import { FLOAT, withId } from './column-types.js';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await db.schema
    .createTable('consensus')
    .addColumn('image_id', 'integer', (c) => c.primaryKey().references('images.id'))
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer', (c) => c.references('users.id'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('consensus_project').on('consensus').columns(['project_id', 'status']).execute();
  await withId(db.schema.createTable('consensus_annotations'), dialect)
    .addColumn('image_id', 'integer', (c) => c.notNull().references('images.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('x_min', FLOAT)
    .addColumn('y_min', FLOAT)
    .addColumn('x_max', FLOAT)
    .addColumn('y_max', FLOAT)
    .execute();
  await db.schema.createIndex('consensus_annotations_image').on('consensus_annotations').column('image_id').execute();
  await db.schema
    .createTable('approvals')
    .addColumn('image_id', 'integer', (c) => c.notNull().references('images.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('approved_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('approvals_pk', ['image_id', 'user_id'])
    .execute();
  await withId(db.schema.createTable('comments'), dialect)
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id'))
    .addColumn('image_id', 'integer', (c) => c.notNull().references('images.id'))
    .addColumn('task_id', 'integer', (c) => c.references('tasks.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('comments_image').on('comments').column('image_id').execute();
}
