import { conditionQuestions } from '../../playbook/condition.js';
import { defineRule } from '../rule.js';
import { templateUses } from '../template-ast.js';

/** A question that no template and no condition reads only costs the officer time. */
export const rule = defineRule({
  id: 'unused-question',
  severity: 'warning',
  description: { id: 'Sebuah pertanyaan tidak pernah dipakai oleh templat atau kondisi.', en: 'A question is never used by a template or a condition.' },
  tags: ['questions'],
  messages: {
    id: { unused: 'pertanyaan "{question}" tidak pernah dipakai oleh templat atau kondisi', 'use-or-remove': 'pakai di templat atau hapus' },
    en: { unused: 'question "{question}" is never used by a template or a condition', 'use-or-remove': 'use it in a template or remove it' },
  },
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
      if (!used.has(q.id)) report({ pointer: `/questions/${i}/id`, messageId: 'unused', params: { question: q.id }, suggestionId: 'use-or-remove' });
    });
  },
});
