/** Finding playbooks: the built-in ones shipped with the package and an office's own folders. */
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { codeId, hashOf, readCache, writeCache } from '../cache.js';
import { PACKAGE_ROOT } from '../package.js';
import { loadPlaybook, type LoadedPlaybook } from './load.js';
import { LOCALES, type Locale } from './schema.js';
import { loadYamlFile, type Json } from './yaml.js';

export { PACKAGE_ROOT };
export const BUILTIN_PLAYBOOKS = join(PACKAGE_ROOT, 'playbooks');
export const BUILTIN_TEMPLATES = join(PACKAGE_ROOT, 'templates');

export const PLAYBOOK_FILE = /\.playbook\.ya?ml$/;

export interface PlaybookEntry {
  id: string;
  aliases: string[];
  title: Partial<Record<Locale, string>>;
  category: string;
  locales: Locale[];
  source: 'built-in' | 'local';
  file: string;
}

function realOrSelf(dir: string): string {
  try {
    return realpathSync(dir);
  } catch {
    return dir;
  }
}

export class PlaybookNotFound extends Error {
  constructor(readonly name: string, readonly known: string[]) {
    super(`no playbook named "${name}"`);
  }
}

function playbookFiles(dir: string): string[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) return [];
  return readdirSync(dir)
    .filter((name) => PLAYBOOK_FILE.test(name))
    .sort()
    .map((name) => join(dir, name));
}

type IndexEntry = Omit<PlaybookEntry, 'file' | 'source'> | null;
interface FolderIndex {
  [name: string]: { stamp: string; entry: IndexEntry };
}

const isStrings = (v: unknown): v is string[] => Array.isArray(v) && v.every((x) => typeof x === 'string');
const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A cached index as this code writes it; anything else (a damaged or foreign file) is ignored whole. */
function isFolderIndex(value: unknown): value is FolderIndex {
  if (!isRecord(value)) return false;
  return Object.values(value).every((item) => {
    if (!isRecord(item) || typeof item.stamp !== 'string') return false;
    const e = item.entry;
    if (e === null) return true;
    return (
      isRecord(e) &&
      typeof e.id === 'string' &&
      isStrings(e.aliases) &&
      isRecord(e.title) &&
      Object.values(e.title).every((t) => typeof t === 'string') &&
      typeof e.category === 'string' &&
      isStrings(e.locales) &&
      e.locales.every((l) => (LOCALES as readonly string[]).includes(l))
    );
  });
}

/**
 * A folder's entries, reusing the user's cached index for files unchanged since (same size,
 * modification and change time): listing the playbooks then reads none of them.
 */
function folderEntries(dir: string, source: PlaybookEntry['source']): PlaybookEntry[] {
  const files = playbookFiles(dir);
  let key: string | undefined;
  let index: FolderIndex = {};
  try {
    key = `${hashOf(codeId(import.meta.url), realOrSelf(dir))}.json`;
    const read: unknown = JSON.parse(readCache('playbook-index', key) ?? '{}');
    index = isFolderIndex(read) ? read : {};
  } catch {
    index = {};
  }
  const next: FolderIndex = {};
  let changed = false;
  const entries: PlaybookEntry[] = [];
  for (const file of files) {
    const name = basename(file);
    let stamp = '';
    try {
      const st = statSync(file);
      stamp = `${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}`;
    } catch {
      /* unreadable: entryOf reports nothing for it */
    }
    const known = index[name];
    let entry: IndexEntry;
    if (stamp && known && known.stamp === stamp) {
      entry = known.entry;
    } else {
      const full = entryOf(file, source);
      entry = full ? { id: full.id, aliases: full.aliases, title: full.title, category: full.category, locales: full.locales } : null;
      changed = true;
    }
    if (stamp) next[name] = { stamp, entry };
    if (entry) entries.push({ ...entry, source, file });
  }
  if (key && (changed || Object.keys(index).length !== Object.keys(next).length)) writeCache('playbook-index', key, JSON.stringify(next));
  return entries;
}

const text = (v: Json | undefined): string | undefined => (typeof v === 'string' ? v : undefined);

function entryOf(file: string, source: PlaybookEntry['source']): PlaybookEntry | undefined {
  const doc = loadYamlFile(file);
  const v = doc.value;
  if (!v || typeof v !== 'object' || Array.isArray(v) || typeof v.id !== 'string') return undefined;
  const title = v.title && typeof v.title === 'object' && !Array.isArray(v.title) ? v.title : {};
  const aliases = Array.isArray(v.aliases) ? v.aliases.filter((a): a is string => typeof a === 'string') : [];
  const locales = LOCALES.filter((l) => text(title[l]) !== undefined);
  return {
    id: v.id,
    aliases,
    title: Object.fromEntries(locales.map((l) => [l, text(title[l])!])),
    category: text(v.category) ?? (typeof v.extends === 'string' ? `(extends ${v.extends})` : ''),
    locales,
    source,
    file,
  };
}

export class Registry {
  private entries?: PlaybookEntry[];

  /** @param localDirs folders of the office's own playbooks, searched before the built-ins */
  constructor(readonly localDirs: string[] = [], readonly builtinDir = BUILTIN_PLAYBOOKS) {}

  list(): PlaybookEntry[] {
    if (!this.entries) {
      // In tanggap's own folder ./playbooks is the built-in folder; list it once, as built-in.
      const builtinReal = realOrSelf(this.builtinDir);
      const localDirs = [...new Set(this.localDirs.map((d) => realOrSelf(resolve(d))))].filter((d) => d !== builtinReal);
      const local = localDirs.flatMap((dir) => folderEntries(dir, 'local'));
      this.entries = [...local, ...folderEntries(this.builtinDir, 'built-in')];
    }
    return this.entries;
  }

  /** Find by id, alias or file path; local playbooks win over built-ins of the same name. */
  find(name: string): PlaybookEntry {
    if (PLAYBOOK_FILE.test(name) || name.endsWith('.yaml') || name.endsWith('.yml')) {
      const file = resolve(name);
      if (existsSync(file)) return entryOf(file, 'local') ?? { id: basename(file), aliases: [], title: {}, category: '', locales: [], source: 'local', file };
    }
    const all = this.list();
    const hit = all.find((e) => e.id === name) ?? all.find((e) => e.aliases.includes(name));
    if (!hit) throw new PlaybookNotFound(name, all.map((e) => e.id));
    return hit;
  }

  /** `extends: <id>` — another playbook than the one extending, local first, then built-in. */
  resolveExtends = (name: string, fromFile: string): string | undefined => {
    const from = resolve(fromFile);
    const all = this.list().filter((e) => resolve(e.file) !== from);
    const local = all.find((e) => e.source === 'local' && (e.id === name || e.aliases.includes(name)));
    const builtin = all.find((e) => e.source === 'built-in' && (e.id === name || e.aliases.includes(name)));
    return (local ?? builtin)?.file;
  };

  load(name: string): LoadedPlaybook {
    return loadPlaybook(this.find(name).file, this.resolveExtends, 'en', { cache: true });
  }
}
