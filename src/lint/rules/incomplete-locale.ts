import { escapePointer } from '../../playbook/yaml.js';
import { defineRule, term } from '../rule.js';

const LANGS = ['id', 'en'] as const;

const isLocalized = (v: unknown): v is Record<string, string> =>
  v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0 && Object.entries(v).every(([k, x]) => (k === 'id' || k === 'en') && typeof x === 'string');

const messages = {
  id: {
    'missing-locale': '{what} dalam {language} belum ada',
    add: 'tambahkan "{lang}:"',
    'language-id': 'Bahasa Indonesia (id)',
    'language-en': 'bahasa Inggris (en)',
    text: 'teks',
    avoid: 'frasa yang dihindari',
  },
  en: {
    'missing-locale': 'missing {language} {what}',
    add: 'add "{lang}:"',
    'language-id': 'Bahasa Indonesia (id)',
    'language-en': 'English (en)',
    text: 'text',
    avoid: 'phrases to avoid',
  },
};

/** Every text an officer sees exists in each language the playbook declares in its title. */
export const rule = defineRule({
  id: 'incomplete-locale',
  severity: 'error',
  description: {
    id: 'Sebuah teks atau berkas templat belum tersedia dalam salah satu bahasa playbook.',
    en: 'A text or template file lacks one of the playbook\'s languages.',
  },
  tags: ['i18n'],
  messages,
  check({ playbook, report }) {
    const declared = LANGS.filter((l) => typeof playbook.title[l] === 'string');
    const expected = declared.length ? declared : [...LANGS];
    const missing = (pointer: string, lang: (typeof LANGS)[number], what: 'text' | 'avoid') =>
      report({ pointer, messageId: 'missing-locale', params: { language: term(messages, `language-${lang}`), what: term(messages, what), lang }, suggestionId: 'add' });
    const walk = (value: unknown, pointer: string) => {
      if (isLocalized(value)) {
        for (const lang of expected) if (typeof value[lang] !== 'string') missing(pointer, lang, 'text');
        return;
      }
      if (Array.isArray(value)) value.forEach((v, i) => walk(v, `${pointer}/${i}`));
      else if (value && typeof value === 'object') for (const [k, v] of Object.entries(value)) if (k !== 'avoid') walk(v, `${pointer}/${escapePointer(k)}`);
    };
    walk(playbook, '');
    for (const lang of expected) {
      if (!playbook.avoid || Object.keys(playbook.avoid).length === 0) break;
      if (!playbook.avoid[lang]) missing('/avoid', lang, 'avoid');
    }
  },
});
