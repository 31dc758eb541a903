/**
 * The answers file: loading it with positions, reading incident times in the office's time zone,
 * and checking one answer against its question. The respond flow validates typed answers with
 * the same `coerceAnswer` + `validateAnswer`, so a file and a prompt obey the same rules.
 */
import { TypeCompiler, type TypeCheck } from '@sinclair/typebox/compiler';
import { ValueErrorType } from '@sinclair/typebox/errors';
import { UsageError } from '../cli/errors.js';
import { translator, type Messages } from '../i18n/lang.js';
import type { Locale, Question } from '../playbook/schema.js';
import { loadYamlFile, type SourceMap } from '../playbook/yaml.js';
import { checkAnswers } from './answers-check.generated.js';
import { AnswersFile, UTC_OFFSET_HOURS, type AnswerValue, type LocalizedAnswer, type Timezone } from './answers-schema.js';

export type { AnswersFile, AnswerValue, LocalizedAnswer, Timezone };

// The precompiled check answers the common case; TypeBox's own, compiled on demand, explains a failure.
let compiled: TypeCheck<typeof AnswersFile> | undefined;
const explainer = () => (compiled ??= TypeCompiler.Compile(AnswersFile));

/** Minutes east of UTC for an Indonesian office time zone. */
export const offsetMinutes = (zone: Timezone): number => UTC_OFFSET_HOURS[zone] * 60;

const WITH_OFFSET = /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(Z|[+-]\d{2}:?\d{2})$/;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2})[:.](\d{2})(?::(\d{2}))?)?$/;

function validParts(y: number, mo: number, d: number, h: number, mi: number, s: number): boolean {
  if (mo < 1 || mo > 12 || d < 1 || h > 23 || mi > 59 || s > 59) return false;
  const days = new Date(Date.UTC(y, mo, 0)).getUTCDate();
  return d <= days;
}

/**
 * A time as officers write it: ISO 8601 with an offset ("2024-09-12T14:30:00+07:00", "…Z"),
 * or "2024-09-12 14:30" / "2024-09-12" read in the office's time zone. Undefined when it is neither.
 */
export function parseOfficeTime(text: string, zone: Timezone): Date | undefined {
  const value = text.trim();
  let m = WITH_OFFSET.exec(value);
  if (m) {
    const [y, mo, d, h, mi, s] = m.slice(1, 7).map((p) => Number(p ?? 0));
    if (!validParts(y, mo, d, h, mi, s)) return undefined;
    let offset = 0;
    if (m[7] !== 'Z') {
      const sign = m[7].startsWith('-') ? -1 : 1;
      const digits = m[7].slice(1).replace(':', '');
      offset = sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2)));
    }
    return new Date(Date.UTC(y, mo - 1, d, h, mi, s) - offset * 60_000);
  }
  m = LOCAL.exec(value);
  if (m) {
    const [y, mo, d, h, mi, s] = m.slice(1, 7).map((p) => Number(p ?? 0));
    if (!validParts(y, mo, d, h, mi, s)) return undefined;
    return new Date(Date.UTC(y, mo - 1, d, h, mi, s) - offsetMinutes(zone) * 60_000);
  }
  return undefined;
}

const messages: Messages<
  | 'schema'
  | 'badStart'
  | 'badAsOf'
  | 'required'
  | 'notNumber'
  | 'notDatetime'
  | 'notOption'
  | 'notOptions'
  | 'notConfirm'
  | 'notList'
  | 'notText'
  | 'pattern'
  | 'badPattern'
  | 'min'
  | 'max'
  | 'minLength'
  | 'maxLength'
  | 'minItems'
  | 'maxItems'
  | 'unknownKey'
  | 'missingKey'
  | 'wrongType'
  | 'notMapping'
  | 'inLanguage'
