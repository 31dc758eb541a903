/**
 * Where template and partial files may come from: inside the project root of the playbook file
 * that names them, or the built-in templates folder. Absolute paths, `..` escapes and symbolic
 * links that lead out are refused.
 */
import { existsSync, readdirSync, realpathSync, statSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve } from 'node:path';
import type { LoadedPlaybook } from '../playbook/load.js';
import { projectRoot } from '../playbook/load.js';
import { BUILTIN_TEMPLATES } from '../playbook/registry.js';
import type { Locale } from '../playbook/schema.js';
import type { RenderMessage } from './messages.js';

export const BUILTIN_PARTIALS_DIR = join(BUILTIN_TEMPLATES, 'partials');
/** The partials every playbook can use (docs/playbook-format.md, "Partials"). */
export const BUILTIN_PARTIALS = ['letterhead', 'dateline', 'quote', 'contact', 'about', 'closing'] as const;

export class FileRefusal extends Error {
  /** where the path is written in the playbook (JSON pointer), when known */
  pointer?: string;
  constructor(readonly reason: RenderMessage, readonly params: Record<string, string>) {
    super(reason);
  }
}

const inside = (path: string, root: string) => {
  const rel = relative(root, path);
  return rel === '' || (!rel.startsWith('..') && !isAbsolute(rel));
};

function realOrSelf(path: string): string {
  try {
    return realpathSync(path);
  } catch {
    return path;
  }
}

let builtinReal: string | undefined;
const realBuiltinTemplates = () => (builtinReal ??= realOrSelf(BUILTIN_TEMPLATES));

/**
 * Resolve `written` (relative to the file `declaredIn`) to a readable file inside the allowed
 * roots; throws FileRefusal otherwise.
 */
export function resolveSafe(written: string, declaredIn: string): string {
  if (isAbsolute(written) || /^[a-zA-Z]:[\\/]/.test(written) || written.startsWith('\\')) {
    throw new FileRefusal('absolutePath', { path: written });
  }
  const root = projectRoot(declaredIn);
  const roots = [realOrSelf(root), realBuiltinTemplates()];
  const path = resolve(dirname(declaredIn), written);
  if (!inside(path, root) && !inside(path, BUILTIN_TEMPLATES)) throw new FileRefusal('outsideRoot', { path: written, root });
  if (!existsSync(path)) throw new FileRefusal('fileNotFound', { path: written });
  const real = realpathSync(path);
  if (!roots.some((r) => inside(real, r))) throw new FileRefusal('symlinkOut', { path: written });
  if (!statSync(real).isFile()) throw new FileRefusal('notAFile', { path: written });
  return real;
}

export interface PartialSource {
  name: string;
  file: string;
}

/** Partial files in a folder named `<name>.<lang>.md.hbs`, each checked to stay inside `root`. */
function partialsIn(dir: string, lang: Locale, root: string): Map<string, string> {
  const found = new Map<string, string>();
  if (!existsSync(dir)) return found;
  const suffix = `.${lang}.md.hbs`;
  const realRoot = realOrSelf(root);
  for (const entry of readdirSync(dir)) {
    if (!entry.endsWith(suffix)) continue;
    const name = entry.slice(0, -suffix.length);
    if (!/^[a-z][a-z0-9-]*$/.test(name)) continue;
    const real = realOrSelf(join(dir, entry));
    if (!inside(real, realRoot) || !statSync(real).isFile()) continue;
    found.set(name, real);
  }
  return found;
}

const partialsFound = new WeakMap<LoadedPlaybook, Partial<Record<Locale, ReadonlyMap<string, string>>>>();

/**
 * The partials for a playbook in one language, by precedence: the playbook's `partials:`, then
 * the office's `templates/partials/` folder at its project root, then the built-ins. Found once
 * per loaded playbook and language (a kit renders many statements with the same partials).
 */
export function partialFiles(loaded: LoadedPlaybook, lang: Locale): ReadonlyMap<string, string> {
  let known = partialsFound.get(loaded);
  if (!known) partialsFound.set(loaded, (known = {}));
  return (known[lang] ??= findPartials(loaded, lang));
}

function findPartials(loaded: LoadedPlaybook, lang: Locale): Map<string, string> {
  const all = partialsIn(BUILTIN_PARTIALS_DIR, lang, BUILTIN_TEMPLATES);
  const root = projectRoot(loaded.file);
  for (const [name, file] of partialsIn(join(root, 'templates', 'partials'), lang, root)) all.set(name, file);
  const declared = loaded.playbook?.partials ?? {};
  for (const name of Object.keys(declared)) {
    const written = declared[name][lang];
    if (!written) continue;
    const pointer = `/partials/${name}/${lang}`;
    try {
      all.set(name, resolveSafe(written, loaded.map.fileOf(pointer)));
    } catch (error) {
      if (error instanceof FileRefusal) error.pointer = pointer;
      throw error;
    }
  }
  return all;
}

/** The template file for a language, relative to the playbook file that wrote it. */
export function templateFile(loaded: LoadedPlaybook, index: number, lang: Locale): { file: string; pointer: string; declaredIn: string } | undefined {
  const template = loaded.playbook!.templates[index];
  const written = template.files[lang];
  if (!written) return undefined;
  const pointer = `/templates/${index}/files/${lang}`;
  const declaredIn = loaded.map.fileOf(pointer);
  return { file: resolveSafe(written, declaredIn), pointer, declaredIn };
}
