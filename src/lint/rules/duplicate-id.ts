import type { Rule } from '../rule.js';

/** Ids must be unique: steps across all stages, questions (triage included), templates, roles and stages. */
export const rule: Rule = {
  id: 'duplicate-id',
  severity: 'error',
  description: 'An id (step, question, template, role or stage) is used twice.',
  tags: ['references'],
  check({ playbook, report }) {
    const check = (kind: string, items: { id: string; pointer: string }[]) => {
      const first = new Map<string, string>();
      for (const { id, pointer } of items) {
        const earlier = first.get(id);
        if (earlier === undefined) first.set(id, pointer);
        else report({ pointer: `${pointer}/id`, messageId: `duplicate-${kind}`, message: `duplicate ${kind} id "${id}"`, suggestion: `rename one of them` });
      }
    };
    check('stage', playbook.stages.map((s, i) => ({ id: s.id, pointer: `/stages/${i}` })));
    check('step', playbook.stages.flatMap((s, i) => s.steps.map((step, j) => ({ id: step.id, pointer: `/stages/${i}/steps/${j}` }))));
    check('question', [
      ...playbook.triage.urgency.map((q, i) => ({ id: q.id, pointer: `/triage/urgency/${i}` })),
      ...playbook.triage.impact.map((q, i) => ({ id: q.id, pointer: `/triage/impact/${i}` })),
      ...playbook.questions.map((q, i) => ({ id: q.id, pointer: `/questions/${i}` })),
    ]);
    check('template', playbook.templates.map((t, i) => ({ id: t.id, pointer: `/templates/${i}` })));
    check('role', playbook.roles.map((r, i) => ({ id: r.id, pointer: `/roles/${i}` })));
  },
};
