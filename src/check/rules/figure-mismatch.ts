/**
 * One narrative, one set of figures: a statement's numbers, times and places must agree with the
 * incident's pinned facts (`fact: true` answers, the start and the place). A figure is compared
 * only when its words clearly name one fact ("korban meninggal 12 orang" next to a recorded 14);
 * earlier figures ("naik dari 12 menjadi 14"), figures counting something else ("12 titik") and
 * ambiguous contexts are left alone, because a false alarm here costs more than a miss.
 */
import { Type, type Static } from '@sinclair/typebox';
import { UTC_OFFSET_HOURS, type Timezone } from '../../incident/answers-schema.js';
import type { Locale } from '../../playbook/schema.js';
import { formatNumber } from '../../render/format.js';
import type { Sentence, Statement, Word } from '../document.js';
import type { Fact } from '../incident.js';
import { defineRule, type RuleReport } from '../types.js';
import { regex } from '../match.js';
import { Suggestions } from './common.js';

const MESSAGE_IDS = ['number', 'time', 'place'] as const;

const Data = Type.Object(
  {
    /** words that never identify a fact ("jumlah", "berapa", "the") */
    generic: Type.Array(Type.String({ minLength: 1 })),
    /** counting words between a number and what it counts ("orang", "people") */
    counters: Type.Array(Type.String({ minLength: 1 })),
    /** words just before a figure that make it an earlier figure or a change ("dari", "bertambah", "from") */
    earlier: Type.Array(Type.String({ minLength: 1 })),
    /** words just before a time that make it the time of the figures, not of the event ("per", "hingga", "as of") */
    asOf: Type.Array(Type.String({ minLength: 1 })),
    /** words of a sentence that gives contact numbers ("hotline", "telepon", "call") */
    contact: Type.Array(Type.String({ minLength: 1 })),
    /** words that join clauses: what follows them is not what a number counts ("dan", "and") */
    conjunctions: Type.Array(Type.String({ minLength: 1 })),
    /** words that open a clause about the counted thing ("yang", "who"): a word after them is not what the number counts */
    relatives: Type.Array(Type.String({ minLength: 1 })),
    /** words that point to another event than the recorded one ("susulan", "kembali", "again") */
    otherEvent: Type.Array(Type.String({ minLength: 1 })),
    /** words that say when or where the incident happened ("terjadi", "occurred") */
    startWords: Type.Array(Type.String({ minLength: 1 })),
    /** administrative words before (id) or after (en) a place name ("Kecamatan", "District") */
    placeWords: Type.Array(Type.String({ minLength: 1 })),
    months: Type.Array(Type.String({ minLength: 1 }), { minItems: 12, maxItems: 12 }),
    suggestions: Suggestions(MESSAGE_IDS),
  },
  { additionalProperties: false },
);
type Data = Static<typeof Data>;

const NUMBER = /^(?:\d{1,3}(?:[.,]\d{3})+|\d+)$/;
const lower = (s: string) => s.toLowerCase();
const split = (s: string) => lower(s).split(/[^\p{L}\p{N}]+/u).filter(Boolean);

/**
 * The words that name a fact in a statement of this language: the question id's words (Indonesian)
 * and its prompt's, without generic words and without the qualifiers in parentheses ("(jiwa)", "(berat, sedang)").
 */
function keywords(fact: Fact, lang: Locale, data: Data): Set<string> {
  const skip = new Set([...data.generic, ...data.counters].map(lower));
  const prompt = (fact.prompt[lang] ?? '').replace(/\([^)]*\)/g, ' ');
  let words: string[];
  // The incident's place is named where the incident is: by a word saying it happened, or by its title ("Tanah longsor Desa …").
  if (fact.id === 'incident.place') words = [...data.startWords.map(lower), ...split(prompt).filter((w) => !data.placeWords.some((p) => lower(p) === w))];
  else if (fact.id.startsWith('incident.')) words = data.startWords.map(lower);
  else if (lang === 'id' || !fact.prompt[lang]) words = [...split(fact.id.replace(/_/g, ' ')), ...split(prompt)];
  else words = split(prompt);
  return new Set(words.filter((w) => w.length >= 3 && !skip.has(w) && !/^\d+$/.test(w)));
}

