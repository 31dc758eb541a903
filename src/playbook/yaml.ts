/**
 * YAML with positions. We convert the `yaml` library's document tree ourselves so that every
 * value keeps its line and column (by JSON pointer), prototype keys never reach an object, and
 * hostile input (alias bombs, deep nesting, huge files, bad bytes) ends as a finding, not a crash.
 */
import { readFileSync, statSync } from 'node:fs';
import type { Node as YamlNode, Document, YAMLError } from 'yaml';
import { jsYamlLib, yamlLib, type YamlLib } from '../vendor.js';
import { codeId, hashOf, readCache, writeCache } from '../cache.js';
import type { Finding, Position } from '../findings.js';
import { decimal, loaderFinding, loaderTerm, loaderText, type LoaderProblem } from './messages.js';
import type { Locale } from './schema.js';

export const MAX_FILE_BYTES = 2 * 1024 * 1024;
const MAX_DEPTH = 200;
const MAX_NODES = 500_000;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/**
 * Where each value (and each mapping key) sits in its file, by JSON pointer. A file read by the
 * fast parser gets its positions only when something asks for one (a finding to report), by a
 * second, position-keeping parse of the same text.
 */
export class SourceMap {
  private readonly valueMap = new Map<string, Position>();
  private readonly keyMap = new Map<string, Position>();
  constructor(
    readonly file: string,
    private fill?: (map: SourceMap) => void,
  ) {}

  private filled(): this {
    const fill = this.fill;
    this.fill = undefined;
    fill?.(this);
    return this;
  }

  get values(): Map<string, Position> {
    return this.filled().valueMap;
  }

  get keys(): Map<string, Position> {
    return this.filled().keyMap;
  }

  /** The position of the pointer's value, or of the closest ancestor that has one. */
  locate(pointer: string, preferKey = false): Position {
    this.filled();
    let p = pointer;
    for (;;) {
      const hit = (preferKey && this.keyMap.get(p)) || this.valueMap.get(p);
      if (hit) return hit;
      if (p === '') return { line: 1, column: 1, endLine: 1, endColumn: 1 };
      p = p.slice(0, p.lastIndexOf('/'));
    }
  }
}

export interface YamlFile {
  file: string;
  text: string;
  value: Json | undefined;
  map: SourceMap;
  findings: Finding[];
}

export const escapePointer = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

const START: Position = { line: 1, column: 1, endLine: 1, endColumn: 1 };

/** Position of a byte offset problem in raw bytes (for invalid UTF-8). */
function positionOfByte(bytes: Buffer, offset: number): Position {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (bytes[i] === 0x0a) {
      line++;
      lineStart = i + 1;
    }
  }
  const column = Buffer.from(bytes.subarray(lineStart, offset)).toString('utf8').length + 1;
  return { line, column, endLine: line, endColumn: column + 1 };
}

function firstInvalidUtf8(bytes: Buffer): number {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  // Binary search the longest valid prefix; decoding is fast enough for files under MAX_FILE_BYTES.
  let lo = 0;
  let hi = bytes.length;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    try {
      decoder.decode(bytes.subarray(0, mid), { stream: true });
      decoder.decode();
      lo = mid;
    } catch {
      hi = mid - 1;
    }
  }
  return lo;
}

export type TextRead = { text: string; problem?: undefined } | { text?: undefined; problem: LoaderProblem; position: Position };

/** Read a file as UTF-8 text, or say why it cannot be read (in no language yet). */
export function readFileText(file: string, maxBytes = MAX_FILE_BYTES): TextRead {
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return { problem: { messageId: 'is-directory', text: 'is-directory' }, position: START };
    // A FIFO or device would block the read forever.
    if (!stat.isFile()) return { problem: { messageId: 'not-a-file', text: 'not-a-file' }, position: START };
    if (stat.size > maxBytes) {
      const mb = (n: number) => decimal(n / 1024 / 1024);
      return { problem: { messageId: 'too-large', text: 'too-large', params: { size: mb(stat.size), limit: mb(maxBytes) } }, position: START };
    }
    const bytes = readFileSync(file);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      const offset = firstInvalidUtf8(bytes);
      return { problem: { messageId: 'invalid-utf8', text: 'invalid-utf8' }, position: positionOfByte(bytes, offset) };
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text };
  } catch (error) {
    return { problem: fsProblem(error), position: START };
  }
}

