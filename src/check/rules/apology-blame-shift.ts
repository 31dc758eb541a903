/**
 * Shifting blame (to "oknum", third parties, "human error") undoes an apology and, in a preventable
 * crisis, reads as evasion. "Human error" is only acceptable when the office owns it in the same sentence.
 */
import { Type, type Static } from '@sinclair/typebox';
import { Matcher, MatcherSpec } from '../match.js';
import { defineRule } from '../types.js';
import { findPhrases, SuggestedMatcher } from './common.js';

const Data = Type.Object(
  {
    shift: SuggestedMatcher,
    /** phrases that shift blame unless the same sentence owns the error */
    unowned: SuggestedMatcher,
    ownership: MatcherSpec,
  },
  { additionalProperties: false },
);

export const rule = defineRule<Static<typeof Data>>({
  id: 'apology-blame-shift',
  severity: 'error',
  description: {
    id: 'Pernyataan melempar kesalahan ("akibat ulah oknum", "kesalahan pihak ketiga", "human error" tanpa mengakui tanggung jawab).',
    en: 'The statement shifts blame ("due to the actions of third parties", "a rogue employee", "human error" without ownership).',
  },
  data: Data,
  messages: {
    id: {
      'blame-shift': '"{phrase}" melempar kesalahan; akui tanggung jawab lembaga dan jelaskan perbaikannya',
      'unowned-error': '"{phrase}" tanpa pengakuan tanggung jawab lembaga terdengar seperti mengelak',
    },
    en: {
      'blame-shift': '"{phrase}" shifts the blame; own the office\'s responsibility and explain the repair',
      'unowned-error': '"{phrase}" without the office owning it reads as evasion',
    },
  },
  check({ statement, data }) {
    const text = statement.prose;
    const reports = findPhrases(data.shift, text).map((hit) => ({
      messageId: 'blame-shift',
      start: hit.start,
      end: hit.end,
      params: { phrase: hit.text.replace(/\s+/g, ' ') },
      suggestion: data.shift.suggestion,
    }));
    const owns = new Matcher(data.ownership);
    for (const hit of findPhrases(data.unowned, text)) {
      const sentence = statement.sentenceAt(hit.start);
      if (sentence && owns.test(text, sentence.start, sentence.end)) continue;
      reports.push({ messageId: 'unowned-error', start: hit.start, end: hit.end, params: { phrase: hit.text.replace(/\s+/g, ' ') }, suggestion: data.unowned.suggestion });
    }
    return reports;
  },
});