/** Words around a token in its sentence, up to `reach` each side, not crossing clause punctuation or another figure. */
function windowOf(statement: Statement, sentence: Sentence, index: number, reach: number, crossNumbers = false): Word[] {
  const words = sentence.words;
  const out: Word[] = [];
  const stops = (a: Word, b: Word) => /[,;()—–]/.test(statement.prose.slice(a.end, b.start));
  for (let i = index - 1, n = 0; i >= 0 && n < reach; i--, n++) {
    if (stops(words[i], words[i + 1]) || (!crossNumbers && NUMBER.test(words[i].text))) break;
    out.push(words[i]);
  }
  for (let i = index + 1, n = 0; i < words.length && n < reach; i++, n++) {
    if (stops(words[i - 1], words[i]) || (!crossNumbers && NUMBER.test(words[i].text))) break;
    out.push(words[i]);
  }
  return out;
}

const tokensOf = (words: Word[]) => new Set(words.flatMap((w) => split(w.text)));

function numberReports(statement: Statement, facts: Fact[], lang: Locale, data: Data): RuleReport[] {
  const numberFacts = facts.filter((f) => f.kind === 'number').map((f) => ({ fact: f, words: keywords(f, lang, data) }));
  if (numberFacts.length === 0) return [];
  const months = new Set(data.months.map(lower));
  const counters = new Set(data.counters.map(lower));
  const generic = new Set(data.generic.map(lower));
  const earlier = new Set(data.earlier.map(lower));
  const contact = new Set(data.contact.map(lower));
  const conjunctions = new Set(data.conjunctions.map(lower));
  const relatives = new Set(data.relatives.map(lower));
  const reports: RuleReport[] = [];
  for (const sentence of statement.sentences) {
    const words = sentence.words;
    // A sentence that gives a phone number or a hotline is about contact, not figures.
    if (words.some((w) => split(w.text).some((p) => contact.has(p)))) continue;
    const found: { fact: Fact; word: Word; value: number }[] = [];
    words.forEach((word, i) => {
      if (!NUMBER.test(word.text)) return;
      // A year ("Tahun Anggaran 2025"); counts that large are written with a separator.
      if (/^(19|20)\d\d$/.test(word.text)) return;
      const prev = words[i - 1];
      const next = words[i + 1];
      if ((next && months.has(lower(next.text))) || (prev && months.has(lower(prev.text)))) return;
      const after = statement.prose.slice(word.end, word.end + 9);
      if (/^\s*(?:%|persen\b|percent\b|[.:]\d)/iu.test(after)) return;
      if (/[-/.:]$/.test(statement.prose.slice(word.start - 1, word.start))) return;
      if (words.slice(Math.max(0, i - 3), i).some((w) => earlier.has(lower(w.text)))) return;
      const value = Number(word.text.replace(/[.,]/g, ''));
      // What the number counts: the first word after it, past one counting word and a few small words ("12 people have been killed").
      let j = i + 1;
      if (words[j] && counters.has(lower(words[j].text))) j++;
      while (j < i + 4 && words[j] && generic.has(lower(words[j].text)) && !conjunctions.has(lower(words[j].text)) && words[j + 1]) j++;
      const joined = (a: number, b: number) => !/[,;:()—–]/.test(statement.prose.slice(words[a].end, words[b].start));
      let headWord: string | undefined;
      if (words[j] && !conjunctions.has(lower(words[j].text)) && [...Array(j - i).keys()].every((k) => joined(i + k, i + k + 1))) headWord = split(words[j].text)[0];
      // Past a relative ("268 jiwa yang tersebar di …") the word describes what was counted; it names the fact only if it is one of the fact's words.
      const relative = words.slice(i + 1, j).some((w) => relatives.has(lower(w.text)));
      if (relative && headWord !== undefined && !numberFacts.some(({ words: kw }) => kw.has(headWord!))) headWord = undefined;
      const around = tokensOf(windowOf(statement, sentence, i, 5));
      const near = tokensOf(windowOf(statement, sentence, i, 3).filter((w) => w.start < word.start));
      const candidates = numberFacts
        .map(({ fact, words: kw }) => ({ fact, hits: [...kw].filter((k) => around.has(k)).length, needed: Math.min(2, kw.size), kw }))
        .filter((c) => c.needed > 0 && c.hits >= c.needed)
        // One of its words names what the number counts, or sits right before it.
        .filter((c) => (headWord !== undefined && c.kw.has(headWord)) || [...c.kw].some((k) => near.has(k)))
        .filter((c) => headWord === undefined || /^\d/.test(headWord) || c.kw.has(headWord) || generic.has(headWord));
      if (candidates.length === 0) return;
      const best = Math.max(...candidates.map((c) => c.hits));
      const top = candidates.filter((c) => c.hits === best);
      if (new Set(top.map((c) => c.fact.value)).size > 1) return;
      found.push({ fact: top[0].fact, word, value });
    });
    // Several figures for one fact in a sentence, or the recorded one among them, is a breakdown ("120 rumah rusak: 40 rusak berat, …").
    for (const fact of new Set(found.map((f) => f.fact))) {
      const mine = found.filter((f) => f.fact === fact);
      if (mine.length > 1 || mine.some((f) => f.value === fact.value)) continue;
      const { word } = mine[0];
      reports.push({
        messageId: 'number',
        start: word.start,
        end: word.end,
        params: { found: word.text, fact: fact.id, value: formatNumber(fact.value as number, lang) },
        suggestion: data.suggestions.number.replace(/\{value\}/g, formatNumber(fact.value as number, lang)),
      });
    }
  }
  return reports;
}

