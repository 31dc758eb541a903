/** Evaluating `when` conditions on the triage level, the strategy, the drill flag and earlier answers. */
import type { Condition } from './schema.js';
import type { Strategy } from './strategy.js';

export interface ConditionContext {
  level?: number;
  strategy?: Pick<Strategy, 'cluster' | 'primary'>;
  drill?: boolean;
  answers: Record<string, unknown>;
}

const isPerLanguage = (value: unknown): value is Record<string, string> =>
  value !== null &&
  typeof value === 'object' &&
  [Object.prototype, null].includes(Object.getPrototypeOf(value)) &&
  Object.keys(value).length > 0 &&
  Object.entries(value).every(([k, v]) => (k === 'id' || k === 'en') && typeof v === 'string');

const matches = (actual: unknown, expected: unknown): boolean => {
  if (Array.isArray(actual)) return actual.some((a) => matches(a, expected));
  // Text given per language ({ id, en }) matches in either language.
  if (isPerLanguage(actual)) return Object.values(actual).some((a) => matches(a, expected));
  return actual === expected || (actual !== undefined && actual !== null && String(actual) === String(expected));
};

/** Does the condition hold? An unknown level or an unanswered question makes a part false. */
export function holds(condition: Condition | undefined, ctx: ConditionContext): boolean {
  if (!condition) return true;
  const c = condition as Condition & { any?: Condition[]; not?: Condition };
  if (c.minLevel !== undefined && (ctx.level === undefined || ctx.level < c.minLevel)) return false;
  if (c.maxLevel !== undefined && (ctx.level === undefined || ctx.level > c.maxLevel)) return false;
  if (c.cluster && (!ctx.strategy || !c.cluster.includes(ctx.strategy.cluster))) return false;
  if (c.strategy && (!ctx.strategy || !c.strategy.includes(ctx.strategy.primary))) return false;
  if (c.drill !== undefined && Boolean(ctx.drill) !== c.drill) return false;
  if (c.answers) {
    for (const [question, expected] of Object.entries(c.answers)) {
      const actual = ctx.answers[question];
      const options = Array.isArray(expected) ? expected : [expected];
      if (!options.some((e) => matches(actual, e))) return false;
    }
  }
  if (c.any && !c.any.some((sub) => holds(sub, ctx))) return false;
  if (c.not && holds(c.not, ctx)) return false;
  return true;
}

/** Question ids a condition reads, for lint. */
export function conditionQuestions(condition: Condition | undefined): string[] {
  if (!condition) return [];
  const c = condition as Condition & { any?: Condition[]; not?: Condition };
  return [...Object.keys(c.answers ?? {}), ...(c.any ?? []).flatMap(conditionQuestions), ...conditionQuestions(c.not)];
}
