/**
 * Passive sentences hide who acts ("bantuan telah disalurkan" — by whom?). In a crisis the public
 * wants to know who is doing what, so too many of them is a warning. Indonesian uses the di- passive
 * far more than English uses be + participle, so each language has its own threshold.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Matcher, MatcherSpec } from '../match.js';
import { defineRule } from '../types.js';

const Data = Type.Object(
  {
    passive: MatcherSpec,
    /** words the passive pattern catches that are not passive verbs ("dinas", "diskusi") */
    notPassive: Type.Array(Type.String({ minLength: 1 })),
    minSentences: Type.Integer({ minimum: 1 }),
    /** share of sentences with a passive verb above which the statement is flagged */
    maxShare: Type.Number({ minimum: 0, maximum: 1 }),
    suggestion: Type.String({ minLength: 1 }),
  },
  { additionalProperties: false },
);

export const rule = defineRule<Static<typeof Data>>({
  id: 'passive-overuse',
  severity: 'warning',
  description: {
    id: 'Terlalu banyak kalimat pasif (di-) sehingga tidak jelas siapa yang bertindak.',
    en: 'Too many passive sentences (be + past participle): it is unclear who acts.',
  },
  data: Data,
  messages: {
    id: { passive: '{passive} dari {total} kalimat pasif ({percent}%); sebutkan siapa yang bertindak' },
    en: { passive: '{passive} of {total} sentences are passive ({percent}%); say who acts' },
  },
  check({ statement, data }) {
    const matcher = new Matcher(data.passive);
    const exceptions = new Set(data.notPassive.map((w) => w.toLowerCase()));
    const sentences = statement.sentences.filter((s) => s.block.type !== 'heading' && s.block.type !== 'table' && s.words.length >= 4);
    if (sentences.length < data.minSentences) return [];
    const passive = sentences
      .map((s) => matcher.all(statement.prose, s.start, s.end).find((m) => !exceptions.has(m.text.toLowerCase().split(/\s+/).pop()!)))
      .filter((m) => m !== undefined);
    const share = passive.length / sentences.length;
    if (share <= data.maxShare) return [];
    const first = passive[0]!;
    return [
      {
        messageId: 'passive',
        start: first.start,
        end: first.end,
        params: { passive: passive.length, total: sentences.length, percent: Math.round(share * 100) },
        suggestion: data.suggestion,
      },
    ];
  },
});
