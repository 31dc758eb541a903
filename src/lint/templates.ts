/**
 * The template and partial files a playbook names: where they resolve, whether they stay inside
 * the project root, their text and their parsed Handlebars tree (cached across playbooks).
 * Handlebars is loaded only when a template is actually parsed.
 */
import { createRequire } from 'node:module';
import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve, sep } from 'node:path';
import type { LocalizedParam, Position } from '../findings.js';
import { translator } from '../i18n/lang.js';
import type { LoadedPlaybook } from '../playbook/load.js';
import { projectRoot } from '../playbook/load.js';
import { problemTerm } from '../playbook/messages.js';
import { BUILTIN_TEMPLATES } from '../playbook/registry.js';
import type { Playbook } from '../playbook/schema.js';
import { readFileText } from '../playbook/yaml.js';

export type FileProblem = 'absolute' | 'escape' | 'missing' | 'symlink-out' | 'unreadable';

export interface TemplateFile {
  /** template id, or undefined for a partial */
  templateId?: string;
  partial?: string;
  lang: string;
  /** pointer of the `files.<lang>` value in the merged playbook */
  pointer: string;
  /** the file that wrote the path, and the root it must stay in */
  declaredIn: string;
  root: string;
  /** the path as written in the playbook */
  written: string;
  path: string;
  problem?: FileProblem;
  /** why an `unreadable` file cannot be read, in both languages */
  detail?: LocalizedParam;
}

export interface ParsedTemplate {
  source: string;
  ast?: HbsProgram;
  error?: TemplateSyntaxError;
}

/** A Handlebars parse error: what is wrong (in both languages) and where. */
export interface TemplateSyntaxError {
  detail: LocalizedParam;
  position: Position;
}

/** The parts of Handlebars' AST that the rules read. */
export interface HbsNode {
  type: string;
  loc?: { start: { line: number; column: number }; end: { line: number; column: number } };
  [key: string]: unknown;
}
export interface HbsProgram extends HbsNode {
  body: HbsNode[];
}

const require = createRequire(import.meta.url);
let handlebars: { parse(source: string): HbsProgram } | undefined;
// Only Handlebars' parser: linting never renders, and the full library costs start-up time.
const hbs = () => (handlebars ??= require('handlebars/dist/cjs/handlebars/compiler/base.js') as { parse(source: string): HbsProgram });

const parsedCache = new Map<string, ParsedTemplate>();

/** Resolve a path written in `declaredIn`, keeping it inside the root (or the built-in templates). */
export function resolveInside(written: string, declaredIn: string): { path: string; root: string; problem?: FileProblem } {
  const root = projectRoot(declaredIn);
  if (isAbsolute(written) || /^[a-zA-Z]:[\\/]/.test(written)) return { path: written, root, problem: 'absolute' };
  const path = resolve(dirname(declaredIn), written);
  const inside = (p: string, r: string) => p === r || p.startsWith(r.endsWith(sep) ? r : r + sep);
  if (!inside(path, root)) return { path, root, problem: 'escape' };
  if (!existsSync(path)) return { path, root, problem: 'missing' };
  try {
    const real = realpathSync(path);
    const realRoot = realpathSync(root);
    if (!inside(real, realRoot) && !inside(real, realpathSync(BUILTIN_TEMPLATES))) return { path, root, problem: 'symlink-out' };
  } catch {
    return { path, root, problem: 'missing' };
  }
  return { path, root };
}

export class TemplateFiles {
  private files?: TemplateFile[];
  constructor(private readonly loaded: LoadedPlaybook, private readonly playbook: Playbook) {}

  all(): TemplateFile[] {
    if (this.files) return this.files;
    const files: TemplateFile[] = [];
    this.playbook.templates.forEach((template, i) => {
      for (const [lang, written] of Object.entries(template.files)) {
        if (typeof written !== 'string') continue;
        const pointer = `/templates/${i}/files/${lang}`;
        const declaredIn = this.loaded.map.fileOf(pointer);
        files.push({ templateId: template.id, lang, pointer, declaredIn, written, ...resolveInside(written, declaredIn) });
      }
    });
    for (const [name, perLang] of Object.entries(this.playbook.partials ?? {})) {
      for (const [lang, written] of Object.entries(perLang)) {
        if (typeof written !== 'string') continue;
        const pointer = `/partials/${name}/${lang}`;
        const declaredIn = this.loaded.map.fileOf(pointer);
        files.push({ partial: name, lang, pointer, declaredIn, written, ...resolveInside(written, declaredIn) });
      }
    }
    return (this.files = files);
  }

