/** Shapes and helpers shared by the statement rules. */
import { Type, type Static } from '@sinclair/typebox';
import type { Severity } from '../../findings.js';
import type { Messages } from '../../i18n/lang.js';
import { Matcher, MatcherSpec } from '../match.js';
import { defineRule, type CheckRule, type RuleContext, type RuleReport, type StatementKind } from '../types.js';

/** Phrases and patterns, with the sample wording that replaces them. */
export const SuggestedMatcher = Type.Object(
  {
    phrases: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
    patterns: Type.Optional(Type.Array(Type.String({ minLength: 1 }))),
    /** a match inside a match of these is not a finding (e.g. "belum pasti" for "pasti") */
    unless: Type.Optional(MatcherSpec),
    suggestion: Type.String({ minLength: 1 }),
  },
  { additionalProperties: false },
);
export type SuggestedMatcher = Static<typeof SuggestedMatcher>;

export const Suggestions = (ids: readonly string[]) =>
  Type.Object(Object.fromEntries(ids.map((id) => [id, Type.String({ minLength: 1 })])), { additionalProperties: false });

/** A finding about the whole statement (a missing part): on its first line of text. */
export function atStart(ctx: RuleContext<unknown>, messageId: string, suggestion?: string, params?: RuleReport['params']): RuleReport {
  const start = ctx.statement.contentStart;
  const lineEnd = ctx.statement.raw.indexOf('\n', start);
  return { messageId, start, end: lineEnd === -1 ? ctx.statement.raw.length : lineEnd, suggestion, params };
}

/** Matches of a suggested matcher in the prose, without those its `unless` covers. */
export function findPhrases(spec: SuggestedMatcher, text: string) {
  const hits = new Matcher(spec).all(text);
  if (!spec.unless) return hits;
  const excused = new Matcher(spec.unless).all(text);
  return hits.filter((h) => !excused.some((e) => e.start <= h.start && e.end >= h.end));
}

/** A rule that flags every phrase of its list, with one message. */
export function phraseRule(options: {
  id: string;
  severity: Severity;
  description: { id: string; en: string };
  kinds?: readonly StatementKind[];
  messageId: string;
  messages: Messages<string>;
}): CheckRule<SuggestedMatcher> {
  return defineRule<SuggestedMatcher>({
    ...options,
    data: SuggestedMatcher,
    check(ctx) {
      return findPhrases(ctx.data, ctx.statement.prose).map((hit) => ({
        messageId: options.messageId,
        start: hit.start,
        end: hit.end,
        params: { phrase: hit.text.replace(/\s+/g, ' ') },
        suggestion: ctx.data.suggestion,
      }));
    },
  });
}

/** Does any of the matcher's entries occur in the prose? */
export const present = (spec: MatcherSpec | undefined, text: string): boolean => new Matcher(spec).test(text);
