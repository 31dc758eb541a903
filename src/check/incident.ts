/**
 * The incident's pinned facts, for comparing a statement's figures with them: the answers of the
 * playbook's `fact: true` questions and the incident's place (answers.yaml in the incident folder,
 * the answers-file view of the record). The incident's start is when the office's response began,
 * not necessarily when the event happened, so it is not compared.
 */
import { existsSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { UsageError } from '../cli/errors.js';
import type { AnswersFile, Timezone } from '../incident/answers-schema.js';
import { isBlank, isLocalizedAnswer, loadAnswersFile, parseNumber, parseOfficeTime } from '../incident/answers.js';
import { translator, type Messages } from '../i18n/lang.js';
import type { LoadedPlaybook } from '../playbook/load.js';
import { PlaybookNotFound, type Registry } from '../playbook/registry.js';
import { LOCALES, type Locale, type Playbook } from '../playbook/schema.js';

export type FactKind = 'number' | 'time' | 'text';

export interface Fact {
  /** the question id, or `incident.place` */
  id: string;
  kind: FactKind;
  value: number | Date | string;
  /** the question's prompt per language: its words tell where the fact is mentioned */
  prompt: Partial<Record<Locale, string>>;
  /** text given per language holds only for statements in that language */
  lang?: Locale;
}

export interface IncidentFacts {
  timezone: Timezone;
  facts: Fact[];
}

/** The facts an answers file pins, given the playbook's questions. */
export function factsOf(answers: AnswersFile, playbook?: Playbook): IncidentFacts {
  const zone = answers.incident.timezone;
  const facts: Fact[] = [];
  if (answers.incident.place) facts.push({ id: 'incident.place', kind: 'text', value: answers.incident.place, prompt: { id: answers.incident.title, en: answers.incident.title } });
  for (const question of playbook?.questions ?? []) {
    if (!question.fact) continue;
    const value = answers.answers[question.id];
    if (isBlank(value)) continue;
    const prompt = { id: question.prompt.id, en: question.prompt.en };
    if (question.type === 'number') {
      const n = typeof value === 'number' ? value : typeof value === 'string' ? parseNumber(value) : undefined;
      if (n !== undefined) facts.push({ id: question.id, kind: 'number', value: n, prompt });
    } else if (question.type === 'datetime' && typeof value === 'string') {
      const instant = parseOfficeTime(value, zone);
      if (instant) facts.push({ id: question.id, kind: 'time', value: instant, prompt });
    } else if (question.type === 'text' || question.type === 'longtext') {
      if (typeof value === 'string') facts.push({ id: question.id, kind: 'text', value, prompt });
      else if (isLocalizedAnswer(value)) {
        const texts = LOCALES.filter((lang) => !isBlank(value[lang])).map((lang) => ({ lang, text: value[lang]! }));
        // Given in one language only, the text is what statements in either language fall back to.
        if (texts.length === 1) facts.push({ id: question.id, kind: 'text', value: texts[0].text, prompt });
        else for (const { lang, text } of texts) facts.push({ id: question.id, kind: 'text', value: text, prompt, lang });
      }
    }
  }
  return { timezone: zone, facts };
}

/** The facts a statement in `lang` is compared with: text given in its language, everything else as is. */
export function factsIn(facts: IncidentFacts, lang: Locale): IncidentFacts {
  return { timezone: facts.timezone, facts: facts.facts.filter((f) => f.lang === undefined || f.lang === lang) };
}

const messages: Messages<'noAnswers' | 'notFolder' | 'noPlaybook' | 'badPlaybook'> = {
  id: {
    noAnswers: '{dir}: tidak ada answers.yaml; jalankan `tanggap respond` atau `tanggap resume` untuk mencatat fakta insiden',
    notFolder: '{dir}: bukan folder insiden',
    noPlaybook: '{dir}: playbook "{name}" tidak ditemukan',
    badPlaybook: '{file}:{line}:{column}: playbook tidak valid: {message}',
  },
  en: {
    noAnswers: '{dir}: no answers.yaml; run `tanggap respond` or `tanggap resume` to record the incident\'s facts',
    notFolder: '{dir}: is not an incident folder',
    noPlaybook: '{dir}: no playbook named "{name}"',
    badPlaybook: '{file}:{line}:{column}: the playbook is not valid: {message}',
  },
};

export interface LoadedIncident {
  answers: AnswersFile;
  facts: IncidentFacts;
  playbook?: LoadedPlaybook;
}

/** Load a playbook by id, alias or file; a relative file is looked up beside `base` first. */
export function loadPlaybookFor(name: string, registry: Registry, base: string, uiLang: Locale): LoadedPlaybook {
  const t = translator(messages, uiLang);
  const beside = isAbsolute(name) ? name : resolve(base, name);
  const target = /\.ya?ml$/.test(name) && existsSync(beside) ? beside : name;
  let loaded: LoadedPlaybook;
  try {
    loaded = registry.load(target);
  } catch (error) {
    if (error instanceof PlaybookNotFound) throw new UsageError(t('noPlaybook', { dir: base, name }));
    throw error;
  }
  if (!loaded.playbook) {
    const f = loaded.findings.find((x) => x.severity === 'error') ?? loaded.findings[0];
    throw new UsageError(t('badPlaybook', { file: f?.file ?? loaded.file, line: f?.line ?? 1, column: f?.column ?? 1, message: f?.message ?? '' }));
  }
  return loaded;
}

/** Read an incident folder's answers.yaml and its playbook (`playbook:` there, or the one given). */
export function loadIncident(dir: string, registry: Registry, uiLang: Locale, playbookName?: string): LoadedIncident {
  const t = translator(messages, uiLang);
  const folder = resolve(dir);
  if (!existsSync(folder) || !statSync(folder).isDirectory()) throw new UsageError(t('notFolder', { dir }));
  const file = join(folder, 'answers.yaml');
  if (!existsSync(file)) throw new UsageError(t('noAnswers', { dir }));
  const { answers } = loadAnswersFile(file, uiLang);
  const name = playbookName ?? answers.playbook;
  const playbook = name ? loadPlaybookFor(name, registry, folder, uiLang) : undefined;
  return { answers, facts: factsOf(answers, playbook?.playbook), playbook };
}
