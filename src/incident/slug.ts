/**
 * Folder names for incident records. A title is free text typed under stress (Indonesian
 * words, slashes, emoji, "../", a Windows device name, a whole paragraph); the folder name
 * must be safe on every file system an office uses.
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';

export const MAX_SLUG_LENGTH = 60;
export const FALLBACK_SLUG = 'insiden';

/** Device names Windows refuses as file names, with or without an extension. */
const WINDOWS_RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/;

/** A lowercase ASCII kebab-case name: safe, non-empty, at most MAX_SLUG_LENGTH characters. */
export function slugify(title: string): string {
  let slug = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '') // accents: "Pengungsian Désa" -> "pengungsian-desa"
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  if (slug.length > MAX_SLUG_LENGTH) {
    const cut = slug.slice(0, MAX_SLUG_LENGTH + 1);
    const lastBreak = cut.lastIndexOf('-');
    // Cut at a word boundary unless that throws away most of the room.
    slug = (lastBreak > MAX_SLUG_LENGTH / 2 ? cut.slice(0, lastBreak) : cut.slice(0, MAX_SLUG_LENGTH)).replace(/-+$/, '');
  }
  if (slug === '') return FALLBACK_SLUG;
  if (WINDOWS_RESERVED.test(slug)) return `${slug}-${FALLBACK_SLUG}`;
  return slug;
}

/**
 * Create `<root>/<date>-<slug>` (or `-2`, `-3`, … when taken) and return its path. mkdir
 * without `recursive` fails on an existing folder, so two officers never share one record.
 */
export function createIncidentFolder(root: string, date: string, title: string): string {
  mkdirSync(root, { recursive: true });
  const base = `${date}-${slugify(title)}`;
  for (let n = 1; ; n++) {
    const dir = join(root, n === 1 ? base : `${base}-${n}`);
    try {
      mkdirSync(dir);
      return dir;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
  }
}
