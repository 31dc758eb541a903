/**
 * Channel length rules. SMS counts GSM-7 septets (extension characters count twice) or UCS-2
 * code units when any character is outside GSM-7, with 160/153 (GSM-7) or 70/67 (UCS-2)
 * characters per segment. X weighs text as twitter-text does (approximately): Latin and general
 * punctuation weigh 1, other characters and each emoji 2, every URL 23. Instagram captions and
 * a template's own `limit:` count characters.
 */
import type { Channel } from '../playbook/schema.js';

export type LengthRule = 'sms' | 'x' | 'instagram' | 'limit';

export interface LengthReport {
  rule: LengthRule;
  /** SMS: septets or UCS-2 units; X: weighted length; otherwise characters */
  count: number;
  limit: number;
  over: boolean;
  /** SMS only */
  segments?: number;
  encoding?: 'gsm-7' | 'ucs-2';
  /** SMS only: the characters that forced UCS-2 */
  nonGsm?: string[];
}

const GSM_BASIC = new Set(
  '@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !"#¤%&\'()*+,-./0123456789:;<=>?¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà',
);
const GSM_EXTENSION = new Set('^{}\\[~]|€\f');

export const SMS = { gsmSingle: 160, gsmPart: 153, ucsSingle: 70, ucsPart: 67 } as const;
export const X_LIMIT = 280;
export const X_URL_WEIGHT = 23;
export const INSTAGRAM_LIMIT = 2200;

export function smsLength(text: string): Pick<LengthReport, 'count' | 'segments' | 'encoding' | 'nonGsm'> {
  let septets = 0;
  const nonGsm = new Set<string>();
  for (const ch of text) {
    if (GSM_BASIC.has(ch)) septets += 1;
    else if (GSM_EXTENSION.has(ch)) septets += 2;
    else nonGsm.add(ch);
  }
  if (nonGsm.size === 0) {
    const segments = septets === 0 ? 0 : septets <= SMS.gsmSingle ? 1 : Math.ceil(septets / SMS.gsmPart);
    return { count: septets, segments, encoding: 'gsm-7' };
  }
  const units = text.length; // UTF-16 code units are UCS-2 units (a surrogate pair takes two)
  const segments = units === 0 ? 0 : units <= SMS.ucsSingle ? 1 : Math.ceil(units / SMS.ucsPart);
  return { count: units, segments, encoding: 'ucs-2', nonGsm: [...nonGsm] };
}

// Checked one whitespace-separated word at a time, anchored, so hostile input cannot make the match backtrack.
const URL_WORD = /^[("'“‘]*(?:https?:\/\/|www\.)\S+$/i;
const DOMAIN_WORD = /^[("'“‘]*[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?:com|org|net|id|info|gov)(?:\/\S*)?[)"'”’.,;:!?]*$/i;
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;

function lightWeight(codePoint: number): boolean {
  return (
    codePoint <= 0x10ff ||
    (codePoint >= 0x2000 && codePoint <= 0x200d) ||
    (codePoint >= 0x2010 && codePoint <= 0x201f) ||
    (codePoint >= 0x2032 && codePoint <= 0x2037)
  );
}

let segmenter: Intl.Segmenter | undefined;

function weightOf(text: string): number {
  // Plain ASCII needs no grapheme segmentation.
  if (/^[\x00-\x7f]*$/.test(text)) return text.length;
  segmenter ??= new Intl.Segmenter('en', { granularity: 'grapheme' });
  let weight = 0;
  for (const { segment } of segmenter.segment(text)) {
    if (EMOJI.test(segment)) {
      weight += 2;
      continue;
    }
    for (const ch of segment) weight += lightWeight(ch.codePointAt(0)!) ? 1 : 2;
  }
  return weight;
}

/** twitter-text's weighted length, approximately. */
export function xLength(text: string): number {
  let weight = 0;
  for (const part of text.normalize('NFC').split(/(\s+)/)) {
    if (part === '') continue;
    weight += URL_WORD.test(part) || DOMAIN_WORD.test(part) ? X_URL_WEIGHT : weightOf(part);
  }
  return weight;
}

/** The length report for a channel, or undefined when neither the channel nor the template sets a limit. */
export function measure(text: string, channel: Channel, limit?: number): LengthReport | undefined {
  if (channel === 'sms') {
    const sms = smsLength(text);
    const max = limit ?? (sms.encoding === 'gsm-7' ? SMS.gsmSingle : SMS.ucsSingle);
    return { rule: 'sms', ...sms, limit: max, over: sms.count > max };
  }
  if (channel === 'x') {
    const count = xLength(text);
    const max = limit ?? X_LIMIT;
    return { rule: 'x', count, limit: max, over: count > max };
  }
  const count = [...text].length;
  if (channel === 'instagram') {
    const max = limit ?? INSTAGRAM_LIMIT;
    return { rule: 'instagram', count, limit: max, over: count > max };
  }
  if (limit !== undefined) return { rule: 'limit', count, limit, over: count > limit };
  return undefined;
}
