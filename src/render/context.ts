/**
 * The data a template sees. It is built fresh for every render from copies of the answers:
 * mappings are null-prototype objects without `__proto__`/`constructor`/`prototype` keys, text
 * is sanitised, localized fields come in the template's language, and answers to select
 * questions become `Choice`s that print as their label but compare as their value.
 */
import { answerIn, parseNumber, parseOfficeTime, type AnswersFile } from '../incident/answers.js';
import type { Timezone } from '../incident/answers-schema.js';
import type { Locale, Playbook, Question } from '../playbook/schema.js';
import { strategyFor, type Strategy } from '../playbook/strategy.js';
import { triage, type TriageResult } from '../playbook/triage.js';
import { oneLine as joinLines, sanitize } from './escape.js';

/** An answer to a select question: printed as its label, compared (`eq`, `includes`) as its value. */
export class Choice {
  constructor(readonly value: string, readonly label: string) {}
  toString(): string {
    return this.label;
  }
}

/** Every name the context offers besides the answers (docs/playbook-format.md, "The context a template sees"). */
export const BUILTIN_CONTEXT: ReadonlySet<string> = new Set([
  'incident',
  'incident.title',
  'incident.start',
  'incident.timezone',
  'incident.drill',
  'incident.place',
  'office',
  'office.agency',
  'office.unit',
  'office.code',
  'office.city',
  'office.website',
  'office.hotline',
  'office.email',
  'office.address',
  'office.about',
  'office.spokesperson',
  'office.spokesperson.name',
  'office.spokesperson.title',
  'office.spokesperson.phone',
  'office.head',
  'office.head.name',
  'office.head.title',
  'office.contact',
  'office.contact.name',
  'office.contact.role',
  'office.contact.phone',
  'office.contact.email',
  'office.social',
  'office.social.x',
  'office.social.instagram',
  'office.social.facebook',
  'office.social.tiktok',
  'triage',
  'triage.level',
  'triage.levelName',
  'triage.urgency',
  'triage.impact',
  'strategy',
  'strategy.cluster',
  'strategy.primary',
  'release',
  'release.number',
  'asOf',
  'now',
  'lang',
  'playbook',
  'playbook.id',
  'playbook.title',
  'keyMessages',
]);

const FORBIDDEN = new Set(['__proto__', 'constructor', 'prototype']);

type Data = { [key: string]: unknown };
const record = (): Data => Object.create(null) as Data;

/** A safe deep copy: null-prototype mappings, sanitised text, no prototype keys, no functions. */
export function inertCopy(value: unknown, depth = 0): unknown {
  if (depth > 32) return undefined;
  if (typeof value === 'string') return sanitize(value);
  if (typeof value === 'number') return Number.isFinite(value) ? value : undefined;
  if (typeof value === 'boolean' || value === null || value === undefined) return value;
  if (value instanceof Date || value instanceof Choice) return value;
  if (Array.isArray(value)) return value.map((v) => inertCopy(v, depth + 1));
  if (typeof value === 'object') {
    const out = record();
    for (const key of Object.keys(value)) {
      if (FORBIDDEN.has(key)) continue;
      const v = inertCopy((value as Data)[key], depth + 1);
      if (v !== undefined) out[key] = v;
    }
    return out;
  }
  return undefined;
}

type Localized = string | { id?: string; en?: string } | undefined;
const localize = (value: Localized, lang: Locale): string | undefined =>
  value === undefined || typeof value === 'string' ? value : (value[lang] ?? value.id ?? value.en);

const blankToUndefined = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? undefined : v);
const oneLine = (v: unknown): unknown => (typeof v === 'string' ? (/[\r\n\u2028\u2029]/.test(v) ? joinLines(v) : v) : Array.isArray(v) ? v.map(oneLine) : v);
const oneLineDeep = (v: unknown): unknown =>
  v !== null && typeof v === 'object' && !Array.isArray(v)
    ? Object.fromEntries(Object.entries(v).filter(([k]) => !FORBIDDEN.has(k)).map(([k, x]) => [k, oneLineDeep(x)]))
    : oneLine(v);

const GRADE_LABEL: Record<Locale, Record<string, string>> = {
  id: { low: 'rendah', medium: 'sedang', high: 'tinggi' },
  en: { low: 'low', medium: 'medium', high: 'high' },
};

/**
 * An answer in the form templates use, given its question (when the playbook has one). Text given
 * per language comes in the statement's language, or in the other when that one is missing.
 */