  /** Text and parse tree of a usable file (cached by path across playbooks). */
  parse(file: TemplateFile): ParsedTemplate | undefined {
    if (file.problem) return undefined;
    const cached = parsedCache.get(file.path);
    if (cached) return cached;
    const read = readFileText(file.path, 512 * 1024);
    if (read.problem) {
      file.problem = 'unreadable';
      file.detail = problemTerm(read.problem);
      return undefined;
    }
    const parsed: ParsedTemplate = { source: read.text };
    try {
      parsed.ast = hbs().parse(read.text);
    } catch (error) {
      parsed.error = describeParseError(error, read.text);
    }
    parsedCache.set(file.path, parsed);
    return parsed;
  }

  relativeToRoot(file: TemplateFile): string {
    return relative(file.root, file.path);
  }
}

const SYNTAX = {
  id: {
    'not-closed': 'ada ekspresi yang tidak ditutup dengan benar (seharusnya "}}")',
    eof: 'templat berakhir di dalam ekspresi atau blok ("}}" atau "{{/…}}" tidak ada)',
    unexpected: 'token {token} tidak diharapkan di sini',
    other: '{detail}',
  },
  en: {
    'not-closed': 'an expression is not closed properly (expected "}}")',
    eof: 'the template ends inside an expression or block (a missing "}}" or "{{/…}}")',
    unexpected: 'unexpected {token}',
    other: '{detail}',
  },
};
type SyntaxKey = keyof (typeof SYNTAX)['en'];
const syntaxTerm = (key: SyntaxKey, params: Record<string, string> = {}): LocalizedParam => ({
  key: `${key}${Object.values(params).map((v) => ` ${v}`).join('')}`,
  text: { id: translator(SYNTAX, 'id')(key, params), en: translator(SYNTAX, 'en')(key, params) },
});

/** Handlebars parse errors carry "Parse error on line N:" and a caret line; turn them into line:col. */
export function describeParseError(error: unknown, source: string): TemplateSyntaxError {
  const raw = error instanceof Error ? error.message : String(error);
  const e = error as { lineNumber?: number; column?: number; endLineNumber?: number; endColumn?: number };
  let line = e.lineNumber ?? 1;
  let column = (e.column ?? 0) + 1;
  const lineMatch = /Parse error on line (\d+):\n(.*)\n(-*)\^/.exec(raw);
  if (lineMatch) {
    line = Number(lineMatch[1]);
    // Handlebars shows up to 20 characters before the error, prefixed by "..." when cut.
    const excerpt = lineMatch[2];
    const caret = lineMatch[3].length;
    const lineText = source.split(/\r?\n/)[line - 1] ?? '';
    const shown = excerpt.startsWith('...') ? excerpt.slice(3) : excerpt;
    const offsetInExcerpt = excerpt.startsWith('...') ? caret - 3 : caret;
    const at = lineText.lastIndexOf(shown.slice(0, Math.max(0, offsetInExcerpt)));
    column = at >= 0 ? at + offsetInExcerpt + 1 : offsetInExcerpt + 1;
  }
  const expecting = /Expecting (.*), got '(.*)'/.exec(raw);
  const got = expecting?.[2];
  // Handlebars' own wording (English) stays only for errors it does not describe by token.
  const detail = got
    ? got === 'INVALID'
      ? syntaxTerm('not-closed')
      : got === 'EOF'
        ? syntaxTerm('eof')
        : syntaxTerm('unexpected', { token: got.toLowerCase().replace(/_/g, ' ') })
    : syntaxTerm('other', { detail: raw.split('\n')[0].replace(/^Parse error on line \d+:?/, '').trim() || (raw.split('\n').pop() ?? raw) });
  return { detail, position: { line, column, endLine: line, endColumn: column + 1 } };
}