> = {
  id: {
    schema: '{message}',
    badStart: 'waktu mulai "{value}" tidak dikenali; tulis "2024-09-12 14:30" (zona waktu kantor) atau ISO 8601 dengan offset, mis. "2024-09-12T14:30:00+07:00"',
    badAsOf: 'waktu data "{value}" tidak dikenali; tulis "2024-09-12 06:00" atau ISO 8601 dengan offset',
    required: 'wajib diisi',
    notNumber: 'harus berupa angka',
    notDatetime: 'harus berupa tanggal dan jam, mis. 2024-09-12 14:30',
    notOption: 'pilih salah satu: {options}',
    notOptions: 'setiap pilihan harus salah satu dari: {options}',
    notConfirm: 'jawab ya atau tidak',
    notList: 'harus berupa daftar',
    notText: 'harus berupa teks',
    pattern: 'formatnya tidak sesuai',
    badPattern: 'pola validasi "{pattern}" di playbook tidak valid',
    min: 'paling kecil {min}',
    max: 'paling besar {max}',
    minLength: 'paling sedikit {n} karakter',
    maxLength: 'paling banyak {n} karakter',
    minItems: 'paling sedikit {n} butir',
    maxItems: 'paling banyak {n} butir',
    unknownKey: 'kunci "{key}" tidak dikenal',
    missingKey: 'kunci wajib "{key}" tidak ada',
    wrongType: 'nilai "{key}" tidak sesuai jenisnya',
    notMapping: 'berkas jawaban harus berupa pemetaan kunci ke nilai',
    inLanguage: 'teks {lang}: {problem}',
  },
  en: {
    schema: '{message}',
    badStart: 'start time "{value}" is not recognised; write "2024-09-12 14:30" (office time zone) or ISO 8601 with an offset, e.g. "2024-09-12T14:30:00+07:00"',
    badAsOf: 'data time "{value}" is not recognised; write "2024-09-12 06:00" or ISO 8601 with an offset',
    required: 'is required',
    notNumber: 'must be a number',
    notDatetime: 'must be a date and time, e.g. 2024-09-12 14:30',
    notOption: 'choose one of: {options}',
    notOptions: 'every choice must be one of: {options}',
    notConfirm: 'answer yes or no',
    notList: 'must be a list',
    notText: 'must be text',
    pattern: 'does not have the expected format',
    badPattern: 'the playbook\'s validation pattern "{pattern}" is invalid',
    min: 'must be at least {min}',
    max: 'must be at most {max}',
    minLength: 'must be at least {n} characters',
    maxLength: 'must be at most {n} characters',
    minItems: 'needs at least {n} items',
    maxItems: 'takes at most {n} items',
    unknownKey: 'unknown key "{key}"',
    missingKey: 'missing required key "{key}"',
    wrongType: '"{key}" has the wrong type',
    notMapping: 'an answers file must be a mapping of keys to values',
    inLanguage: '{lang} text: {problem}',
  },
};

export interface LoadedAnswers {
  answers: AnswersFile;
  map: SourceMap;
}

const where = (map: SourceMap, pointer: string, atKey = false) => {
  const p = map.locate(pointer, atKey);
  return `${map.file}:${p.line}:${p.column}`;
};

/**
 * Read and validate an answers file. Every problem is a UsageError "file:line:col: message"
 * (messages in `lang`, the interface language).
 */
export function loadAnswersFile(path: string, lang: Locale = 'en'): LoadedAnswers {
  const t = translator(messages, lang);
  const doc = loadYamlFile(path, 'en', { cache: true });
  if (doc.findings.length > 0) {
    const f = doc.findings[0];
    throw new UsageError(`${path}:${f.line}:${f.column}: ${f.message}`);
  }
  const value = doc.value;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) throw new UsageError(`${path}:1:1: ${t('notMapping')}`);
  if (!checkAnswers(value)) {
    const errors = [...explainer().Errors(value)];
    // The deepest problem explains best; unions report on every ancestor.
    const error = errors.reduce((best, e) => (e.path.length > best.path.length ? e : best), errors[0]);
    const key = error.path.slice(error.path.lastIndexOf('/') + 1);
    switch (error.type) {
      case ValueErrorType.ObjectAdditionalProperties:
        throw new UsageError(`${where(doc.map, error.path, true)}: ${t('unknownKey', { key })}`);
      case ValueErrorType.ObjectRequiredProperty:
        throw new UsageError(`${where(doc.map, error.path.slice(0, error.path.lastIndexOf('/')), true)}: ${t('missingKey', { key })}`);
      default: {
        const detail = error.type === ValueErrorType.StringPattern || error.type === ValueErrorType.Union || error.type === ValueErrorType.Literal
          ? `${t('wrongType', { key })}: ${error.message.toLowerCase()}`
          : t('wrongType', { key });
        throw new UsageError(`${where(doc.map, error.path)}: ${detail}`);
      }
    }
  }
  const answers = value as unknown as AnswersFile;
  if (!parseOfficeTime(answers.incident.start, answers.incident.timezone)) {
    throw new UsageError(`${where(doc.map, '/incident/start')}: ${t('badStart', { value: answers.incident.start })}`);
  }
  if (answers.incident.asOf !== undefined && !parseOfficeTime(answers.incident.asOf, answers.incident.timezone)) {
    throw new UsageError(`${where(doc.map, '/incident/asOf')}: ${t('badAsOf', { value: answers.incident.asOf })}`);
  }
  return { answers, map: doc.map };
}

