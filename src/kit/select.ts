/**
 * Which statements belong in the kit, and which steps apply: the playbook's `when` conditions
 * evaluated with the triage level, the recommended strategy, the drill flag and the answers.
 */
import type { AnswersFile } from '../incident/answers-schema.js';
import { holds, type ConditionContext } from '../playbook/condition.js';
import { parseDuration } from '../playbook/duration.js';
import type { Playbook, Stage, Step, Template } from '../playbook/schema.js';
import { strategyFor } from '../playbook/strategy.js';
import { triageOf } from '../render/context.js';

export function conditionContext(playbook: Playbook, answers: AnswersFile): ConditionContext {
  return {
    level: triageOf(playbook, answers)?.level,
    strategy: strategyFor(playbook.scct, answers.scct),
    drill: Boolean(answers.incident.drill),
    answers: { ...(answers.triage ?? {}), ...answers.answers },
  };
}

export interface ApplicableStep {
  stage: Stage;
  step: Step;
  /** milliseconds after the incident start */
  due: number;
}

/** The steps whose condition holds, in stage order. */
export function applicableSteps(playbook: Playbook, ctx: ConditionContext): ApplicableStep[] {
  const out: ApplicableStep[] = [];
  for (const stage of playbook.stages) {
    for (const step of stage.steps) if (holds(step.when, ctx)) out.push({ stage, step, due: parseDuration(step.deadline) });
  }
  return out;
}

/**
 * The templates for the kit, in the order they are due: by the earliest applicable step that
 * drafts them, then the ones no step drafts, in playbook order. A template drafted only by steps
 * that do not apply is left out; an apology only comes in when the strategy is rebuild or a
 * condition (or a step's stated reason) calls for it.
 */
export function kitTemplates(playbook: Playbook, ctx: ConditionContext): Template[] {
  const steps = applicableSteps(playbook, ctx);
  const draftedBy = (id: string, among: { step: Step }[]) => among.filter(({ step }) => step.drafts?.includes(id));
  const allSteps = playbook.stages.flatMap((stage) => stage.steps.map((step) => ({ step })));
  const chosen: { template: Template; due: number; order: number }[] = [];
  playbook.templates.forEach((template, order) => {
    if (!holds(template.when, ctx)) return;
    const applicable = draftedBy(template.id, steps) as ApplicableStep[];
    if (draftedBy(template.id, allSteps).length > 0 && applicable.length === 0) return;
    if (template.kind === 'apology') {
      const calledFor =
        ctx.strategy?.primary === 'rebuild' || template.when !== undefined || applicable.some(({ step }) => step.when !== undefined || step.reason !== undefined);
      if (!calledFor) return;
    }
    const due = applicable.length > 0 ? Math.min(...applicable.map((s) => s.due)) : Number.POSITIVE_INFINITY;
    chosen.push({ template, due, order });
  });
  chosen.sort((a, b) => a.due - b.due || a.order - b.order);
  return chosen.map((c) => c.template);
}
