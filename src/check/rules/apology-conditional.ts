/** "If anyone was offended" is not an apology: it doubts the harm and takes no responsibility. */
import { phraseRule } from './common.js';

export const rule = phraseRule({
  id: 'apology-conditional',
  severity: 'error',
  description: {
    id: 'Permintaan maaf bersyarat ("jika ada yang merasa dirugikan") yang bukan permintaan maaf.',
    en: 'A conditional non-apology ("if anyone was offended", "to anyone who may have felt").',
  },
  messageId: 'conditional',
  messages: {
    id: { conditional: '"{phrase}" adalah permintaan maaf bersyarat; akui kerugian yang terjadi dan tanggung jawab lembaga secara langsung' },
    en: { conditional: '"{phrase}" is a conditional apology; name the harm that was done and own it directly' },
  },
});
