import type { Finding } from '../findings.js';
import type { Locale } from '../playbook/schema.js';

/** The findings of one file. */
export interface FileResult {
  file: string;
  findings: Finding[];
}

/** What a formatter may know about a rule (for SARIF's rule table and help links). */
export interface RuleMeta {
  id: string;
  description: string;
  helpUri?: string;
}

export interface FormatOptions {
  color?: boolean;
  /** paths are shown relative to this folder */
  cwd?: string;
  rules?: RuleMeta[];
  toolName?: string;
  toolVersion?: string;
  /** language of the words the formatter adds itself (stylish's severities and summary); default English */
  lang?: Locale;
}

/** A formatter is a pure function from results to a string. */
export type Formatter = (results: FileResult[], options: FormatOptions) => string;
