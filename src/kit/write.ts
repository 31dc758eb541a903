/**
 * Putting the kit folder in place without ever leaving half a kit: every file is written and
 * flushed in a temporary sibling folder, which is renamed to the target at the end. With
 * --force the old folder is first renamed away, then the new one renamed in, then the old one
 * removed; if the swap fails the old folder is put back.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { UsageError } from '../cli/errors.js';
import type { Locale } from '../playbook/schema.js';
import { kitMessages } from './messages.js';

function writeFlushed(file: string, content: string): void {
  const fd = openSync(file, 'wx', 0o644);
  try {
    writeSync(fd, content);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
}

function fsyncDir(dir: string): void {
  try {
    const fd = openSync(dir, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  } catch {
    // Some file systems cannot sync a directory; the rename is still atomic there.
  }
}

/** The reason an existing target refuses the kit, or undefined when it may be written. */
export function checkTarget(target: string, force: boolean, lang: Locale): void {
  const t = kitMessages(lang);
  if (!existsSync(target)) return;
  if (!statSync(target).isDirectory()) throw new UsageError(t('notADir', { path: target }));
  if (!force) throw new UsageError(t('exists', { path: target }));
}

/** Write `files` (name -> content) as the folder `target`. */
export function writeKitFolder(target: string, files: Map<string, string>, force: boolean, lang: Locale): void {
  const t = kitMessages(lang);
  const dir = resolve(target);
  checkTarget(dir, force, lang);
  const parent = dirname(dir);
  const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
  const temp = join(parent, `.${basename(dir)}.tmp-${tag}`);
  const old = join(parent, `.${basename(dir)}.old-${tag}`);
  try {
    mkdirSync(parent, { recursive: true });
    mkdirSync(temp);
    for (const [name, content] of files) writeFlushed(join(temp, name), content);
    fsyncDir(temp);
    if (existsSync(dir)) {
      renameSync(dir, old);
      try {
        renameSync(temp, dir);
      } catch (error) {
        renameSync(old, dir);
        throw error;
      }
      rmSync(old, { recursive: true, force: true });
    } else {
      renameSync(temp, dir);
    }
    fsyncDir(parent);
  } catch (error) {
    rmSync(temp, { recursive: true, force: true });
    if (error instanceof UsageError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(t('cannotWrite', { path: target, detail: code ?? String(error) }));
  }
}
