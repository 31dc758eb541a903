/**
 * An Indonesian siaran pers: "SIARAN PERS" with a number, a headline, a dateline with the date
 * written the Indonesian way, a lead answering 5W1H, an attributed quote (full name and title)
 * and a narahubung with a phone number. Journalists drop releases that lack them.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { Block, Statement } from '../document.js';
import { Matcher, MatcherSpec, regex } from '../match.js';
import { defineRule, type RuleReport } from '../types.js';
import { atStart, present, Suggestions } from './common.js';

const MESSAGE_IDS = [
  'missing-header',
  'missing-number',
  'missing-title',
  'missing-dateline',
  'dateline-format',
  'dateline-weekday',
  'lead-5w1h',
  'missing-quote',
  'quote-unattributed',
  'missing-contact',
  'contact-no-phone',
] as const;

const Data = Type.Object(
  {
    header: MatcherSpec,
    number: MatcherSpec,
    /** lines above the lead that are not the headline: letterhead, release instructions */
    notTitle: MatcherSpec,
    /** month names, January first */
    months: Type.Array(Type.String({ minLength: 1 }), { minItems: 12, maxItems: 12 }),
    /** day names, Sunday first */
    days: Type.Array(Type.String({ minLength: 1 }), { minItems: 7, maxItems: 7 }),
    when: MatcherSpec,
    where: MatcherSpec,
    who: MatcherSpec,
    /** job titles that make a quote attributable ("Kepala", "Bupati") */
    titles: MatcherSpec,
    contact: MatcherSpec,
    phone: MatcherSpec,
    suggestions: Suggestions(MESSAGE_IDS),
  },
  { additionalProperties: false },
);
type Data = Static<typeof Data>;

const CITY = String.raw`[\p{Lu}][\p{L}.'’-]*(?:[ \t]+[\p{Lu}][\p{L}.'’-]*){0,3}(?:[ \t]*\([^)\n]{1,40}\))?`;
const NAME = String.raw`(?:(?:dr|drg|Dr|Ir|H|Hj|Prof|Drs|Dra|Mr|Mrs|Ms|Dr)\.?[ \t]+)*[\p{Lu}][\p{L}'’-]+(?:[ \t]+(?:[\p{Lu}][\p{L}'’-]*\.?|bin|binti))+`;
const DEGREES = String.raw`(?:,[ \t]*[\p{Lu}][\p{L}]*\.(?:[\p{L}]+\.?)*)*`;

interface Dateline {
  block: number;
  end: number;
  report?: RuleReport;
}

function findDateline(statement: Statement, data: Data): Dateline | undefined {
  const days = data.days.join('|');
  const months = data.months.join('|');
  const written = regex(
    String.raw`^[ \t]*${CITY}[ \t]*,[ \t]*(?:(${days})[ \t]*,?[ \t]*)?(?:(\d{1,2})[ \t]+(${months})|(${months})[ \t]+(\d{1,2}),?)[ \t]+(\d{4})`,
    'iu',
  );
  const journalistic = regex(String.raw`^[ \t]*${CITY}[ \t]*,[ \t]*(${days})[ \t]*\((\d{1,2})/(\d{1,2})/(\d{4})\)`, 'iu');
  const numeric = regex(String.raw`^[ \t]*${CITY}[ \t]*,[ \t]*(?:(?:${days})[ \t]*,?[ \t]*)?(?:\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{4}-\d{2}-\d{2})`, 'iu');
  const blocks = statement.blocks;
  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.type !== 'paragraph' && b.type !== 'heading') continue;
    const lead = b.text.length - b.text.trimStart().length;
    const text = b.text.slice(lead);
    let m = written.exec(text);
    if (m) {
      const month = data.months.findIndex((n) => n.toLowerCase() === (m![3] ?? m![4]).toLowerCase());
      const check = weekday(m[1], Number(m[2] ?? m[5]), month + 1, Number(m[6]), data, b.start + lead, m[0].length);
      return { block: i, end: b.start + lead + m[0].length, report: check };
    }
    m = journalistic.exec(text);
    if (m) {
      const check = weekday(m[1], Number(m[2]), Number(m[3]), Number(m[4]), data, b.start + lead, m[0].length);
      return { block: i, end: b.start + lead + m[0].length, report: check };
    }
    m = numeric.exec(text);
    if (m) {
      return {
        block: i,
        end: b.start + lead + m[0].length,
        report: { messageId: 'dateline-format', start: b.start + lead, end: b.start + lead + m[0].length, suggestion: data.suggestions['dateline-format'] },
      };
    }
  }
  return undefined;
}

