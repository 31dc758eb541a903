/**
 * The private Handlebars environment. Templates are parsed, their syntax tree is rewritten so
 * that every value that reaches the output passes one gate (escaping, the missing-fact marker,
 * the record of which fact was missing where), and only then compiled with `noEscape`.
 *
 *   {{path}}            -> {{__fact path <site>}}
 *   {{helper a b}}      -> {{__call "helper" <site> (__arg a <site>) b}}
 *   {{> partial k=v}}   -> {{> partial k=(__arg v <site>)}}
 *
 * A site is the file, line, column and name of an expression, so a missing fact is reported
 * where the template (or the template that called a partial) asked for it.
 */
import { createRequire } from 'node:module';
import { Script } from 'node:vm';
import HandlebarsRuntime from 'handlebars/runtime.js';
import { readFileSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeId, hashOf, readCache, readCacheBytes, scriptHash, writeCache } from '../cache.js';
import { PACKAGE_ROOT } from '../package.js';
import type { Timezone } from '../incident/answers-schema.js';
import { isBlank } from '../incident/answers.js';
import { isDuration, parseDuration } from '../playbook/duration.js';
import type { Locale } from '../playbook/schema.js';
import { readText } from '../playbook/yaml.js';
import { Choice } from './context.js';
import { escapeMarkdown, Inert } from './escape.js';
import { formatList, formatNumber, pluralize } from './format.js';
import { missingMarker, renderMessages } from './messages.js';
import { formatClock, formatDate, formatDateTime, formatTime, romanMonth, toInstant, wallClock } from './time.js';

type HandlebarsEnv = typeof import('handlebars');
type TemplateDelegate = import('handlebars').TemplateDelegate;
interface HelperOptions {
  hash: Record<string, unknown>;
  fn?: (context: unknown) => string;
  inverse?: (context: unknown) => string;
  data?: unknown;
}

/** The helpers templates may call (docs/playbook-format.md, "Helpers"). */
export const HELPER_NAMES = ['date', 'time', 'datetime', 'deadline', 'number', 'list', 'releaseNumber', 'plural', 'eq', 'includes'] as const;
/** Handlebars' own helpers that stay available: the block helpers and `lookup`. */
const BLOCK_HELPERS = new Set(['if', 'unless', 'each', 'with']);
const ALLOWED_BUILTINS = new Set([...BLOCK_HELPERS, 'lookup']);
const OUTPUT_HELPERS = new Set<string>([...HELPER_NAMES, 'lookup']);
const DATA_NAMES = new Set(['root', 'index', 'key', 'first', 'last']);
const FORBIDDEN_PARTS = new Set(['__proto__', 'constructor', 'prototype', '__defineGetter__', '__defineSetter__', '__lookupGetter__', '__lookupSetter__']);

/** Where an expression sits, and the fact name it reads. */
export interface Site {
  file: string;
  name: string;
  line: number;
  column: number;
}

/** A problem in a template with its position (syntax, a forbidden name, a missing fact in final mode). */
export class TemplateProblem extends Error {
  constructor(readonly file: string, readonly line: number, readonly column: number, readonly detail: string) {
    super(detail);
  }
}

/** A missing value handed to a helper or a partial, remembering where it was asked for. */
export class Absent {
  constructor(readonly site: Site) {}
}

/** Per-render state. Rendering is synchronous, so the state of the one render in progress is module-scoped. */
export interface RenderState {
  lang: Locale;
  zone: Timezone;
  start: Date;
  officeCode: string;
  releaseNumber?: number;
  missing: Site[];
  warnings: string[];
}
let active: RenderState | undefined;

/**
 * A site (file, fact, line, column) travels inside the compiled template as a JSON string, so a
 * compiled template is self-contained and can be cached on disk between runs.
 */
