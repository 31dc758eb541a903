/** Free-text answers given per language: loaded, tidied, validated per language, rendered in the statement's language. */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/errors.js';
import { answerIn, coerceAnswer, isBlank, loadAnswersFile, validateAnswer } from '../../src/incident/answers.js';
import type { Question } from '../../src/playbook/schema.js';
import { renderStatement } from '../../src/render/index.js';
import { tempDir } from '../helpers/cli.js';
import { fixtureAnswers, NOW, project, type Project } from './support.js';

const q = (spec: Partial<Question> & Pick<Question, 'type'>): Question => ({ id: 'x', prompt: { id: 'x', en: 'x' }, ...spec }) as Question;

function load(answers: string) {
  const { dir, cleanup } = tempDir();
  try {
    const file = join(dir, 'answers.yaml');
    writeFileSync(file, `incident:\n  title: Banjir\n  start: "2024-09-12 14:30"\n  timezone: WIB\noffice:\n  agency: Dinas Kominfo\n  code: DISKOMINFO\n  city: Sukamaju\n${answers}`);
    return loadAnswersFile(file, 'en');
  } finally {
    cleanup();
  }
}
const loadError = (answers: string): string => {
  try {
    load(answers);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected a UsageError');
};

describe('the answers file', () => {
  it('takes text and list items per language, and the incident\'s SCCT modifiers', () => {
    const { answers } = load(
      'scct: { history: true, priorReputation: poor }\nanswers:\n  lokasi: { id: Desa Sindangsari, en: Sindangsari village }\n  posko:\n    - Balai Desa Sindangsari\n    - { id: Masjid Al-Ikhlas, en: Al-Ikhlas Mosque }\n',
    );
    expect(answers.scct).toEqual({ history: true, priorReputation: 'poor' });
    expect(answers.answers.lokasi).toEqual({ id: 'Desa Sindangsari', en: 'Sindangsari village' });
    expect(answers.answers.posko).toEqual(['Balai Desa Sindangsari', { id: 'Masjid Al-Ikhlas', en: 'Al-Ikhlas Mosque' }]);
  });

  it('refuses other languages, non-text and empty mappings, and unknown SCCT values, with the position', () => {
    expect(loadError('answers:\n  lokasi: { id: Desa Sindangsari, fr: village }\n')).toMatch(/^.*answers\.yaml:10:\d+: /);
    expect(loadError('answers:\n  lokasi: { id: 12 }\n')).toMatch(/answers\.yaml:10:\d+: /);
    expect(loadError('answers:\n  lokasi: {}\n')).toMatch(/answers\.yaml:10:\d+: /);
    expect(loadError('scct: { priorReputation: bad }\nanswers: {}\n')).toMatch(/answers\.yaml:9:\d+: "priorReputation" has the wrong type/);
    expect(loadError('scct: { cluster: preventable }\nanswers: {}\n')).toMatch(/answers\.yaml:9:\d+: unknown key "cluster"/);
  });
});

describe('coerceAnswer, validateAnswer and isBlank with text per language', () => {
  it('tidies each language like typed text and drops blank ones', () => {
    expect(coerceAnswer(q({ type: 'text' }), { id: '  Desa Sindangsari ', en: ' ' })).toEqual({ id: 'Desa Sindangsari' });
    expect(coerceAnswer(q({ type: 'longtext' }), { id: 'Baris satu\nBaris dua\n\n', en: 'Line one\n' })).toEqual({ id: 'Baris satu\nBaris dua', en: 'Line one' });
    expect(coerceAnswer(q({ type: 'text' }), { id: '', en: '  ' })).toBeNull();
    expect(coerceAnswer(q({ type: 'list' }), [' Balai Desa ', { id: ' Masjid ', en: 'Mosque ' }, { id: ' ' }])).toEqual(['Balai Desa', { id: 'Masjid', en: 'Mosque' }]);
  });

  it('a text in every language blank is a missing answer', () => {
    expect(isBlank({ id: ' ', en: '' })).toBe(true);
    expect(isBlank({ en: 'Sindangsari village' })).toBe(false);
    expect(validateAnswer(q({ type: 'text', required: true }), { id: '' }, 'en')).toBe('is required');
  });

  it('checks length and pattern in each language, naming the language that fails', () => {
    const question = q({ type: 'text', validate: { minLength: 3, maxLength: 12 } });
    expect(validateAnswer(question, { id: 'Sindangsari', en: 'Sindangsari' }, 'en')).toBeUndefined();
    expect(validateAnswer(question, { id: 'Sindangsari', en: 'Sindangsari village' }, 'en')).toBe('en text: must be at most 12 characters');
    expect(validateAnswer(question, { id: 'Ds', en: 'Village' }, 'id')).toBe('teks id: paling sedikit 3 karakter');
    const custom = q({ type: 'text', validate: { pattern: '^08', message: { id: 'nomor harus diawali 08', en: 'the number must start with 08' } } });
    expect(validateAnswer(custom, { id: '0812', en: '+62 812' }, 'en')).toBe('en text: the number must start with 08');
    const list = q({ type: 'list', validate: { pattern: '^[A-Z]' } });
    expect(validateAnswer(list, ['Balai', { id: 'Masjid', en: 'mosque' }], 'en')).toBe('en text: does not have the expected format');
    expect(validateAnswer(list, ['Balai', { id: 'Masjid', en: 'Mosque' }], 'en')).toBeUndefined();
  });

  it('only free text may be given per language', () => {
    const options = [{ value: 'banjir', label: { id: 'banjir', en: 'flood' } }];
    expect(validateAnswer(q({ type: 'select', options }), coerceAnswer(q({ type: 'select', options }), { id: 'banjir' }), 'en')).toBe('must be text');
    expect(validateAnswer(q({ type: 'number' }), coerceAnswer(q({ type: 'number' }), { id: '12' }), 'en')).toBe('must be a number');
    expect(validateAnswer(q({ type: 'multiselect', options }), [{ id: 'banjir' }], 'en')).toBe('every choice must be one of: banjir');
  });

  it('answerIn takes the language, else the other one', () => {
    expect(answerIn({ id: 'Desa', en: 'Village' }, 'en')).toBe('Village');
    expect(answerIn({ id: 'Desa', en: ' ' }, 'en')).toBe('Desa');
    expect(answerIn({ en: 'Village' }, 'id')).toBe('Village');
    expect(answerIn(['Balai', { id: 'Masjid', en: 'Mosque' }], 'en')).toEqual(['Balai', 'Mosque']);
    expect(answerIn(12, 'en')).toBe(12);
    // Not the shape of text per language: left as it is.
    expect(answerIn({ id: 'Desa', de: 'Dorf' }, 'en')).toEqual({ id: 'Desa', de: 'Dorf' });
  });
});

describe('rendering text given per language', () => {
  let p: Project;
  beforeAll(() => {
    p = project({
      lokasi: '{{lokasi}}',
      posko: '{{list posko}}',
      imbauan: '{{imbauan}}',
      each: '{{#each posko}}- {{this}}\n{{/each}}',
    });
  });
  afterAll(() => p.cleanup());

  const render = (templateId: string, lang: 'id' | 'en', edit: (answers: ReturnType<typeof fixtureAnswers>) => void) => {
    const answers = fixtureAnswers();
    edit(answers);
    return renderStatement({ loaded: p.loaded, templateId, lang, answers, now: NOW });
  };

  it('uses the statement\'s language', () => {
    const edit = (a: ReturnType<typeof fixtureAnswers>) => {
      a.answers.lokasi = { id: 'Desa Sindangsari', en: 'Sindangsari village' };
    };
    expect(render('lokasi', 'id', edit).markdown).toBe('Desa Sindangsari\n');
    expect(render('lokasi', 'en', edit).markdown).toBe('Sindangsari village\n');
  });

  it('falls back to the other language, and a text blank in both is a missing fact', () => {
    expect(render('lokasi', 'en', (a) => (a.answers.lokasi = { id: 'Desa Sindangsari' })).markdown).toBe('Desa Sindangsari\n');
    expect(render('lokasi', 'id', (a) => (a.answers.lokasi = { id: ' ', en: 'Sindangsari village' })).markdown).toBe('Sindangsari village\n');
    const blank = render('lokasi', 'en', (a) => (a.answers.lokasi = { id: '', en: ' ' }));
    expect(blank.markdown).toContain('[[MISSING: lokasi]]');
  });

  it('lists item by item, each in the statement\'s language', () => {
    const edit = (a: ReturnType<typeof fixtureAnswers>) => {
      a.answers.posko = ['Balai Desa Sindangsari', { id: 'Masjid Al-Ikhlas', en: 'Al-Ikhlas Mosque' }, { id: 'Lapangan desa' }];
    };
    expect(render('posko', 'en', edit).markdown).toBe('Balai Desa Sindangsari, Al-Ikhlas Mosque and Lapangan desa\n');
    expect(render('posko', 'id', edit).markdown).toBe('Balai Desa Sindangsari, Masjid Al-Ikhlas, dan Lapangan desa\n');
    expect(render('each', 'en', edit).markdown).toBe('- Balai Desa Sindangsari\n- Al-Ikhlas Mosque\n- Lapangan desa\n');
  });

  it('keeps the lines of long text in the chosen language', () => {
    const edit = (a: ReturnType<typeof fixtureAnswers>) => {
      a.answers.imbauan = { id: 'Jauhi sungai.\n\nIkuti arahan petugas.', en: 'Keep away from the river.\n\nFollow the officers.' };
    };
    expect(render('imbauan', 'en', edit).markdown).toBe('Keep away from the river.\n\nFollow the officers.\n');
  });
});