/** The day name must be the day of that date. */
function weekday(day: string | undefined, d: number, month: number, year: number, data: Data, start: number, length: number): RuleReport | undefined {
  if (!day) return undefined;
  const date = new Date(Date.UTC(year, month - 1, d));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== d) {
    return { messageId: 'dateline-weekday', start, end: start + length, params: { day, expected: '—' }, suggestion: data.suggestions['dateline-weekday'] };
  }
  const expected = data.days[date.getUTCDay()];
  if (expected.toLowerCase() === day.toLowerCase()) return undefined;
  return { messageId: 'dateline-weekday', start, end: start + length, params: { day, expected }, suggestion: data.suggestions['dateline-weekday'] };
}

const wordCount = (text: string) => (text.match(/[\p{L}\p{N}]+/gu) ?? []).length;

function hasTitle(blocks: Block[], before: number, data: Data): boolean {
  const header = new Matcher(data.header);
  const number = new Matcher(data.number);
  const notTitle = new Matcher(data.notTitle);
  return blocks.slice(0, before).some((b) => {
    const text = b.text.trim();
    const words = wordCount(text);
    if (words < 3 || words > 30 || /[.:]$/.test(text)) return false;
    return !header.test(text) && !number.test(text) && !notTitle.test(text);
  });
}

/** The quotation is attributed when a full name sits next to a job title around it. */
function attributed(statement: Statement, blockIndex: number, data: Data): boolean {
  const titles = [...(data.titles.phrases ?? []).map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/\s+/g, '\\s+')), ...(data.titles.patterns ?? [])].join('|');
  const nameThenTitle = regex(String.raw`${NAME}${DEGREES}[ \t]*,[ \t]*(?:${titles})`, 'u');
  const titleThenName = regex(String.raw`(?:${titles})[^.“”"\n]{0,100}?,[ \t]*${NAME}`, 'u');
  return [blockIndex - 1, blockIndex, blockIndex + 1].some((i) => {
    const b = statement.blocks[i];
    if (!b) return false;
    let text = b.text;
    for (const q of statement.quotes) {
      if (q.end <= b.start || q.start >= b.end) continue;
      const from = Math.max(q.start, b.start) - b.start;
      const to = Math.min(q.end, b.end) - b.start;
      text = text.slice(0, from) + ' '.repeat(to - from) + text.slice(to);
    }
    return nameThenTitle.test(text) || titleThenName.test(text);
  });
}

