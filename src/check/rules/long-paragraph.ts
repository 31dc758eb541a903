/** A wall of text hides the one fact a reader needs; short paragraphs, one topic each. */
import { Type, type Static } from '@sinclair/typebox';
import { defineRule } from '../types.js';

const Data = Type.Object({ maxWords: Type.Integer({ minimum: 20 }), suggestion: Type.String({ minLength: 1 }) }, { additionalProperties: false });

export const rule = defineRule<Static<typeof Data>>({
  id: 'long-paragraph',
  severity: 'warning',
  description: {
    id: 'Paragraf terlalu panjang untuk dibaca cepat.',
    en: 'A paragraph is too long to read at a glance.',
  },
  data: Data,
  messages: {
    id: { long: 'paragraf {count} kata (batas {max}); bagi menjadi paragraf yang lebih pendek' },
    en: { long: 'paragraph of {count} words (limit {max}); break it up' },
  },
  check({ statement, data }) {
    return statement.blocks
      .filter((b) => b.type === 'paragraph' || b.type === 'list-item' || b.type === 'quote')
      .map((b) => ({ block: b, count: statement.sentences.filter((s) => s.block === b).reduce((n, s) => n + s.words.length, 0) }))
      .filter(({ count }) => count > data.maxWords)
      .map(({ block, count }) => {
        const lineEnd = statement.raw.indexOf('\n', block.start + (block.text.length - block.text.trimStart().length));
        const start = block.start + (block.text.length - block.text.trimStart().length);
        return { messageId: 'long', start, end: lineEnd === -1 || lineEnd > block.end ? block.end : lineEnd, params: { count, max: data.maxWords }, suggestion: data.suggestion };
      });
  },
});
