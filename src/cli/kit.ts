/** `tanggap kit`: build the press kit folder from an incident or an answers file. */
import { resolve } from 'node:path';
import { buildKit, type KitDocument } from '../kit/build.js';
import { startHtmlConverter, type HtmlConverter } from '../kit/html-convert.js';
import { htmlInput, kitHtml } from '../kit/html.js';
import { kitMessages } from '../kit/messages.js';
import { checkTarget, StagedFolder } from '../kit/write.js';
import type { Locale } from '../playbook/schema.js';
import { RenderError } from '../render/index.js';
import { EXIT, UsageError } from './errors.js';
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
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Hand a document to the converter as soon as it is rendered; kitHtml later asks for the same conversion. */
function prefetch(converter: HtmlConverter, doc: KitDocument, drill: boolean, lang: Locale): Promise<string> {
  const { markdown, missing } = htmlInput(doc, drill, lang);
  return converter.convert(markdown, missing);
}

export async function run(incident: string | undefined, opts: KitOptions, ctx: CliContext): Promise<void> {
  const t = kitMessages(ctx.lang);
  const target = resolve(ctx.cwd, opts.output);
  // The HTML conversion runs beside loading and rendering (kit/html-convert.ts; the start-up may
  // already have booted its worker).
  const converter = startHtmlConverter();
  try {
    // Refuse an existing folder before any work, so the officer learns it at once.
    checkTarget(target, Boolean(opts.force), ctx.lang);
    const { source, lang } = statementSource({ ...opts, incident }, ctx);

    let kit;
    try {
      kit = buildKit({
        loaded: source.loaded,
        answers: source.answers,
        lang,
        uiLang: ctx.lang,
        events: source.events,
        onDocument: (doc, drill) => void prefetch(converter, doc, drill, lang),
      });
    } catch (error) {
      if (error instanceof RenderError) throw new UsageError(error.message);
      throw error;
    }
    if (opts.final && kit.problems.length > 0) {
      for (const problem of kit.problems) ctx.stderr.write(`${problem}\n`);
      throw new UsageError(t('finalRefused', { count: kit.problems.length }));
    }
    for (const text of [...new Set([...kit.problems, ...kit.warnings])]) ctx.stderr.write(`${WARNING[ctx.lang]}: ${text}\n`);

    // The Markdown files are written (and flushed) while the HTML page is still being converted.
    // A signal meanwhile removes the half-written folder before the process ends.
    let staged: StagedFolder | undefined;
    const onSignal = (signal: NodeJS.Signals) => {
      if (staged && !staged.committed) {
        staged.abort();
        ctx.stderr.write(`${t('interrupted', { signal, path: target })}\n`);
      }
      process.exit(EXIT.interrupted);
    };
    for (const signal of SIGNALS) process.once(signal, onSignal);
    try {
      staged = new StagedFolder(target, Boolean(opts.force), ctx.lang);
      staged.write('README.md', kit.index);
      for (const doc of kit.documents) staged.write(doc.file, doc.markdown);
      staged.write('press-kit.md', kit.combined);
      staged.write('press-kit.html', await kitHtml(kit, source.answers, converter.convert));
      staged.commit();
    } finally {
      for (const signal of SIGNALS) process.removeListener(signal, onSignal);
      staged?.abort();
    }
    ctx.stderr.write(`${t('built', { path: target, count: kit.documents.length })}\n`);
    if (ctx.verbose) ctx.stderr.write(`${t('htmlConverted', { worker: String(converter.done.worker), inProcess: String(converter.done.inProcess) })}\n`);
    ctx.stdout.write(`${target}\n`);
  } finally {
    await converter.close();
  }
}
