import type { Step } from '../../playbook/schema.js';
import type { Rule } from '../rule.js';

/** Strategy follows responsibility (SCCT): rebuild for preventable crises, deny only for rumours, never deny and rebuild together. */
export const rule: Rule = {
  id: 'scct-consistency',
  severity: 'error',
  description: 'The steps contradict the SCCT strategy: no rebuild for a preventable crisis, deny mixed with rebuild, denial outside a rumour, or an apology against the strategy without a reason.',
  tags: ['strategy'],
  check({ playbook, strategy, report }) {
    const apologyTemplates = new Set(playbook.templates.filter((t) => t.kind === 'apology').map((t) => t.id));
    const steps: { step: Step; pointer: string }[] = playbook.stages.flatMap((s, i) => s.steps.map((step, j) => ({ step, pointer: `/stages/${i}/steps/${j}` })));
    const isRebuild = (step: Step) => step.posture === 'rebuild' || (step.drafts ?? []).some((t) => apologyTemplates.has(t));
    const rebuild = steps.filter(({ step }) => isRebuild(step));
    const deny = steps.filter(({ step }) => step.posture === 'deny');

    if (strategy.cluster === 'preventable' && rebuild.length === 0) {
      report({ pointer: '/scct/cluster', messageId: 'missing-rebuild', message: 'a preventable crisis needs a rebuild step (apology, compensation, corrective action)', suggestion: 'add an apology step in the apologize stage' });
    }
    for (const d of deny) {
      if (!strategy.denyAllowed) {
        report({ pointer: `${d.pointer}/posture`, messageId: 'deny-not-rumor', message: `step "${d.step.id}" denies, but denial fits only a rumour (scct.rumor: true, victim cluster)`, suggestion: 'use instructing information instead' });
      }
      const clash = rebuild.find((r) => !r.step.when && !d.step.when);
      if (clash) {
        report({ pointer: `${d.pointer}/posture`, messageId: 'deny-with-rebuild', message: `step "${d.step.id}" denies while step "${clash.step.id}" apologises; never mix deny with rebuild`, suggestion: 'give one of them a `when` that excludes the other' });
      }
    }
    if (strategy.primary !== 'rebuild') {
      for (const r of rebuild) {
        if (r.step.reason || r.step.when) continue;
        report({ pointer: `${r.pointer}/id`, messageId: 'unjustified-apology', message: `step "${r.step.id}" apologises, but the recommended strategy is "${strategy.primary}"`, suggestion: 'state a `reason`, or limit it with `when` (e.g. when: { strategy: [rebuild] })' });
      }
    }
  },
};
