/**
 * Plain words for what the playbook says: localized texts, deadlines as clock times with the
 * time left, and why a condition does not hold. Shared by the walk and `tanggap status`.
 */
import type { Timezone } from '../incident/answers-schema.js';
import { answerIn, isLocalizedAnswer } from '../incident/answers.js';
import type { BilingualText } from '../incident/events.js';
import { clockNear } from '../incident/time.js';
import type { ConditionContext } from '../playbook/condition.js';
import { holds } from '../playbook/condition.js';
import { formatDuration, parseDuration } from '../playbook/duration.js';
import type { Condition, Locale, LocalizedText, Playbook, Question } from '../playbook/schema.js';
import { flowText } from './messages.js';

/** A playbook text in the wanted language, else in the other one. */
export function local(text: LocalizedText | undefined, lang: Locale): string {
  if (!text) return '';
  return text[lang] ?? text.id ?? text.en ?? '';
}

export function roleTitle(playbook: Playbook, roleId: string, lang: Locale): string {
  const role = playbook.roles.find((r) => r.id === roleId);
  return role ? local(role.title, lang) : roleId;
}

export function findQuestion(playbook: Playbook, id: string): Question | undefined {
  return playbook.questions.find((q) => q.id === id) ?? [...playbook.triage.urgency, ...playbook.triage.impact].find((q) => q.id === id);
}

/** "05.40 WIB (sisa 35 menit)" / "05.40 WIB (overdue by 1h 5 min)". */
export function deadlineText(due: Date, now: Date, tz: Timezone, lang: Locale): { clock: string; left: string; overdue: boolean } {
  const t = flowText(lang);
  const ms = due.getTime() - now.getTime();
  const overdue = ms < 0;
  return {
    clock: clockNear(due, tz, lang, now),
    left: overdue ? t('overdueBy', { time: formatDuration(-ms, lang) }) : t('timeLeft', { time: formatDuration(ms, lang) }),
    overdue,
  };
}

export const dueAt = (start: Date, duration: string) => new Date(start.getTime() + parseDuration(duration));

function answerWords(playbook: Playbook, questionId: string, value: unknown, lang: Locale): string {
  const t = flowText(lang);
  const question = findQuestion(playbook, questionId);
  const one = (v: unknown): string => {
    if (typeof v === 'boolean') return v ? t('yes') : t('no');
    if (isLocalizedAnswer(v)) return String(answerIn(v, lang));
    const option = question?.options?.find((o) => o.value === String(v));
    return option ? local(option.label, lang) : String(v);
  };
  return Array.isArray(value) ? value.map(one).join(', ') : one(value);
}

/** The parts of a condition that do not hold, each in words with the actual value. */
function failingParts(condition: Condition, ctx: ConditionContext, playbook: Playbook, lang: Locale): string[] {
  const t = flowText(lang);
  const parts: string[] = [];
  const level = ctx.level === undefined ? '?' : String(ctx.level);
  if (condition.minLevel !== undefined && !holds({ minLevel: condition.minLevel }, ctx)) parts.push(t('condMinLevel', { min: condition.minLevel, level }));
  if (condition.maxLevel !== undefined && !holds({ maxLevel: condition.maxLevel }, ctx)) parts.push(t('condMaxLevel', { max: condition.maxLevel, level }));
  if (condition.cluster && !holds({ cluster: condition.cluster }, ctx)) {
    parts.push(t('condCluster', { list: condition.cluster.join(', '), actual: ctx.strategy?.cluster ?? '?' }));
  }
  if (condition.strategy && !holds({ strategy: condition.strategy }, ctx)) {
    parts.push(t('condStrategy', { list: condition.strategy.join(', '), actual: ctx.strategy?.primary ?? '?' }));
  }
  if (condition.drill !== undefined && !holds({ drill: condition.drill }, ctx)) parts.push(condition.drill ? t('condDrillOnly') : t('condRealOnly'));
  for (const [id, expected] of Object.entries(condition.answers ?? {})) {
    if (holds({ answers: { [id]: expected } }, ctx)) continue;
    const question = findQuestion(playbook, id);
    const name = question ? local(question.prompt, lang) : id;
    const actual = ctx.answers[id];
    parts.push(
      t('condAnswer', {
        question: name.replace(/[?:]\s*$/, ''),
        expected: answerWords(playbook, id, expected, lang),
        actual: actual === undefined || actual === null ? t('notAnswered') : answerWords(playbook, id, actual, lang),
      }),
    );
  }
  if (condition.any && !condition.any.some((sub) => holds(sub, ctx))) {
    const alternatives = condition.any.map((sub) => failingParts(sub, ctx, playbook, lang).join(t('and'))).join(t('or'));
    parts.push(t('condAny', { alternatives }));
  }
  if (condition.not && holds(condition.not, ctx)) parts.push(t('condNot'));
  return parts;
}

/** Why a step or a template does not apply, in both languages (recorded, then shown in either). */
export function explainCondition(condition: Condition, ctx: ConditionContext, playbook: Playbook): BilingualText {
  const say = (lang: Locale) => {
    const parts = failingParts(condition, ctx, playbook, lang);
    return parts.length ? parts.join('; ') : flowText(lang)('condUnknown');
  };
  return { id: say('id'), en: say('en') };
}

/**
 * Wrap text to `width` columns, keeping words whole. A paragraph's leading spaces are kept on its
 * first line; continuation lines start with `indent`.
 */
export function wrap(text: string, width: number, indent = ''): string {
  const lines: string[] = [];
  for (const paragraph of text.split('\n')) {
    const lead = /^\s*/.exec(paragraph)![0];
    let line = lead;
    for (const word of paragraph.trim().split(/\s+/).filter(Boolean)) {
      if (line.trim() !== '' && line.length + 1 + word.length > width) {
        lines.push(line);
        line = indent + word;
      } else line = line.trim() === '' ? line + word : `${line} ${word}`;
    }
    lines.push(line);
  }
  return lines.join('\n');
}
