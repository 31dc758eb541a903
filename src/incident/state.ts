/**
 * The incident's state, rebuilt from its journal. Nothing here is stored separately: whatever
 * the events add up to is the truth, so a record that survived a crash is consistent by construction.
 */
import { REPUTATIONS, type AnswersFile, type AnswerValue, type IncidentMeta, type IncidentScct, type Office, type Timezone } from './answers-schema.js';
import type { AnswerEvent, DraftEvent, FinishedEvent, IncidentEvent, InterruptedEvent, LogEvent, OpenedEvent, OfficeEvent, SignoffEvent, StepEvent, StrategyEvent, TriageEvent } from './events.js';
import { isTimezone } from './time.js';
import type { Locale } from '../playbook/schema.js';

/** Keys of the answers that make up the incident's meta. */
export const META_KEYS = {
  title: 'incident.title',
  timezone: 'incident.timezone',
  start: 'incident.start',
  drill: 'incident.drill',
  place: 'incident.place',
} as const;

/** Keys of the incident's own SCCT modifiers, asked with the triage. */
export const SCCT_KEYS = {
  history: 'scct.history',
  priorReputation: 'scct.priorReputation',
} as const;

export const questionKey = (id: string) => `q.${id}`;
export const triageKey = (id: string) => `triage.${id}`;
export const checklistKey = (step: string) => `checklist.${step}`;
export const draftKey = (template: string, lang: Locale) => `${template}.${lang}`;

export interface IncidentState {
  /** the event that created the record */
  created?: OpenedEvent;
  /** the latest session */
  session: number;
  sessions: OpenedEvent[];
  /** answers in force, by key */
  inputs: Map<string, AnswerEvent>;
  /** the answer events in force, in the order they were given */
  inputOrder: AnswerEvent[];
  /** the last answer withdrawn by "back", by key: offered again as the default */
  withdrawn: Map<string, AnswerEvent>;
  office?: Office;
  triage?: TriageEvent;
  strategy?: StrategyEvent;
  steps: Map<string, StepEvent>;
  drafts: Map<string, DraftEvent>;
  signoffs: Map<string, SignoffEvent>;
  logs: LogEvent[];
  interrupted?: InterruptedEvent;
  finished?: FinishedEvent;
  /** every event in force, in order: the timeline */
  events: IncidentEvent[];
}

export function emptyState(): IncidentState {
  return {
    session: 0,
    sessions: [],
    inputs: new Map(),
    inputOrder: [],
    withdrawn: new Map(),
    steps: new Map(),
    drafts: new Map(),
    signoffs: new Map(),
    logs: [],
    events: [],
  };
}

/** Rebuild the state from the journal's events. */
export function reduce(all: readonly IncidentEvent[]): IncidentState {
  const withdrawnIds = new Set<string>();
  for (const e of all) if (e.type === 'retract') for (const id of e.ids) withdrawnIds.add(id);
  const state = emptyState();
  for (const e of all) {
    if (withdrawnIds.has(e.id)) {
      if (e.type === 'answer') state.withdrawn.set(e.key, e);
      continue;
    }
    apply(state, e);
  }
  return state;
}

function apply(state: IncidentState, e: IncidentEvent): void {
  if (e.type !== 'retract') state.events.push(e);
  switch (e.type) {
    case 'opened':
      state.created ??= e;
      state.sessions.push(e);
      state.session = Math.max(state.session, e.session);
      break;
    case 'answer': {
      const previous = state.inputs.get(e.key);
      if (previous) state.inputOrder.splice(state.inputOrder.indexOf(previous), 1);
      state.inputs.set(e.key, e);
      state.inputOrder.push(e);
      break;
    }
    case 'office':
      state.office = (e as OfficeEvent).office;
      break;
    case 'triage':
      state.triage = e;
      break;
    case 'strategy':
      state.strategy = e;
      break;
    case 'step':
      state.steps.set(e.step, e);
      break;
    case 'draft':
      state.drafts.set(draftKey(e.template, e.lang), e);
      break;
    case 'signoff':
      state.signoffs.set(draftKey(e.template, e.lang), e);
      break;
    case 'log':
      state.logs.push(e);
      break;
    case 'interrupted':
      state.interrupted = e;
      break;
    case 'finished':
      state.finished = e;
      break;
    case 'retract':
      break;
  }
}

