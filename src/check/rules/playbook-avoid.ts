/** The playbook's own phrases to avoid (`avoid: { id: [...], en: [...] }`), with --playbook or --incident. */
import { Type, type Static } from '@sinclair/typebox';
import { Matcher } from '../match.js';
import { defineRule } from '../types.js';

const Data = Type.Object({ suggestion: Type.String({ minLength: 1 }) }, { additionalProperties: false });

export const rule = defineRule<Static<typeof Data>>({
  id: 'playbook-avoid',
  severity: 'warning',
  description: {
    id: 'Pernyataan memuat frasa yang menurut playbook harus dihindari.',
    en: 'The statement contains a phrase the playbook says to avoid.',
  },
  data: Data,
  messages: {
    id: { avoid: '"{phrase}" termasuk frasa yang harus dihindari menurut playbook' },
    en: { avoid: '"{phrase}" is a phrase the playbook says to avoid' },
  },
  check({ statement, data, avoid }) {
    if (avoid.length === 0) return [];
    return new Matcher({ phrases: avoid }).all(statement.prose).map((hit) => ({
      messageId: 'avoid',
      start: hit.start,
      end: hit.end,
      params: { phrase: hit.text.replace(/\s+/g, ' ') },
      suggestion: data.suggestion,
    }));
  },
});
