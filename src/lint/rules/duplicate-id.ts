import { defineRule } from '../rule.js';

type Kind = 'stage' | 'step' | 'question' | 'template' | 'role';

/** Ids must be unique: steps across all stages, questions (triage included), templates, roles and stages. */
export const rule = defineRule({
  id: 'duplicate-id',
  severity: 'error',
  description: {
    id: 'Sebuah id (langkah, pertanyaan, templat, peran atau tahap) dipakai dua kali.',
    en: 'An id (step, question, template, role or stage) is used twice.',
  },
  tags: ['references'],
  messages: {
    id: {
      'duplicate-stage': 'id tahap "{id}" dipakai dua kali',
      'duplicate-step': 'id langkah "{id}" dipakai dua kali',
      'duplicate-question': 'id pertanyaan "{id}" dipakai dua kali',
      'duplicate-template': 'id templat "{id}" dipakai dua kali',
      'duplicate-role': 'id peran "{id}" dipakai dua kali',
      rename: 'ganti salah satunya',
    },
    en: {
      'duplicate-stage': 'duplicate stage id "{id}"',
      'duplicate-step': 'duplicate step id "{id}"',
      'duplicate-question': 'duplicate question id "{id}"',
      'duplicate-template': 'duplicate template id "{id}"',
      'duplicate-role': 'duplicate role id "{id}"',
      rename: 'rename one of them',
    },
  },
  check({ playbook, report }) {
    const check = (kind: Kind, items: { id: string; pointer: string }[]) => {
      const first = new Map<string, string>();
      for (const { id, pointer } of items) {
        const earlier = first.get(id);
        if (earlier === undefined) first.set(id, pointer);
        else report({ pointer: `${pointer}/id`, messageId: `duplicate-${kind}`, params: { id }, suggestionId: 'rename' });
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
});
