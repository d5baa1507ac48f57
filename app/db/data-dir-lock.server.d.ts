/** Types for data-dir-lock.server.js (plain JavaScript so that scripts/start.mjs can use it). */

export type DatabaseOwner = { pid: number; host: string; start?: string; since?: string };

export class DatabaseLockedError extends Error {
  constructor(folder: string, file: string, owner: DatabaseOwner);
  readonly folder: string;
  readonly lockFile: string;
  readonly owner: DatabaseOwner;
}

export type DatabaseLock = { file: string; release(): void };

export function databaseLockFile(databaseDir: string): string;
export function acquireDatabaseLock(databaseDir: string): DatabaseLock;
export function findDatabaseOwner(databaseDir: string): DatabaseOwner | undefined;