const TIME = /(?<![\p{L}\p{N}])(\d{1,2})[.:](\d{2})(?![\p{N}])(?:\s*(am|pm|a\.m\.|p\.m\.))?(?:\s*(WIB|WITA|WIT)(?![\p{L}]))?|(?<![\p{L}\p{N}])(\d{1,2})\s*(am|pm|a\.m\.|p\.m\.)(?:\s*(WIB|WITA|WIT)(?![\p{L}]))?/giu;

function clockIn(instant: Date, zone: Timezone): { hour: number; minute: number } {
  const local = new Date(instant.getTime() + UTC_OFFSET_HOURS[zone] * 3_600_000);
  return { hour: local.getUTCHours(), minute: local.getUTCMinutes() };
}

function timeReports(statement: Statement, facts: Fact[], zone: Timezone, lang: Locale, data: Data): RuleReport[] {
  const timeFacts = facts.filter((f) => f.kind === 'time').map((f) => ({ fact: f, words: keywords(f, lang, data) }));
  if (timeFacts.length === 0) return [];
  const asOf = new Set(data.asOf.map(lower));
  const other = new Set(data.otherEvent.map(lower));
  // Every word that says the incident happened ("terjadi", "kejadian", "struck") names the same fact: they count as one word.
  const start = new Set(data.startWords.map(lower));
  const canonical = (words: Set<string>) => new Set([...words].map((w) => (start.has(w) ? '\u0000start' : w)));
  for (const t of timeFacts) t.words = canonical(t.words);
  const reports: RuleReport[] = [];
  for (const sentence of statement.sentences) {
    const text = statement.prose.slice(sentence.start, sentence.end);
    const times = [...text.matchAll(TIME)].filter((m) => {
      const before = text.slice(0, m.index);
      return m[3] || m[4] || m[6] || /(?:pukul|jam|at)\s*$/iu.test(before);
    });
    if (times.length !== 1) continue;
    if (sentence.words.some((w) => other.has(lower(w.text)))) continue;
    const m = times[0];
    const at = sentence.start + m.index;
    const index = sentence.words.findIndex((w) => w.start >= at);
    if (index < 0) continue;
    const before = sentence.words.slice(Math.max(0, index - 2), index).map((w) => lower(w.text));
    if (before.some((w) => asOf.has(w))) continue;
    const around = canonical(tokensOf(windowOf(statement, sentence, index, 8, true).filter((w) => w.start < at)));
    const candidates = timeFacts
      .map(({ fact, words: kw }) => ({ fact, hits: [...kw].filter((k) => around.has(k)).length, needed: Math.min(2, kw.size) }))
      .filter((c) => c.needed > 0 && c.hits >= c.needed);
    if (candidates.length !== 1) continue;
    const fact = candidates[0].fact;
    let hour = Number(m[1] ?? m[5]);
    const minute = Number(m[2] ?? 0);
    const meridiem = lower(m[3] ?? m[6] ?? '').replace(/\./g, '');
    if (meridiem === 'pm' && hour < 12) hour += 12;
    if (meridiem === 'am' && hour === 12) hour = 0;
    const named = (m[4] ?? m[7])?.toUpperCase() as Timezone | undefined;
    const recorded = clockIn(fact.value as Date, named ?? zone);
    if (recorded.hour === hour && recorded.minute === minute) continue;
    const shown = `${String(recorded.hour).padStart(2, '0')}${lang === 'id' ? '.' : ':'}${String(recorded.minute).padStart(2, '0')} ${named ?? zone}`;
    reports.push({
      messageId: 'time',
      start: at,
      end: at + m[0].length,
      params: { found: m[0].trim(), fact: fact.id, value: shown },
      suggestion: data.suggestions.time.replace(/\{value\}/g, shown),
    });
  }
  return reports;
}

