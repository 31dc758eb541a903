import { didYouMean } from '../../findings.js';
import type { Condition } from '../../playbook/schema.js';
import type { Report, Rule } from '../rule.js';

/** Owners, escalation roles, asked questions, drafted templates and conditions must name things that exist. */
export const rule: Rule = {
  id: 'unknown-reference',
  severity: 'error',
  description: 'A step, escalation or condition names a role, question, template or option that does not exist.',
  tags: ['references'],
  check({ playbook, report }) {
    const roles = playbook.roles.map((r) => r.id);
    const questions = new Map([...playbook.triage.urgency, ...playbook.triage.impact, ...playbook.questions].map((q) => [q.id, q]));
    const templates = playbook.templates.map((t) => t.id);
    const missing = (pointer: string, kind: string, name: string, known: string[]): Report => {
      const hint = didYouMean(name, known);
      return { pointer, messageId: `unknown-${kind}`, message: `no ${kind} with id "${name}"`, suggestion: hint ? `did you mean "${hint}"?` : `define it under ${kind === 'role' ? 'roles' : `${kind}s`}` };
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
              report({ pointer: `${pointer}/answers/${id}`, messageId: 'unknown-option', message: `"${String(value)}" is not an option of question "${id}"`, suggestion: hint ? `did you mean "${hint}"?` : `use one of: ${values.join(', ')}` });
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
};
