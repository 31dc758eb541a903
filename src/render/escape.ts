/**
 * Answers are inserted as inert text. The escaping is minimal on purpose: only what could turn
 * into Markdown or HTML syntax is escaped, so ordinary text ("Rp1.500.000", "14.30 WIB",
 * "#LawanHoaks") stays as the officer typed it.
 */

/** Text that is already safe Markdown (produced by a helper from escaped parts); passed through as is. */
export class Inert {
  constructor(readonly markdown: string) {}
  toString(): string {
    return this.markdown;
  }
}

// C0 controls except tab and newline, DEL, C1 controls, and the bidirectional overrides/isolates
// that can make text read differently from what it is.
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/g;

/** Remove control and bidi-override characters; normalise line ends. */
export function sanitize(text: string): string {
  return text.replace(/\r\n?|\u2028|\u2029/g, '\n').replace(UNSAFE, '');
}

const ALWAYS = /[\\`*_[\]<>|~]/g;
const ENTITY = /&(?=#?[A-Za-z0-9]+;)/g;

function escapeLineStart(line: string): string {
  // Leading blanks could make an indented code block or let a marker through; they carry no meaning in an answer.
  const text = line.replace(/^[ \t]+/, '');
  if (/^#{1,6}(\s|$)/.test(text)) return `\\${text}`;
  if (/^[-+](\s|$)/.test(text) || /^-{2,}/.test(text) || /^-(\s*-){2,}/.test(text)) return `\\${text}`;
  if (/^=+\s*$/.test(text)) return `\\${text}`;
  const ordered = /^(\d{1,9})([.)])(\s|$)/.exec(text);
  if (ordered) return `${ordered[1]}\\${text.slice(ordered[1].length)}`;
  return text;
}

/** An answer as Markdown text that renders exactly as written and never becomes structure. */
export function escapeMarkdown(value: string): string {
  const clean = sanitize(value).replace(ALWAYS, '\\$&').replace(ENTITY, '\\&');
  return clean.split('\n').map(escapeLineStart).join('\n');
}

/** Join the lines of a text with single spaces (for answers that sit inside one line). Linear: no backtracking regex. */
export function oneLine(text: string): string {
  const parts = text.split(/[\r\n\u2028\u2029]/).map((part) => part.trim()).filter((part) => part !== '');
  return parts.join(' ');
}

/** Remove spaces and tabs at the end of a line. */
export function trimLineEnd(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === ' ' || line[end - 1] === '\t')) end--;
  return line.slice(0, end);
}

/** The plain text a reader sees (backslash escapes removed), for counting characters. */
export function unescapeMarkdown(markdown: string): string {
  return markdown.replace(/\\([!-/:-@[-`{-~])/g, '$1');
}
