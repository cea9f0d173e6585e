import { open, readFile, unlink } from 'node:fs/promises';
import { join } from 'node:path';

/** The lock file a service holds in its PGlite data folder while the folder is open. */
export const DATA_DIR_LOCK_FILE = 'dvc-server.lock';

/** Thrown when another running service has the PGlite data folder open. */
export class DataDirInUseError extends Error {
  override readonly name = 'DataDirInUseError';
  /** Stable code to branch on. */
  readonly code = 'ERR_DATA_DIR_IN_USE';
  /** The process id holding the folder. */
  readonly pid: number;
  constructor(dataDir: string, pid: number) {
    super(
      `The PGlite data folder ${dataDir} is in use by another DVC Kit service (process ${pid}). ` +
        'PGlite allows one process per folder: stop that service, or give this one another DATA_DIR ' +
        '(or use PostgreSQL, DATABASE_URL, to run several instances).',
    );
    this.pid = pid;
  }
}

/** A held lock; release it when the database is closed. */
export interface DataDirLock {
  release(): Promise<void>;
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: the process exists but belongs to another user.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Takes the folder's lock: a file created exclusively (`O_EXCL`) holding this process id. A lock left
 * by a process that no longer runs (killed with SIGKILL, a crashed machine) is taken over.
 *
 * @throws {DataDirInUseError} when a running process holds it, this one included (a second service
 *   on the same folder in one process is refused too).
 */
export async function lockDataDir(dataDir: string): Promise<DataDirLock> {
  const file = join(dataDir, DATA_DIR_LOCK_FILE);
  const content = `${process.pid}\n`;
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const handle = await open(file, 'wx', 0o600);
      try {
        await handle.writeFile(content);
      } finally {
        await handle.close();
      }
      return {
        async release() {
          const now = await readFile(file, 'utf8').catch(() => undefined);
          if (now === content) await unlink(file).catch(() => undefined);
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    const holder = Number.parseInt(await readFile(file, 'utf8').catch(() => ''), 10);
    if (Number.isInteger(holder) && holder > 0 && isAlive(holder)) throw new DataDirInUseError(dataDir, holder);
    // Stale (dead holder) or unreadable half-written lock: remove it and try again.
    await unlink(file).catch(() => undefined);
  }
  throw new Error(`Cannot take the lock ${file}: it keeps being re-created`);
}
