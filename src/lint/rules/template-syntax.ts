import { didYouMean } from '../../findings.js';
import { defineRule } from '../rule.js';
import { HELPERS, PARTIALS, templateUses } from '../template-ast.js';

/** Templates parse, and name only helpers and partials that exist; reported at the template's own line:col. */
export const rule = defineRule({
  id: 'template-syntax',
  severity: 'error',
  description: {
    id: 'Templat memiliki kesalahan sintaks Handlebars, atau memanggil helper atau partial yang tidak ada.',
    en: 'A template has a Handlebars syntax error, or calls a helper or partial that does not exist.',
  },
  tags: ['templates'],
  messages: {
    id: {
      syntax: 'sintaks templat salah: {detail}',
      'unknown-helper': 'helper "{name}" tidak dikenal',
      'unknown-partial': 'partial "{name}" tidak dikenal',
      'did-you-mean': 'mungkin maksud Anda "{hint}"?',
      'built-in-partials': 'partial bawaan: {partials}',
    },
    en: {
      syntax: 'template syntax error: {detail}',
      'unknown-helper': 'unknown helper "{name}"',
      'unknown-partial': 'unknown partial "{name}"',
      'did-you-mean': 'did you mean "{hint}"?',
      'built-in-partials': 'built-in partials: {partials}',
    },
  },
  check({ playbook, templates, report }) {
    const partials = new Set([...PARTIALS, ...Object.keys(playbook.partials ?? {})]);
    for (const file of templates.all()) {
      const parsed = templates.parse(file);
      if (!parsed) continue;
      if (parsed.error) {
        report({ file: file.path, position: parsed.error.position, messageId: 'syntax', params: { detail: parsed.error.detail } });
        continue;
      }
      const uses = templateUses(parsed.ast!);
      for (const helper of uses.helpers) {
        if (HELPERS.has(helper.name)) continue;
        const hint = didYouMean(helper.name, HELPERS);
        report({ file: file.path, position: helper.position, messageId: 'unknown-helper', params: hint ? { name: helper.name, hint } : { name: helper.name }, suggestionId: hint ? 'did-you-mean' : undefined });
      }
      for (const partial of uses.partials) {
        if (partials.has(partial.name)) continue;
        const hint = didYouMean(partial.name, partials);
        report({
          file: file.path,
          position: partial.position,
          messageId: 'unknown-partial',
          params: hint ? { name: partial.name, hint } : { name: partial.name, partials: [...PARTIALS].join(', ') },
          suggestionId: hint ? 'did-you-mean' : 'built-in-partials',
        });
      }
    }
  },
});
