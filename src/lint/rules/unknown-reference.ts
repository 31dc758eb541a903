import { didYouMean } from '../../findings.js';
import type { Condition } from '../../playbook/schema.js';
import { defineRule, type Report } from '../rule.js';

type Kind = 'role' | 'question' | 'template';
const SECTION: Record<Kind, string> = { role: 'roles', question: 'questions', template: 'templates' };

const messages = {
  id: {
    'unknown-role': 'tidak ada peran dengan id "{name}"',
    'unknown-question': 'tidak ada pertanyaan dengan id "{name}"',
    'unknown-template': 'tidak ada templat dengan id "{name}"',
    'unknown-option': '"{value}" bukan pilihan pada pertanyaan "{question}"',
    'did-you-mean': 'mungkin maksud Anda "{hint}"?',
    'define-it': 'definisikan di bawah {section}',
    'use-one-of': 'gunakan salah satu dari: {values}',
  },
  en: {
    'unknown-role': 'no role with id "{name}"',
    'unknown-question': 'no question with id "{name}"',
    'unknown-template': 'no template with id "{name}"',
    'unknown-option': '"{value}" is not an option of question "{question}"',
    'did-you-mean': 'did you mean "{hint}"?',
    'define-it': 'define it under {section}',
    'use-one-of': 'use one of: {values}',
  },
};
type Key = keyof (typeof messages)['en'];

/** Owners, escalation roles, asked questions, drafted templates and conditions must name things that exist. */
export const rule = defineRule({
  id: 'unknown-reference',
  severity: 'error',
  description: {
    id: 'Sebuah langkah, eskalasi atau kondisi menyebut peran, pertanyaan, templat atau pilihan yang tidak ada.',
    en: 'A step, escalation or condition names a role, question, template or option that does not exist.',
  },
  tags: ['references'],
  messages,
  check({ playbook, report }) {
    const roles = playbook.roles.map((r) => r.id);
    const questions = new Map([...playbook.triage.urgency, ...playbook.triage.impact, ...playbook.questions].map((q) => [q.id, q]));
    const templates = playbook.templates.map((t) => t.id);
    const missing = (pointer: string, kind: Kind, name: string, known: string[]): Report<Key> => {
      const hint = didYouMean(name, known);
      return hint
        ? { pointer, messageId: `unknown-${kind}`, params: { name, hint }, suggestionId: 'did-you-mean' }
        : { pointer, messageId: `unknown-${kind}`, params: { name, section: SECTION[kind] }, suggestionId: 'define-it' };
    };
    const checkCondition = (condition: Condition | undefined, pointer: string) => {
      if (!condition) return;
      for (const [id, expected] of Object.entries(condition.answers ?? {})) {
        const question = questions.get(id);
        if (!question) {
          report({ ...missing(`${pointer}/answers/${id}`, 'question', id, [...questions.keys()]), atKey: true });
          continue;
        }
        if (question.options) {
          const values = question.options.map((o) => o.value);
          for (const value of Array.isArray(expected) ? expected : [expected]) {
            if (!values.includes(String(value))) {
              const hint = didYouMean(String(value), values);
              const params = { value: String(value), question: id };
              report(
                hint
                  ? { pointer: `${pointer}/answers/${id}`, messageId: 'unknown-option', params: { ...params, hint }, suggestionId: 'did-you-mean' }
                  : { pointer: `${pointer}/answers/${id}`, messageId: 'unknown-option', params: { ...params, values: values.join(', ') }, suggestionId: 'use-one-of' },
              );
            }
          }
        }
      }
      condition.any?.forEach((sub, i) => checkCondition(sub, `${pointer}/any/${i}`));
      checkCondition(condition.not, `${pointer}/not`);
    };
    playbook.triage.levels.forEach((level, i) =>
      level.escalation.forEach((e, j) => {
        if (!roles.includes(e.role)) report(missing(`/triage/levels/${i}/escalation/${j}/role`, 'role', e.role, roles));
      }),
    );
    playbook.questions.forEach((q, i) => checkCondition(q.when, `/questions/${i}/when`));
    playbook.templates.forEach((t, i) => checkCondition(t.when, `/templates/${i}/when`));
    playbook.stages.forEach((stage, i) =>
      stage.steps.forEach((step, j) => {
        const at = `/stages/${i}/steps/${j}`;
        if (!roles.includes(step.owner)) report(missing(`${at}/owner`, 'role', step.owner, roles));
        step.asks?.forEach((q, k) => {
          if (!questions.has(q)) report(missing(`${at}/asks/${k}`, 'question', q, [...questions.keys()]));
        });
        step.drafts?.forEach((t, k) => {
          if (!templates.includes(t)) report(missing(`${at}/drafts/${k}`, 'template', t, templates));
        });
        checkCondition(step.when, `${at}/when`);
      }),
    );
  },
});
