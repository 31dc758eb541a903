/**
 * A statement must never go out with a placeholder: the renderer's markers for facts not yet given
 * ([[BELUM ADA: …]] / [[MISSING: …]]), "[TBC]", "XXX", a bare "…" where a figure belongs, or template
 * leftovers ("{{…}}"). An ellipsis inside a quotation or after a word is punctuation, not a placeholder.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Matcher, MatcherSpec, regex } from '../match.js';
import { defineRule, type RuleReport } from '../types.js';
import { Suggestions } from './common.js';

const KINDS = ['marker', 'todo', 'filler', 'template', 'bracket', 'ellipsis'] as const;

const Data = Type.Object(
  {
    markers: MatcherSpec,
    todo: MatcherSpec,
    filler: MatcherSpec,
    template: MatcherSpec,
    /** a bracketed text starting with one of these words is a placeholder: "[nama juru bicara]" */
    bracketWords: Type.Array(Type.String({ minLength: 1 })),
    suggestions: Suggestions(KINDS),
  },
  { additionalProperties: false },
);
type Data = Static<typeof Data>;

const ELLIPSIS = /\.{3,}|…/g;
const OPEN = /[[(<]\s*$/;
const CLOSE = /^\s*[\])>]/;

export const rule = defineRule<Data>({
  id: 'unfilled-fact',
  severity: 'error',
  description: {
    id: 'Pernyataan masih memuat penanda fakta yang belum diisi ([[BELUM ADA: …]], [TBC], XXX, "…", {{…}}).',
    en: 'The statement still carries a placeholder for a missing fact ([[MISSING: …]], [TBC], XXX, "…", {{…}}).',
  },
  data: Data,
  messages: {
    id: {
      marker: 'fakta belum diisi: {phrase}',
      todo: 'penanda belum final: {phrase}',
      filler: 'isian sementara "{phrase}" belum diganti',
      template: 'sisa templat "{phrase}" belum terisi',
      bracket: 'isian "{phrase}" belum diganti',
      ellipsis: '"{phrase}" dipakai sebagai tempat isian yang belum diisi',
    },
    en: {
      marker: 'fact not filled in: {phrase}',
      todo: 'draft marker still in place: {phrase}',
      filler: 'filler "{phrase}" not replaced',
      template: 'template leftover "{phrase}" not filled in',
      bracket: 'placeholder "{phrase}" not replaced',
      ellipsis: '"{phrase}" stands where a fact is missing',
    },
  },
  check({ statement, data }) {
    const raw = statement.raw;
    const reports: RuleReport[] = [];
    const taken: { start: number; end: number }[] = [];
    const add = (messageId: (typeof KINDS)[number], start: number, end: number) => {
      if (taken.some((t) => start < t.end && end > t.start)) return;
      taken.push({ start, end });
      reports.push({ messageId, start, end, params: { phrase: raw.slice(start, end).replace(/\s+/g, ' ') }, suggestion: data.suggestions[messageId] });
    };
    for (const [id, spec] of [['marker', data.markers], ['template', data.template], ['todo', data.todo], ['filler', data.filler]] as const) {
      for (const hit of new Matcher(spec).all(raw)) add(id, hit.start, hit.end);
    }
    const words = data.bracketWords.map((w) => w.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
    const bracket = regex(`\\[\\s*(?:${words})(?![\\p{L}\\p{N}])[^\\]\\n]{0,60}\\](?!\\()`, 'giu');
    for (const m of raw.matchAll(bracket)) add('bracket', m.index, m.index + m[0].length);

    for (const m of raw.matchAll(ELLIPSIS)) {
      const start = m.index;
      const end = start + m[0].length;
      if (statement.inQuote(start)) continue;
      const before = raw.slice(Math.max(0, raw.lastIndexOf('\n', start - 1) + 1), start);
      const after = raw.slice(end, (raw.indexOf('\n', end) + 1 || raw.length + 1) - 1);
      const bracketed = OPEN.test(before) && CLOSE.test(after);
      const alone = (before === '' || /[\s:|]$/.test(before)) && (after === '' || /^[\s|.,;:)\]]/.test(after));
      if (bracketed) {
        const open = before.length - before.replace(OPEN, '').length;
        const close = /^\s*[\])>]/.exec(after)![0].length;
        add('ellipsis', start - open, end + close);
      } else if (alone) add('ellipsis', start, end);
    }
    return reports.sort((a, b) => a.start - b.start);
  },
});
