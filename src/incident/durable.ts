/**
 * Writes that survive a crash or a pulled plug: appends are fsync'ed before returning, and
 * whole files are replaced by writing a temporary file, fsync'ing it and renaming it over the
 * old one, so a reader sees the old file or the new one, never half of each.
 */
import { closeSync, fsyncSync, openSync, renameSync, unlinkSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { RecordError } from './messages.js';

/** Turn a file-system failure into a one-line message for the officer. */
export function storageError(error: unknown, path: string): RecordError {
  if (error instanceof RecordError) return error;
  const code = (error as NodeJS.ErrnoException)?.code ?? 'EIO';
  switch (code) {
    case 'ENOSPC':
    case 'EDQUOT':
      return new RecordError('disk-full', { path });
    case 'EROFS':
      return new RecordError('read-only', { path });
    case 'EACCES':
    case 'EPERM':
      return new RecordError('permission', { path });
    default:
      return new RecordError('storage-other', { path, code });
  }
}

/** Write all of `data` at the descriptor's position (writeSync may write less than asked). */
export function writeAll(fd: number, data: Buffer): void {
  let offset = 0;
  while (offset < data.length) offset += writeSync(fd, data, offset, data.length - offset);
}

/** Make a directory entry (a new or renamed file) durable. Not every platform can open a directory. */
export function fsyncDir(dir: string): void {
  let fd: number | undefined;
  try {
    fd = openSync(dir, 'r');
    fsyncSync(fd);
  } catch {
    // Windows cannot fsync a directory; its rename is durable once the file is flushed.
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

let counter = 0;

/** Replace `file` with `content` atomically. On failure the old file is untouched and the temporary file removed. */
export function writeFileAtomic(file: string, content: string | Buffer): void {
  const dir = dirname(file);
  const temp = join(dir, `.${basename(file)}.${process.pid}.${++counter}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'wx', 0o644);
    writeAll(fd, typeof content === 'string' ? Buffer.from(content, 'utf8') : content);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, file);
  } catch (error) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already failing; the original error is the one to report
      }
    }
    try {
      unlinkSync(temp);
    } catch {
      // the temporary file may never have been created
    }
    throw storageError(error, file);
  }
  fsyncDir(dir);
}