const siteCache = new Map<string, Site>();
const site = (id: unknown): Site => {
  const key = String(id);
  let hit = siteCache.get(key);
  if (!hit) {
    const [file, name, line, column] = JSON.parse(key) as [string, string, number, number];
    hit = { file: locatedPath(file), name, line, column };
    siteCache.set(key, hit);
  }
  return hit;
};

function recordMissing(where: Site): Inert {
  const state = active!;
  if (!state.missing.some((m) => m.file === where.file && m.line === where.line && m.column === where.column && m.name === where.name)) {
    state.missing.push(where);
  }
  return new Inert(missingMarker(where.name, state.lang));
}

const unwrap = (value: unknown): unknown => (value instanceof Absent ? undefined : value);
const plain = (value: unknown): unknown => {
  const v = unwrap(value);
  if (v instanceof Choice) return v.value;
  if (v instanceof Date) return v.getTime();
  return v;
};

/** Markdown for one value, or undefined when it is blank. */
function markdownOf(value: unknown, where: Site | undefined): string | undefined {
  const state = active!;
  if (value instanceof Inert) return value.markdown;
  if (value instanceof Absent) return recordMissing(value.site).markdown;
  if (isBlank(value)) return undefined;
  if (value instanceof Choice) return escapeMarkdown(value.label);
  if (value instanceof Date) return escapeMarkdown(formatDateTime(value, state.zone, state.lang));
  if (typeof value === 'string') return escapeMarkdown(value);
  if (typeof value === 'number') return escapeMarkdown(String(value));
  if (typeof value === 'boolean') return state.lang === 'id' ? (value ? 'ya' : 'tidak') : value ? 'yes' : 'no';
  if (Array.isArray(value)) {
    const items = value.map((item) => markdownOf(item, where)).filter((item): item is string => item !== undefined);
    return items.length > 0 ? formatList(items, state.lang) : undefined;
  }
  if (where) state.warnings.push(`${where.file}:${where.line}:${where.column}: ${renderMessages(state.lang)('groupValue', { name: where.name })}`);
  return '';
}

/** The single gate to the output. */
function output(value: unknown, where: Site): string {
  const markdown = markdownOf(value, where);
  return markdown === undefined ? recordMissing(where).markdown : markdown;
}

class HelperProblem extends Error {}

const instantOf = (value: unknown): Date | string | Absent | undefined => {
  if (value instanceof Absent) return value;
  const v = value instanceof Choice ? value.value : value;
  return toInstant(v, active!.zone) ?? (typeof v === 'string' ? v : undefined);
};

type Implementation = (args: unknown[], hash: Record<string, unknown>, where: Site | undefined) => unknown;

function timeHelper(format: typeof formatDate): Implementation {
  return ([value]) => {
    if (value === undefined) throw new HelperProblem('needs a value, e.g. {{date incident.start}}');
    const instant = instantOf(value);
    if (instant instanceof Date) return format(instant, active!.zone, active!.lang);
    return instant;
  };
}

