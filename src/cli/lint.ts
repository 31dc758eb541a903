/** `tanggap lint [paths…]`: check playbooks and templates, for people and for CI. */
import { existsSync } from 'node:fs';
import { packageVersion } from '../package.js';
import { join, resolve } from 'node:path';
import { ConfigError, loadConfig } from '../lint/config.js';
import { discover, PathNotFound } from '../lint/discover.js';
import { ALL_RULES, ignoreEntries, lintFiles } from '../lint/engine.js';
import { formatResults, type FormatName } from '../formatters/index.js';
import { BUILTIN_PLAYBOOKS } from '../playbook/registry.js';
import { translator } from '../i18n/lang.js';
import { writeFileAtomic } from './write.js';
import { EXIT, UsageError } from './errors.js';
import type { CliContext } from './main.js';
import { yamlLib } from '../vendor.js';

interface LintOptions {
  format: FormatName;
  outputFile?: string;
  maxWarnings?: number;
  config?: string;
  playbooks?: string[];
  generateIgnore?: boolean;
  builtin?: boolean;
}

const messages = {
  id: {
    noFiles: 'tidak ada berkas playbook (*.playbook.yaml) di: {paths}',
    clean: '✔ {count} playbook diperiksa, tidak ada temuan',
    ignoreWritten: '{count} temuan dicatat di {file}; hapus barisnya satu per satu saat diperbaiki',
    tooManyWarnings: 'terlalu banyak peringatan: {count} (batas --max-warnings {max})',
    badMax: '--max-warnings harus bilangan bulat 0 atau lebih',
    reportWritten: 'laporan {format} ditulis ke {file}',
    pathNotFound: '{path}: berkas atau folder tidak ada',
    ignoreHeader: '# tanggap lint: temuan yang diterima pada {date}.\n# Hapus entri setelah diperbaiki; temuan baru tetap dilaporkan.\n',
  },
  en: {
    noFiles: 'no playbook files (*.playbook.yaml) in: {paths}',
    clean: '✔ {count} playbook(s) checked, no findings',
    ignoreWritten: '{count} finding(s) recorded in {file}; remove lines as you fix them',
    tooManyWarnings: 'too many warnings: {count} (--max-warnings is {max})',
    badMax: '--max-warnings must be a whole number, 0 or more',
    reportWritten: '{format} report written to {file}',
    pathNotFound: '{path}: no such file or folder',
    ignoreHeader: '# tanggap lint: findings accepted on {date}.\n# Remove entries as you fix them; new findings are still reported.\n',
  },
};

export async function run(paths: string[], opts: LintOptions, ctx: CliContext): Promise<void> {
  const t = translator(messages, ctx.lang);
  if (opts.maxWarnings !== undefined && (!Number.isInteger(opts.maxWarnings) || opts.maxWarnings < 0)) throw new UsageError(t('badMax'));
  let config;
  try {
    config = loadConfig(ctx.cwd, opts.config, ALL_RULES.map((r) => r.id), ctx.lang);
  } catch (error) {
    if (error instanceof ConfigError) throw new UsageError(error.message);
    throw error;
  }
  const targets = paths.length ? paths : opts.builtin ? [BUILTIN_PLAYBOOKS] : [existsSync(join(ctx.cwd, 'playbooks')) ? 'playbooks' : '.'];
  if (opts.builtin && paths.length) targets.push(BUILTIN_PLAYBOOKS);
  let files: string[];
  try {
    files = discover(targets, ctx.cwd);
  } catch (error) {
    if (error instanceof PathNotFound) throw new UsageError(t('pathNotFound', { path: error.path }));
    throw error;
  }
  if (files.length === 0) throw new UsageError(t('noFiles', { paths: targets.join(', ') }));

  // Generating the ignore file records every finding, including those it already lists.
  const run = await lintFiles(files, config, (opts.playbooks ?? []).map((d) => resolve(ctx.cwd, d)), { applyIgnores: !opts.generateIgnore, lang: ctx.lang });

  if (opts.generateIgnore) {
    const entries = ignoreEntries(run, config.base);
    const header = t('ignoreHeader', { date: new Date().toISOString().slice(0, 10) });
    writeFileAtomic(config.ignoreFile, header + (entries.length ? yamlLib().stringify(entries) : '[]\n'));
    ctx.stderr.write(`${t('ignoreWritten', { count: entries.length, file: config.ignoreFile })}\n`);
    return;
  }

  const rules = ALL_RULES.map((r) => ({ id: r.id, description: r.description[ctx.lang], helpUri: `https://github.com/tanggap/tanggap/blob/main/docs/rules/${r.id}.md` }));
  const common = { cwd: ctx.cwd, rules, toolName: 'tanggap', toolVersion: packageVersion(), lang: ctx.lang };
  if (opts.outputFile) {
    const target = resolve(ctx.cwd, opts.outputFile);
    writeFileAtomic(target, formatResults(opts.format, run.results, { ...common, color: false }));
    ctx.stderr.write(`${t('reportWritten', { format: opts.format, file: opts.outputFile })}\n`);
    ctx.stdout.write(formatResults('stylish', run.results, { ...common, color: ctx.color }));
  } else {
    ctx.stdout.write(formatResults(opts.format, run.results, { ...common, color: opts.format === 'stylish' && ctx.color }));
  }
  if (opts.format === 'stylish' && run.errorCount + run.warningCount === 0) ctx.stderr.write(`${t('clean', { count: files.length })}\n`);

  if (run.errorCount > 0) process.exitCode = EXIT.findings;
  else if (opts.maxWarnings !== undefined && run.warningCount > opts.maxWarnings) {
    ctx.stderr.write(`${t('tooManyWarnings', { count: run.warningCount, max: opts.maxWarnings })}\n`);
    process.exitCode = EXIT.findings;
  }
}
