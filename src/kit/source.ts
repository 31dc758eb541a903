/**
 * Where `draft` and `kit` take their facts from: an answers file, or an incident folder (its
 * `answers.yaml` snapshot, its playbook, and its journal for the chronology).
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { UsageError } from '../cli/errors.js';
import { loadAnswersFile } from '../incident/answers.js';
import type { AnswersFile } from '../incident/answers-schema.js';
import type { IncidentEvent } from '../incident/events.js';
import { JOURNAL_FILE } from '../incident/journal.js';
import { RecordError } from '../incident/messages.js';
import { ANSWERS_SNAPSHOT, readRecord } from '../incident/record.js';
import { loadPlaybook, type LoadedPlaybook } from '../playbook/load.js';
import { PLAYBOOK_FILE, PlaybookNotFound, type Registry } from '../playbook/registry.js';
import type { Locale } from '../playbook/schema.js';
import { kitMessages } from './messages.js';

export interface Source {
  loaded: LoadedPlaybook;
  answers: AnswersFile;
  answersFile: string;
  /** the incident folder, when the facts come from one */
  incident?: string;
  /** the incident's journal events, for the chronology */
  events?: readonly IncidentEvent[];
  /** notes about the record (a damaged journal line, …) in the interface language */
  notices: string[];
}

export interface SourceOptions {
  incident?: string;
  answers?: string;
  playbook?: string;
  cwd: string;
  registry: Registry;
  lang: Locale;
}

const messages = {
  id: {
    notFound: 'tidak ada playbook bernama "{name}"; yang tersedia: {known}',
    invalid: 'playbook {file} tidak valid ({detail}); jalankan `tanggap lint {file}`',
  },
  en: {
    notFound: 'no playbook named "{name}"; available: {known}',
    invalid: 'playbook {file} is not valid ({detail}); run `tanggap lint {file}`',
  },
};

/**
 * A playbook by id: `<id>.playbook.yaml` in the office's folders or the built-ins is tried first,
 * so the common case reads one file instead of listing (and parsing) every playbook.
 */
function byFileName(name: string, registry: Registry): LoadedPlaybook | undefined {
  if (!/^[a-z][a-z0-9]*(-[a-z0-9]+)*$/.test(name)) return undefined;
  const attempt = (dir: string) => {
    const file = join(dir, `${name}.playbook.yaml`);
    if (!existsSync(file)) return undefined;
    const loaded = loadPlaybook(file, registry.resolveExtends, 'en', { cache: true });
    return (loaded.raw as { id?: unknown } | undefined)?.id === name ? loaded : undefined;
  };
  const local = registry.localDirs.map((d) => resolve(d));
  for (const dir of local) {
    const hit = attempt(dir);
    if (hit) return hit;
  }
  // A local playbook under another file name may carry this id and must win: let the registry decide then.
  if (local.some((dir) => existsSync(dir) && readdirSync(dir).some((f) => PLAYBOOK_FILE.test(f)))) return undefined;
  return attempt(registry.builtinDir);
}

function loadNamedPlaybook(name: string, registry: Registry, lang: Locale): LoadedPlaybook {
  let loaded: LoadedPlaybook;
  try {
    loaded = byFileName(name, registry) ?? registry.load(name);
  } catch (error) {
    if (error instanceof PlaybookNotFound) throw new UsageError(messages[lang].notFound.replace('{name}', name).replace('{known}', error.known.join(', ') || '—'));
    throw error;
  }
  return checked(loaded, lang);
}

function checked(loaded: LoadedPlaybook, lang: Locale): LoadedPlaybook {
  if (!loaded.playbook) {
    const first = loaded.findings.find((f) => f.severity === 'error');
    const detail = first ? `${first.file}:${first.line}:${first.column}: ${first.message}` : '';
    throw new UsageError(messages[lang].invalid.replace(/\{file\}/g, loaded.file).replace('{detail}', detail));
  }
  return loaded;
}

export function loadSource(options: SourceOptions): Source {
  const t = kitMessages(options.lang);
  if (options.incident && options.answers) throw new UsageError(t('bothSources'));
  if (!options.incident && !options.answers) throw new UsageError(t('needSource'));
  const notices: string[] = [];
  let answersFile: string;
  let incident: string | undefined;
  let events: readonly IncidentEvent[] | undefined;
  let recordedPlaybook: string | undefined;

  if (options.incident) {
    incident = resolve(options.cwd, options.incident);
    answersFile = join(incident, ANSWERS_SNAPSHOT);
    if (!existsSync(answersFile)) throw new UsageError(t('noAnswersInIncident', { path: options.incident }));
    if (existsSync(join(incident, JOURNAL_FILE))) {
      try {
        const record = readRecord(incident);
        events = record.state.events;
        recordedPlaybook = record.state.created?.playbook.file;
        if (record.notices.tornTail) notices.push(new RecordError('torn-line').describe(options.lang));
        if (record.notices.damagedLines.length > 0) {
          notices.push(new RecordError('corrupt-lines', { count: record.notices.damagedLines.length, lines: record.notices.damagedLines.join(', ') }).describe(options.lang));
        }
      } catch (error) {
        if (error instanceof RecordError) throw new UsageError(error.describe(options.lang));
        throw error;
      }
    }
  } else {
    answersFile = resolve(options.cwd, options.answers!);
  }

  const { answers } = loadAnswersFile(answersFile, options.lang);
  // The record names the exact file the walk used; an answers file names an id.
  let loaded: LoadedPlaybook;
  if (options.playbook) loaded = loadNamedPlaybook(options.playbook, options.registry, options.lang);
  else if (recordedPlaybook && existsSync(recordedPlaybook)) loaded = checked(loadPlaybook(recordedPlaybook, options.registry.resolveExtends, 'en', { cache: true }), options.lang);
  else if (answers.playbook) loaded = loadNamedPlaybook(answers.playbook, options.registry, options.lang);
  else throw new UsageError(t('noPlaybook'));
  return { loaded, answers, answersFile, incident, events, notices };
}