const IMPLEMENTATIONS: Record<(typeof HELPER_NAMES)[number], Implementation> = {
  date: timeHelper(formatDate),
  time: timeHelper(formatTime),
  datetime: timeHelper(formatDateTime),
  deadline([duration]) {
    const text = plain(duration);
    if (typeof text !== 'string' || !isDuration(text)) throw new HelperProblem(`"${String(text)}" is not a duration such as 15m, 2h or 1h30m`);
    const { start, zone, lang } = active!;
    return formatClock(new Date(start.getTime() + parseDuration(text)), start, zone, lang);
  },
  number([value]) {
    if (value instanceof Absent) return value;
    const v = plain(value);
    if (typeof v === 'number') return formatNumber(v, active!.lang);
    if (typeof v === 'string') {
      const n = /^[-+]?\d+(\.\d+)?$/.test(v.trim()) ? Number(v) : undefined;
      return n !== undefined ? formatNumber(n, active!.lang) : v;
    }
    return v;
  },
  list([value]) {
    if (value instanceof Absent) return value;
    const items = Array.isArray(value) ? value : value === undefined ? [] : [value];
    const parts = items.map((item) => markdownOf(item, undefined)).filter((item): item is string => item !== undefined);
    return parts.length > 0 ? new Inert(formatList(parts, active!.lang)) : undefined;
  },
  releaseNumber(_args, _hash, where) {
    const { releaseNumber, officeCode, start, zone } = active!;
    const clock = wallClock(start, zone);
    const tail = `/SP/${officeCode}/${romanMonth(clock.month)}/${clock.year}`;
    if (releaseNumber === undefined) {
      const marker = where ? recordMissing({ ...where, name: 'release.number' }).markdown : missingMarker('release.number', active!.lang);
      return new Inert(marker + escapeMarkdown(tail));
    }
    return String(releaseNumber).padStart(3, '0') + tail;
  },
  plural([count, singular, pluralForm]) {
    const word = plain(singular);
    if (typeof word !== 'string') throw new HelperProblem('needs a count and a word, e.g. {{plural jumlah_korban "victim"}}');
    const n = Number(plain(count));
    const explicit = plain(pluralForm);
    return pluralize(Number.isFinite(n) ? n : 2, word, typeof explicit === 'string' ? explicit : undefined, active!.lang);
  },
  eq([a, b]) {
    const x = plain(a);
    const y = plain(b);
    return x === y || (x !== undefined && x !== null && y !== undefined && y !== null && String(x) === String(y));
  },
  includes([collection, item]) {
    const c = unwrap(collection);
    const y = plain(item);
    const items = Array.isArray(c) ? c : c === undefined || c === null ? [] : [c];
    return items.some((x) => {
      const v = plain(x);
      return v === y || (v !== undefined && v !== null && y !== undefined && y !== null && String(v) === String(y));
    });
  },
};

let environment: HandlebarsEnv | undefined;
let compilerEnv: HandlebarsEnv | undefined;
const require = createRequire(import.meta.url);

/**
 * Handlebars' parser and code generator, loaded only to compile a template the cache does not
 * hold. Compiling needs no helpers: they are bound when the compiled template runs.
 */
function compiler(): HandlebarsEnv {
  return (compilerEnv ??= (require('handlebars') as HandlebarsEnv).create());
}

/** The private runtime environment (Handlebars' runtime only), created on first use. */
export function handlebars(): HandlebarsEnv {
  if (environment) return environment;
  const env = (HandlebarsRuntime as unknown as HandlebarsEnv).create();
  const builtin = { ...env.helpers } as Record<string, (...args: unknown[]) => unknown>;
  for (const name of Object.keys(env.helpers)) if (!ALLOWED_BUILTINS.has(name) && name !== 'helperMissing' && name !== 'blockHelperMissing') env.unregisterHelper(name);

  // A missing value passed into a partial is an Absent; block helpers must see it as empty.
  for (const name of BLOCK_HELPERS) {
    const original = builtin[name];
    env.registerHelper(name, function (this: unknown, ...args: unknown[]) {
      return original.apply(this, args.map((a, i) => (i < args.length - 1 ? unwrap(a) : a)));
    });
  }
  for (const name of HELPER_NAMES) {
    const implementation = IMPLEMENTATIONS[name];
    env.registerHelper(name, (...args: unknown[]) => {
      const options = args.pop() as HelperOptions;
      return implementation(args, options.hash, undefined);
    });
  }
  env.registerHelper('__fact', (value: unknown, id: unknown) => output(value, site(id)));
  env.registerHelper('__arg', (value: unknown, id: unknown) => (value instanceof Absent || !isBlank(value) ? value : new Absent(site(id))));
  env.registerHelper('__call', function (this: unknown, name: unknown, id: unknown, ...rest: unknown[]) {
    const options = rest.pop() as HelperOptions;
    const where = site(id);
    try {
      const result =
        name === 'lookup'
          ? builtin.lookup.call(this, ...rest.map(unwrap), options)
          : IMPLEMENTATIONS[name as (typeof HELPER_NAMES)[number]](rest, options.hash, where);
      return output(result, where);
    } catch (error) {
      if (error instanceof HelperProblem) throw new TemplateProblem(where.file, where.line, where.column, `${String(name)}: ${error.message}`);
      throw error;
    }
  });
  environment = env;
  return env;
}

