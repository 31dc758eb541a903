/** Which files `tanggap lint` looks at: playbook files under the given folders, or the files named. */
import { readdirSync, realpathSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { PLAYBOOK_FILE } from '../playbook/registry.js';

export class PathNotFound extends Error {
  constructor(readonly path: string) {
    super(`${path}: no such file or folder`);
  }
}

const SKIP = new Set(['node_modules', '.git', 'dist']);

export function discover(paths: string[], cwd: string): string[] {
  const files = new Set<string>();
  const visited = new Set<string>();
  const walk = (dir: string) => {
    let real: string;
    try {
      real = realpathSync(dir);
    } catch {
      return; // a dangling link or a loop inside a folder is skipped; named files are reported
    }
    if (visited.has(real)) return;
    visited.add(real);
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      if (SKIP.has(entry.name)) continue;
      const full = join(dir, entry.name);
      let isDir = entry.isDirectory();
      if (entry.isSymbolicLink()) {
        try {
          isDir = statSync(full).isDirectory();
        } catch {
          isDir = false;
        }
      }
      if (isDir) walk(full);
      else if (PLAYBOOK_FILE.test(entry.name)) files.add(full);
    }
  };
  for (const p of paths) {
    const full = resolve(cwd, p);
    let stat;
    try {
      stat = statSync(full);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'ELOOP') {
        files.add(full); // the loader reports the loop as a finding
        continue;
      }
      throw new PathNotFound(p);
    }
    if (stat.isDirectory()) walk(full);
    else files.add(full);
  }
  return [...files];
}
