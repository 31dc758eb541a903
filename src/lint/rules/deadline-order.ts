import { parseDuration } from '../../playbook/duration.js';
import type { Rule } from '../rule.js';

/** Within a stage, each step is due no earlier than the step before it. */
export const rule: Rule = {
  id: 'deadline-order',
  severity: 'error',
  description: 'A step is due before the step that precedes it in the same stage.',
  tags: ['flow'],
  check({ playbook, report }) {
    playbook.stages.forEach((stage, i) => {
      let previous: { ms: number; id: string; deadline: string } | undefined;
      stage.steps.forEach((step, j) => {
        const ms = parseDuration(step.deadline);
        if (previous && ms < previous.ms) {
          report({
            pointer: `/stages/${i}/steps/${j}/deadline`,
            messageId: 'backwards',
            message: `step "${step.id}" is due at ${step.deadline}, before the previous step "${previous.id}" (${previous.deadline})`,
            suggestion: 'reorder the steps or fix the deadline',
          });
        }
        if (!previous || ms >= previous.ms) previous = { ms, id: step.id, deadline: step.deadline };
      });
    });
  },
};