const LANGS: readonly Locale[] = ['id', 'en'];

/** Free text given per statement language: `{ id: "…", en: "…" }`, nothing else in it. */
export function isLocalizedAnswer(value: unknown): value is LocalizedAnswer {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return false;
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((k) => (k === 'id' || k === 'en') && typeof (value as Record<string, unknown>)[k] === 'string');
}

const given = (text: string | undefined): text is string => text !== undefined && text.trim() !== '';

/**
 * An answer as a statement in `lang` reads it: text given per language in that language, else in
 * the other; lists item by item; every other answer as it is.
 */
export function answerIn(value: unknown, lang: Locale): unknown {
  if (Array.isArray(value)) return value.map((item) => answerIn(item, lang));
  if (!isLocalizedAnswer(value)) return value;
  const other = lang === 'id' ? 'en' : 'id';
  return given(value[lang]) ? value[lang] : given(value[other]) ? value[other] : '';
}

/** Is this answer "not given"? Empty text (in every language), an empty list and null all count as missing. */
export function isBlank(value: unknown): boolean {
  if (value === undefined || value === null) return true;
  if (typeof value === 'string') return value.trim() === '';
  if (Array.isArray(value)) return value.length === 0;
  if (isLocalizedAnswer(value)) return !LANGS.some((lang) => given(value[lang]));
  return false;
}

/** Each language's text of a text answer, tidied like typed text; null when no language has any. */
function tidyLocalized(value: LocalizedAnswer, tidy: (text: string) => string): LocalizedAnswer | null {
  const out: LocalizedAnswer = {};
  for (const lang of LANGS) {
    const text = value[lang];
    if (given(text)) out[lang] = tidy(text);
  }
  return Object.keys(out).length > 0 ? out : null;
}

const YES = new Set(['y', 'ya', 'yes', 'true', '1', 'benar']);
const NO = new Set(['n', 't', 'tidak', 'no', 'false', '0', 'salah']);

/** A number as officers type it: "1500", "1.500" (Indonesian thousands), "1,5", "1,234.5". */
export function parseNumber(text: string): number | undefined {
  const s = text.trim().replace(/\s/g, '');
  let normal: string | undefined;
  if (/^[-+]?\d{1,3}(\.\d{3})+(,\d+)?$/.test(s)) normal = s.replace(/\./g, '').replace(',', '.');
  else if (/^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(s)) normal = s.replace(/,/g, '');
  else if (/^[-+]?\d+([.,]\d+)?$/.test(s)) normal = s.replace(',', '.');
  if (normal === undefined) return undefined;
  const n = Number(normal);
  return Number.isFinite(n) ? n : undefined;
}

/**
 * Turn raw input (typed text, or a YAML value) into the answer's stored form. Input that cannot
 * be converted is returned unchanged so that `validateAnswer` can say what is wrong with it.
 */
export function coerceAnswer(question: Question, raw: unknown): AnswerValue | undefined {
  if (raw === undefined) return undefined;
  if (raw === null) return null;
  if (typeof raw === 'string' && raw.trim() === '' && question.type !== 'list' && question.type !== 'multiselect') return null;
  switch (question.type) {
    case 'number':
      if (typeof raw === 'string') return parseNumber(raw) ?? raw;
      return raw as AnswerValue;
    case 'confirm':
      if (typeof raw === 'string') {
        const word = raw.trim().toLowerCase();
        if (YES.has(word)) return true;
        if (NO.has(word)) return false;
      }
      return raw as AnswerValue;
    case 'multiselect':
    case 'list':
      if (typeof raw === 'string') {
        const separator = question.type === 'list' ? /\r?\n|;/ : /[,;\n]/;
        return raw.split(separator).map((s) => s.trim()).filter((s) => s !== '');
      }
      if (Array.isArray(raw)) {
        return raw
          .map((v) => (typeof v === 'string' ? v.trim() : question.type === 'list' && isLocalizedAnswer(v) ? tidyLocalized(v, (text) => text.trim()) : v))
          .filter((v) => v !== '' && v !== null) as AnswerValue;
      }
      return raw as AnswerValue;
    case 'select':
    case 'text':
    case 'longtext':
    case 'datetime':
      if (typeof raw === 'string') return question.type === 'longtext' ? raw.replace(/\s+$/, '') : raw.trim();
      if (typeof raw === 'number' && question.type !== 'datetime') return String(raw);
      if ((question.type === 'text' || question.type === 'longtext') && isLocalizedAnswer(raw)) {
        return tidyLocalized(raw, (text) => (question.type === 'longtext' ? text.replace(/\s+$/, '') : text.trim()));
      }
      return raw as AnswerValue;
  }
  return raw as AnswerValue;
}