function placeReports(statement: Statement, facts: Fact[], lang: Locale, data: Data): RuleReport[] {
  const admin = data.placeWords.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const NAME = String.raw`[\p{Lu}][\p{L}'’-]+`;
  const prefixed = regex(String.raw`(?<![\p{L}])(${admin})\s+(${NAME})`, 'gu');
  const suffixed = regex(String.raw`(${NAME})\s+(${admin})(?![\p{L}])`, 'gu');
  const adminWords = new Set(data.placeWords.map(lower));
  const pairs = (text: string) => [
    ...[...text.matchAll(prefixed)].map((m) => ({ admin: lower(m[1]), name: m[2], index: m.index + m[0].length - m[2].length, length: m[2].length })),
    ...[...text.matchAll(suffixed)].map((m) => ({ admin: lower(m[2]), name: m[1], index: m.index, length: m[1].length })),
  ].filter((p) => !adminWords.has(lower(p.name)));
  const prose = statement.prose;
  const mentioned = (name: string) => regex(String.raw`(?<![\p{L}])${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}(?![\p{L}])`, 'iu').test(prose);
  const reports: RuleReport[] = [];
  for (const fact of facts.filter((f) => f.kind === 'text')) {
    const recorded = pairs(String(fact.value));
    if (recorded.length === 0) continue;
    const kw = keywords(fact, lang, data);
    for (const found of pairs(prose)) {
      const same = recorded.filter((r) => r.admin === found.admin);
      if (same.length === 0 || same.some((r) => lower(r.name) === lower(found.name) || mentioned(r.name))) continue;
      const sentence = statement.sentenceAt(found.index);
      if (!sentence || ![...tokensOf(sentence.words)].some((w) => kw.has(w))) continue;
      if (reports.some((r) => r.start === found.index)) continue;
      reports.push({
        messageId: 'place',
        start: found.index,
        end: found.index + found.length,
        params: { found: found.name, fact: fact.id, value: String(fact.value) },
        suggestion: data.suggestions.place.replace(/\{value\}/g, String(fact.value)),
      });
    }
  }
  return reports;
}

export const rule = defineRule<Data>({
  id: 'figure-mismatch',
  severity: 'error',
  description: {
    id: 'Angka, waktu, atau tempat dalam pernyataan bertentangan dengan fakta insiden yang tercatat (--incident).',
    en: 'A figure, time or place in the statement contradicts the incident\'s recorded facts (--incident).',
  },
  data: Data,
  messages: {
    id: {
      number: 'angka {found} tidak sesuai dengan fakta tercatat {fact}: {value}',
      time: 'waktu {found} tidak sesuai dengan fakta tercatat {fact}: {value}',
      place: 'tempat "{found}" tidak sesuai dengan fakta tercatat {fact}: {value}',
    },
    en: {
      number: 'the figure {found} contradicts the recorded fact {fact}: {value}',
      time: 'the time {found} contradicts the recorded fact {fact}: {value}',
      place: 'the place "{found}" contradicts the recorded fact {fact}: {value}',
    },
  },
  check({ statement, facts, lang, data }) {
    if (!facts) return [];
    return [
      ...numberReports(statement, facts.facts, lang, data),
      ...timeReports(statement, facts.facts, facts.timezone, lang, data),
      ...placeReports(statement, facts.facts, lang, data),
    ].sort((a, b) => a.start - b.start);
  },
});
