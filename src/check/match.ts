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

const cache = new Map<string, RegExp>();

function compile(source: string): RegExp {
  let re = cache.get(source);
  if (!re) {
    re = new RegExp(source, 'giu');
    cache.set(source, re);
  }
  return re;
}

export class Matcher {
  private readonly sources: string[];

  constructor(spec: MatcherSpec | undefined) {
    this.sources = [...(spec?.phrases ?? []).map(phraseSource), ...(spec?.patterns ?? [])];
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
      new RegExp(p, 'giu');
    } catch (error) {
      return `${p}: ${(error as Error).message}`;
    }
  }
  return undefined;
}
