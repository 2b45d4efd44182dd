// Column helpers for migrations: the few places where SQLite and PostgreSQL spell a type differently.
import type { CreateTableBuilder } from 'kysely';
import type { DialectName } from '../dialect.js';

/** An auto-incrementing integer primary key named id. */
export function withId<T extends string>(table: CreateTableBuilder<T, never>, dialect: DialectName): CreateTableBuilder<T, 'id'> {
  return dialect === 'postgres'
    ? table.addColumn('id', 'serial', (c) => c.primaryKey())
    : table.addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement());
}

/** Box coordinates: REAL affinity in SQLite, float8 in PostgreSQL. */
export const FLOAT = 'double precision' as const;
