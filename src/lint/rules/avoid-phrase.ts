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
      for (const phrase of phrases) {
        // A phrase may wrap across lines in a template.
        const re = new RegExp(`(?<![\\p{L}\\p{N}])${phrase.trim().split(/\s+/).map(escapeRegExp).join('\\s+')}(?![\\p{L}\\p{N}])`, 'giu');
        for (const match of text.matchAll(re)) {
          report({ file: file.path, position: positionAt(text, match.index, match[0].length), messageId: 'phrase', params: { phrase: match[0] }, suggestionId: 'instead' });
        }
      }
    }
  },
});
