/**
 * YAML with positions. We convert the `yaml` library's document tree ourselves so that every
 * value keeps its line and column (by JSON pointer), prototype keys never reach an object, and
 * hostile input (alias bombs, deep nesting, huge files, bad bytes) ends as a finding, not a crash.
 */
import { readFileSync, statSync } from 'node:fs';
import { isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Node as YamlNode, type Document } from 'yaml';
import type { Finding, Position } from '../findings.js';

export const MAX_FILE_BYTES = 2 * 1024 * 1024;
const MAX_DEPTH = 200;
const MAX_NODES = 500_000;
const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json };

/** Where each value (and each mapping key) sits in its file, by JSON pointer. */
export class SourceMap {
  readonly values = new Map<string, Position>();
  readonly keys = new Map<string, Position>();
  constructor(readonly file: string) {}

  /** The position of the pointer's value, or of the closest ancestor that has one. */
  locate(pointer: string, preferKey = false): Position {
    let p = pointer;
    for (;;) {
      const hit = (preferKey && this.keys.get(p)) || this.values.get(p);
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

function parseFinding(file: string, messageId: string, message: string, pos: Position): Finding {
  return { ruleId: 'parse-error', messageId, severity: 'error', message, file, ...pos };
}

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

/** Read a file as UTF-8 text, or return a finding that says why it cannot be read. */
export function readText(file: string, maxBytes = MAX_FILE_BYTES): { text?: string; finding?: Finding } {
  const at = { line: 1, column: 1, endLine: 1, endColumn: 1 };
  try {
    const stat = statSync(file);
    if (stat.isDirectory()) return { finding: parseFinding(file, 'is-directory', 'is a directory, not a file', at) };
    // A FIFO or device would block the read forever.
    if (!stat.isFile()) return { finding: parseFinding(file, 'not-a-file', 'is not a regular file', at) };
    if (stat.size > maxBytes) {
      const mb = (n: number) => (n / 1024 / 1024).toFixed(1);
      return { finding: parseFinding(file, 'too-large', `file is too large (${mb(stat.size)} MB; the limit is ${mb(maxBytes)} MB)`, at) };
    }
    const bytes = readFileSync(file);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    } catch {
      const offset = firstInvalidUtf8(bytes);
      return { finding: parseFinding(file, 'invalid-utf8', 'file is not valid UTF-8; save it as UTF-8', positionOfByte(bytes, offset)) };
    }
    if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    return { text };
  } catch (error) {
    return { finding: parseFinding(file, 'unreadable', describeFsError(error), at) };
  }
}

export function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException)?.code;
  switch (code) {
    case 'ENOENT':
      return 'file not found';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied: cannot read the file';
    case 'ELOOP':
      return 'symbolic link loop';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'ENAMETOOLONG':
      return 'file name too long';
    default:
      return `cannot read the file (${code ?? (error instanceof Error ? error.message : String(error))})`;
  }
}

function position(lc: LineCounter, start: number, end: number): Position {
  const a = lc.linePos(start);
  const b = lc.linePos(Math.max(start, end));
  return { line: a.line, column: a.col, endLine: b.line, endColumn: b.col };
}

/** Parse YAML text into plain JSON-like values with a source map. */
export function parseYaml(file: string, text: string): YamlFile {
  const map = new SourceMap(file);
  const findings: Finding[] = [];
  const lineCounter = new LineCounter();
  const result: YamlFile = { file, text, value: undefined, map, findings };

  if (text.trim() === '' || /^(\s*#.*\n?)*\s*$/.test(text)) {
    findings.push(parseFinding(file, 'empty', 'the file is empty', { line: 1, column: 1, endLine: 1, endColumn: 1 }));
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
    findings.push(parseFinding(file, 'unparsable', `cannot parse YAML: ${error instanceof RangeError ? 'nesting is too deep' : String((error as Error).message ?? error)}`, { line: 1, column: 1, endLine: 1, endColumn: 1 }));
    return result;
  }
  if (docs.length === 0) {
    findings.push(parseFinding(file, 'empty', 'the file is empty', { line: 1, column: 1, endLine: 1, endColumn: 1 }));
    return result;
  }
  if (docs.length > 1) {
    const second = docs[1];
    const start = second.range?.[0] ?? 0;
    findings.push(parseFinding(file, 'multiple-documents', 'the file holds several YAML documents; a playbook is one document (remove the extra "---")', position(lineCounter, start, start + 3)));
  }
  const doc = docs[0];
  // Tab indentation confuses the rest of the parse; its follow-on errors only mislead.
  const tabs = doc.errors.filter((e) => e.code === 'TAB_AS_INDENT');
  for (const error of tabs.length ? tabs : doc.errors) {
    const [start, end] = error.pos;
    const id = /call stack/i.test(error.message) ? 'limit' : error.code.toLowerCase().replace(/_/g, '-');
    findings.push(parseFinding(file, id, cleanYamlMessage(error.message), position(lineCounter, start, end)));
  }
  if (doc.errors.length > 0) return result;

  let nodes = 0;
  let aliasExpansions = 0;
  const convert = (node: YamlNode | null | undefined, pointer: string, depth: number, aliasDepth: number): Json => {
    if (++nodes > MAX_NODES) throw new LimitError('the document is too large (too many values)', node);
    if (depth > MAX_DEPTH) throw new LimitError(`nesting is too deep (more than ${MAX_DEPTH} levels)`, node);
    if (node == null) return null;
    if (node.range) map.values.set(pointer, position(lineCounter, node.range[0], node.range[1]));
    if (isAlias(node)) {
      if (++aliasExpansions > 1000 || aliasDepth > 20) throw new LimitError('too many alias expansions (possible alias bomb)', node);
      const target = node.resolve(doc);
      if (!target) throw new LimitError(`unknown alias *${node.source}`, node);
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
          findings.push(parseFinding(file, 'complex-key', 'mapping keys must be plain text', keyPos ?? map.locate(pointer)));
          continue;
        }
        if (FORBIDDEN_KEYS.has(key)) {
          findings.push(parseFinding(file, 'forbidden-key', `the key "${key}" is not allowed`, keyPos ?? map.locate(pointer)));
          continue;
        }
        if (key === '<<') {
          findings.push(parseFinding(file, 'merge-key', 'YAML merge keys ("<<") are not supported; use `extends` or repeat the values', keyPos ?? map.locate(pointer)));
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
      findings.push(parseFinding(file, 'limit', error.message, range ? position(lineCounter, range[0], range[1]) : { line: 1, column: 1, endLine: 1, endColumn: 1 }));
    } else if (error instanceof RangeError) {
      findings.push(parseFinding(file, 'limit', 'nesting is too deep', { line: 1, column: 1, endLine: 1, endColumn: 1 }));
    } else throw error;
    result.value = undefined;
  }
  return result;
}

class LimitError extends Error {
  constructor(message: string, readonly node: YamlNode | null | undefined) {
    super(message);
  }
}

function cleanYamlMessage(message: string): string {
  if (/call stack/i.test(message)) return 'nesting is too deep';
  return message.replace(/ at line \d+, column \d+[\s\S]*$/, '').replace(/\s+/g, ' ').trim();
}

/** Read and parse a YAML file; every failure is a finding. */
export function loadYamlFile(file: string): YamlFile {
  const { text, finding } = readText(file);
  if (finding) return { file, text: '', value: undefined, map: new SourceMap(file), findings: [finding] };
  return parseYaml(file, text!);
}
