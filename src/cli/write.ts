/** Writing an officer's files: to a temporary sibling, flushed, then renamed, so a failure never leaves half a file. */
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { UsageError } from './errors.js';

export function describeWriteError(error: unknown, file: string): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOSPC':
      return `${file}: the disk is full; nothing was overwritten`;
    case 'EACCES':
    case 'EPERM':
      return `${file}: permission denied; nothing was written`;
    case 'EROFS':
      return `${file}: the file system is read-only; nothing was written`;
    case 'ENOENT':
      return `${file}: the folder does not exist`;
    case 'EISDIR':
      return `${file}: is a folder`;
    default:
      return `${file}: cannot write (${code ?? String(error)})`;
  }
}

export function writeFileAtomic(file: string, content: string): void {
  const temp = join(dirname(file), `.${basename(file)}.${process.pid}.tmp`);
  let fd: number | undefined;
  try {
    fd = openSync(temp, 'w', 0o644);
    writeSync(fd, content);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(temp, file);
  } catch (error) {
    if (fd !== undefined) closeSync(fd);
    rmSync(temp, { force: true });
    throw new UsageError(describeWriteError(error, file));
  }
}