/* ---------------------------------------------------------------- syntax tree rewriting */

interface Loc {
  start: { line: number; column: number };
  end: { line: number; column: number };
}
interface Node {
  type: string;
  loc: Loc;
  [key: string]: unknown;
}
interface PathNode extends Node {
  type: 'PathExpression';
  data: boolean;
  depth: number;
  parts: string[];
  original: string;
}
interface HashNode extends Node {
  pairs: { type: 'HashPair'; key: string; value: Node; loc: Loc }[];
}
interface CallNode extends Node {
  path: Node;
  params: Node[];
  hash?: HashNode;
}

const isPath = (node: Node | undefined): node is PathNode => node?.type === 'PathExpression';
const pathNode = (name: string, loc: Loc): PathNode => ({ type: 'PathExpression', data: false, depth: 0, parts: [name], original: name, loc });
const stringNode = (value: string, loc: Loc): Node => ({ type: 'StringLiteral', value, original: value, loc });

/** The name a path reads, as written without `this.`/`../` prefixes (`office.contact.name`, `@root.x` -> `x`). */
export function factName(path: Pick<PathNode, "data" | "parts">): string {
  if (path.data && path.parts[0] === 'root') return path.parts.slice(1).join('.') || '@root';
  if (path.data) return `@${path.parts.join('.')}`;
  return path.parts.length === 0 ? 'this' : path.parts.join('.');
}

export interface CompiledTemplate {
  file: string;
  render: TemplateDelegate;
  /** partials this template calls, with the position of the first call */
  partials: Map<string, { line: number; column: number }>;
}

class Rewriter {
  readonly partials = new Map<string, { line: number; column: number }>();
  constructor(private readonly file: string, private readonly lang: Locale) {}

  private t = (key: Parameters<ReturnType<typeof renderMessages>>[0], params: Record<string, string> = {}) => renderMessages(this.lang)(key, params);

  private fail(node: Node, message: string): never {
    throw new TemplateProblem(this.file, node.loc.start.line, node.loc.start.column + 1, message);
  }

  private site(node: Node, name: string): string {
    return JSON.stringify([portablePath(this.file), name, node.loc.start.line, node.loc.start.column + 1]);
  }

  private checkPath(path: PathNode): void {
    for (const part of path.parts) {
      if (FORBIDDEN_PARTS.has(part)) this.fail(path, this.t('forbiddenName', { name: part }));
      if (part.startsWith('__')) this.fail(path, this.t('reservedName', { name: part }));
    }
    if (path.data && !DATA_NAMES.has(path.parts[0])) this.fail(path, this.t('dataName', { name: path.parts[0] ?? '' }));
  }

  private knownHelpers(): string {
    return [...HELPER_NAMES, 'lookup'].join(', ');
  }

  /** Check an expression that is evaluated (a parameter, a hash value, a sub-expression). */
  private expression(node: Node, wrap: boolean): Node {
    if (isPath(node)) {
      this.checkPath(node);
      if (!wrap) return node;
      return { type: 'SubExpression', path: pathNode('__arg', node.loc), params: [node, stringNode(this.site(node, factName(node)), node.loc)], loc: node.loc };
    }
    if (node.type === 'SubExpression') {
      const call = node as CallNode;
      const name = isPath(call.path) ? call.path.original : '';
      if (!isPath(call.path) || !(HELPER_NAMES as readonly string[]).includes(name) && name !== 'lookup') {
        this.fail(node, this.t('unknownHelper', { name, known: this.knownHelpers() }));
      }
      call.params = call.params.map((p) => this.expression(p, wrap));
      if (call.hash) this.hash(call.hash, wrap);
      return call;
    }
    return node;
  }

