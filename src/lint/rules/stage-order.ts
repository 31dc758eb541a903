import { STAGE_IDS } from '../../playbook/schema.js';
import { defineRule } from '../rule.js';

const FLOW = STAGE_IDS.join(' → ');

/** The four stages are all present, in the order recognize → respond → apologize → repair. */
export const rule = defineRule({
  id: 'stage-order',
  severity: 'error',
  description: {
    id: 'Ada tahap yang hilang atau urutan tahap salah (recognize, respond, apologize, repair).',
    en: 'A stage is missing or the stages are out of order (recognize, respond, apologize, repair).',
  },
  tags: ['flow'],
  messages: {
    id: {
      'missing-stage': 'tahap "{stage}" belum ada',
      flow: 'alurnya {flow}',
      'out-of-order': 'tahap "{stage}" berada setelah "{previous}"',
      order: 'urutkan tahapnya: {flow}',
    },
    en: {
      'missing-stage': 'stage "{stage}" is missing',
      flow: 'the flow is {flow}',
      'out-of-order': 'stage "{stage}" comes after "{previous}"',
      order: 'order the stages {flow}',
    },
  },
  check({ playbook, report }) {
    const ids = playbook.stages.map((s) => s.id);
    for (const stage of STAGE_IDS) {
      if (!ids.includes(stage)) report({ pointer: '/stages', messageId: 'missing-stage', params: { stage, flow: FLOW }, suggestionId: 'flow' });
    }
    let last = -1;
    playbook.stages.forEach((stage, i) => {
      const rank = STAGE_IDS.indexOf(stage.id);
      if (rank < last) report({ pointer: `/stages/${i}/id`, messageId: 'out-of-order', params: { stage: stage.id, previous: STAGE_IDS[last], flow: FLOW }, suggestionId: 'order' });
      last = Math.max(last, rank);
    });
  },
});
