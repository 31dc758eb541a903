/** Blaming victims or the public turns sympathy into anger; an office explains and instructs instead. */
import { phraseRule } from './common.js';

export const rule = phraseRule({
  id: 'victim-blaming',
  severity: 'error',
  description: {
    id: 'Pernyataan menyalahkan korban atau masyarakat ("warga yang tidak mengindahkan", "masyarakat yang lalai").',
    en: 'The statement blames victims or the public ("should have known better", "residents who ignored").',
  },
  messageId: 'victim-blaming',
  messages: {
    id: { 'victim-blaming': '"{phrase}" menyalahkan korban atau masyarakat; ungkapkan empati dan beri arahan yang jelas' },
    en: { 'victim-blaming': '"{phrase}" blames victims or the public; express empathy and give clear instructions instead' },
  },
});