/** The answer in force for a key; undefined when never given or skipped. */
export function answerOf(state: IncidentState, key: string): AnswerEvent['value'] | undefined {
  const e = state.inputs.get(key);
  return e && !e.unknown ? e.value : undefined;
}

export const isAnswered = (state: IncidentState, key: string) => state.inputs.has(key);
export const isSkipped = (state: IncidentState, key: string) => Boolean(state.inputs.get(key)?.unknown);

export function timezoneOf(state: IncidentState): Timezone | undefined {
  const tz = answerOf(state, META_KEYS.timezone);
  return isTimezone(tz) ? tz : undefined;
}

/** The incident's meta as far as it is known. */
export function metaOf(state: IncidentState): Partial<IncidentMeta> {
  const meta: Partial<IncidentMeta> = {};
  const title = answerOf(state, META_KEYS.title);
  if (typeof title === 'string') meta.title = title;
  const start = answerOf(state, META_KEYS.start);
  if (typeof start === 'string') meta.start = start;
  const tz = timezoneOf(state);
  if (tz) meta.timezone = tz;
  const drill = answerOf(state, META_KEYS.drill);
  if (typeof drill === 'boolean') meta.drill = drill;
  const place = answerOf(state, META_KEYS.place);
  if (typeof place === 'string' && place !== '') meta.place = place;
  if (state.created) meta.lang = state.created.lang;
  return meta;
}

function answersUnder(state: IncidentState, prefix: string): Record<string, AnswerValue> {
  const out: Record<string, AnswerValue> = {};
  for (const [key, e] of state.inputs) {
    if (!key.startsWith(prefix) || e.unknown || e.value === undefined) continue;
    out[key.slice(prefix.length)] = e.value as AnswerValue;
  }
  return out;
}

export const questionAnswers = (state: IncidentState) => answersUnder(state, 'q.');
export const triageAnswers = (state: IncidentState) => answersUnder(state, 'triage.');

/** Question ids (playbook questions and triage) the officer skipped as not yet known. */
export function skippedQuestions(state: IncidentState): string[] {
  const out: string[] = [];
  for (const [key, e] of state.inputs) {
    if (!e.unknown) continue;
    if (key.startsWith('q.')) out.push(key.slice(2));
    else if (key.startsWith('triage.')) out.push(key.slice(7));
  }
  return out;
}

/** The SCCT modifiers the incident has answered; the playbook's stand for the rest. */
export function scctOf(state: IncidentState): IncidentScct {
  const scct: IncidentScct = {};
  const history = answerOf(state, SCCT_KEYS.history);
  if (typeof history === 'boolean') scct.history = history;
  const reputation = answerOf(state, SCCT_KEYS.priorReputation);
  const known = REPUTATIONS.find((r) => r === reputation);
  if (known) scct.priorReputation = known;
  return scct;
}

/**
 * The answers-file shape of the record (answers.yaml), read by `tanggap draft --incident` and
 * `tanggap kit`. Undefined until the meta and the office are known.
 */
export function toAnswersFile(state: IncidentState, playbook: string, release?: number): AnswersFile | undefined {
  const meta = metaOf(state);
  if (!meta.title || !meta.start || !meta.timezone || !state.office) return undefined;
  const scct = scctOf(state);
  const file: AnswersFile = {
    playbook,
    incident: meta as IncidentMeta,
    office: state.office,
    ...(Object.keys(scct).length > 0 ? { scct } : {}),
    triage: triageAnswers(state),
    answers: questionAnswers(state),
  };
  if (release !== undefined) file.release = { number: release };
  return file;
}
