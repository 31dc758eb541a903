/**
 * Short channels cut or split what does not fit: an SMS over one segment arrives in pieces (or
 * costs several), an X post over 280 weighted characters cannot be posted, an Instagram caption
 * stops at 2,200 characters. Lengths are counted as the renderer counts them (src/render/length.ts).
 */
import { Type, type Static } from '@sinclair/typebox';
import { unescapeMarkdown } from '../../render/escape.js';
import { measure } from '../../render/length.js';
import { defineRule, type RuleReport } from '../types.js';
import { atStart, Suggestions } from './common.js';

const MESSAGE_IDS = ['sms-segments', 'sms-unicode', 'x-length', 'instagram-length', 'instagram-hashtags'] as const;
const Data = Type.Object({ suggestions: Suggestions(MESSAGE_IDS) }, { additionalProperties: false });
const INSTAGRAM_HASHTAGS = 30;

export const rule = defineRule<Static<typeof Data>>({
  id: 'channel-limit',
  severity: 'error',
  description: {
    id: 'Teks melebihi batas kanal: SMS lebih dari satu segmen (GSM-7 160, UCS-2 70), X 280 karakter berbobot, takarir Instagram 2.200 karakter.',
    en: 'The text is over the channel\'s limit: an SMS of more than one segment (GSM-7 160, UCS-2 70), X 280 weighted characters, an Instagram caption 2,200.',
  },
  data: Data,
  messages: {
    id: {
      'sms-segments': '{count} karakter: terkirim sebagai {segments} SMS (satu SMS memuat {limit})',
      'sms-unicode': 'karakter "{char}" di luar GSM-7 membuat SMS menjadi Unicode: {count} karakter, {segments} SMS (satu SMS hanya memuat {limit})',
      'x-length': 'panjang berbobot {count}, melebihi batas X {limit}',
      'instagram-length': '{count} karakter, melebihi batas takarir Instagram {limit}',
      'instagram-hashtags': '{count} tagar; Instagram hanya menerima {limit}',
    },
    en: {
      'sms-segments': '{count} characters: sent as {segments} SMS segments (one holds {limit})',
      'sms-unicode': 'the character "{char}" is outside GSM-7 and makes the SMS Unicode: {count} characters, {segments} segments (one holds only {limit})',
      'x-length': 'weighted length {count} is over X\'s limit of {limit}',
      'instagram-length': '{count} characters, over Instagram\'s caption limit of {limit}',
      'instagram-hashtags': '{count} hashtags; Instagram accepts {limit}',
    },
  },
  check(ctx) {
    const { statement, data, kind } = ctx;
    const channel = ctx.channel ?? (kind === 'sms' ? 'sms' : undefined);
    if (channel !== 'sms' && channel !== 'x' && channel !== 'instagram') return [];
    const text = unescapeMarkdown(statement.body);
    const report = measure(text, channel);
    const reports: RuleReport[] = [];
    if (report?.over) {
      const params = { count: report.count, limit: report.limit, segments: report.segments ?? 0 };
      if (report.rule === 'sms' && report.encoding === 'ucs-2') {
        const char = report.nonGsm![0];
        const at = statement.raw.indexOf(char, statement.contentStart);
        reports.push({ messageId: 'sms-unicode', start: at, end: at + char.length, params: { ...params, char }, suggestion: data.suggestions['sms-unicode'] });
      } else {
        const id = report.rule === 'sms' ? 'sms-segments' : report.rule === 'x' ? 'x-length' : 'instagram-length';
        reports.push(atStart(ctx, id, data.suggestions[id], params));
      }
    }
    if (channel === 'instagram') {
      const tags = text.match(/(?<![\p{L}\p{N}_&])#[\p{L}\p{N}_]+/gu) ?? [];
      if (tags.length > INSTAGRAM_HASHTAGS) reports.push(atStart(ctx, 'instagram-hashtags', data.suggestions['instagram-hashtags'], { count: tags.length, limit: INSTAGRAM_HASHTAGS }));
    }
    return reports;
  },
});
