/**
 * Where an incident stands: what is overdue, when the next public update is due, progress per
 * stage, drafts without a valid sign-off, facts still missing, media enquiries. A pure view of
 * the record and its playbook at a given time; `tanggap status` prints it.
 */
import type { Timezone } from '../incident/answers-schema.js';
import type { BilingualText, IncidentEvent } from '../incident/events.js';
import { currentHash } from '../incident/record.js';
import { answerOf, draftKey, META_KEYS, metaOf, questionAnswers, skippedQuestions, timezoneOf, triageAnswers, type IncidentState } from '../incident/state.js';
import { readStoredTime } from '../incident/time.js';
import { holds, type ConditionContext } from '../playbook/condition.js';
import { parseDuration } from '../playbook/duration.js';
import type { Locale, Playbook, StageId } from '../playbook/schema.js';
import { dueAt, findQuestion, local, roleTitle } from './present.js';

export interface StepDue {
  /** "2.1": stage and step number as the walk shows them */
  number: string;
  stage: StageId;
  step: string;
  title: string;
  owner: string;
  due: string;
  /** minutes past the deadline (negative: minutes left) */
  overdueMinutes: number;
}

export interface StageProgress {
  stage: StageId;
  total: number;
  done: number;
  open: number;
  skipped: number;
  /** applicable steps not walked yet */
  notStarted: number;
}

export interface UnsignedDraft {
  template: string;
  lang: Locale;
  file: string;
  /** never signed; changed after sign-off; the file is gone */
  reason: 'never' | 'changed' | 'missing-file';
  signedBy?: string;
}

export interface MissingFact {
  fact: string;
  question?: string;
  /** skipped by the officer, required but not answered yet, or marked missing in a draft */
  reasons: ('skipped' | 'required' | 'draft')[];
  drafts: string[];
}

export interface MediaEnquiry {
  at: string;
  by?: string;
  message: string;
  outlet?: string;
  journalist?: string;
  due?: string;
  overdue: boolean;
}

export interface NextUpdate {
  /** the first public statement, or an update after the last one */
  kind: 'first-statement' | 'update';
  due: string;
  every?: string;
  lastPublic?: string;
  overdueMinutes: number;
}

export interface TimelineEntry {
  at: string;
  session: number;
  by?: string;
  type: IncidentEvent['type'];
  text: BilingualText;
}

export interface IncidentStatus {
  title: string;
  playbook: { id: string; title: string };
  start?: string;
  timezone: Timezone;
  drill: boolean;
  now: string;
  level?: { level: number; name: string; urgency: string; impact: string };
  strategy?: { cluster: string; primary: string };
  escalation: { role: string; title: string; due: string; overdueMinutes: number }[];
  overdue: StepDue[];
  nextStep?: StepDue;
  nextUpdate?: NextUpdate;
  stages: StageProgress[];
  unsigned: UnsignedDraft[];
  missing: MissingFact[];
  media: MediaEnquiry[];
  finished: boolean;
  timeline: TimelineEntry[];
}

const minutesBetween = (from: Date, to: Date) => Math.round((to.getTime() - from.getTime()) / 60_000);

