/** Speculation about causes or figures: a statement says only what is confirmed, and what is not yet known. */
import { phraseRule } from './common.js';

export const rule = phraseRule({
  id: 'speculation',
  severity: 'warning',
  description: {
    id: 'Pernyataan berspekulasi ("diduga kuat", "kemungkinan besar", "sepertinya") alih-alih menyebut yang terkonfirmasi.',
    en: 'The statement speculates ("probably", "most likely", "we believe it might") instead of stating what is confirmed.',
  },
  messageId: 'speculation',
  messages: {
    id: { speculation: '"{phrase}" adalah spekulasi; sebutkan yang sudah terkonfirmasi, atau katakan bahwa hal itu masih diverifikasi' },
    en: { speculation: '"{phrase}" is speculation; state what is confirmed, or say that it is still being verified' },
  },
});
