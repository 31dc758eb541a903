import { didYouMean } from '../../findings.js';
import type { Rule } from '../rule.js';
import { CONTEXT_NAMES, templateUses } from '../template-ast.js';

/** Every variable a template reads is a question or a built-in context name. */
export const rule: Rule = {
  id: 'undefined-variable',
  severity: 'error',
  description: 'A template uses a variable that no question or built-in context provides.',
  tags: ['templates'],
  check({ playbook, templates, report }) {
    const questions = [...playbook.triage.urgency, ...playbook.triage.impact, ...playbook.questions].map((q) => q.id);
    const known = new Set([...questions, ...CONTEXT_NAMES]);
    for (const file of templates.all()) {
      const parsed = templates.parse(file);
      if (!parsed?.ast) continue;
      for (const variable of templateUses(parsed.ast).variables) {
        if (known.has(variable.name)) continue;
        const hint = didYouMean(variable.name, known);
        report({
          file: file.path,
          position: variable.position,
          messageId: 'undefined',
          message: `"${variable.name}" is not a question of this playbook nor a built-in context name`,
          suggestion: hint ? `did you mean "${hint}"?` : 'add a question with this id, or use a documented context name',
        });
      }
    }
  },
};
