/** Human output, like ESLint's stylish: grouped by file, aligned columns, a summary. */
import { relative } from 'node:path';
import { translator } from '../i18n/lang.js';
import type { Formatter } from './types.js';

const messages = {
  id: {
    error: 'kesalahan',
    warning: 'peringatan',
    summary: '✖ {total} masalah ({errors} kesalahan, {warnings} peringatan)',
  },
  en: {
    error: 'error',
    warning: 'warning',
    summary: '✖ {total} {problems} ({errors} {errorWord}, {warnings} {warningWord})',
  },
};

const paint = (on: boolean, code: number, text: string) => (on ? `\u001b[${code}m${text}\u001b[0m` : text);

export const stylish: Formatter = (results, { color = false, cwd = process.cwd(), lang = 'en' }) => {
  const t = translator(messages, lang);
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  for (const result of results) {
    if (result.findings.length === 0) continue;
    lines.push(paint(color, 4, relative(cwd, result.file) || result.file));
    const rows = result.findings.map((f) => {
      if (f.severity === 'error') errors++;
      else warnings++;
      const message = f.suggestion ? `${f.message} (${f.suggestion})` : f.message;
      return [`${f.line}:${f.column}`, t(f.severity), message, f.ruleId, f.severity];
    });
    const w0 = Math.max(...rows.map((r) => r[0].length));
    const w1 = Math.max(...rows.map((r) => r[1].length));
    for (const [pos, label, message, rule, severity] of rows) {
      const sev = paint(color, severity === 'error' ? 31 : 33, label.padEnd(w1));
      lines.push(`  ${paint(color, 2, pos.padEnd(w0))}  ${sev}  ${message}  ${paint(color, 2, rule)}`);
    }
    lines.push('');
  }
  const total = errors + warnings;
  if (total === 0) return '';
  // English counts take a plural; Indonesian nouns do not change.
  const plural = (n: number, word: string) => (n === 1 ? word : `${word}s`);
  const summary = t('summary', { total, errors, warnings, problems: plural(total, 'problem'), errorWord: plural(errors, 'error'), warningWord: plural(warnings, 'warning') });
  lines.push(paint(color, errors ? 31 : 33, summary));
  return `${lines.join('\n')}\n`;
};
