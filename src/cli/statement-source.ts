/** Where `draft` and `kit` take a statement's facts from (an incident folder or an answers file), and its language. */
import { isLocale } from '../i18n/lang.js';
import { loadSource } from '../kit/source.js';
import type { Locale } from '../playbook/schema.js';
import { registryFor } from './list.js';
import type { CliContext } from './main.js';

export interface SourceOptions {
  incident?: string;
  answers?: string;
  playbook?: string;
  playbooks?: string[];
  lang?: string;
}

/** Loads the facts, prints the loader's notices, and picks the statement's language: -l/--lang, then the incident's, then the interface's. */
export function statementSource(opts: SourceOptions, ctx: CliContext) {
  const source = loadSource({
    incident: opts.incident,
    answers: opts.answers,
    playbook: opts.playbook,
    cwd: ctx.cwd,
    registry: registryFor(ctx, opts.playbooks),
    lang: ctx.lang,
  });
  for (const notice of source.notices) ctx.stderr.write(`${notice}\n`);
  const lang: Locale = isLocale(opts.lang) ? opts.lang : (source.answers.incident.lang ?? ctx.lang);
  return { source, lang };
}
