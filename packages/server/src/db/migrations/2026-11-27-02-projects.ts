import type { Kysely } from 'kysely';
import type { DialectName } from '../dialect.js';
import { withId } from './column-types.js';

export async function up(db: Kysely<unknown>, dialect: DialectName): Promise<void> {
  await withId(db.schema.createTable('projects'), dialect)
    .addColumn('key', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('workflow', 'text', (c) => c.notNull())
    .addColumn('readers_per_image', 'integer', (c) => c.notNull())
    .addColumn('reviewers_per_image', 'integer', (c) => c.notNull())
    .addColumn('schema_json', 'text', (c) => c.notNull())
    .addColumn('rules_json', 'text', (c) => c.notNull())
    .addColumn('assignment_seed', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.references('users.id'))
    .execute();
  await db.schema
    .createTable('memberships')
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('memberships_pk', ['project_id', 'user_id', 'role'])
    .execute();
  await db.schema.createIndex('memberships_user').on('memberships').columns(['user_id', 'project_id']).execute();
  await db.schema
    .createTable('reader_pseudonyms')
    .addColumn('project_id', 'integer', (c) => c.notNull().references('projects.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('rad_id', 'text', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('reader_pseudonyms_pk', ['project_id', 'user_id'])
    .addUniqueConstraint('reader_pseudonyms_rad_id', ['project_id', 'rad_id'])
    .execute();
}
