import type { Rule } from '../rule.js';

/** A question that no step asks is never put to the officer, so its fact stays missing. */
export const rule: Rule = {
  id: 'unasked-question',
  severity: 'warning',
  description: 'A question is not asked by any step.',
  tags: ['questions'],
  check({ playbook, report }) {
    const asked = new Set(playbook.stages.flatMap((s) => s.steps.flatMap((step) => step.asks ?? [])));
    playbook.questions.forEach((q, i) => {
      if (!asked.has(q.id)) report({ pointer: `/questions/${i}/id`, messageId: 'unasked', message: `question "${q.id}" is not asked by any step`, suggestion: 'add it to the `asks` of the step that needs it' });
    });
  },
};
