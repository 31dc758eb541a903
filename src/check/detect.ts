/** Detecting a statement's language and kind when the officer does not say. */
import type { Locale } from '../playbook/schema.js';
import type { KindSignals, LanguageData } from './data.js';
import type { Statement } from './document.js';
import { Matcher, phraseSource, type MatcherSpec } from './match.js';
import type { CheckChannel, StatementKind } from './types.js';

/** The language whose frequent words make up more of the text; Indonesian when it is a tie. */
export function detectLanguage(statement: Statement, data: Record<Locale, LanguageData>): Locale {
  const counts: Record<Locale, number> = { id: 0, en: 0 };
  const sets = { id: new Set(data.id.detect.stopwords), en: new Set(data.en.detect.stopwords) };
  for (const word of statement.words) {
    const w = word.text.toLowerCase();
    if (sets.id.has(w)) counts.id++;
    if (sets.en.has(w)) counts.en++;
  }
  return counts.en > counts.id ? 'en' : 'id';
}

/** Long-form kinds in the order that wins a tie: the most specific format first. */
const LONG_KINDS = ['press-release', 'hoax-clarification', 'apology', 'update', 'holding'] as const;
/** Below this length a plain text without Markdown reads as a text message. */
const SMS_LENGTH = 320;
const INSTAGRAM_LENGTH = 2200;

function score(signals: KindSignals | undefined, text: string): { score: number; strong: number } {
  if (!signals) return { score: 0, strong: 0 };
  const hits = (spec: MatcherSpec | undefined) =>
    [...(spec?.phrases ?? []).map(phraseSource), ...(spec?.patterns ?? [])].filter((source) => new Matcher({ patterns: [source] }).test(text)).length;
  const strong = hits(signals.strong);
  return { score: strong * 3 + hits(signals), strong };
}

export function detectKind(statement: Statement, data: LanguageData, channel?: CheckChannel): StatementKind {
  if (channel === 'sms') return 'sms';
  if (channel === 'x' || channel === 'instagram' || channel === 'facebook') return 'social';
  if (channel === 'whatsapp') return 'whatsapp';
  const text = statement.raw;
  const scores = new Map<string, { score: number; strong: number }>();
  for (const kind of Object.keys(data.detect.kinds)) scores.set(kind, score(data.detect.kinds[kind], text));
  const get = (kind: string) => scores.get(kind) ?? { score: 0, strong: 0 };
  const longStrong = LONG_KINDS.some((k) => get(k).strong > 0);
  const length = statement.body.length;
  const headings = statement.blocks.some((b) => b.type === 'heading');
  if (length === 0) return 'general';

  if (length <= INSTAGRAM_LENGTH && get('social').score > 0 && !longStrong) return 'social';
  // A message to journalists may mention a press release; a press release names its number and contact too.
  if (get('whatsapp').score > 0 && get('whatsapp').score >= get('press-release').score) return 'whatsapp';
  if (length <= SMS_LENGTH && !headings && statement.blocks.length <= 2 && !longStrong) return 'sms';

  let best: StatementKind = 'general';
  let bestScore = 0;
  for (const kind of LONG_KINDS) {
    const s = get(kind).score;
    if (s > bestScore) {
      best = kind;
      bestScore = s;
    }
  }
  return best;
}
