/**
 * A real apology (Lewicki et al.) expresses regret, acknowledges responsibility and offers repair;
 * the last two matter most. Without them a statement is regret, not an apology.
 */
import { partsRule } from './parts.js';

export const rule = partsRule({
  id: 'apology-elements',
  description: {
    id: 'Permintaan maaf tidak memuat penyesalan, pengakuan tanggung jawab, atau tawaran perbaikan.',
    en: 'An apology lacks regret, an acknowledgement of responsibility or an offer of repair.',
  },
  kinds: ['apology'],
  parts: ['regret', 'responsibility', 'repair'],
  messages: {
    id: {
      'missing-regret': 'tidak ada ungkapan penyesalan atau permintaan maaf yang jelas',
      'missing-responsibility': 'tidak ada pengakuan tanggung jawab lembaga',
      'missing-repair': 'tidak ada tawaran perbaikan atau ganti rugi',
    },
    en: {
      'missing-regret': 'no clear expression of regret or apology',
      'missing-responsibility': 'no acknowledgement of the office\'s responsibility',
      'missing-repair': 'no offer of repair or compensation',
    },
  },
});
