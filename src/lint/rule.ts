/** What a lint rule is, and what it sees. */
import type { Finding, LocalizedParam, MessageParams, Position, Severity } from '../findings.js';
import { translator, type Messages } from '../i18n/lang.js';
import type { LoadedPlaybook } from '../playbook/load.js';
import type { Locale, Playbook } from '../playbook/schema.js';
import type { Strategy } from '../playbook/strategy.js';
import type { TemplateFiles } from './templates.js';

export interface LintOptions {
  /** first public statement must be due within this many minutes */
  firstStatementMinutes: number;
}

/**
 * What a rule reports: a message id of its `messages`, the parameters, and where. The engine
 * words it in the run's language; the message id and the parameters stay the same in every language.
 */
export interface Report<K extends string = string> {
  messageId: K;
  params?: MessageParams;
  /** a concrete fix: another text of the rule's `messages`, filled from the same parameters */
  suggestionId?: K;
  /** where: a JSON pointer into the merged playbook … */
  pointer?: string;
  atKey?: boolean;
  /** … or a position in a given file (templates) */
  file?: string;
  position?: Position;
}

export interface RuleContext<K extends string = string> {
  loaded: LoadedPlaybook;
  playbook: Playbook;
  strategy: Strategy;
  options: LintOptions;
  templates: TemplateFiles;
  report(report: Report<K>): void;
}

export interface RuleMeta {
  id: string;
  severity: Severity;
  description: Record<Locale, string>;
  tags: string[];
}

export interface Rule<K extends string = string> extends RuleMeta {
  /** every text the rule can show (messages, suggestions and words used inside them), by key, in each language */
  messages: Messages<K>;
  check(ctx: RuleContext<K>): void | Promise<void>;
}

/** Declare a rule with its message ids checked against its `messages`. */
export const defineRule = <K extends string>(rule: Rule<K>): Rule<K> => rule;

/** One of the rule's texts as a parameter of another (a language name, a word), in both languages. */
export function term<K extends string>(messages: Messages<K>, key: K, params: Record<string, string | number> = {}): LocalizedParam {
  return { key, text: { id: translator(messages, 'id')(key, params), en: translator(messages, 'en')(key, params) } };
}

/** Reserved ids: the loader reports these; they are documented like any rule but cannot be configured. */
export const RESERVED_RULES: RuleMeta[] = [
  {
    id: 'parse-error',
    severity: 'error',
    description: { id: 'Berkas tidak dapat dibaca atau diurai sebagai satu dokumen YAML.', en: 'The file cannot be read or parsed as one YAML document.' },
    tags: ['core'],
  },
  {
    id: 'schema',
    severity: 'error',
    description: {
      id: 'Playbook tidak sesuai format playbook (kunci tidak dikenal, jenis nilai salah, kunci wajib belum ada).',
      en: 'The playbook does not match the playbook format (unknown keys, wrong types, missing keys).',
    },
    tags: ['core'],
  },
];

export type { Finding };
