/** Long sentences lose readers on a phone screen and get cut in quotes; one idea per sentence. */
import { Type, type Static } from '@sinclair/typebox';
import { defineRule } from '../types.js';

/** A press release's lead opens with a dateline ("Sukamaju, Kamis, 12 September 2024 –") that is not read as part of the sentence. */
function datelineWords(text: string): number {
  const m = /^(.{0,80}?)\s[–—-]\s/.exec(text);
  if (!m || !/\d{4}|\(\d{1,2}\/\d{1,2}/.test(m[1])) return 0;
  return (m[1].match(/[\p{L}\p{N}]+(?:[-'’.,/:][\p{L}\p{N}]+)*/gu) ?? []).length;
}

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
      .filter((s) => s.block.type !== 'table')
      .map((s) => ({ sentence: s, count: s.words.length - datelineWords(s.text) }))
      .filter(({ count }) => count > data.maxWords)
      .map(({ sentence, count }) => ({ messageId: 'long', start: sentence.start, end: sentence.end, params: { count, max: data.maxWords }, suggestion: data.suggestion }));
  },
});
