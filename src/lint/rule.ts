/** What a lint rule is, and what it sees. */
import type { Finding, Position, Severity } from '../findings.js';
import type { LoadedPlaybook } from '../playbook/load.js';
import type { Playbook } from '../playbook/schema.js';
import type { Strategy } from '../playbook/strategy.js';
import type { TemplateFiles } from './templates.js';

export interface LintOptions {
  /** first public statement must be due within this many minutes */
  firstStatementMinutes: number;
}

export interface Report {
  messageId: string;
  message: string;
  suggestion?: string;
  /** where: a JSON pointer into the merged playbook … */
  pointer?: string;
  atKey?: boolean;
  /** … or a position in a given file (templates) */
  file?: string;
  position?: Position;
}

export interface RuleContext {
  loaded: LoadedPlaybook;
  playbook: Playbook;
  strategy: Strategy;
  options: LintOptions;
  templates: TemplateFiles;
  report(report: Report): void;
}

export interface Rule {
  id: string;
  severity: Severity;
  description: string;
  tags: string[];
  check(ctx: RuleContext): void | Promise<void>;
}

/** Reserved ids: the loader reports these; they are documented and configurable like any rule. */
export const RESERVED_RULES: Pick<Rule, 'id' | 'severity' | 'description' | 'tags'>[] = [
  { id: 'parse-error', severity: 'error', description: 'The file cannot be read or parsed as one YAML document.', tags: ['core'] },
  { id: 'schema', severity: 'error', description: 'The playbook does not match the playbook format (unknown keys, wrong types, missing keys).', tags: ['core'] },
];

export type { Finding };
