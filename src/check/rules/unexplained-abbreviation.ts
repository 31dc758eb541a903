/**
 * An abbreviation the public may not know ("BPBD", "TRC") is written out on first use:
 * "Badan Penanggulangan Bencana Daerah (BPBD)". Widely known ones (RI, TNI, WIB) need no expansion.
 */
import { Type, type Static } from '@sinclair/typebox';
import type { Statement } from '../document.js';
import { Matcher, MatcherSpec, regex } from '../match.js';
import { defineRule, type RuleReport } from '../types.js';

const Data = Type.Object(
  {
    /** abbreviations every reader knows */
    known: Type.Array(Type.String({ pattern: '^[A-Z0-9]{2,8}$' })),
    /** words written in capitals that are not abbreviations ("HOAKS", "FAKTA") */
    words: Type.Array(Type.String({ minLength: 2 })),
    /** small words a long form may contain without an initial ("dan", "of") */
    connectors: Type.Array(Type.String({ minLength: 1 })),
    /** words after an abbreviation that introduce its expansion ("yaitu", "stands for") */
    cues: MatcherSpec,
    suggestion: Type.String({ minLength: 1 }),
  },
  { additionalProperties: false },
);
type Data = Static<typeof Data>;

const TOKEN = /(?<![\p{L}\p{N}@#/_.\-\\])[A-Z]{2,6}(?![\p{L}\p{N}/_]|\.[\p{L}]|-\d)/gu;
const CAPS_WORD = /^[\p{Lu}\p{N}]{2,}$/u;
const ROMAN = /^[IVXLCDM]+$/;
const URL = /(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+\.[\w.-]+/g;

interface Occurrence {
  start: number;
  end: number;
  inHeading: boolean;
}

/** A line mostly in capitals (a letterhead, "SIARAN PERS", a shouted headline) is not prose. */
function capsLine(text: string): boolean {
  const letters = text.match(/\p{L}/gu) ?? [];
  const upper = text.match(/\p{Lu}/gu) ?? [];
  return (text.match(/[\p{L}\p{N}]+/gu) ?? []).length >= 2 && letters.length > 0 && upper.length / letters.length >= 0.8;
}

/** A long form whose initials spell the abbreviation, anywhere before `until`. */
function longFormBefore(prose: string, abbr: string, until: number, connectors: string[]): boolean {
  const small = connectors.map((c) => c.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
  const gap = `[ \\t\\n,]+(?:(?:${small})[ \\t\\n,]+)?`;
  const source = [...abbr].map((letter) => `${letter}[\\p{L}'’-]*`).join(gap);
  // Two letters match too easily in lower case ("surat keputusan", "sudah kami"): ask for capitals there.
  return regex(`(?<![\\p{L}\\p{N}])${source}(?![\\p{L}\\p{N}])`, abbr.length >= 3 ? 'iu' : 'u').test(prose.slice(0, until));
}

function defined(statement: Statement, o: Occurrence, abbr: string, data: Data): boolean {
  const prose = statement.prose;
  const before = prose.slice(Math.max(0, o.start - 2), o.start);
  const after = prose.slice(o.end, o.end + 160);
  if (/\(\s*$/.test(before) && /^\s*\)/.test(after)) return true;
  const paren = /^\s*\(([^)\n]*)\)/.exec(after);
  if (paren && (paren[1].match(/\p{L}{2,}/gu) ?? []).length >= 2) return true;
  const cue = new Matcher(data.cues).first(after);
  if (cue && prose.slice(o.end, o.end + cue.start).trim().replace(/^[,:—–-]\s*/, '') === '') return true;
  // In apposition with a proper long form: "the Regional Disaster Management Agency, BPBD" or "BPBD, the Regional … Agency".
  const small = data.connectors.join('|');
  const properName = `\\p{Lu}[\\p{L}'’-]+(?:\\s+(?:(?:${small})\\s+)?\\p{Lu}[\\p{L}'’-]+)+`;
  if (regex(`${properName}\\s*,\\s*$`, 'u').test(prose.slice(Math.max(0, o.start - 120), o.start))) return true;
  if (regex(`^\\s*,\\s*(?:the\\s+)?${properName}`, 'u').test(after)) return true;
  return longFormBefore(prose, abbr, o.start, data.connectors);
}

/** Capitals that are not an abbreviation: a label ("KLAIM:"), a word also written in lower case, a shouted phrase. */
function ordinaryCapitals(statement: Statement, start: number, abbr: string): boolean {
  const prose = statement.prose;
  const lineStart = prose.lastIndexOf('\n', start - 1) + 1;
  if (/^\s*$/.test(prose.slice(lineStart, start)) && /^\s*:/.test(prose.slice(start + abbr.length))) return true;
  // The same word in lower case elsewhere, not inside a link or an address ("bpbd.sukamajukab.go.id").
  for (const m of prose.matchAll(regex(`(?<![\\p{L}\\p{N}./@_-])${abbr}(?![\\p{L}\\p{N}./@_-])`, 'giu'))) if (m[0] !== abbr) return true;
  const words = (text: string) => text.split(/[ \t]+/).filter(Boolean);
  const left = words(prose.slice(lineStart, start)).reverse();
  const right = words(prose.slice(start + abbr.length, (prose.indexOf('\n', start) + 1 || prose.length + 1) - 1));
  const run = [abbr];
  for (const w of left) if (CAPS_WORD.test(w)) run.unshift(w); else break;
  for (const w of right) if (CAPS_WORD.test(w)) run.push(w); else break;
  return run.length >= 3 || (run.length === 2 && run.some((w) => w.length > 6));
}

export const rule = defineRule<Data>({
  id: 'unexplained-abbreviation',
  severity: 'warning',
  description: {
    id: 'Singkatan huruf kapital dipakai tanpa kepanjangannya pada penyebutan pertama.',
    en: 'An all-caps abbreviation is used without its expansion on first use.',
  },
  kinds: ['holding', 'press-release', 'update', 'apology', 'hoax-clarification', 'whatsapp', 'general'],
  data: Data,
  messages: {
    id: {
      unexplained: '"{abbr}" dipakai tanpa kepanjangannya',
      'expanded-later': '"{abbr}" baru dijelaskan kepanjangannya di baris {line}; jelaskan pada penyebutan pertama',
    },
    en: {
      unexplained: '"{abbr}" is used without its expansion',
      'expanded-later': '"{abbr}" is only expanded on line {line}; expand it on first use',
    },
  },
  check({ statement, data }) {
    const known = new Set([...data.known, ...data.words.map((w) => w.toUpperCase())]);
    const skip: { start: number; end: number }[] = [...statement.raw.matchAll(URL)].map((m) => ({ start: m.index, end: m.index + m[0].length }));
    const byAbbr = new Map<string, Occurrence[]>();
    for (const block of statement.blocks) {
      for (const m of block.text.matchAll(TOKEN)) {
        const abbr = m[0];
        const start = block.start + m.index;
        if (known.has(abbr) || ROMAN.test(abbr) || /^X+$/.test(abbr)) continue;
        if (skip.some((s) => start >= s.start && start < s.end)) continue;
        // A heading in capitals ("## KLAIM") is a label.
        if (block.type === 'heading' && block.text.trim() === block.text.trim().toUpperCase()) continue;
        if (capsLine(statement.lineText(statement.lineOf(start))) || ordinaryCapitals(statement, start, abbr)) continue;
        const list = byAbbr.get(abbr) ?? [];
        list.push({ start, end: start + abbr.length, inHeading: block.type === 'heading' });
        byAbbr.set(abbr, list);
      }
    }
    const reports: RuleReport[] = [];
    for (const [abbr, occurrences] of byAbbr) {
      // A headline may use an abbreviation the body expands.
      const first = occurrences.find((o) => !o.inHeading) ?? occurrences[0];
      if (defined(statement, first, abbr, data)) continue;
      const later = occurrences.find((o) => o.start > first.start && defined(statement, o, abbr, data));
      const suggestion = data.suggestion.replace(/\{abbr\}/g, abbr);
      reports.push(
        later
          ? { messageId: 'expanded-later', start: first.start, end: first.end, params: { abbr, line: statement.lineOf(later.start) }, suggestion }
          : { messageId: 'unexplained', start: first.start, end: first.end, params: { abbr }, suggestion },
      );
    }
    return reports;
  },
});
