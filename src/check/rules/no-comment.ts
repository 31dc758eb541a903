/** "No comment" tells the public the office has something to hide; say what is known and what is being done. */
import { phraseRule } from './common.js';

export const rule = phraseRule({
  id: 'no-comment',
  severity: 'error',
  description: {
    id: 'Pernyataan memuat "tidak ada komentar" atau penolakan berkomentar.',
    en: 'The statement says "no comment" or declines to comment.',
  },
  messageId: 'no-comment',
  messages: {
    id: { 'no-comment': '"{phrase}": jangan menolak berkomentar; sampaikan apa yang sudah diketahui dan apa yang sedang dilakukan' },
    en: { 'no-comment': '"{phrase}": never decline to comment; say what is known and what is being done' },
  },
});
