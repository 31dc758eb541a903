import { escapePointer } from '../../playbook/yaml.js';
import type { Rule } from '../rule.js';

const LANGS = ['id', 'en'] as const;
const NAMES = { id: 'Bahasa Indonesia (id)', en: 'English (en)' } as const;

const isLocalized = (v: unknown): v is Record<string, string> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0 && Object.entries(v).every(([k, x]) => (k === 'id' || k === 'en') && typeof x === 'string');

/** Every text an officer sees exists in each language the playbook declares in its title. */
export const rule: Rule = {
  id: 'incomplete-locale',
  severity: 'error',
  description: 'A text or template file lacks one of the playbook\'s languages.',
  tags: ['i18n'],
  check({ playbook, report }) {
    const declared = LANGS.filter((l) => typeof playbook.title[l] === 'string');
    const expected = declared.length ? declared : [...LANGS];
    const walk = (value: unknown, pointer: string) => {
      if (isLocalized(value)) {
        for (const lang of expected) {
          if (typeof value[lang] !== 'string') {
            report({ pointer, messageId: 'missing-locale', message: `missing ${NAMES[lang]} text`, suggestion: `add "${lang}:"` });
          }
        }
        return;
      }
      if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${pointer}/${i}`));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) if (k !== 'avoid') walk(v, `${pointer}/${escapePointer(k)}`);
    };
    walk(playbook, '');
    for (const lang of expected) {
      if (!playbook.avoid || Object.keys(playbook.avoid).length === 0) break;
      if (!playbook.avoid[lang]) report({ pointer: '/avoid', messageId: 'missing-locale', message: `phrases to avoid lack ${NAMES[lang]}`, suggestion: `add "${lang}:"` });
    }
  },
};
