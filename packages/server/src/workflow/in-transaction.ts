// Runs work in a transaction: the caller's, when it passes one, or a new one.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/database.js';

export function inTransaction<T>(db: Kysely<Database>, work: (tx: Kysely<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute((tx: Transaction<Database>) => work(tx));
}
