/**
 * The checker's language data: check-rules/<lang>.yaml holds the phrases and patterns of every
 * rule, the words that help detect the language and the kind, and the sample wording of each
 * suggestion. Loaded once per language and checked against each rule's own schema.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { Locale } from '../playbook/schema.js';
import { PACKAGE_ROOT } from '../playbook/registry.js';
import { loadYamlFile, readText, type Json, type SourceMap } from '../playbook/yaml.js';
import { latin, MatcherSpec } from './match.js';
import type { CheckRule } from './types.js';
import { yamlLib } from '../vendor.js';

export const CHECK_RULES_DIR = join(PACKAGE_ROOT, 'check-rules');
/**
 * The build's JSON copy of the data: parsing the YAML takes longer than the whole check, so the
 * build writes each file as JSON with the hash of the YAML it came from. An edited YAML file no
 * longer matches its hash and is read as YAML again.
 */
export const COMPILED_DIR = join(PACKAGE_ROOT, 'dist', 'check-rules');

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

function readCompiled(dir: string, lang: Locale, text: string): unknown {
  try {
    const compiled = JSON.parse(readFileSync(join(dir, `${lang}.json`), 'utf8')) as { sha256?: string; data?: unknown };
    return compiled.sha256 === sha256(text) ? compiled.data : undefined;
  } catch {
    return undefined;
  }
}

/** Write the JSON copies (the build calls this after compiling). */
export function writeCompiledLanguageData(rules: readonly CheckRule[], outDir = COMPILED_DIR): string[] {
  mkdirSync(outDir, { recursive: true });
  return (['id', 'en'] as const).map((lang) => {
    const text = readFileSync(join(CHECK_RULES_DIR, `${lang}.yaml`), 'utf8');
    const data = loadLanguageData(lang, rules, CHECK_RULES_DIR, null);
    const file = join(outDir, `${lang}.json`);
    writeFileSync(file, `${JSON.stringify({ sha256: sha256(text.replace(/^\uFEFF/, '')), data })}\n`);
    return file;
  });
}

/** Signals of one statement kind: each matched entry scores 1, a strong one 3. */
export const KindSignals = Type.Object(
  {
    strong: Type.Optional(MatcherSpec),
    phrases: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
    patterns: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
  },
  { additionalProperties: false },
);
export type KindSignals = Static<typeof KindSignals>;

export const LanguageData = Type.Object(
  {
    lang: Type.Union([Type.Literal('id'), Type.Literal('en')]),
    segment: Type.Object(
      { abbreviations: Type.Array(Type.String({ minLength: 1 }), { description: 'words written with a full stop that do not end a sentence' }) },
      { additionalProperties: false },
    ),
    detect: Type.Object(
      {
        stopwords: Type.Array(Type.String({ minLength: 1 }), { description: 'frequent words that tell the language apart' }),
        kinds: Type.Record(Type.String(), KindSignals, { description: 'signals of each statement kind' }),
      },
      { additionalProperties: false },
    ),
    rules: Type.Record(Type.String(), Type.Unknown()),
  },
  { additionalProperties: false },
);
export type LanguageData = Static<typeof LanguageData>;

export class CheckDataError extends Error {}

const loaded = new Map<string, LanguageData>();

function where(map: SourceMap, pointer: string): string {
  const p = map.locate(pointer);
  return `${map.file}:${p.line}:${p.column}`;
}

/** Every `patterns` list must compile; report the first that does not, with its position. */
function checkPatterns(value: Json | undefined, map: SourceMap, pointer = ''): void {
  if (Array.isArray(value)) {
    value.forEach((v, i) => checkPatterns(v, map, `${pointer}/${i}`));
    return;
  }
  if (value === null || typeof value !== 'object') return;
  for (const [key, child] of Object.entries(value)) {
    if (key === 'patterns' && Array.isArray(child)) {
      child.forEach((p, i) => {
        try {
          new RegExp(latin(String(p)), 'giu');
        } catch (error) {
          throw new CheckDataError(`${where(map, `${pointer}/patterns/${i}`)}: ${(error as Error).message}`);
        }
      });
    } else checkPatterns(child, map, `${pointer}/${key}`);
  }
}

/** Load and check one language's data (cached per folder and language). */
/**
 * @param compiledDir where the build's JSON copies are; null to read the YAML
 */
export function loadLanguageData(
  lang: Locale,
  rules: readonly CheckRule[],
  dir = CHECK_RULES_DIR,
  compiledDir: string | null = dir === CHECK_RULES_DIR ? COMPILED_DIR : null,
): LanguageData {
  const key = `${dir}\u0000${lang}\u0000${compiledDir}`;
  const cached = loaded.get(key);
  if (cached) return cached;
  const file = join(dir, `${lang}.yaml`);
  // The shipped data is read fast; only a file that fails its checks is read again with positions to say where.
  const { text, finding } = readText(file);
  let value: unknown = text !== undefined && compiledDir !== null ? readCompiled(compiledDir, lang, text) : undefined;
  try {
    if (value === undefined && text !== undefined) value = yamlLib().parse(text);
  } catch {
    value = undefined;
  }
  const valid = (v: unknown): v is LanguageData =>
    Value.Check(LanguageData, v) && v.lang === lang && rules.every((r) => !r.data || (r.id in v.rules && Value.Check(r.data, v.rules[r.id])));
  if (finding) throw new CheckDataError(`${finding.file}:${finding.line}:${finding.column}: ${finding.message}`);
  if (!valid(value)) explain(file, lang, rules);
  const data = value as LanguageData;
  try {
    for (const rule of rules) if (data.rules[rule.id] !== undefined) compilePatterns(data.rules[rule.id]);
    for (const signals of Object.values(data.detect.kinds)) compilePatterns(signals);
  } catch {
    explain(file, lang, rules);
  }
  loaded.set(key, data);
  return data;
}

function compilePatterns(value: unknown): void {
  if (Array.isArray(value)) value.forEach(compilePatterns);
  else if (value !== null && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      if (key === 'patterns' && Array.isArray(child)) for (const p of child) new RegExp(latin(String(p)), 'giu');
      else compilePatterns(child);
    }
  }
}

/** Read the file again with positions and throw its first problem as file:line:col. */
function explain(file: string, lang: Locale, rules: readonly CheckRule[]): never {
  const doc = loadYamlFile(file);
  if (doc.findings.length) {
    const f = doc.findings[0];
    throw new CheckDataError(`${f.file}:${f.line}:${f.column}: ${f.message}`);
  }
  const value = doc.value;
  const firstError = (schema: Parameters<typeof Value.Errors>[0], v: unknown, base: string) => {
    const error = Value.Errors(schema, v).First();
    return error ? new CheckDataError(`${where(doc.map, base + error.path)}: ${error.message}`) : undefined;
  };
  const problem = firstError(LanguageData, value, '');
  if (problem) throw problem;
  const data = value as unknown as LanguageData;
  if (data.lang !== lang) throw new CheckDataError(`${where(doc.map, '/lang')}: expected lang: ${lang}`);
  for (const rule of rules) {
    if (!rule.data) continue;
    if (!(rule.id in data.rules)) throw new CheckDataError(`${where(doc.map, '/rules')}: missing data for rule ${rule.id}`);
    const ruleProblem = firstError(rule.data, data.rules[rule.id], `/rules/${rule.id}`);
    if (ruleProblem) throw ruleProblem;
  }
  checkPatterns(value, doc.map);
  throw new CheckDataError(`${file}: the data does not match the checker's rules`);
}
