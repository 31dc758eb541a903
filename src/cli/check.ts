/** `tanggap check <file…>`: review statements before they go out. Same formats and exit codes as `tanggap lint`. */
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { checkStatement, CHECK_RULES, CheckDataError, loadIncident, loadPlaybookFor, type CheckChannel, type IncidentFacts, type StatementKind } from '../check/index.js';
import { checkText } from '../check/messages.js';
import { formatResults, type FileResult, type FormatName } from '../formatters/index.js';
import { Registry } from '../playbook/registry.js';
import type { Locale } from '../playbook/schema.js';
import { readText } from '../playbook/yaml.js';
import { EXIT, UsageError } from './errors.js';
import type { CliContext } from './main.js';
import { writeFileAtomic } from './write.js';

interface CheckCliOptions {
  kind?: StatementKind;
  channel?: CheckChannel;
  lang?: Locale;
  incident?: string;
  playbook?: string;
  format: FormatName;
  outputFile?: string;
  playbooks?: string[];
}

const STDIN = '-';

function version(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}

/** The statement's text, or a one-line reason (with the position for bad bytes) why it cannot be read. */
function readStatement(file: string, ctx: CliContext): string {
  const t = checkText(ctx.lang);
  if (file === STDIN) {
    if (process.stdin.isTTY) throw new UsageError(t('stdinIsTerminal'));
    return readFileSync(0, 'utf8').replace(/^\uFEFF/, '');
  }
  const path = resolve(ctx.cwd, file);
  if (!existsSync(path)) throw new UsageError(t('notFound', { file }));
  const { text, finding } = readText(path);
  if (text !== undefined) return text;
  switch (finding?.messageId) {
    case 'is-directory':
      throw new UsageError(t('isDirectory', { file }));
    case 'too-large':
      throw new UsageError(t('tooLarge', { file }));
    case 'invalid-utf8':
      throw new UsageError(t('invalidUtf8', { file, line: finding.line, column: finding.column }));
    default:
      throw new UsageError(t('unreadable', { file, reason: finding?.message ?? '' }));
  }
}

export async function run(files: string[], opts: CheckCliOptions, ctx: CliContext): Promise<void> {
  const t = checkText(ctx.lang);
  const localDirs = [join(ctx.cwd, 'playbooks'), ...(opts.playbooks ?? []).map((d) => resolve(ctx.cwd, d))].filter((d) => existsSync(d));
  const registry = new Registry(localDirs);

  let facts: IncidentFacts | undefined;
  let avoid: Partial<Record<Locale, string[]>> | undefined;
  if (opts.incident) {
    const incident = loadIncident(resolve(ctx.cwd, opts.incident), registry, ctx.lang, opts.playbook);
    facts = incident.facts;
    avoid = incident.playbook?.playbook?.avoid;
  } else if (opts.playbook) {
    avoid = loadPlaybookFor(opts.playbook, registry, ctx.cwd, ctx.lang).playbook?.avoid;
  }

  // Read every file before reporting anything, so a bad path fails fast with nothing half-printed.
  const statements = files.map((file) => ({ file, text: readStatement(file, ctx) }));
  const results: FileResult[] = [];
  for (const { file, text } of statements) {
    let result;
    try {
      result = checkStatement(file === STDIN ? '<stdin>' : resolve(ctx.cwd, file), text, {
        uiLang: ctx.lang,
        kind: opts.kind,
        lang: opts.lang,
        channel: opts.channel,
        avoid,
        facts,
      });
    } catch (error) {
      if (error instanceof CheckDataError) throw new UsageError(t('dataError', { detail: error.message }));
      throw error;
    }
    results.push({ file: result.file, findings: result.findings });
    if (result.detected.kind || result.detected.lang) {
      const kind = t(`kind.${result.kind}`);
      const lang = t(`lang.${result.lang}`);
      const line = result.detected.kind && result.detected.lang ? t('detectedBoth', { kind, lang }) : result.detected.kind ? t('detectedKind', { kind }) : t('detectedLang', { lang });
      ctx.stderr.write(`${statements.length > 1 ? `${file}: ` : ''}${line}\n`);
    }
  }

  const rules = CHECK_RULES.map((r) => ({ id: r.id, description: r.description[ctx.lang], helpUri: `https://github.com/tanggap/tanggap/blob/main/docs/check-rules/${r.id}.md` }));
  const common = { cwd: ctx.cwd, rules, toolName: 'tanggap', toolVersion: version() };
  if (opts.outputFile) {
    writeFileAtomic(resolve(ctx.cwd, opts.outputFile), formatResults(opts.format, results, { ...common, color: false }));
    ctx.stderr.write(`${t('reportWritten', { format: opts.format, file: opts.outputFile })}\n`);
    ctx.stdout.write(formatResults('stylish', results, { ...common, color: ctx.color }));
  } else {
    ctx.stdout.write(formatResults(opts.format, results, { ...common, color: opts.format === 'stylish' && ctx.color }));
  }
  const errors = results.reduce((n, r) => n + r.findings.filter((f) => f.severity === 'error').length, 0);
  const total = results.reduce((n, r) => n + r.findings.length, 0);
  if (opts.format === 'stylish' && total === 0) ctx.stderr.write(`${t('clean', { count: results.length })}\n`);
  if (errors > 0) process.exitCode = EXIT.findings;
}
