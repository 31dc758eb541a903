/** Long sentences lose readers on a phone screen and get cut in quotes; one idea per sentence. */
import { Type, type Static } from '@sinclair/typebox';
import { defineRule } from '../types.js';

const Data = Type.Object({ maxWords: Type.Integer({ minimum: 5 }), suggestion: Type.String({ minLength: 1 }) }, { additionalProperties: false });

export const rule = defineRule<Static<typeof Data>>({
  id: 'long-sentence',
  severity: 'warning',
  description: {
    id: 'Kalimat terlalu panjang (lebih dari 35 kata dalam bahasa Indonesia, 30 dalam bahasa Inggris).',
    en: 'A sentence is too long (over 35 words in Indonesian, 30 in English).',
  },
  data: Data,
  messages: {
    id: { long: 'kalimat {count} kata (batas {max}); pecah menjadi beberapa kalimat' },
    en: { long: 'sentence of {count} words (limit {max}); split it' },
  },
  check({ statement, data }) {
    return statement.sentences
      .filter((s) => s.block.type !== 'table' && s.words.length > data.maxWords)
      .map((s) => ({ messageId: 'long', start: s.start, end: s.end, params: { count: s.words.length, max: data.maxWords }, suggestion: data.suggestion }));
  },
});
