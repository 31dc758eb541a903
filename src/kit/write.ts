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

/**
 * A kit folder being written: files go into a temporary sibling as they are ready, and `commit`
 * puts the whole folder in place at once (or `abort` removes it).
 */
export class StagedFolder {
  private readonly dir: string;
  private readonly temp: string;
  private readonly old: string;
  private done = false;

  /** Whether the folder is in place. */
  get committed(): boolean {
    return this.done;
  }

  constructor(
    private readonly target: string,
    private readonly force: boolean,
    private readonly lang: Locale,
  ) {
    this.dir = resolve(target);
    checkTarget(this.dir, force, lang);
    const parent = dirname(this.dir);
    const tag = `${process.pid}-${randomBytes(4).toString('hex')}`;
    this.temp = join(parent, `.${basename(this.dir)}.tmp-${tag}`);
    this.old = join(parent, `.${basename(this.dir)}.old-${tag}`);
    this.guard(() => {
      mkdirSync(parent, { recursive: true });
      mkdirSync(this.temp);
    });
  }

  /** Run `step`; any failure removes the temporary folder and becomes one UsageError. */
  private guard(step: () => void): void {
    try {
      step();
    } catch (error) {
      this.abort();
      if (error instanceof UsageError) throw error;
      const code = (error as NodeJS.ErrnoException).code;
      throw new UsageError(kitMessages(this.lang)('cannotWrite', { path: this.target, detail: code ?? String(error) }));
    }
  }

  write(name: string, content: string): void {
    this.guard(() => writeFlushed(join(this.temp, name), content));
  }

  commit(): void {
    this.guard(() => {
      fsyncDir(this.temp);
      checkTarget(this.dir, this.force, this.lang);
      if (existsSync(this.dir)) {
        renameSync(this.dir, this.old);
        try {
          renameSync(this.temp, this.dir);
        } catch (error) {
          renameSync(this.old, this.dir);
          throw error;
        }
        rmSync(this.old, { recursive: true, force: true });
      } else {
        renameSync(this.temp, this.dir);
      }
      this.done = true;
      fsyncDir(dirname(this.dir));
    });
  }

  /** Remove the temporary folder (nothing once committed). */
  abort(): void {
    if (!this.done) rmSync(this.temp, { recursive: true, force: true });
  }
}
