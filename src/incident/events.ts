/**
 * The incident journal: one JSON event per line, appended and fsync'ed, never rewritten.
 * The state of an incident is whatever these events add up to (see state.ts).
 */
import type { AnswerValue, Office } from './answers-schema.js';
import type { Cluster, Locale, StageId } from '../playbook/schema.js';
import type { Grade } from '../playbook/triage.js';

/** Text in both interface languages, for reasons recorded now and shown later in either. */
export interface BilingualText {
  id: string;
  en: string;
}

export interface PlaybookRef {
  id: string;
  /** absolute path of the playbook file when the record was opened */
  file: string;
  source: 'built-in' | 'local';
}

export interface EventBase {
  id: string;
  /** ISO time the event was written */
  at: string;
  /** the walk session that wrote it (1 = the one that created the record) */
  session: number;
  /** who, when not the session's officer (a sign-off, a log entry by someone else) */
  by?: string;
}

export interface OpenedEvent extends EventBase {
  type: 'opened';
  pid: number;
  host: string;
  user: string;
  /** language of the drafts, fixed when the record is created */
  lang: Locale;
  playbook: PlaybookRef;
  version: string;
}

/** Anything the officer answered. `unknown` marks a question skipped on purpose. */
export interface AnswerEvent extends EventBase {
  type: 'answer';
  key: string;
  value?: AnswerValue | Record<string, unknown>;
  unknown?: true;
  /** taken from an answers file or a default (--yes), not typed: "back" passes over it */
  auto?: true;
}

/** "Back": these events no longer count; the first of them was the answer being revised. */
export interface RetractEvent extends EventBase {
  type: 'retract';
  ids: string[];
  key: string;
}

export interface OfficeEvent extends EventBase {
  type: 'office';
  office: Office;
}

export interface TriageEvent extends EventBase {
  type: 'triage';
  level: 1 | 2 | 3 | 4;
  urgency: Grade;
  impact: Grade;
  /** triage questions left unanswered, counted as low */
  unanswered: string[];
}

export interface StrategyEvent extends EventBase {
  type: 'strategy';
  baseCluster: Cluster;
  cluster: Cluster;
  primary: 'instruct' | 'diminish' | 'rebuild';
  denyAllowed: boolean;
}

export type StepStatus = 'done' | 'open' | 'skipped';

export interface StepEvent extends EventBase {
  type: 'step';
  stage: StageId;
  step: string;
  /** done: every checklist item ticked; open: walked, items still pending; skipped: its condition does not hold */
  status: StepStatus;
  reason?: BilingualText;
  /** indexes of checklist items still pending */
  pending?: number[];
  /** the step releases a statement to the public */
  public?: boolean;
}

export interface DraftEvent extends EventBase {
  type: 'draft';
  template: string;
  lang: Locale;
  /** relative to the incident folder */
  file: string;
  sha256: string;
  /** facts the draft still marks as missing */
  missing: string[];
  source: 'render' | 'editor';
}

export interface SignoffEvent extends EventBase {
  type: 'signoff';
  template: string;
  lang: Locale;
  name: string;
  role: string;
  /** the exact text signed; any later change voids the sign-off */
  sha256: string;
}

export const LOG_KINDS = ['media', 'decision', 'note'] as const;
export type LogKind = (typeof LOG_KINDS)[number];

export interface LogEvent extends EventBase {
  type: 'log';
  kind: LogKind;
  message: string;
  outlet?: string;
  journalist?: string;
  /** ISO time the journalist needs an answer by */
  due?: string;
}

export interface InterruptedEvent extends EventBase {
  type: 'interrupted';
  signal: string;
}

export interface FinishedEvent extends EventBase {
  type: 'finished';
}

export type IncidentEvent =
  | OpenedEvent
  | AnswerEvent
  | RetractEvent
  | OfficeEvent
  | TriageEvent
  | StrategyEvent
  | StepEvent
  | DraftEvent
  | SignoffEvent
  | LogEvent
  | InterruptedEvent
  | FinishedEvent;

export type EventType = IncidentEvent['type'];

/** An event as the caller describes it; the record adds id, time and session. */
export type NewEvent = IncidentEvent extends infer E ? (E extends IncidentEvent ? Omit<E, keyof EventBase> & { by?: string } : never) : never;

const TYPES = new Set<string>(['opened', 'answer', 'retract', 'office', 'triage', 'strategy', 'step', 'draft', 'signoff', 'log', 'interrupted', 'finished']);

/** Enough of a shape check to trust a parsed line; anything else is treated as damage. */
export function isIncidentEvent(value: unknown): value is IncidentEvent {
  if (!value || typeof value !== 'object' || Array.isArray(value)) return false;
  const e = value as Record<string, unknown>;
  return typeof e.id === 'string' && typeof e.at === 'string' && typeof e.session === 'number' && typeof e.type === 'string' && TYPES.has(e.type);
}