export const rule = defineRule<Data>({
  id: 'press-release-structure',
  severity: 'error',
  description: {
    id: 'Siaran pers tidak lengkap: "SIARAN PERS" dan nomor, judul, dateline bertanggal Indonesia, teras berita 5W1H, kutipan beratribusi, narahubung bertelepon.',
    en: 'A press release lacks "PRESS RELEASE" and its number, a headline, a dated dateline, a 5W1H lead, an attributed quote or a media contact with a phone number.',
  },
  kinds: ['press-release'],
  data: Data,
  messages: {
    id: {
      'missing-header': 'tidak ada tulisan "SIARAN PERS"',
      'missing-number': 'tidak ada nomor siaran pers ("Nomor: …")',
      'missing-title': 'tidak ada judul sebelum teras berita',
      'missing-dateline': 'tidak ada dateline (kota, tanggal) di awal teras berita',
      'dateline-format': 'tanggal pada dateline tidak ditulis dengan cara Indonesia (Kamis, 12 September 2024)',
      'dateline-weekday': 'hari "{day}" tidak sesuai dengan tanggalnya (seharusnya {expected})',
      'lead-5w1h': 'teras berita tidak menjawab: {missing}',
      'missing-quote': 'tidak ada kutipan langsung pejabat',
      'quote-unattributed': 'kutipan tidak menyebut nama lengkap dan jabatan pembicara',
      'missing-contact': 'tidak ada narahubung',
      'contact-no-phone': 'narahubung tanpa nomor telepon',
    },
    en: {
      'missing-header': 'no "PRESS RELEASE" heading',
      'missing-number': 'no release number ("No.: …")',
      'missing-title': 'no headline before the lead',
      'missing-dateline': 'no dateline (city, date) at the start of the lead',
      'dateline-format': 'the dateline\'s date is not written out (Thursday, 12 September 2024)',
      'dateline-weekday': '"{day}" is not the day of that date (it should be {expected})',
      'lead-5w1h': 'the lead does not say: {missing}',
      'missing-quote': 'no direct quote from an official',
      'quote-unattributed': 'the quote does not give the speaker\'s full name and title',
      'missing-contact': 'no media contact (narahubung)',
      'contact-no-phone': 'the media contact has no phone number',
    },
  },
  terms: {
    id: { when: 'kapan', where: 'di mana', who: 'siapa' },
    en: { when: 'when', where: 'where', who: 'who' },
  },
  check(ctx) {
    const { statement, data } = ctx;
    const prose = statement.prose;
    const reports: RuleReport[] = [];
    const missing = (id: (typeof MESSAGE_IDS)[number]) => reports.push(atStart(ctx, id, data.suggestions[id]));

    if (!present(data.header, prose)) missing('missing-header');
    if (!present(data.number, prose)) missing('missing-number');

    const dateline = findDateline(statement, data);
    const leadBlock = dateline?.block ?? statement.blocks.findIndex((b) => b.type === 'paragraph' && wordCount(b.text) >= 25);
    if (!hasTitle(statement.blocks, leadBlock === -1 ? Math.min(statement.blocks.length, 8) : leadBlock, data)) missing('missing-title');
    if (!dateline) missing('missing-dateline');
    else if (dateline.report) reports.push(dateline.report);

    // The lead: the dateline's paragraph, or the next one when the dateline stands alone.
    if (dateline) {
      const block = statement.blocks[dateline.block];
      let from = dateline.end;
      let to = block.end;
      if (wordCount(prose.slice(from, to)) < 8) {
        const next = statement.blocks.slice(dateline.block + 1).find((b) => b.type === 'paragraph');
        if (next) [from, to] = [next.start, next.end];
      }
      const gaps = (['when', 'where', 'who'] as const).filter((w) => !new Matcher(data[w]).test(prose, from, to));
      if (gaps.length) reports.push({ messageId: 'lead-5w1h', start: from, end: to, params: { missing: { keys: gaps } }, suggestion: data.suggestions['lead-5w1h'] });
    }

    const quotes = statement.quotes.filter((q) => wordCount(prose.slice(q.start, q.end)) >= 5);
    if (quotes.length === 0) missing('missing-quote');
    else {
      const blockOf = (offset: number) => statement.blocks.findIndex((b) => offset >= b.start && offset < b.end);
      if (!quotes.some((q) => attributed(statement, blockOf(q.start), data))) {
        reports.push({ messageId: 'quote-unattributed', start: quotes[0].start, end: Math.min(quotes[0].end, statement.raw.length), suggestion: data.suggestions['quote-unattributed'] });
      }
    }

    const contact = new Matcher(data.contact).first(prose);
    if (!contact) missing('missing-contact');
    else if (!new Matcher(data.phone).test(statement.raw, contact.start, contact.end + 400)) {
      reports.push({ messageId: 'contact-no-phone', start: contact.start, end: contact.end, suggestion: data.suggestions['contact-no-phone'] });
    }
    return reports;
  },
});
