/** Absolute promises ("pasti", "dijamin", "100% safe") break trust when the situation changes. */
import { phraseRule } from './common.js';

export const rule = phraseRule({
  id: 'absolute-promise',
  severity: 'warning',
  description: {
    id: 'Pernyataan memberi janji mutlak ("pasti", "dijamin", "100% aman") yang belum tentu dapat ditepati.',
    en: 'The statement makes an absolute promise ("guarantee", "100% safe", "will never happen again") it may not keep.',
  },
  messageId: 'absolute-promise',
  messages: {
    id: { 'absolute-promise': '"{phrase}" adalah janji mutlak; nyatakan komitmen dan langkah yang terukur' },
    en: { 'absolute-promise': '"{phrase}" is an absolute promise; state a commitment and measurable steps instead' },
  },
});
