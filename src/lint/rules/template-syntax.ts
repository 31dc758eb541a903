import { didYouMean } from '../../findings.js';
import type { Rule } from '../rule.js';
import { HELPERS, PARTIALS, templateUses } from '../template-ast.js';

/** Templates parse, and name only helpers and partials that exist; reported at the template's own line:col. */
export const rule: Rule = {
  id: 'template-syntax',
  severity: 'error',
  description: 'A template has a Handlebars syntax error, or calls a helper or partial that does not exist.',
  tags: ['templates'],
  check({ playbook, templates, report }) {
    const partials = new Set([...PARTIALS, ...Object.keys(playbook.partials ?? {})]);
    for (const file of templates.all()) {
      const parsed = templates.parse(file);
      if (!parsed) continue;
      if (parsed.error) {
        report({ file: file.path, position: parsed.error.position, messageId: 'syntax', message: parsed.error.message });
        continue;
      }
      const uses = templateUses(parsed.ast!);
      for (const helper of uses.helpers) {
        if (HELPERS.has(helper.name)) continue;
        const hint = didYouMean(helper.name, HELPERS);
        report({ file: file.path, position: helper.position, messageId: 'unknown-helper', message: `unknown helper "${helper.name}"`, suggestion: hint ? `did you mean "${hint}"?` : undefined });
      }
      for (const partial of uses.partials) {
        if (partials.has(partial.name)) continue;
        const hint = didYouMean(partial.name, partials);
        report({ file: file.path, position: partial.position, messageId: 'unknown-partial', message: `unknown partial "${partial.name}"`, suggestion: hint ? `did you mean "${hint}"?` : `built-in partials: ${[...PARTIALS].join(', ')}` });
      }
    }
  },
};
