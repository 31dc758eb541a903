import { STAGE_IDS } from '../../playbook/schema.js';
import type { Rule } from '../rule.js';

/** The four stages are all present, in the order recognize → respond → apologize → repair. */
export const rule: Rule = {
  id: 'stage-order',
  severity: 'error',
  description: 'A stage is missing or the stages are out of order (recognize, respond, apologize, repair).',
  tags: ['flow'],
  check({ playbook, report }) {
    const ids = playbook.stages.map((s) => s.id);
    for (const stage of STAGE_IDS) {
      if (!ids.includes(stage)) report({ pointer: '/stages', messageId: 'missing-stage', message: `stage "${stage}" is missing`, suggestion: `the flow is ${STAGE_IDS.join(' → ')}` });
    }
    let last = -1;
    playbook.stages.forEach((stage, i) => {
      const rank = STAGE_IDS.indexOf(stage.id);
      if (rank < last) report({ pointer: `/stages/${i}/id`, messageId: 'out-of-order', message: `stage "${stage.id}" comes after "${STAGE_IDS[last]}"`, suggestion: `order the stages ${STAGE_IDS.join(' → ')}` });
      last = Math.max(last, rank);
    });
  },
};