  private hash(hash: HashNode, wrap: boolean): void {
    for (const pair of hash.pairs) pair.value = this.expression(pair.value, wrap);
  }

  program(program: { body: Node[] } | undefined): void {
    if (!program) return;
    program.body = program.body.map((node) => this.statement(node));
  }

  private statement(node: Node): Node {
    switch (node.type) {
      case 'MustacheStatement':
        return this.mustache(node as CallNode);
      case 'BlockStatement': {
        const block = node as CallNode & { program?: { body: Node[] }; inverse?: { body: Node[] } };
        if (!isPath(block.path)) this.fail(node, this.t('unknownHelper', { name: '', known: this.knownHelpers() }));
        this.checkPath(block.path);
        const name = block.path.original;
        const isCall = block.params.length > 0 || block.hash !== undefined;
        if (isCall && !BLOCK_HELPERS.has(name)) this.fail(node, this.t('unknownHelper', { name, known: [...BLOCK_HELPERS].join(', ') }));
        block.params = block.params.map((p) => this.expression(p, false));
        if (block.hash) this.hash(block.hash, false);
        this.program(block.program);
        this.program(block.inverse);
        return block;
      }
      case 'PartialStatement':
      case 'PartialBlockStatement': {
        const partial = node as Node & { name: Node; params: Node[]; hash?: HashNode; program?: { body: Node[] } };
        let name: string;
        if (isPath(partial.name)) name = partial.name.original;
        else if (partial.name.type === 'StringLiteral' || partial.name.type === 'NumberLiteral') name = String(partial.name.value);
        else this.fail(node, this.t('dynamicPartial'));
        if (!this.partials.has(name)) this.partials.set(name, { line: node.loc.start.line, column: node.loc.start.column + 1 });
        partial.params = partial.params.map((p) => this.expression(p, false));
        if (partial.hash) this.hash(partial.hash, true);
        this.program(partial.program);
        return partial;
      }
      case 'DecoratorBlock':
      case 'Decorator':
        return this.fail(node, this.t('decorator'));
      default:
        return node;
    }
  }

  private mustache(node: CallNode): Node {
    if (!isPath(node.path)) this.fail(node, this.t('forbiddenName', { name: String((node.path as { original?: unknown }).original ?? '') }));
    const path = node.path;
    this.checkPath(path);
    const simple = path.parts.length === 1 && !path.data && path.depth === 0 && !/^(\.|this\b)/.test(path.original);
    const isCall = node.params.length > 0 || node.hash !== undefined || (simple && OUTPUT_HELPERS.has(path.original));
    if (!isCall) {
      node.params = [path, stringNode(this.site(path, factName(path)), node.loc)];
      node.path = pathNode('__fact', node.loc);
      return node;
    }
    const name = path.original;
    if (!simple || !OUTPUT_HELPERS.has(name)) {
      const known = BLOCK_HELPERS.has(name) ? `{{#${name}}}…{{/${name}}}` : this.knownHelpers();
      this.fail(node, this.t('unknownHelper', { name, known }));
    }
    const firstPath = node.params.find(isPath);
    const where = this.site(firstPath ?? path, firstPath ? factName(firstPath) : name);
    node.params = [stringNode(name, node.loc), stringNode(where, node.loc), ...node.params.map((p) => this.expression(p, true))];
    if (node.hash) this.hash(node.hash, true);
    node.path = pathNode('__call', node.loc);
    return node;
  }
}

