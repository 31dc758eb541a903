/** One line about a statement's length for the terminal, in the interface language. */
import type { Channel, Locale } from '../playbook/schema.js';
import type { LengthReport } from '../render/length.js';
import { CHANNEL_LABEL } from './messages.js';

export function lengthSummary(channel: Channel, length: LengthReport, lang: Locale): string {
  const name = CHANNEL_LABEL[lang][channel];
  const over = length.over ? (lang === 'id' ? ' — MELEBIHI BATAS' : ' — OVER THE LIMIT') : '';
  if (length.rule === 'sms') {
    const segments = lang === 'id' ? `${length.segments} segmen` : `${length.segments} segment${length.segments === 1 ? '' : 's'}`;
    return `${name}: ${length.count}/${length.limit} (${segments}, ${length.encoding!.toUpperCase()})${over}`;
  }
  const unit = length.rule === 'x' ? (lang === 'id' ? 'berbobot' : 'weighted') : lang === 'id' ? 'karakter' : 'characters';
  return `${name}: ${length.count}/${length.limit} ${unit}${over}`;
}
