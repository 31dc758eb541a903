import { conditionQuestions } from '../../playbook/condition.js';
import type { Rule } from '../rule.js';
import { templateUses } from '../template-ast.js';

/** A question that no template and no condition reads only costs the officer time. */
export const rule: Rule = {
  id: 'unused-question',
  severity: 'warning',
  description: 'A question is never used by a template or a condition.',
  tags: ['questions'],
  check({ playbook, templates, report }) {
    const used = new Set<string>();
    for (const file of templates.all()) {
      const parsed = templates.parse(file);
      if (!parsed) continue;
      if (!parsed.ast) return; // a broken template hides its uses; template-syntax reports it
      for (const v of templateUses(parsed.ast).variables) used.add(v.name);
    }
    const conditions = [
      ...playbook.questions.map((q) => q.when),
      ...playbook.templates.map((t) => t.when),
      ...playbook.stages.flatMap((s) => s.steps.map((step) => step.when)),
    ];
    for (const c of conditions) for (const q of conditionQuestions(c)) used.add(q);
    playbook.questions.forEach((q, i) => {
      if (!used.has(q.id)) report({ pointer: `/questions/${i}/id`, messageId: 'unused', message: `question "${q.id}" is never used by a template or a condition`, suggestion: 'use it in a template or remove it' });
    });
  },
};
