/**
 * The first message in a crisis (CDC's CERC) and the updates after it carry the same parts:
 * empathy, confirmed facts, what is not yet known, what is being done, when the next update
 * comes, where to get more, and what the public should do. Updates need the parts that change.
 */
import { partsRule } from './parts.js';

export const rule = partsRule({
  id: 'cerc-parts',
  description: {
    id: 'Pernyataan awal atau pembaruan tidak memuat bagian pesan pertama CERC (empati, fakta, yang belum diketahui, langkah, jadwal pembaruan, sumber informasi, imbauan).',
    en: 'A holding statement or update lacks a part of the CERC first message (empathy, facts, unknowns, actions, next update, where to learn more, what to do).',
  },
  kinds: ['holding', 'update'],
  parts: ['empathy', 'facts', 'unknowns', 'actions', 'next-update', 'more-info', 'public-action'],
  messages: {
    id: {
      'missing-empathy': 'tidak ada ungkapan empati kepada korban dan warga terdampak',
      'missing-facts': 'tidak ada fakta terkonfirmasi (apa, di mana, kapan, dengan waktu data)',
      'missing-unknowns': 'tidak disebutkan apa yang belum diketahui atau masih diverifikasi',
      'missing-actions': 'tidak disebutkan apa yang sedang dilakukan',
      'missing-next-update': 'tidak disebutkan kapan informasi berikutnya disampaikan (jam)',
      'missing-more-info': 'tidak disebutkan di mana masyarakat mendapat informasi lebih lanjut (hotline, situs web)',
      'missing-public-action': 'tidak ada imbauan tentang apa yang perlu dilakukan masyarakat',
    },
    en: {
      'missing-empathy': 'no expression of empathy for the victims and those affected',
      'missing-facts': 'no confirmed facts (what, where, when, with the time of the figures)',
      'missing-unknowns': 'does not say what is not yet known or still being verified',
      'missing-actions': 'does not say what is being done',
      'missing-next-update': 'does not say when the next update comes (a clock time)',
      'missing-more-info': 'does not say where to get more information (hotline, website)',
      'missing-public-action': 'does not tell the public what to do',
    },
  },
});
