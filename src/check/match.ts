/**
 * Phrases and patterns from check-rules/<lang>.yaml. A phrase matches as whole words, in any case,
 * with any run of spaces between its words; a pattern is a regular expression (flags `iu`).
 */
import { Type, type Static } from '@sinclair/typebox';
import type { Span } from './document.js';

export const MatcherSpec = Type.Object(
  {
    phrases: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
    patterns: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
  },
  { additionalProperties: false },
);
export type MatcherSpec = Static<typeof MatcherSpec>;

export interface Match extends Span {
  text: string;
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** A phrase as a regular expression source: whole words, flexible spacing. */
export function phraseSource(phrase: string): string {
  const body = phrase
    .trim()
    .split(/\s+/)
    .map(escapeRegExp)
    .join('[\\s\\u00a0]+');
  const lead = /^[\p{L}\p{N}]/u.test(phrase.trim()) ? '(?<![\\p{L}\\p{N}])' : '';
  const tail = /[\p{L}\p{N}]$/u.test(phrase.trim()) ? '(?![\\p{L}\\p{N}])' : '';
  return `${lead}${body}${tail}`;
}

/**
 * Letters and digits as the Latin script writes them. Unicode property classes (\p{L}) are slow
 * to compile — a few milliseconds each, hundreds of them per run — and statements in Bahasa
 * Indonesia and English are written in Latin letters, so word edges are checked against these.
 */
const LATIN: Record<string, string> = {
  L: 'A-Za-z\\u00AA\\u00B5\\u00BA\\u00C0-\\u00D6\\u00D8-\\u00F6\\u00F8-\\u024F\\u1E00-\\u1EFF',
  Lu: 'A-Z\\u00C0-\\u00D6\\u00D8-\\u00DE',
  Ll: 'a-z\\u00DF-\\u00F6\\u00F8-\\u00FF',
  N: '0-9',
};

/** A regular expression source with \p{L}, \p{Lu}, \p{Ll} and \p{N} written as Latin ranges. */
export function latin(source: string): string {
  let out = '';
  let inClass = false;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') {
      const m = /^\\p\{(L|Lu|Ll|N)\}/.exec(source.slice(i, i + 6));
      if (m) {
        out += inClass ? LATIN[m[1]] : `[${LATIN[m[1]]}]`;
        i += m[0].length - 1;
      } else {
        out += source.slice(i, i + 2);
        i++;
      }
      continue;
    }
    if (c === '[' && !inClass) inClass = true;
    else if (c === ']' && inClass) inClass = false;
    out += c;
  }
  return out;
}

const cache = new Map<string, RegExp>();

/**
 * Phrases as few expressions as possible: one alternation per kind of word edge, longest first,
 * so that one scan finds the longest phrase at each place.
 */
function phraseGroups(phrases: string[]): string[] {
  const groups = new Map<string, string[]>();
  for (const phrase of [...new Set(phrases.map((p) => p.trim()).filter(Boolean))].sort((a, b) => b.length - a.length)) {
    const key = `${/^[\p{L}\p{N}]/u.test(phrase)}${/[\p{L}\p{N}]$/u.test(phrase)}`;
    const body = phrase.split(/\s+/).map(escapeRegExp).join('[\\s\\u00a0]+');
    groups.set(key, [...(groups.get(key) ?? []), body]);
  }
  return [...groups].map(([key, bodies]) => {
    const lead = key.startsWith('true') ? '(?<![\\p{L}\\p{N}])' : '';
    const tail = key.endsWith('true') ? '(?![\\p{L}\\p{N}])' : '';
    return `${lead}(?:${bodies.join('|')})${tail}`;
  });
}

/** A compiled regular expression (Latin letter classes, cached by source and flags). */
export function regex(source: string, flags = 'giu'): RegExp {
  const key = `${flags}/${source}`;
  let re = cache.get(key);
  if (!re) {
    re = new RegExp(latin(source), flags);
    cache.set(key, re);
  }
  re.lastIndex = 0;
  return re;
}

const compile = (source: string) => regex(source);

export class Matcher {
  private readonly sources: string[];

  constructor(spec: MatcherSpec | undefined) {
    this.sources = [...phraseGroups(spec?.phrases ?? []), ...(spec?.patterns ?? [])];
  }

  get empty(): boolean {
    return this.sources.length === 0;
  }

  /** Every match, in order, overlapping matches of different entries reduced to the first and longest. */
  all(text: string, from = 0, to = text.length): Match[] {
    const hits: Match[] = [];
    const slice = text.slice(from, to);
    for (const source of this.sources) {
      const re = compile(source);
      re.lastIndex = 0;
      for (const m of slice.matchAll(re)) {
        if (m[0].length === 0) continue;
        hits.push({ start: from + m.index, end: from + m.index + m[0].length, text: m[0] });
      }
    }
    hits.sort((a, b) => a.start - b.start || b.end - a.end);
    const kept: Match[] = [];
    for (const hit of hits) if (!kept.some((k) => hit.start < k.end && hit.end > k.start)) kept.push(hit);
    return kept;
  }

  first(text: string, from = 0, to = text.length): Match | undefined {
    return this.all(text, from, to)[0];
  }

  test(text: string, from = 0, to = text.length): boolean {
    const slice = text.slice(from, to);
    return this.sources.some((source) => {
      const re = compile(source);
      re.lastIndex = 0;
      return re.test(slice);
    });
  }
}

/** Check that every pattern compiles; returns the first problem. */
export function patternProblem(spec: MatcherSpec): string | undefined {
  for (const p of spec.patterns ?? []) {
    try {
      new RegExp(latin(p), 'giu');
    } catch (error) {
      return `${p}: ${(error as Error).message}`;
    }
  }
  return undefined;
}
