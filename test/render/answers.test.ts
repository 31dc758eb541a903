import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UsageError } from '../../src/cli/errors.js';
import { coerceAnswer, loadAnswersFile, parseNumber, validateAnswer } from '../../src/incident/answers.js';
import type { Question } from '../../src/playbook/schema.js';
import { tempDir } from '../helpers/cli.js';
import { FIXTURE_ANSWERS } from './support.js';

function loadText(text: string, lang: 'id' | 'en' = 'en') {
  const { dir, cleanup } = tempDir();
  try {
    const file = join(dir, 'answers.yaml');
    writeFileSync(file, text);
    return loadAnswersFile(file, lang);
  } finally {
    cleanup();
  }
}

const errorOf = (text: string, lang: 'id' | 'en' = 'en'): string => {
  try {
    loadText(text, lang);
  } catch (error) {
    expect(error).toBeInstanceOf(UsageError);
    return (error as Error).message;
  }
  throw new Error('expected a UsageError');
};

const VALID = `incident:
  title: Banjir
  start: "2024-09-12 14:30"
  timezone: WIB
office:
  agency: Dinas Kominfo
  code: DISKOMINFO
  city: Sukamaju
answers:
  lokasi: Desa Sindangsari
`;

describe('loadAnswersFile', () => {
  it('loads the fixture with its source map', () => {
    const { answers, map } = loadAnswersFile(FIXTURE_ANSWERS);
    expect(answers.incident.timezone).toBe('WIB');
    expect(answers.answers.jumlah_pengungsi).toBe(1250);
    expect(map.locate('/answers/lokasi').line).toBeGreaterThan(1);
  });

  it('reports problems as file:line:col: message', () => {
    expect(errorOf(VALID.replace('timezone: WIB', 'timezone: CET'))).toMatch(/answers\.yaml:4:13: "timezone" has the wrong type/);
    expect(errorOf(VALID.replace('  city: Sukamaju\n', ''))).toMatch(/answers\.yaml:5:1: missing required key "city"/);
    expect(errorOf(VALID.replace('answers:', 'extra: 1\nanswers:'))).toMatch(/answers\.yaml:9:1: unknown key "extra"/);
    expect(errorOf(VALID.replace('code: DISKOMINFO', 'code: diskominfo'))).toMatch(/answers\.yaml:7:9: "code" has the wrong type/);
    expect(errorOf('incident: [1,\n')).toMatch(/answers\.yaml:\d+:\d+: /);
    expect(errorOf('- a\n- b\n')).toMatch(/answers\.yaml:1:1: an answers file must be a mapping/);
  });

  it('checks the start time and says so in the interface language', () => {
    expect(errorOf(VALID.replace('"2024-09-12 14:30"', '"12-09-2024 14:30"'))).toMatch(/answers\.yaml:3:10: start time "12-09-2024 14:30" is not recognised/);
    expect(errorOf(VALID.replace('"2024-09-12 14:30"', '"kemarin"'), 'id')).toMatch(/answers\.yaml:3:10: waktu mulai "kemarin" tidak dikenali/);
    expect(errorOf(VALID.replace('timezone: WIB', 'timezone: WIB\n  asOf: "besok"'))).toMatch(/answers\.yaml:5:9: data time "besok"/);
  });
});

const q = (spec: Partial<Question> & Pick<Question, 'type'>): Question => ({ id: 'x', prompt: { id: 'x', en: 'x' }, ...spec }) as Question;