/** Parse a template's source, reporting a syntax error with its line and column. */
export function parseTemplate(source: string, file: string, lang: Locale = 'en'): { body: Node[] } {
  const env = compiler();
  try {
    return env.parse(source) as unknown as { body: Node[] };
  } catch (error) {
    const e = error as { message?: string; lineNumber?: number; column?: number };
    const lexer = (env as unknown as { Parser: { lexer?: { yylloc?: { first_line: number; first_column: number } } } }).Parser.lexer;
    const parseError = /^Parse error on line (\d+)/.exec(e.message ?? '');
    let line = 1;
    let column = 1;
    if (typeof e.lineNumber === 'number') {
      line = e.lineNumber;
      column = (e.column ?? 0) + 1;
    } else if (parseError && lexer?.yylloc) {
      line = lexer.yylloc.first_line;
      column = lexer.yylloc.first_column + 1;
    }
    const detail = (e.message ?? String(error)).split('\n').filter((l) => !/^-*\^$/.test(l)).slice(-1)[0].replace(/ - \d+:\d+$/, '');
    throw new TemplateProblem(file, line, column, renderMessages(lang)('syntax', { detail }));
  }
}

const cache = new Map<string, { mtimeMs: number; size: number; compiled: CompiledTemplate }>();

/** Compile a template or partial file (cached while the file is unchanged). */
export function compileFile(file: string, lang: Locale = 'en'): CompiledTemplate {
  const stat = statSync(file);
  const hit = cache.get(file);
  if (hit && hit.mtimeMs === stat.mtimeMs && hit.size === stat.size) return hit.compiled;
  const { text, finding } = readText(file);
  if (finding) throw new TemplateProblem(file, finding.line, finding.column, finding.message);
  const compiled = compileSource(text!, file, lang);
  cache.set(file, { mtimeMs: stat.mtimeMs, size: stat.size, compiled });
  return compiled;
}

const COMPILE_OPTIONS = { noEscape: true, strict: false, preventIndent: false };

/**
 * A built-in template's path travels inside compiled code relative to the package
 * ("tanggap:templates/…"), so templates compiled when the package is built hold wherever it is
 * installed; any other path travels as it is.
 */
const PORTABLE = 'tanggap:';
const BUILTIN_ROOT = join(PACKAGE_ROOT, 'templates');
function portablePath(file: string): string {
  const rel = relative(PACKAGE_ROOT, file);
  return file.startsWith(BUILTIN_ROOT + sep) && !rel.startsWith('..') ? `${PORTABLE}${rel.split(sep).join('/')}` : file;
}
function locatedPath(file: string): string {
  return file.startsWith(PORTABLE) ? join(PACKAGE_ROOT, ...file.slice(PORTABLE.length).split('/')) : file;
}

/**
 * The built-in templates compiled when the package was built (scripts/precompile-templates.js),
 * by the very script that runs now: an entry is keyed by the hash of this module's code, the
 * template's place in the package and its text, so it is used only when all three are the same.
 */
export const SHIPPED_TEMPLATES = join(PACKAGE_ROOT, 'dist', 'precompiled-templates');
let ownCode: string | undefined;
// The language a template is compiled with words its errors only (a failed compile is never kept),
// so compiled code is the same in both and the keys below leave it out.
function shippedKey(source: string, file: string): string | undefined {
  const portable = portablePath(file);
  if (portable === file) return undefined;
  try {
    ownCode ??= scriptHash(readFileSync(fileURLToPath(import.meta.url), 'utf8'));
    return `${hashOf(ownCode, portable, source)}.json`;
  } catch {
    return undefined;
  }
}

function readShipped(key: string): string | undefined {
  try {
    return readFileSync(join(SHIPPED_TEMPLATES, key), 'utf8');
  } catch {
    return undefined;
  }
}

/** Compile a built-in template into `dir` as the package ships it (the build runs this). */
export function precompileInto(dir: string, file: string, lang: Locale): string {
  const source = readFileSync(file, 'utf8');
  const key = shippedKey(source, file);
  if (!key) throw new Error(`${file} is not a built-in template`);
  const compiled = compileTemplate(source, file, lang);
  writeFileSync(join(dir, key), entryText(compiled));
  return key;
}