const DATETIME_FORMAT = /^\d{4}-\d{2}-\d{2}([T ]\d{2}[:.]\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

/**
 * Check one (coerced) answer against its question. Returns the problem in `lang`, or undefined
 * when the answer is acceptable. A blank answer is only a problem when the question is required.
 */
export function validateAnswer(question: Question, value: unknown, lang: Locale): string | undefined {
  const t = translator(messages, lang);
  const custom = question.validate?.message?.[lang] ?? question.validate?.message?.id ?? question.validate?.message?.en;
  if (isBlank(value)) return question.required ? t('required') : undefined;
  const options = (question.options ?? []).map((o) => o.value);
  const v = question.validate ?? {};
  const fail = (message: string) => custom ?? message;
  switch (question.type) {
    case 'number': {
      if (typeof value !== 'number' || !Number.isFinite(value)) return t('notNumber');
      if (v.min !== undefined && value < v.min) return fail(t('min', { min: v.min }));
      if (v.max !== undefined && value > v.max) return fail(t('max', { max: v.max }));
      return undefined;
    }
    case 'confirm':
      return typeof value === 'boolean' ? undefined : t('notConfirm');
    case 'datetime': {
      if (typeof value !== 'string' || !DATETIME_FORMAT.test(value.trim()) || !parseOfficeTime(value, 'WIB')) return t('notDatetime');
      return undefined;
    }
    case 'select': {
      if (typeof value !== 'string' && typeof value !== 'number') return t('notText');
      if (options.length > 0 && !options.includes(String(value))) return t('notOption', { options: options.join(', ') });
      return checkText(String(value), v, t, fail);
    }
    case 'multiselect':
    case 'list': {
      if (!Array.isArray(value)) return t('notList');
      if (question.type === 'multiselect' && options.length > 0 && value.some((item) => !options.includes(String(item)))) {
        return t('notOptions', { options: options.join(', ') });
      }
      if (v.minLength !== undefined && value.length < v.minLength) return fail(t('minItems', { n: v.minLength }));
      if (v.maxLength !== undefined && value.length > v.maxLength) return fail(t('maxItems', { n: v.maxLength }));
      if (v.pattern !== undefined) {
        for (const item of value) {
          const problem = question.type === 'list' && isLocalizedAnswer(item)
            ? perLanguage(item, (text) => checkPattern(text, v.pattern!, t, fail), t)
            : checkPattern(String(item), v.pattern, t, fail);
          if (problem) return problem;
        }
      }
      return undefined;
    }
    case 'text':
    case 'longtext':
      if (isLocalizedAnswer(value)) return perLanguage(value, (text) => checkText(text, v, t, fail), t);
      if (typeof value !== 'string') return t('notText');
      return checkText(value, v, t, fail);
  }
  return undefined;
}

type Translate = ReturnType<typeof translator<keyof (typeof messages)['en']>>;

/** The first problem in any language's text, naming the language. */
function perLanguage(value: LocalizedAnswer, check: (text: string) => string | undefined, t: Translate): string | undefined {
  for (const lang of LANGS) {
    const text = value[lang];
    if (!given(text)) continue;
    const problem = check(text);
    if (problem) return t('inLanguage', { lang, problem });
  }
  return undefined;
}

function checkText(value: string, v: NonNullable<Question['validate']>, t: Translate, fail: (m: string) => string): string | undefined {
  const length = [...value].length;
  if (v.minLength !== undefined && length < v.minLength) return fail(t('minLength', { n: v.minLength }));
  if (v.maxLength !== undefined && length > v.maxLength) return fail(t('maxLength', { n: v.maxLength }));
  if (v.pattern !== undefined) return checkPattern(value, v.pattern, t, fail);
  return undefined;
}

function checkPattern(value: string, pattern: string, t: Translate, fail: (m: string) => string): string | undefined {
  let re: RegExp;
  try {
    re = new RegExp(pattern, 'u');
  } catch {
    return t('badPattern', { pattern });
  }
  return re.test(value) ? undefined : fail(t('pattern'));
}
