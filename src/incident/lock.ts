/**
 * One walk per incident at a time. The lock file is created with O_EXCL, so of two tanggap
 * processes exactly one wins; it names its holder so the other can tell the officer who has it.
 * A lock left by a process that died on this machine is recovered.
 */
import { closeSync, fsyncSync, openSync, readFileSync, statSync, unlinkSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { storageError, writeAll } from './durable.js';
import { RecordError } from './messages.js';

export const LOCK_FILE = '.tanggap.lock';
/** A lock file with no readable holder that is older than this was left by a crash while being created. */
const UNREADABLE_LOCK_GRACE_MS = 30_000;

export interface LockHolder {
  pid: number;
  host: string;
  /** ISO time the holder took the lock */
  since: string;
}

export interface Lock {
  holder: LockHolder;
  /** a stale lock that was taken over */
  recovered?: LockHolder;
  release(): void;
}

/** Who holds the incident's lock now, if anyone still running does (for `tanggap status`). */
export function lockHolder(dir: string): LockHolder | undefined {
  const holder = readHolder(join(dir, LOCK_FILE));
  if (!holder) return undefined;
  return holder.host !== hostname() || processAlive(holder.pid) ? holder : undefined;
}

function readHolder(file: string): LockHolder | undefined {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as Partial<LockHolder>;
    if (typeof value.pid === 'number' && typeof value.host === 'string' && typeof value.since === 'string') return value as LockHolder;
  } catch {
    // unreadable: handled by the caller
  }
  return undefined;
}

/** Is a process with this id running on this machine? EPERM means it runs under another user. */
export function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function tryCreate(file: string, holder: LockHolder): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'wx', 0o644);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw storageError(error, file);
  }
  try {
    writeAll(fd, Buffer.from(`${JSON.stringify(holder)}\n`, 'utf8'));
    fsyncSync(fd);
  } catch (error) {
    closeSync(fd);
    unlinkSync(file);
    throw storageError(error, file);
  }
  closeSync(fd);
  return true;
}

/**
 * Take the incident's lock or throw a RecordError naming who holds it.
 * `formatSince` turns the holder's ISO start time into words for the message.
 */
export function acquireLock(dir: string, now: Date = new Date(), formatSince: (iso: string) => string = (iso) => iso): Lock {
  const file = join(dir, LOCK_FILE);
  const holder: LockHolder = { pid: process.pid, host: hostname(), since: now.toISOString() };
  let recovered: LockHolder | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    if (tryCreate(file, holder)) {
      return {
        holder,
        recovered,
        release: () => {
          // Remove only our own lock: after a takeover the file may belong to someone else.
          const current = readHolder(file);
          if (current && current.pid === holder.pid && current.since === holder.since && current.host === holder.host) {
            try {
              unlinkSync(file);
            } catch {
              // gone already
            }
          }
        },
      };
    }
    const other = readHolder(file);
    if (!other) {
      let age = 0;
      try {
        age = now.getTime() - statSync(file).mtimeMs;
      } catch {
        continue; // removed meanwhile: try again
      }
      if (age < UNREADABLE_LOCK_GRACE_MS) throw new RecordError('locked-unknown', { path: file });
    } else if (other.host !== holder.host || processAlive(other.pid)) {
      throw new RecordError('locked', { pid: other.pid, host: other.host, since: formatSince(other.since), path: file });
    }
    recovered = other ?? recovered;
    try {
      unlinkSync(file);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw storageError(error, file);
    }
  }
  throw new RecordError('locked-unknown', { path: file });
}
