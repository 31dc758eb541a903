import type { Position } from '../../findings.js';
import { defineRule } from '../rule.js';

/** Phrases no statement should carry, in every playbook: "no comment" and conditional non-apologies. */
export const BUILTIN_AVOID: Record<'id' | 'en', string[]> = {
  id: ['tidak ada komentar', 'tanpa komentar', 'no comment', 'jika ada yang merasa dirugikan', 'apabila ada yang merasa dirugikan', 'jika ada pihak yang merasa dirugikan', 'apabila ada pihak yang merasa dirugikan', 'jika ada yang tersinggung', 'mohon maaf apabila ada yang tersinggung'],
  en: ['no comment', 'if anyone feels', 'if anyone was offended', 'if anyone has been offended', 'if anyone was harmed', 'to anyone who may have been offended', 'if anyone took offence', 'if anyone took offense'],
};

function positionAt(source: string, index: number, length: number): Position {
  const at = (offset: number) => {
    const before = source.slice(0, offset);
    return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
  };
  const start = at(index);
  const end = at(index + length);
  return { line: start.line, column: start.column, endLine: end.line, endColumn: end.column };
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * One case-insensitive pattern per phrase list, compiled once per run. Word edges use Latin
 * letters and digits (Indonesian and English): Unicode property classes are slow to compile,
 * and this runs on every lint start-up.
 */
const patterns = new Map<string, RegExp>();
function patternFor(phrases: string[]): RegExp {
  const key = phrases.join('\u0000');
  let re = patterns.get(key);
  if (!re) {
    // A phrase may wrap across lines in a template.
    const alternatives = phrases.map((p) => p.trim().split(/\s+/).map(escapeRegExp).join('\\s+'));
    re = new RegExp(`(?<![A-Za-z0-9\u00C0-\u024F])(?:${alternatives.join('|')})(?![A-Za-z0-9\u00C0-\u024F])`, 'gi');
    patterns.set(key, re);
  }
  return re;
}

/** Scans template text (outside Handlebars expressions) for phrases to avoid: built-in ones and the playbook's own. */
export const rule = defineRule({
  id: 'avoid-phrase',
  severity: 'error',
  description: {
    id: 'Templat memuat frasa yang harus dihindari ("tidak ada komentar", permintaan maaf bersyarat, atau frasa dari daftar playbook sendiri).',
    en: 'A template contains a phrase to avoid ("no comment", a conditional non-apology, or one of the playbook\'s own).',
  },
  tags: ['templates', 'language'],
  messages: {
    id: { phrase: 'frasa yang harus dihindari: "{phrase}"', instead: 'sampaikan apa yang sudah diketahui dan apa yang sedang dilakukan' },
    en: { phrase: 'phrase to avoid: "{phrase}"', instead: 'say what is known and what is being done instead' },
  },
  check({ playbook, templates, report }) {
    for (const file of templates.all()) {
      const parsed = templates.parse(file);
      if (!parsed) continue;
      const lang = file.lang === 'en' ? 'en' : 'id';
      const phrases = [...new Set([...BUILTIN_AVOID[lang], ...(playbook.avoid?.[lang] ?? [])])];
      // Blank out Handlebars expressions (keeping offsets) so only the template's own words are searched.
      const text = parsed.source.replace(/\{\{[\s\S]*?\}\}/g, (m) => m.replace(/[^\n]/g, ' '));
      // Longest first, so "mohon maaf apabila ada yang tersinggung" wins over a phrase inside it.
      phrases.sort((a, b) => b.length - a.length);
      for (const match of text.matchAll(patternFor(phrases))) {
        report({ file: file.path, position: positionAt(text, match.index, match[0].length), messageId: 'phrase', params: { phrase: match[0] }, suggestionId: 'instead' });
      }
    }
  },
});