export function contextValue(question: Question | undefined, value: unknown, zone: Timezone, lang: Locale): unknown {
  const text = answerIn(value, lang);
  // Only long text may span lines; a line break in a short answer would end the heading or list item it sits in.
  const v = question?.type === 'longtext' ? blankToUndefined(text) : oneLine(blankToUndefined(text));
  if (v === undefined || v === null) return undefined;
  if (!question) return v;
  const label = (raw: unknown) => {
    const option = question.options?.find((o) => o.value === String(raw));
    return option ? new Choice(option.value, sanitize(localize(option.label, lang) ?? option.value)) : raw;
  };
  switch (question.type) {
    case 'select':
      return label(v);
    case 'multiselect':
      return Array.isArray(v) ? v.map(label) : label(v);
    case 'number':
      return typeof v === 'string' ? (parseNumber(v) ?? v) : v;
    case 'datetime':
      return typeof v === 'string' ? (parseOfficeTime(v, zone) ?? v) : v;
    case 'confirm':
      return v === true || v === 'true' ? true : v === false || v === 'false' ? false : v;
    default:
      return v;
  }
}

export interface ContextInput {
  playbook: Playbook;
  answers: AnswersFile;
  lang: Locale;
  now: Date;
}

export interface BuiltContext {
  context: Data;
  start: Date;
  zone: Timezone;
  level?: number;
  strategy: Strategy;
  triage?: TriageResult;
}

/** The triage result of the answers file's `triage` section, or undefined when it has none. */
export function triageOf(playbook: Playbook, answers: AnswersFile): TriageResult | undefined {
  if (!answers.triage || Object.keys(answers.triage).length === 0) return undefined;
  return triage(playbook.triage, answers.triage);
}

export function buildContext({ playbook, answers, lang, now }: ContextInput): BuiltContext {
  const zone = answers.incident.timezone;
  const start = parseOfficeTime(answers.incident.start, zone) ?? now;
  const asOf = (answers.incident.asOf && parseOfficeTime(answers.incident.asOf, zone)) || now;
  const strategy = strategyFor(playbook.scct, answers.scct);
  const triaged = triageOf(playbook, answers);
  const questions = new Map<string, Question>();
  for (const q of [...playbook.triage.urgency, ...playbook.triage.impact, ...playbook.questions]) questions.set(q.id, q);

  const context = record();
  // Answers first, so a built-in name always wins over a colliding question id (lint reports the collision).
  for (const source of [answers.triage ?? {}, answers.answers]) {
    for (const [id, value] of Object.entries(source)) {
      if (FORBIDDEN.has(id)) continue;
      const v = inertCopy(contextValue(questions.get(id), value, zone, lang));
      if (v !== undefined) context[id] = v;
    }
  }

  // Every office field but `about` sits inside a line (letterhead, contact block).
  const o = { ...(oneLineDeep(answers.office) as AnswersFile['office']), about: answers.office.about };
  const person = (p: (typeof o)['contact']) =>
    p && {
      name: p.name,
      title: localize(p.title, lang),
      role: localize(p.role, lang),
      phone: p.phone,
      email: p.email,
    };
  const level = triaged?.level;
  const levelSpec = playbook.triage.levels.find((l) => l.level === level);
  Object.assign(
    context,
    inertCopy({
      incident: {
        title: oneLine(answers.incident.title),
        start,
        timezone: zone,
        drill: Boolean(answers.incident.drill),
        place: oneLine(blankToUndefined(answers.incident.place)),
      },
      office: {
        agency: localize(o.agency, lang),
        unit: localize(o.unit, lang),
        code: o.code,
        city: o.city,
        website: o.website,
        hotline: o.hotline,
        email: o.email,
        address: o.address,
        about: localize(o.about, lang),
        spokesperson: person(o.spokesperson),
        head: person(o.head),
        contact: person(o.contact),
        social: o.social,
      },
      triage: triaged && {
        level: triaged.level,
        levelName: localize(levelSpec?.name, lang),
        urgency: new Choice(triaged.urgency, GRADE_LABEL[lang][triaged.urgency]),
        impact: new Choice(triaged.impact, GRADE_LABEL[lang][triaged.impact]),
      },
      strategy: { cluster: strategy.cluster, primary: strategy.primary },
      release: answers.release && { number: answers.release.number },
      asOf,
      now,
      lang,
      playbook: { id: playbook.id, title: localize(playbook.title, lang) },
      keyMessages: (playbook.keyMessages ?? []).map((m) => localize(m, lang)).filter((m) => m !== undefined),
    }) as Data,
  );
  return { context, start, zone, level, strategy, triage: triaged };
}
