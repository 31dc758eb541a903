/**
 * The checker's language data: check-rules/<lang>.yaml holds the phrases and patterns of every
 * rule, the words that help detect the language and the kind, and the sample wording of each
 * suggestion. Loaded once per language and checked against each rule's own schema.
 */
import { join } from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { Value } from '@sinclair/typebox/value';
import type { Locale } from '../playbook/schema.js';
import { PACKAGE_ROOT } from '../playbook/registry.js';
import { loadYamlFile, type Json, type SourceMap } from '../playbook/yaml.js';
import { MatcherSpec } from './match.js';
import type { CheckRule } from './types.js';

export const CHECK_RULES_DIR = join(PACKAGE_ROOT, 'check-rules');

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
          new RegExp(String(p), 'giu');
        } catch (error) {
          throw new CheckDataError(`${where(map, `${pointer}/patterns/${i}`)}: ${(error as Error).message}`);
        }
      });
    } else checkPatterns(child, map, `${pointer}/${key}`);
  }
}

/** Load and check one language's data (cached per folder and language). */
export function loadLanguageData(lang: Locale, rules: readonly CheckRule[], dir = CHECK_RULES_DIR): LanguageData {
  const key = `${dir}\u0000${lang}`;
  const cached = loaded.get(key);
  if (cached) return cached;
  const doc = loadYamlFile(join(dir, `${lang}.yaml`));
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
    const pointer = `/rules/${rule.id}`;
    if (!(rule.id in data.rules)) throw new CheckDataError(`${where(doc.map, '/rules')}: missing data for rule ${rule.id}`);
    const ruleProblem = firstError(rule.data, data.rules[rule.id], pointer);
    if (ruleProblem) throw ruleProblem;
  }
  checkPatterns(value, doc.map);
  loaded.set(key, data);
  return data;
}
