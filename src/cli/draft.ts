/** `tanggap draft`: render one statement from an answers file or an incident folder. */
import { resolve } from 'node:path';
import { lengthSummary } from '../kit/summary.js';
import type { Locale } from '../playbook/schema.js';
import { displayPath, RenderError, renderStatement, type MissingFact } from '../render/index.js';
import { renderMessages } from '../render/messages.js';
import { UsageError } from './errors.js';
import type { CliContext } from './main.js';
import { statementSource } from './statement-source.js';
import { writeFileAtomic } from './write.js';

interface DraftOptions {
  playbook?: string;
  template: string;
  answers?: string;
  incident?: string;
  lang?: string;
  output?: string;
  final?: boolean;
  playbooks?: string[];
}

const WARNING: Record<Locale, string> = { id: 'peringatan', en: 'warning' };

export const missingLine = (m: MissingFact, lang: Locale) => `${displayPath(m.file)}:${m.line}:${m.column}: ${renderMessages(lang)('missingFact', { fact: m.fact })}`;

export async function run(opts: DraftOptions, ctx: CliContext): Promise<void> {
  const { source, lang } = statementSource(opts, ctx);
  let statement;
  try {
    statement = renderStatement({ loaded: source.loaded, templateId: opts.template, lang, answers: source.answers, final: Boolean(opts.final), uiLang: ctx.lang });
  } catch (error) {
    if (error instanceof RenderError) {
      for (const m of error.missing.slice(1)) ctx.stderr.write(`${missingLine(m, ctx.lang)}\n`);
      throw new UsageError(error.message);
    }
    throw error;
  }
  for (const m of statement.missing) ctx.stderr.write(`${WARNING[ctx.lang]}: ${missingLine(m, ctx.lang)}\n`);
  for (const warning of statement.warnings) ctx.stderr.write(`${WARNING[ctx.lang]}: ${warning}\n`);
  if (statement.length) ctx.stderr.write(`${lengthSummary(statement.channel, statement.length, ctx.lang)}\n`);
  if (opts.output) {
    const file = resolve(ctx.cwd, opts.output);
    writeFileAtomic(file, statement.markdown);
    ctx.stderr.write(`${file}\n`);
  } else {
    ctx.stdout.write(statement.markdown);
  }
}
