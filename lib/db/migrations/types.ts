import type { Dialect } from '../types';

/** Column types that differ between the two databases. */
export interface Types {
  /** Auto-incrementing primary key for append-only logs. */
  serialPk: string;
  /** Binary data. */
  bytes: string;
}

export function typesFor(dialect: Dialect): Types {
  return dialect === 'sqlite'
    ? { serialPk: 'INTEGER PRIMARY KEY AUTOINCREMENT', bytes: 'BLOB' }
    : { serialPk: 'BIGSERIAL PRIMARY KEY', bytes: 'BYTEA' };
}

/**
 * One versioned schema change. `up` returns SQL for the given dialect; it runs
 * in a transaction with the bookkeeping row, so a migration applies whole or
 * not at all. Never edit a migration that has landed: add a new one.
 */
export interface Migration {
  id: number;
  name: string;
  up(t: Types, dialect: Dialect): string;
}
