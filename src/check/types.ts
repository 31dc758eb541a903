/** What a statement check is: the kinds and channels it knows, and what a rule sees and returns. */
import type { TSchema } from '@sinclair/typebox';
import type { Severity } from '../findings.js';
import type { Messages } from '../i18n/lang.js';
import type { Locale, TemplateKind, Channel } from '../playbook/schema.js';
import type { Statement } from './document.js';
import type { IncidentFacts } from './incident.js';

export const STATEMENT_KINDS = ['holding', 'press-release', 'update', 'apology', 'hoax-clarification', 'social', 'whatsapp', 'sms'] as const;
/** `general` is any other text (a FAQ, talking points, a memo): only the rules that fit every statement apply. */
export type StatementKind = (typeof STATEMENT_KINDS)[number] | 'general';
export const isStatementKind = (value: unknown): value is StatementKind =>
  value === 'general' || (STATEMENT_KINDS as readonly string[]).includes(value as string);

export const CHECK_CHANNELS = ['x', 'instagram', 'facebook', 'whatsapp', 'sms', 'website'] as const;
export type CheckChannel = (typeof CHECK_CHANNELS)[number];

/** A playbook template's kind as the checker knows it. */
export function kindForTemplate(kind: TemplateKind): StatementKind {
  switch (kind) {
    case 'holding-statement':
      return 'holding';
    case 'press-release':
    case 'update':
    case 'apology':
    case 'hoax-clarification':
    case 'whatsapp':
    case 'sms':
      return kind;
    case 'social-post':
      return 'social';
    default:
      return 'general';
  }
}

/** A playbook template's channel, when the checker has limits or rules for it. */
export function channelForTemplate(channel: Channel): CheckChannel | undefined {
  return (CHECK_CHANNELS as readonly string[]).includes(channel) ? (channel as CheckChannel) : undefined;
}

/** Everything a rule may look at besides the statement itself. */
export interface RuleContext<D> {
  statement: Statement;
  lang: Locale;
  kind: StatementKind;
  channel?: CheckChannel;
  /** this rule's data for the statement's language (check-rules/<lang>.yaml) */
  data: D;
  /** the playbook's phrases to avoid, in the statement's language */
  avoid: string[];
  /** the incident's pinned facts, with --incident */
  facts?: IncidentFacts;
}

/** What a rule reports: a range in the statement's text, a message id and the message's parameters. */
export interface RuleReport {
  messageId: string;
  start: number;
  end: number;
  /** message parameters; `{ keys }` names terms of the rule, listed in the interface language */
  params?: Record<string, string | number | { keys: string[] }>;
  /** in the statement's language */
  suggestion?: string;
}

export interface CheckRule<D = unknown> {
  id: string;
  severity: Severity;
  description: { id: string; en: string };
  /** the statement kinds the rule looks at; every kind when left out */
  kinds?: readonly StatementKind[];
  /** the shape of this rule's entry under `rules:` in check-rules/<lang>.yaml, when it has one */
  data?: TSchema;
  /** messages in the interface language, by message id */
  messages: Messages<string>;
  /** words a message lists (`{ keys }` parameters), in the interface language */
  terms?: Messages<string>;
  check(ctx: RuleContext<D>): RuleReport[];
}

/** Declare a rule with its data's type checked against its use. */
export const defineRule = <D>(rule: CheckRule<D>): CheckRule<D> => rule;