/** Read a file as UTF-8 text, or return a finding (in `lang`) that says why it cannot be read. */
export function readText(file: string, maxBytes = MAX_FILE_BYTES, lang: Locale = 'en'): { text?: string; finding?: Finding } {
  const read = readFileText(file, maxBytes);
  return read.problem ? { finding: loaderFinding('parse-error', read.problem, lang, file, read.position) } : { text: read.text };
}

export function fsProblem(error: unknown): LoaderProblem {
  const code = (error as NodeJS.ErrnoException)?.code;
  const unreadable = (text: LoaderProblem['text'], params?: LoaderProblem['params']): LoaderProblem => ({ messageId: 'unreadable', text, params });
  switch (code) {
    case 'ENOENT':
      return unreadable('fs-not-found');
    case 'EACCES':
    case 'EPERM':
      return unreadable('fs-permission');
    case 'ELOOP':
      return unreadable('fs-loop');
    case 'EISDIR':
      return unreadable('is-directory');
    case 'ENAMETOOLONG':
      return unreadable('fs-name-too-long');
    default:
      return unreadable('fs-other', { code: code ?? (error instanceof Error ? error.message : String(error)) });
  }
}

export function describeFsError(error: unknown, lang: Locale = 'en'): string {
  return loaderText(fsProblem(error), lang);
}

function position(lc: InstanceType<YamlLib['LineCounter']>, start: number, end: number): Position {
  const a = lc.linePos(start);
  const b = lc.linePos(Math.max(start, end));
  return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
}

/**
 * The fast path: js-yaml reads a well-formed file several times faster than the `yaml` library
 * but keeps no positions. Anything unusual (an error, an alias, a forbidden key, a value the two
 * parsers might read differently) returns undefined and the careful parse decides.
 */