function describeEvent(e: IncidentEvent, playbook: Playbook): BilingualText {
  const both = (f: (lang: Locale) => string): BilingualText => ({ id: f('id'), en: f('en') });
  switch (e.type) {
    case 'opened':
      return e.session === 1
        ? { id: `catatan dibuat (${e.user}@${e.host})`, en: `record created (${e.user}@${e.host})` }
        : { id: `dilanjutkan (${e.user}@${e.host})`, en: `resumed (${e.user}@${e.host})` };
    case 'answer': {
      const [prefix, ...rest] = e.key.split('.');
      const id = rest.join('.');
      const question = prefix === 'q' || prefix === 'triage' ? findQuestion(playbook, id) : undefined;
      // Sensitive answers are named, never shown.
      const value = question?.sensitive ? '•••' : e.unknown ? undefined : JSON.stringify(e.value);
      return value === undefined ? { id: `${e.key}: belum diketahui`, en: `${e.key}: not known yet` } : { id: `${e.key} = ${value}`, en: `${e.key} = ${value}` };
    }
    case 'retract':
      return { id: `kembali ke ${e.key}`, en: `went back to ${e.key}` };
    case 'office':
      return { id: 'data kantor dicatat', en: 'office details recorded' };
    case 'triage':
      return { id: `triase: tingkat ${e.level}`, en: `triage: level ${e.level}` };
    case 'strategy':
      return { id: `strategi: ${e.primary}`, en: `strategy: ${e.primary}` };
    case 'step': {
      const step = playbook.stages.flatMap((s) => s.steps).find((s) => s.id === e.step);
      return both((lang) => {
        const title = step ? local(step.title, lang) : e.step;
        const status = { done: { id: 'selesai', en: 'done' }, open: { id: 'terbuka', en: 'open' }, skipped: { id: 'dilewati', en: 'skipped' } }[e.status][lang];
        return `${title}: ${status}${e.reason ? ` (${e.reason[lang]})` : ''}`;
      });
    }
    case 'draft':
      return e.source === 'editor' ? { id: `draf diubah: ${e.file}`, en: `draft edited: ${e.file}` } : { id: `draf disusun: ${e.file}`, en: `draft written: ${e.file}` };
    case 'signoff':
      return { id: `disetujui: ${e.template}.${e.lang} oleh ${e.name} (${e.role})`, en: `signed off: ${e.template}.${e.lang} by ${e.name} (${e.role})` };
    case 'log': {
      const who = [e.outlet, e.journalist].filter(Boolean).join(', ');
      const label = { media: { id: 'media', en: 'media' }, decision: { id: 'keputusan', en: 'decision' }, note: { id: 'catatan', en: 'note' } }[e.kind];
      return both((lang) => `${label[lang]}${who ? ` (${who})` : ''}: ${e.message}`);
    }
    case 'interrupted':
      return { id: `dihentikan (${e.signal})`, en: `stopped (${e.signal})` };
    case 'finished':
      return { id: 'semua langkah dilalui', en: 'every step walked' };
  }
}