describe('validateAnswer and coerceAnswer', () => {
  it('numbers: coerced from Indonesian and English typing, checked against min and max', () => {
    expect(parseNumber('1.500')).toBe(1500);
    expect(parseNumber('1.234,5')).toBe(1234.5);
    expect(parseNumber('1,234.5')).toBe(1234.5);
    expect(parseNumber('2,5')).toBe(2.5);
    expect(parseNumber('sekitar 20')).toBeUndefined();
    const question = q({ type: 'number', validate: { min: 0, max: 100 } });
    expect(coerceAnswer(question, '12')).toBe(12);
    expect(validateAnswer(question, coerceAnswer(question, '12'), 'id')).toBeUndefined();
    expect(validateAnswer(question, coerceAnswer(question, 'dua'), 'id')).toBe('harus berupa angka');
    expect(validateAnswer(question, -1, 'en')).toBe('must be at least 0');
    expect(validateAnswer(question, 101, 'id')).toBe('paling besar 100');
  });

  it('required answers', () => {
    const question = q({ type: 'text', required: true });
    expect(coerceAnswer(question, '   ')).toBeNull();
    expect(validateAnswer(question, null, 'id')).toBe('wajib diisi');
    expect(validateAnswer(question, undefined, 'en')).toBe('is required');
    expect(validateAnswer(q({ type: 'text' }), null, 'en')).toBeUndefined();
  });

  it('text: length and pattern, with the playbook message when it has one', () => {
    const question = q({ type: 'text', validate: { minLength: 3, maxLength: 5, pattern: '^[A-Z]+$' } });
    expect(validateAnswer(question, 'AB', 'en')).toBe('must be at least 3 characters');
    expect(validateAnswer(question, 'ABCDEF', 'id')).toBe('paling banyak 5 karakter');
    expect(validateAnswer(question, 'abc', 'en')).toBe('does not have the expected format');
    expect(validateAnswer(question, 'ABC', 'en')).toBeUndefined();
    const custom = q({ type: 'text', validate: { pattern: '^08', message: { id: 'nomor harus diawali 08', en: 'the number must start with 08' } } });
    expect(validateAnswer(custom, '0213', 'id')).toBe('nomor harus diawali 08');
    expect(validateAnswer(q({ type: 'text', validate: { pattern: '(' } }), 'a', 'en')).toMatch(/validation pattern "\(" is invalid/);
    expect(validateAnswer(q({ type: 'text' }), 12, 'en')).toBe('must be text');
  });

  it('select and multiselect: only the options', () => {
    const options = [
      { value: 'banjir', label: { id: 'banjir', en: 'flood' } },
      { value: 'longsor', label: { id: 'longsor', en: 'landslide' } },
    ];
    expect(validateAnswer(q({ type: 'select', options }), 'banjir', 'en')).toBeUndefined();
    expect(validateAnswer(q({ type: 'select', options }), 'gempa', 'en')).toBe('choose one of: banjir, longsor');
    const multi = q({ type: 'multiselect', options, validate: { maxLength: 1 } });
    expect(coerceAnswer(multi, 'banjir, longsor')).toEqual(['banjir', 'longsor']);
    expect(validateAnswer(multi, ['banjir', 'gempa'], 'id')).toBe('setiap pilihan harus salah satu dari: banjir, longsor');
    expect(validateAnswer(multi, ['banjir', 'longsor'], 'en')).toBe('takes at most 1 items');
    expect(validateAnswer(multi, 'banjir', 'en')).toBe('must be a list');
  });

  it('confirm, datetime and list', () => {
    const confirm = q({ type: 'confirm' });
    expect(coerceAnswer(confirm, 'ya')).toBe(true);
    expect(coerceAnswer(confirm, 'No')).toBe(false);
    expect(validateAnswer(confirm, coerceAnswer(confirm, 'mungkin'), 'en')).toBe('answer yes or no');
    const when = q({ type: 'datetime' });
    expect(validateAnswer(when, '2024-09-12 14:30', 'en')).toBeUndefined();
    expect(validateAnswer(when, '2024-09-12T14:30:00+07:00', 'en')).toBeUndefined();
    expect(validateAnswer(when, 'tadi siang', 'id')).toBe('harus berupa tanggal dan jam, mis. 2024-09-12 14:30');
    expect(validateAnswer(when, '2024-02-30 10:00', 'en')).toMatch(/must be a date/);
    const list = q({ type: 'list', validate: { minLength: 2 } });
    expect(coerceAnswer(list, 'Balai Desa\nSDN 2\n\n')).toEqual(['Balai Desa', 'SDN 2']);
    expect(validateAnswer(list, ['Balai Desa'], 'id')).toBe('paling sedikit 2 butir');
  });
});
