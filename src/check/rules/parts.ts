/** Rules that require a statement of some kind to carry certain parts, each recognised by its phrases. */
import { Type, type Static } from '@sinclair/typebox';
import type { Messages } from '../../i18n/lang.js';
import { defineRule, type CheckRule, type StatementKind } from '../types.js';
import { atStart, present, SuggestedMatcher } from './common.js';

export function partsData(parts: readonly string[], kinds: readonly StatementKind[]) {
  return Type.Object(
    {
      /** which parts each kind needs; every part when a kind is not listed */
      requires: Type.Optional(
        Type.Object(Object.fromEntries(kinds.map((k) => [k, Type.Optional(Type.Array(Type.Union(parts.map((p) => Type.Literal(p)))))])), {
          additionalProperties: false,
        }),
      ),
      parts: Type.Object(Object.fromEntries(parts.map((p) => [p, SuggestedMatcher])), { additionalProperties: false }),
    },
    { additionalProperties: false },
  );
}

interface PartsData {
  requires?: Partial<Record<string, string[]>>;
  parts: Record<string, Static<typeof SuggestedMatcher>>;
}

export function partsRule(options: {
  id: string;
  description: { id: string; en: string };
  kinds: readonly StatementKind[];
  parts: readonly string[];
  /** message per part, in the interface language */
  messages: Messages<string>;
}): CheckRule<PartsData> {
  return defineRule<PartsData>({
    id: options.id,
    severity: 'error',
    description: options.description,
    kinds: options.kinds,
    data: partsData(options.parts, options.kinds),
    messages: options.messages,
    check(ctx) {
      const needed = ctx.data.requires?.[ctx.kind] ?? options.parts;
      return needed
        .filter((part) => !present(ctx.data.parts[part], ctx.statement.prose))
        .map((part) => atStart(ctx, `missing-${part}`, ctx.data.parts[part].suggestion));
    },
  });
}
