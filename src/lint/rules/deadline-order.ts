import { parseDuration } from '../../playbook/duration.js';
import { defineRule } from '../rule.js';

/** Within a stage, each step is due no earlier than the step before it. */
export const rule = defineRule({
  id: 'deadline-order',
  severity: 'error',
  description: {
    id: 'Sebuah langkah jatuh tempo lebih awal daripada langkah sebelumnya di tahap yang sama.',
    en: 'A step is due before the step that precedes it in the same stage.',
  },
  tags: ['flow'],
  messages: {
    id: {
      backwards: 'langkah "{step}" jatuh tempo {deadline}, lebih awal dari langkah sebelumnya "{previous}" ({previousDeadline})',
      reorder: 'urutkan ulang langkahnya atau perbaiki tenggatnya',
    },
    en: {
      backwards: 'step "{step}" is due at {deadline}, before the previous step "{previous}" ({previousDeadline})',
      reorder: 'reorder the steps or fix the deadline',
    },
  },
  check({ playbook, report }) {
    playbook.stages.forEach((stage, i) => {
      let previous: { ms: number; id: string; deadline: string } | undefined;
      stage.steps.forEach((step, j) => {
        const ms = parseDuration(step.deadline);
        if (previous && ms < previous.ms) {
          report({
            pointer: `/stages/${i}/steps/${j}/deadline`,
            messageId: 'backwards',
            params: { step: step.id, deadline: step.deadline, previous: previous.id, previousDeadline: previous.deadline },
            suggestionId: 'reorder',
          });
        }
        if (!previous || ms >= previous.ms) previous = { ms, id: step.id, deadline: step.deadline };
      });
    });
  },
});
