/** A hoax clarification names the claim, states the fact, cites the source and labels the claim correctly. */
import { partsRule } from './parts.js';

export const rule = partsRule({
  id: 'hoax-clarification-parts',
  description: {
    id: 'Klarifikasi hoaks tidak memuat klaim yang beredar, faktanya, sumbernya, atau labelnya (hoaks/disinformasi/misinformasi).',
    en: 'A hoax clarification lacks the claim, the fact, the source or the label (hoax/disinformation/misinformation).',
  },
  kinds: ['hoax-clarification'],
  parts: ['claim', 'fact', 'source', 'label'],
  messages: {
    id: {
      'missing-claim': 'tidak disebutkan klaim atau informasi yang beredar',
      'missing-fact': 'tidak ada bagian "Faktanya" yang meluruskan klaim',
      'missing-source': 'tidak disebutkan sumber fakta (lembaga, dokumen, atau tautan resmi)',
      'missing-label': 'tidak ada label hoaks, disinformasi, atau misinformasi',
    },
    en: {
      'missing-claim': 'does not state the claim that is circulating',
      'missing-fact': 'no "Fact:" part that corrects the claim',
      'missing-source': 'does not cite the source of the fact (agency, document or official link)',
      'missing-label': 'no label: hoax, disinformation or misinformation',
    },
  },
});
