/** `tanggap kit`: build the press kit folder from an incident or an answers file. */
import { resolve } from 'node:path';
import { buildKit } from '../kit/build.js';
import { kitMessages } from '../kit/messages.js';
import { checkTarget, writeKitFolder } from '../kit/write.js';
import type { Locale } from '../playbook/schema.js';
import { RenderError } from '../render/index.js';
import { UsageError } from './errors.js';
import type { CliContext } from './main.js';
import { statementSource } from './statement-source.js';

interface KitOptions {
  playbook?: string;
  answers?: string;
  output: string;
  lang?: string;
  final?: boolean;
  force?: boolean;
  playbooks?: string[];
}

const WARNING: Record<Locale, string> = { id: 'peringatan', en: 'warning' };

export async function run(incident: string | undefined, opts: KitOptions, ctx: CliContext): Promise<void> {
  const t = kitMessages(ctx.lang);
  const target = resolve(ctx.cwd, opts.output);
  // Refuse an existing folder before any work, so the officer learns it at once.
  checkTarget(target, Boolean(opts.force), ctx.lang);
  const { source, lang } = statementSource({ ...opts, incident }, ctx);

  let kit;
  try {
    kit = buildKit({ loaded: source.loaded, answers: source.answers, lang, uiLang: ctx.lang, events: source.events });
  } catch (error) {
    if (error instanceof RenderError) throw new UsageError(error.message);
    throw error;
  }
  if (opts.final && kit.problems.length > 0) {
    for (const problem of kit.problems) ctx.stderr.write(`${problem}\n`);
    throw new UsageError(t('finalRefused', { count: kit.problems.length }));
  }
  for (const text of [...new Set([...kit.problems, ...kit.warnings])]) ctx.stderr.write(`${WARNING[ctx.lang]}: ${text}\n`);

  const { kitHtml } = await import('../kit/html.js');
  const files = new Map<string, string>([['README.md', kit.index]]);
  for (const doc of kit.documents) files.set(doc.file, doc.markdown);
  files.set('press-kit.md', kit.combined);
  files.set('press-kit.html', await kitHtml(kit, source.answers));
  writeKitFolder(target, files, Boolean(opts.force), ctx.lang);
  ctx.stderr.write(`${t('built', { path: target, count: kit.documents.length })}\n`);
  ctx.stdout.write(`${target}\n`);
}
