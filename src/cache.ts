/**
 * The user's cache folder ($XDG_CACHE_HOME/tanggap, else ~/.cache/tanggap): work a later run can
 * reuse (V8 code caches, compiled templates, parsed playbooks, the playbook index). Every entry is
 * keyed by its inputs and by the code that made it (a build's hash, or its file's identity), so a
 * run never takes an entry another version made; and the cache is an optimisation only: when it
 * cannot be read or written, or is not private, the caller does the work as if there were none.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { packageVersion } from './package.js';

/**
 * Entries kept per kind; beyond it the least recently written are removed. V8's code caches are
 * large (most of a megabyte) and one per command and build, so only the recent ones are kept.
 */
const MAX_ENTRIES: Record<string, number> = { code: 32, templates: 1000, yaml: 300, 'playbook-index': 100 };
const DEFAULT_MAX_ENTRIES = 300;

export const hashOf = (...parts: (string | Buffer)[]): string => {
  const hash = createHash('sha256');
  for (const part of parts) hash.update(part).update('\0');
  return hash.digest('hex');
};

const BUILD_LINE = /\/\/ tanggap-build: ([0-9a-f]{64})\n$/;
/**
 * The hash naming a script's code: the one the bundler writes on the bundle's last line
 * (scripts/bundle.js), else the hash of the text itself.
 */
export const scriptHash = (source: string): string => BUILD_LINE.exec(source.slice(-100))?.[1] ?? hashOf(source);

const codeIds = new Map<string, string>();
/**
 * Names the code of a module (pass import.meta.url) by its file's identity: size, inode,
 * modification and change times (the change time moves whenever the file is written), with the
 * package version, so entries made by other code are never used. Cheaper than hashing the file
 * (the bundle is one large script), and any rebuild or upgrade changes it.
 */
export function codeId(moduleUrl: string): string {
  let id = codeIds.get(moduleUrl);
  if (!id) {
    const st = statSync(fileURLToPath(moduleUrl));
    id = hashOf(packageVersion(), moduleUrl, String(st.size), String(st.mtimeMs), String(st.ctimeMs), String(st.ino), String(st.dev));
    codeIds.set(moduleUrl, id);
  }
  return id;
}

/**
 * Whether a folder may hold entries: the cache keeps compiled code, so a folder someone else owns
 * or can write to is not used (only speed is lost). A folder that does not exist yet is created
 * private (0700) by writeCache.
 */
const trusted = new Map<string, boolean>();
function trustworthy(folder: string): boolean {
  let verdict = trusted.get(folder);
  if (verdict === undefined) {
    try {
      const st = statSync(folder);
      const uid = process.getuid?.();
      verdict = st.isDirectory() && (uid === undefined || st.uid === uid) && (process.platform === 'win32' || (st.mode & 0o022) === 0);
    } catch (error) {
      verdict = (error as NodeJS.ErrnoException).code === 'ENOENT';
    }
    trusted.set(folder, verdict);
  }
  return verdict;
}

/** The folder for one kind of entry, or undefined when there is no usable cache folder. */
export function cacheFolder(kind: string): string | undefined {
  if (process.env.TANGGAP_NO_CACHE === '1') return undefined;
  try {
    const root = join(process.env.XDG_CACHE_HOME || join(homedir(), '.cache'), 'tanggap');
    const folder = join(root, kind);
    return trustworthy(root) && trustworthy(folder) ? folder : undefined;
  } catch {
    return undefined;
  }
}

/** An entry's text, or undefined when there is none or it cannot be read. */
export function readCache(kind: string, key: string): string | undefined {
  return readCacheBytes(kind, key)?.toString('utf8');
}

/** An entry's bytes, or undefined when there is none or it cannot be read. */
export function readCacheBytes(kind: string, key: string): Buffer | undefined {
  const folder = cacheFolder(kind);
  if (!folder) return undefined;
  try {
    return readFileSync(join(folder, key));
  } catch {
    return undefined;
  }
}

/** Temporary files older than this were left by a run that died mid-write. */
const STALE_TEMP_MS = 10 * 60 * 1000;

function prune(folder: string, max: number): void {
  const all = readdirSync(folder);
  for (const name of all.filter((n) => n.endsWith('.tmp'))) {
    const path = join(folder, name);
    if (Date.now() - statSync(path).mtimeMs > STALE_TEMP_MS) unlinkSync(path);
  }
  const names = all.filter((n) => !n.endsWith('.tmp'));
  if (names.length <= max) return;
  const aged = names.map((name) => ({ name, at: statSync(join(folder, name)).mtimeMs })).sort((a, b) => a.at - b.at);
  for (const { name } of aged.slice(0, names.length - max)) unlinkSync(join(folder, name));
}

/** Write an entry atomically (a reader never sees half of it); failures are ignored. */
export function writeCache(kind: string, key: string, text: string | Uint8Array): void {
  const folder = cacheFolder(kind);
  if (!folder) return;
  const temp = join(folder, `${key}.${process.pid}.tmp`);
  try {
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    writeFileSync(temp, text, { mode: 0o600 });
    renameSync(temp, join(folder, key));
    prune(folder, MAX_ENTRIES[kind] ?? DEFAULT_MAX_ENTRIES);
  } catch {
    // A read-only or full cache folder only costs speed; what was half written goes.
    try {
      unlinkSync(temp);
    } catch {
      /* not there */
    }
  }
}