export function incidentStatus(args: { state: IncidentState; playbook: Playbook; dir: string; now: Date; lang: Locale }): IncidentStatus {
  const { state, playbook, dir, now, lang } = args;
  const meta = metaOf(state);
  const tz = timezoneOf(state) ?? 'WIB';
  const start = meta.start ? readStoredTime(meta.start, tz) : undefined;
  const strategy = state.strategy;
  const ctx: ConditionContext = {
    level: state.triage?.level,
    strategy: strategy ? { cluster: strategy.cluster, primary: strategy.primary } : undefined,
    drill: answerOf(state, META_KEYS.drill) === true,
    answers: { ...triageAnswers(state), ...questionAnswers(state) },
  };

  const users = new Map(state.sessions.map((s) => [s.session, s.user]));
  const level = state.triage ? playbook.triage.levels.find((l) => l.level === state.triage!.level) : undefined;
  const stepDue = (number: string, stage: StageId, step: Playbook['stages'][number]['steps'][number]): StepDue | undefined => {
    if (!start) return undefined;
    const due = dueAt(start, step.deadline);
    return { number, stage, step: step.id, title: local(step.title, lang), owner: roleTitle(playbook, step.owner, lang), due: due.toISOString(), overdueMinutes: minutesBetween(due, now) };
  };

  const overdue: StepDue[] = [];
  const upcoming: StepDue[] = [];
  const stages: StageProgress[] = [];
  for (const [stageIndex, stage] of playbook.stages.entries()) {
    const progress: StageProgress = { stage: stage.id, total: 0, done: 0, open: 0, skipped: 0, notStarted: 0 };
    for (const [stepIndex, step] of stage.steps.entries()) {
      const recorded = state.steps.get(step.id);
      if (recorded?.status === 'skipped' || (!recorded && state.triage && !holds(step.when, ctx))) {
        progress.skipped++;
        continue;
      }
      progress.total++;
      if (recorded?.status === 'done') {
        progress.done++;
        continue;
      }
      if (recorded?.status === 'open') progress.open++;
      else progress.notStarted++;
      const due = stepDue(`${stageIndex + 1}.${stepIndex + 1}`, stage.id, step);
      if (due) (due.overdueMinutes > 0 ? overdue : upcoming).push(due);
    }
    stages.push(progress);
  }
  overdue.sort((a, b) => b.overdueMinutes - a.overdueMinutes);
  upcoming.sort((a, b) => b.overdueMinutes - a.overdueMinutes);

  const escalation = (level?.escalation ?? []).flatMap((e) => {
    if (!start) return [];
    const due = dueAt(start, e.within);
    return [{ role: e.role, title: roleTitle(playbook, e.role, lang), due: due.toISOString(), overdueMinutes: minutesBetween(due, now) }];
  });

  // The next public update: from the last public statement (a signed-off draft of a public step,
  // else a public step walked); before any, the first statement is due.
  let nextUpdate: NextUpdate | undefined;
  if (start) {
    const publicTemplates = new Set(playbook.stages.flatMap((s) => s.steps.filter((st) => st.public).flatMap((st) => st.drafts ?? [])));
    const publicTimes = [
      ...[...state.signoffs.values()].filter((s) => publicTemplates.has(s.template)).map((s) => s.at),
      ...[...state.steps.values()].filter((s) => s.public && s.status === 'done').map((s) => s.at),
    ].sort();
    const last = publicTimes[publicTimes.length - 1];
    const every = level?.updateEvery ?? playbook.settings?.updateEvery;
    if (last && every) {
      const due = new Date(new Date(last).getTime() + parseDuration(every));
      nextUpdate = { kind: 'update', due: due.toISOString(), every, lastPublic: last, overdueMinutes: minutesBetween(due, now) };
    } else if (!last) {
      const due = dueAt(start, playbook.settings?.firstStatementWithin ?? '60m');
      nextUpdate = { kind: 'first-statement', due: due.toISOString(), every, overdueMinutes: minutesBetween(due, now) };
    }
  }

  const unsigned: UnsignedDraft[] = [];
  for (const draft of state.drafts.values()) {
    const signed = state.signoffs.get(draftKey(draft.template, draft.lang));
    const hash = currentHash(dir, draft.file);
    if (!hash) unsigned.push({ template: draft.template, lang: draft.lang, file: draft.file, reason: 'missing-file', signedBy: signed?.name });
    else if (!signed) unsigned.push({ template: draft.template, lang: draft.lang, file: draft.file, reason: 'never' });
    else if (signed.sha256 !== hash) unsigned.push({ template: draft.template, lang: draft.lang, file: draft.file, reason: 'changed', signedBy: signed.name });
  }

  const missingBy = new Map<string, MissingFact>();
  const addMissing = (fact: string, reason: MissingFact['reasons'][number], draft?: string) => {
    let entry = missingBy.get(fact);
    if (!entry) {
      const question = findQuestion(playbook, fact);
      entry = { fact, question: question ? local(question.prompt, lang) : undefined, reasons: [], drafts: [] };
      missingBy.set(fact, entry);
    }
    if (!entry.reasons.includes(reason)) entry.reasons.push(reason);
    if (draft && !entry.drafts.includes(draft)) entry.drafts.push(draft);
  };
  for (const fact of skippedQuestions(state)) addMissing(fact, 'skipped');
  const answered = questionAnswers(state);
  const walked = new Set([...state.steps.values()].filter((s) => s.status !== 'skipped').map((s) => s.step));
  for (const stage of playbook.stages) {
    for (const step of stage.steps) {
      if (!walked.has(step.id)) continue;
      for (const id of step.asks ?? []) {
        const question = playbook.questions.find((q) => q.id === id);
        if (question?.required && answered[id] === undefined && holds(question.when, ctx)) addMissing(id, 'required');
      }
    }
  }
  for (const draft of state.drafts.values()) for (const fact of draft.missing) addMissing(fact, 'draft', draft.file);

  const media: MediaEnquiry[] = state.logs
    .filter((l) => l.kind === 'media')
    .map((l) => ({ at: l.at, by: l.by, message: l.message, outlet: l.outlet, journalist: l.journalist, due: l.due, overdue: Boolean(l.due && new Date(l.due) < now) }));

  return {
    title: meta.title ?? '',
    playbook: { id: playbook.id, title: local(playbook.title, lang) },
    start: start?.toISOString(),
    timezone: tz,
    drill: meta.drill === true,
    now: now.toISOString(),
    level: state.triage && level ? { level: state.triage.level, name: local(level.name, lang), urgency: state.triage.urgency, impact: state.triage.impact } : undefined,
    strategy: strategy ? { cluster: strategy.cluster, primary: strategy.primary } : undefined,
    escalation,
    overdue,
    nextStep: upcoming[0],
    nextUpdate,
    stages,
    unsigned,
    missing: [...missingBy.values()],
    media,
    finished: Boolean(state.finished),
    timeline: state.events.map((e) => ({ at: e.at, session: e.session, by: e.by ?? users.get(e.session), type: e.type, text: describeEvent(e, playbook) })),
  };
}
