/** A problem found in a file: by the loader (parse-error, schema), a lint rule or a statement check. */
import type { Locale } from './playbook/schema.js';

export type Severity = 'error' | 'warning';

export interface Position {
  line: number; // 1-based
  column: number; // 1-based
  endLine: number;
  endColumn: number;
}

export interface Finding extends Position {
  ruleId: string;
  /** Stable id of the message within its rule, for tests and fingerprints. */
  messageId: string;
  severity: Severity;
  message: string;
  file: string;
  /** A concrete fix, when the rule knows one. */
  suggestion?: string;
  /**
   * The message's identity without its wording: message id and parameters. The same finding has
   * the same fingerprint in every interface language, so SARIF fingerprints use it, not the text.
   */
  fingerprint?: string;
}

/** A message parameter whose own wording depends on the language (a language name, a reader's error); `key` stands for it in fingerprints. */
export interface LocalizedParam {
  key: string;
  text: Record<Locale, string>;
}
export type MessageParams = Record<string, string | number | LocalizedParam>;

/** The parameters in one language, ready for `translator()`. */
export function paramsIn(params: MessageParams | undefined, lang: Locale): Record<string, string | number> {
  const out: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(params ?? {})) out[name] = typeof value === 'object' ? value.text[lang] : value;
  return out;
}

export function fingerprintOf(messageId: string, params: MessageParams | undefined): string {
  const stable = Object.entries(params ?? {})
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([name, value]) => [name, typeof value === 'object' ? value.key : value]);
  return JSON.stringify([messageId, stable]);
}

export const START: Position = { line: 1, column: 1, endLine: 1, endColumn: 1 };

export function compareFindings(a: Finding, b: Finding): number {
  return a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId);
}

/** Edit distance, for "did you mean" suggestions. */
export function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  const row = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = row[0];
    row[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = row[j];
      row[j] = Math.min(row[j] + 1, row[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return row[b.length];
}

export function didYouMean(word: string, candidates: Iterable<string>): string | undefined {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    const d = levenshtein(word.toLowerCase(), candidate.toLowerCase());
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? best : undefined;
}
