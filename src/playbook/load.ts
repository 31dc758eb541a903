/**
 * Loading a playbook: parse with positions, follow `extends`, merge, validate the merged result.
 * Every problem is a finding with the file and position where it was written.
 */
import { existsSync, realpathSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import type { Finding, Position } from '../findings.js';
import { isDuration, parseDuration } from './duration.js';
import { loaderFinding } from './messages.js';
import type { Locale, Playbook } from './schema.js';
import { validatePlaybook } from './validate.js';
import { loadYamlFile, type Json, type YamlFile } from './yaml.js';

export interface Origin {
  file: string;
  position: Position;
}

/** Anything that can say where a pointer's value was written. */
interface Located {
  locate(pointer: string, preferKey?: boolean): Origin;
  /** Which file wrote the value, without computing its position. */
  fileOf(pointer: string): string;
}

/**
 * Positions in the merged playbook, each pointing into the file that contributed the value.
 * It records which subtree came from where (longest prefix wins) and asks that file only when a
 * position is needed, so a clean playbook never computes one.
 */
export class MergedSourceMap implements Located {
  private readonly rules = new Map<string, { from: string; source: Located }>();
  constructor(readonly mainFile: string) {}

  locate(pointer: string, preferKey = false): Origin {
    let p = pointer;
    for (;;) {
      const rule = this.rules.get(p);
      if (rule) return rule.source.locate(rule.from + pointer.slice(p.length), preferKey);
      if (p === '') return { file: this.mainFile, position: { line: 1, column: 1, endLine: 1, endColumn: 1 } };
      p = p.slice(0, p.lastIndexOf('/'));
    }
  }

  fileOf(pointer: string): string {
    let p = pointer;
    for (;;) {
      const rule = this.rules.get(p);
      if (rule) return rule.source.fileOf(rule.from + pointer.slice(p.length));
      if (p === '') return this.mainFile;
      p = p.slice(0, p.lastIndexOf('/'));
    }
  }

  /** The subtree at `to` in the merged playbook is the subtree at `from` in `source`. */
  adopt(source: Located, from: string, to: string): void {
    this.rules.set(to, { from, source });
  }
}

function locatedOf(doc: YamlFile): Located {
  return { locate: (pointer, preferKey = false) => ({ file: doc.file, position: doc.map.locate(pointer, preferKey) }), fileOf: () => doc.file };
}

export interface LoadedPlaybook {
  /** The file the playbook was loaded from. */
  file: string;
  /** Files in the extends chain, the loaded file first. */
  chain: string[];
  /** The merged document, before validation (for rules that must look at invalid input). */
  raw: Json | undefined;
  /** The validated playbook; undefined when the merged document does not match the schema. */
  playbook?: Playbook;
  map: MergedSourceMap;
  findings: Finding[];
  /** Raw texts of every file in the chain, for inline suppressions. */
  sources: Map<string, string>;
}

/** Resolves `extends: <id>` to a file. Supplied by the registry so that loading stays free of discovery. */
export type ExtendsResolver = (name: string, fromFile: string) => string | undefined;

/** Keys that belong to one document and are never inherited. */
const OWN_KEYS = new Set(['id', 'aliases', 'extends', '$schema']);
const ITEM_KEYS = ['id', 'level'];

const isRecord = (v: Json | undefined): v is { [key: string]: Json } => v !== null && typeof v === 'object' && !Array.isArray(v);
const itemKey = (v: Json): string | undefined => {
  if (!isRecord(v)) return undefined;
  for (const k of ITEM_KEYS) if (typeof v[k] === 'string' || typeof v[k] === 'number') return `${k}:${String(v[k])}`;
  return undefined;
};

/** Merge `over` onto `base`, recording where each merged value came from. */
function merge(base: Json | undefined, baseFile: Located, basePtr: string, over: Json | undefined, overFile: Located, overPtr: string, outPtr: string, map: MergedSourceMap, top = false): Json | undefined {
  if (over === undefined) {
    map.adopt(baseFile, basePtr, outPtr);
    return base;
  }
  if (isRecord(base) && isRecord(over)) {
    const out: { [key: string]: Json } = {};
    map.adopt(overFile, overPtr, outPtr);
    const keys = new Set([...Object.keys(base), ...Object.keys(over)]);
    for (const key of keys) {
      if (top && OWN_KEYS.has(key)) {
        if (key in over) {
          out[key] = over[key];
        }
        continue;
      }
      const k = key.replace(/~/g, '~0').replace(/\//g, '~1');
      const merged = merge(base[key], baseFile, `${basePtr}/${k}`, over[key], overFile, `${overPtr}/${k}`, `${outPtr}/${k}`, map);
      if (merged !== undefined) out[key] = merged;
    }
    return out;
  }
  if (Array.isArray(base) && Array.isArray(over) && base.every((v) => itemKey(v)) && over.every((v) => itemKey(v)) && base.length > 0) {
    // Lists of items with ids merge by id: overrides in place, new items appended, except new
    // steps, which go where their deadline puts them so an office can add an early step.
    type Entry = { key: string; deadline?: number; place: (at: string) => Json };
    const entries: Entry[] = [];
    const overByKey = new Map(over.map((v, i) => [itemKey(v)!, i]));
    const used = new Set<number>();
    const deadlineOf = (v: Json | undefined): number | undefined => {
      const d = isRecord(v) ? v.deadline : undefined;
      return typeof d === 'string' && isDuration(d) ? parseDuration(d) : undefined;
    };
    base.forEach((item, i) => {
      const j = overByKey.get(itemKey(item)!);
      if (j === undefined) {
        entries.push({ key: itemKey(item)!, deadline: deadlineOf(item), place: (at) => (map.adopt(baseFile, `${basePtr}/${i}`, at), item) });
      } else {
        used.add(j);
        entries.push({ key: itemKey(item)!, deadline: deadlineOf(over[j]) ?? deadlineOf(item), place: (at) => merge(item, baseFile, `${basePtr}/${i}`, over[j], overFile, `${overPtr}/${j}`, at, map)! });
      }
    });
    over.forEach((item, j) => {
      if (used.has(j)) return;
      const entry: Entry = { key: itemKey(item)!, deadline: deadlineOf(item), place: (at) => (map.adopt(overFile, `${overPtr}/${j}`, at), item) };
      let at = entries.length;
      if (entry.deadline !== undefined) {
        const after = entries.findIndex((e) => e.deadline !== undefined && e.deadline > entry.deadline!);
        if (after >= 0) at = after;
      }
      entries.splice(at, 0, entry);
    });
    const out = entries.map((e, i) => e.place(`${outPtr}/${i}`));
    return out;
  }
  map.adopt(overFile, overPtr, outPtr);
  return over;
}

/**
 * Load a playbook with its extends chain; findings are worded in `lang`. With `cache`, files read
 * before come from the user's cache (see loadYamlFile).
 */
export function loadPlaybook(file: string, resolveExtends: ExtendsResolver = () => undefined, lang: Locale = 'en', options: { cache?: boolean } = {}): LoadedPlaybook {
  const main = resolve(file);
  const map = new MergedSourceMap(main);
  const findings: Finding[] = [];
  const sources = new Map<string, string>();
  const chain: string[] = [];
  const docs: YamlFile[] = [];

  let current: string | undefined = main;
  const seen = new Set<string>();
  while (current) {
    let real = current;
    try {
      real = realpathSync(current);
    } catch {
      /* reported by the reader */
    }
    if (seen.has(real)) {
      const origin = docs[docs.length - 1];
      findings.push(loaderFinding('schema', { messageId: 'extends-cycle', text: 'extends-cycle', params: { file: current } }, lang, origin.file, origin.map.locate('/extends')));
      break;
    }
    seen.add(real);
    const doc = loadYamlFile(current, lang, options);
    chain.push(current);
    sources.set(current, doc.text);
    findings.push(...doc.findings);
    if (doc.value === undefined) break;
    docs.push(doc);
    const ext = isRecord(doc.value) ? doc.value.extends : undefined;
    if (ext === undefined || ext === null) break;
    if (typeof ext !== 'string') break; // the schema rule reports the type
    const target = resolveExtendsTarget(ext, current, resolveExtends);
    if (!target) {
      findings.push(loaderFinding('schema', { messageId: 'extends-not-found', text: 'extends-not-found', params: { name: ext } }, lang, doc.file, doc.map.locate('/extends')));
      break;
    }
    current = target;
  }

  const result: LoadedPlaybook = { file: main, chain, raw: undefined, map, findings, sources };
  // Without its whole extends chain a playbook cannot be validated meaningfully.
  if (docs.length === 0 || findings.some((f) => f.ruleId === 'parse-error' || f.messageId === 'extends-not-found' || f.messageId === 'extends-cycle')) return result;

  // Merge from the root of the chain upward.
  let merged: Json | undefined = docs[docs.length - 1].value;
  let accumulated: Located = locatedOf(docs[docs.length - 1]);
  for (let i = docs.length - 2; i >= 0; i--) {
    const layer = new MergedSourceMap(main);
    merged = merge(merged, accumulated, '', docs[i].value, locatedOf(docs[i]), '', '', layer, true);
    accumulated = layer;
  }
  map.adopt(accumulated, '', '');
  result.raw = merged;

  for (const problem of validatePlaybook(merged, lang)) {
    const origin = map.locate(problem.pointer, problem.atKey);
    findings.push(loaderFinding('schema', problem, lang, origin.file, origin.position));
  }
  if (!findings.some((f) => f.severity === 'error')) result.playbook = merged as unknown as Playbook;
  return result;
}

function resolveExtendsTarget(name: string, fromFile: string, resolver: ExtendsResolver): string | undefined {
  if (name.endsWith('.yaml') || name.endsWith('.yml') || name.includes('/')) {
    const target = isAbsolute(name) ? name : join(dirname(fromFile), name);
    return existsSync(target) ? target : undefined;
  }
  return resolver(name, fromFile);
}

/** The directory a playbook's relative paths must stay inside: the nearest project root above it. */
export function projectRoot(file: string): string {
  let dir = dirname(resolve(file));
  const start = dir;
  for (;;) {
    for (const marker of ['.tanggaprc.yaml', '.tanggaprc.yml', 'package.json', '.git']) {
      if (existsSync(join(dir, marker))) return dir;
    }
    const parent = dirname(dir);
    if (parent === dir) return start;
    dir = parent;
  }
}
