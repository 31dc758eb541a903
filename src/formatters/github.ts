/** GitHub Actions workflow commands (annotations), fully escaped. */
import { relative } from 'node:path';
import type { Formatter } from './types.js';

export const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
export const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

export const github: Formatter = (results, { cwd = process.cwd() }) => {
  const lines: string[] = [];
  for (const r of results) {
    const file = relative(cwd, r.file).split('\\').join('/') || r.file;
    for (const f of r.findings) {
      const props = [
        `file=${escapeProperty(file)}`,
        `line=${f.line}`,
        `col=${f.column}`,
        `endLine=${f.endLine}`,
        `endColumn=${f.endColumn}`,
        `title=${escapeProperty(`tanggap ${f.ruleId}`)}`,
      ].join(',');
      const message = f.suggestion ? `${f.message} (${f.suggestion})` : f.message;
      lines.push(`::${f.severity === 'error' ? 'error' : 'warning'} ${props}::${escapeData(message)}`);
    }
  }
  return lines.length ? `${lines.join('\n')}\n` : '';
};