/**
 * Compiled templates are also kept in the user's cache folder, keyed by this engine's own code and
 * the template's path and text, so a later run skips Handlebars' parser and code generator.
 */
function cacheKey(source: string, file: string): string | undefined {
  try {
    return `${hashOf(codeId(import.meta.url), file, source)}.json`;
  } catch {
    return undefined;
  }
}

interface CachedTemplate {
  spec: string;
  partials: [string, { line: number; column: number }][];
}

/** A compiled template as its cache entry (user cache and shipped alike). */
const entryText = ({ spec, partials }: { spec: string; partials: Map<string, { line: number; column: number }> }): string =>
  JSON.stringify({ spec, partials: [...partials] } satisfies CachedTemplate);

/** Compiled code whose V8 code cache is still to be written, once it has run (so it holds the functions compiled on the way). */
const codeToCache: { script: Script; key: string }[] = [];

/**
 * The template function for a spec (Handlebars' own precompiled output for a template we
 * rewrote ourselves). With a cache key, V8's code cache for it is kept next to the spec, so a
 * later run neither parses nor compiles the generated code again.
 */
function fromSpec(spec: string, file: string, key: string | undefined): TemplateDelegate {
  const codeKey = key && `${key}.v8`;
  const cachedData = codeKey ? readCacheBytes('templates', codeKey) : undefined;
  const script = new Script(`(${spec})`, { filename: `template:${file}`, cachedData });
  if (codeKey && (!cachedData || script.cachedDataRejected)) codeToCache.push({ script, key: codeKey });
  return handlebars().template(script.runInThisContext() as TemplateSpecification) as TemplateDelegate;
}

function writeCodeCaches(): void {
  for (const { script, key } of codeToCache.splice(0)) {
    try {
      writeCache('templates', key, script.createCachedData());
    } catch {
      /* only costs speed */
    }
  }
}

/** Parse, rewrite and compile with Handlebars. */
function compileTemplate(source: string, file: string, lang: Locale): { spec: string; partials: Map<string, { line: number; column: number }> } {
  const ast = parseTemplate(source, file, lang);
  const rewriter = new Rewriter(file, lang);
  rewriter.program(ast);
  return { spec: compiler().precompile(ast, COMPILE_OPTIONS) as string, partials: rewriter.partials };
}

/**
 * Compile template source; `file` names it in sites and errors. Looks in the user's cache, then
 * among the templates shipped compiled, and compiles only when neither has it.
 */
export function compileSource(source: string, file: string, lang: Locale = 'en'): CompiledTemplate {
  const key = cacheKey(source, file);
  const entryOf = (text: string | undefined): CompiledTemplate | undefined => {
    if (!text) return undefined;
    try {
      const entry = JSON.parse(text) as CachedTemplate;
      return { file, render: fromSpec(entry.spec, file, key), partials: new Map(entry.partials) };
    } catch {
      return undefined; // unreadable: compile
    }
  };
  const cached = entryOf(key && readCache('templates', key));
  if (cached) return cached;
  const shipped = shippedKey(source, file);
  const fromPackage = entryOf(shipped && readShipped(shipped));
  if (fromPackage) return fromPackage;
  const { spec, partials } = compileTemplate(source, file, lang);
  if (key) writeCache('templates', key, entryText({ spec, partials }));
  return { file, render: fromSpec(spec, file, key), partials };
}

/** Run a compiled template with the given state; always clears the state afterwards. */
export function run(template: CompiledTemplate, context: unknown, state: RenderState, partials: Record<string, TemplateDelegate>): string {
  active = state;
  try {
    return template.render(context, {
      partials,
      allowProtoPropertiesByDefault: false,
      allowProtoMethodsByDefault: false,
      allowCallsToHelperMissing: false,
    });
  } finally {
    active = undefined;
    if (codeToCache.length > 0) writeCodeCaches();
  }
}
