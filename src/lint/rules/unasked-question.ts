import { defineRule } from '../rule.js';

/** A question that no step asks is never put to the officer, so its fact stays missing. */
export const rule = defineRule({
  id: 'unasked-question',
  severity: 'warning',
  description: { id: 'Sebuah pertanyaan tidak ditanyakan oleh langkah mana pun.', en: 'A question is not asked by any step.' },
  tags: ['questions'],
  messages: {
    id: { unasked: 'pertanyaan "{question}" tidak ditanyakan oleh langkah mana pun', ask: 'tambahkan ke `asks` pada langkah yang memerlukannya' },
    en: { unasked: 'question "{question}" is not asked by any step', ask: 'add it to the `asks` of the step that needs it' },
  },
  check({ playbook, report }) {
    const asked = new Set(playbook.stages.flatMap((s) => s.steps.flatMap((step) => step.asks ?? [])));
    playbook.questions.forEach((q, i) => {
      if (!asked.has(q.id)) report({ pointer: `/questions/${i}/id`, messageId: 'unasked', params: { question: q.id }, suggestionId: 'ask' });
    });
  },
});