/** Scalars the two parsers read differently (YAML 1.2 core vs js-yaml's): leave them to the careful parse. */
const DISAGREEMENT = /[-+]\.[0-9]|0b[01]|\.(inf|nan)\b|(?:^|[\s,[{])!/im;

/** A quoted scalar that continues on the next line: the parsers fold and report it differently. */
function quoteSpansLines(text: string): boolean {
  for (const line of text.split('\n')) {
    const doubles = line.replace(/\\./g, '').split('"').length - 1;
    if (doubles % 2 === 1) return true;
    const single = /(?:^|[:\-[{,]\s*)'/.exec(line);
    if (single && !line.slice(single.index + single[0].length).replace(/''/g, '').includes("'")) return true;
  }
  return false;
}

function fastParse(text: string): Json | undefined {
  if (DISAGREEMENT.test(text) || quoteSpansLines(text)) return undefined;
  let value: unknown;
  try {
    const jsYaml = jsYamlLib();
    value = jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA });
  } catch {
    return undefined;
  }
  if (value === undefined) return undefined;
  const seen = new Set<object>();
  let nodes = 0;
  const plain = (v: unknown, depth: number): boolean => {
    if (++nodes > MAX_NODES || depth > MAX_DEPTH) return false;
    if (v === null || typeof v === 'string' || typeof v === 'boolean') return true;
    if (typeof v === 'number') return Number.isFinite(v);
    if (typeof v !== 'object') return false;
    if (seen.has(v)) return false; // an alias: shared structure
    seen.add(v);
    if (Array.isArray(v)) return v.every((item) => plain(item, depth + 1));
    if (Object.getPrototypeOf(v) !== Object.prototype) return false;
    for (const key of Object.keys(v)) {
      if (FORBIDDEN_KEYS.has(key) || key === '<<') return false;
      if (!plain((v as Record<string, unknown>)[key], depth + 1)) return false;
    }
    return true;
  };
  return plain(value, 0) ? (value as Json) : undefined;
}

/** Parse YAML text into plain JSON-like values with a source map; findings are worded in `lang`. */
export function parseYaml(file: string, text: string, lang: Locale = 'en'): YamlFile {
  if (!(text.trim() === '' || /^(\s*#.*\n?)*\s*$/.test(text)) && !/^---\s*$[\s\S]*^---/m.test(text)) {
    const value = fastParse(text);
    if (value !== undefined) {
      const map = new SourceMap(file, (target) => carefulParse(file, text, lang, target));
      return { file, text, value, map, findings: [] };
    }
  }
  return carefulParse(file, text, lang, new SourceMap(file));
}

/** The `yaml` library's parse: every value's position, and a finding for every problem. */
export function carefulParse(file: string, text: string, lang: Locale = 'en', map = new SourceMap(file)): YamlFile {
  const { LineCounter, parseAllDocuments, isAlias, isScalar, isSeq, isMap, isPair } = yamlLib();
  const findings: Finding[] = [];
  const lineCounter = new LineCounter();
  const result: YamlFile = { file, text, value: undefined, map, findings };
  const report = (problem: LoaderProblem, pos: Position) => findings.push(loaderFinding('parse-error', problem, lang, file, pos));

  if (text.trim() === '' || /^(\s*#.*\n?)*\s*$/.test(text)) {
    report({ messageId: 'empty', text: 'empty' }, START);
    return result;
  }
  let docs: Document.Parsed[];
  try {
    docs = parseAllDocuments(text, {
      lineCounter,
      uniqueKeys: true,
      prettyErrors: false,
      strict: true,
    }) as Document.Parsed[];
    if (!Array.isArray(docs)) docs = [docs];
  } catch (error) {
    const detail = error instanceof RangeError ? loaderTerm('too-deep-short') : String((error as Error).message ?? error);
    report({ messageId: 'unparsable', text: 'unparsable', params: { detail } }, START);
    return result;
  }
  if (docs.length === 0) {
    report({ messageId: 'empty', text: 'empty' }, START);
    return result;
  }
  if (docs.length > 1) {
    const second = docs[1];
    const start = second.range?.[0] ?? 0;
    report({ messageId: 'multiple-documents', text: 'multiple-documents' }, position(lineCounter, start, start + 3));
  }
  const doc = docs[0];
  // Tab indentation confuses the rest of the parse; its follow-on errors only mislead.
  const tabs = doc.errors.filter((e) => e.code === 'TAB_AS_INDENT');
  for (const error of tabs.length ? tabs : doc.errors) {
    const [start, end] = error.pos;
    report(yamlProblem(error, text), position(lineCounter, start, end));
  }
  if (doc.errors.length > 0) return result;

  let nodes = 0;
  let aliasExpansions = 0;
  const convert = (node: YamlNode | null | undefined, pointer: string, depth: number, aliasDepth: number): Json => {
    if (++nodes > MAX_NODES) throw new LimitError({ messageId: 'limit', text: 'too-many-values' }, node);
    if (depth > MAX_DEPTH) throw new LimitError({ messageId: 'limit', text: 'too-deep', params: { max: MAX_DEPTH } }, node);
    if (node == null) return null;
    if (node.range) map.values.set(pointer, position(lineCounter, node.range[0], node.range[1]));
    if (isAlias(node)) {
      if (++aliasExpansions > 1000 || aliasDepth > 20) throw new LimitError({ messageId: 'limit', text: 'alias-bomb' }, node);
      const target = node.resolve(doc);
      if (!target) throw new LimitError({ messageId: 'limit', text: 'unknown-alias', params: { name: node.source } }, node);
      const saved = node.range;
      const value = convert(target as YamlNode, pointer, depth + 1, aliasDepth + 1);
      if (saved) map.values.set(pointer, position(lineCounter, saved[0], saved[1]));
      return value;
    }
    if (isScalar(node)) {
      const v = node.value;
      if (v === null || v === undefined) return null;
      if (typeof v === 'string' || typeof v === 'boolean') return v;
      if (typeof v === 'number') return Number.isFinite(v) ? v : String(node.source ?? v);
      if (v instanceof Date) return v.toISOString();
      if (typeof v === 'bigint') return Number(v);
      return String(v);
    }
    if (isSeq(node)) {
      return node.items.map((item, i) => convert(item as YamlNode, `${pointer}/${i}`, depth + 1, aliasDepth));
    }
    if (isMap(node)) {
      const out: { [key: string]: Json } = {};
      for (const pair of node.items) {
        if (!isPair(pair)) continue;
        const keyNode = pair.key as YamlNode | null;
        const key = isScalar(keyNode) ? String(keyNode.value) : null;
        const keyPos = keyNode?.range ? position(lineCounter, keyNode.range[0], keyNode.range[1]) : undefined;
        if (key === null) {
          report({ messageId: 'complex-key', text: 'complex-key' }, keyPos ?? map.locate(pointer));
          continue;
        }
        if (FORBIDDEN_KEYS.has(key)) {
          report({ messageId: 'forbidden-key', text: 'forbidden-key', params: { key } }, keyPos ?? map.locate(pointer));
          continue;
        }
        if (key === '<<') {
          report({ messageId: 'merge-key', text: 'merge-key' }, keyPos ?? map.locate(pointer));
          continue;
        }
        const child = `${pointer}/${escapePointer(key)}`;
        if (keyPos) map.keys.set(child, keyPos);
        out[key] = convert(pair.value as YamlNode, child, depth + 1, aliasDepth);
      }
      return out;
    }
    return null;
  };
  try {
    result.value = convert(doc.contents as YamlNode, '', 0, 0);
  } catch (error) {
    if (error instanceof LimitError) {
      const range = error.node?.range;
      report(error.problem, range ? position(lineCounter, range[0], range[1]) : START);
    } else if (error instanceof RangeError) {
      report({ messageId: 'limit', text: 'too-deep-short' }, START);
    } else throw error;
    result.value = undefined;
  }
  return result;
}

class LimitError extends Error {
  constructor(readonly problem: LoaderProblem, readonly node: YamlNode | null | undefined) {
    super(problem.text);
  }
}

function cleanYamlMessage(message: string): string {
  return message.replace(/ at line \d+, column \d+[\s\S]*$/, '').replace(/\s+/g, ' ').trim();
}

/** The key written at `offset` (a plain, single- or double-quoted key before its ":"). */
function keyAt(source: string, offset: number): string {
  const m = /^(?:"((?:[^"\\\n]|\\.)*)"|'((?:[^'\n]|'')*)'|([^\s:#,{}[\]][^:\n,{}[\]]*?))\s*:/.exec(source.slice(offset, offset + 1100));
  return m ? (m[1] ?? m[2]?.replace(/''/g, "'") ?? m[3]) : source.slice(offset).split(/[\s:]/)[0];
}

/**
 * The yaml library's error in our own words, by its code (and, where one code covers several
 * mistakes, by its English message). Anything not known here keeps the library's English text.
 */
function yamlProblem(error: YAMLError, source: string): LoaderProblem {
  const messageId = error.code.toLowerCase().replace(/_/g, '-');
  const message = error.message;
  const other: LoaderProblem = { messageId, text: 'yaml-other', params: { detail: cleanYamlMessage(message) } };
  if (/call stack/i.test(message)) return { messageId: 'limit', text: 'too-deep-short' };
  const said = (text: LoaderProblem['text'], params?: LoaderProblem['params']): LoaderProblem => ({ messageId, text, params });
  switch (error.code) {
    case 'DUPLICATE_KEY':
      return said('yaml-duplicate-key', { key: keyAt(source, error.pos[0]) });
    case 'TAB_AS_INDENT':
      return said('yaml-tab-as-indent');
    case 'BAD_INDENT': {
      if (/same column/.test(message)) return said('yaml-bad-indent');
      const flow = /end with an? (\S)/.exec(message);
      if (flow) return said('yaml-flow-not-closed', { close: flow[1] });
      if (/^Block scalar/.test(message)) return said('yaml-block-scalar-indent');
      return said('yaml-indent');
    }
    case 'MISSING_CHAR': {
      const quote = /^Missing closing (["'])quote/.exec(message);
      if (quote) return said('yaml-missing-quote', { quote: quote[1] });
      if (/^Implicit map keys need to be followed/.test(message)) return said('yaml-missing-value');
      if (/^Missing , (or : )?between/.test(message)) return said('yaml-missing-comma');
      if (/^Missing space after :/.test(message)) return said('yaml-missing-space');
      if (/^Comments must be separated/.test(message)) return said('yaml-comment-space');
      if (/^Sequence item without - indicator/.test(message)) return said('yaml-missing-dash');
      return other;
    }
    case 'UNEXPECTED_TOKEN': {
      const token = source.slice(error.pos[0], error.pos[1]).trim();
      if (!token) return other;
      return said('yaml-unexpected', { token: token.length > 20 ? `${token.slice(0, 20)}…` : token });
    }
    case 'BLOCK_AS_IMPLICIT_KEY':
      return /^Nested mappings/.test(message) ? said('yaml-block-as-implicit-key') : other;
    case 'MULTILINE_IMPLICIT_KEY':
      return said('yaml-multiline-implicit-key');
    case 'BAD_SCALAR_START': {
      const char = /start with (?:reserved character )?(.+)$/.exec(message);
      return char ? said('yaml-bad-scalar-start', { char: char[1] }) : other;
    }
    case 'BAD_DQ_ESCAPE': {
      const sequence = /Invalid escape sequence (\S+)/.exec(message);
      return sequence ? said('yaml-bad-dq-escape', { sequence: sequence[1] }) : other;
    }
    case 'BLOCK_IN_FLOW':
      return said('yaml-block-in-flow');
    case 'BAD_ALIAS':
      return said('yaml-bad-alias');
    case 'MULTIPLE_ANCHORS':
      return said('yaml-multiple-anchors');
    case 'MULTIPLE_TAGS':
      return said('yaml-multiple-tags');
    case 'KEY_OVER_1024_CHARS':
      return said('yaml-key-too-long');
    default:
      return other;
  }
}

/**
 * A well-formed file's value, kept in the user's cache by the hash of its text and of this
 * module's code, so reading the same playbook again is a JSON parse instead of a YAML parse.
 */
function cachedParse(file: string, text: string, lang: Locale): YamlFile {
  let key: string | undefined;
  try {
    key = `${hashOf(codeId(import.meta.url), text)}.json`;
  } catch {
    return parseYaml(file, text, lang);
  }
  const hit = readCache('yaml', key);
  if (hit !== undefined) {
    try {
      const value = JSON.parse(hit) as Json;
      const map = new SourceMap(file, (target) => carefulParse(file, text, lang, target));
      return { file, text, value, map, findings: [] };
    } catch {
      /* unreadable: parse */
    }
  }
  const doc = parseYaml(file, text, lang);
  // Both parsers give plain JSON values (non-finite numbers stay text), which JSON keeps (only a -0 comes back as 0).
  if (doc.findings.length === 0 && doc.value !== undefined) writeCache('yaml', key, JSON.stringify(doc.value));
  return doc;
}

/**
 * Read and parse a YAML file; every failure is a finding, worded in `lang`. With `cache`, a
 * well-formed file read before is taken from the user's cache (for files read again and again,
 * like playbooks; not for lint, which wants to measure and report the file as it is).
 */
export function loadYamlFile(file: string, lang: Locale = 'en', options: { cache?: boolean } = {}): YamlFile {
  const { text, finding } = readText(file, MAX_FILE_BYTES, lang);
  if (finding) return { file, text: '', value: undefined, map: new SourceMap(file), findings: [finding] };
  return options.cache ? cachedParse(file, text!, lang) : parseYaml(file, text!, lang);
}
