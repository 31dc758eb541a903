/** `tanggap init [dir]`: scaffold an office's playbook repository that lints clean from the first commit. */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { translator } from '../i18n/lang.js';
import { PlaybookNotFound, Registry } from '../playbook/registry.js';
import { UsageError } from './errors.js';
import type { CliContext } from './main.js';
import { writeFileAtomic } from './write.js';

const messages = {
  id: {
    notEmpty: '{dir} tidak kosong; gunakan --force untuk menambahkan berkas (berkas yang sudah ada tidak ditimpa)',
    unknown: 'tidak ada playbook bawaan bernama "{name}"; yang tersedia: {known}',
    created: 'dibuat: {file}',
    skipped: 'dilewati (sudah ada): {file}',
    next: 'Selanjutnya: sesuaikan {playbook}, lalu jalankan `npx tanggap lint` di {dir}.',
  },
  en: {
    notEmpty: '{dir} is not empty; use --force to add files (existing files are never overwritten)',
    unknown: 'no built-in playbook named "{name}"; available: {known}',
    created: 'created: {file}',
    skipped: 'skipped (already there): {file}',
    next: 'Next: adapt {playbook}, then run `npx tanggap lint` in {dir}.',
  },
};

export async function run(dir: string, opts: { extends: string; force?: boolean }, ctx: CliContext): Promise<void> {
  const t = translator(messages, ctx.lang);
  const root = resolve(ctx.cwd, dir);
  if (existsSync(root) && readdirSync(root).length > 0 && !opts.force) throw new UsageError(t('notEmpty', { dir }));
  let base;
  try {
    base = new Registry([]).find(opts.extends);
  } catch (error) {
    if (error instanceof PlaybookNotFound) throw new UsageError(t('unknown', { name: opts.extends, known: error.known.join(', ') }));
    throw error;
  }
  const id = `${base.id}-kantor`;
  const playbookFile = `playbooks/${id}.playbook.yaml`;
  const files: Record<string, string> = {
    '.tanggaprc.yaml': `# tanggap lint configuration
# rule severities: off | warning | error (see the rule pages in tanggap's docs/rules/)
rules:
  unused-question: warning
# the first public statement must be due within this time after the incident starts
firstStatementWithin: 60m
# accepted findings, generated with \`tanggap lint --generate-ignore\`
ignoreFile: .tanggapignore.yaml
`,
    [playbookFile]: `# yaml-language-server: $schema=https://tanggap.dev/schema/playbook.schema.json
# This office's ${base.id} playbook. It inherits everything from the built-in "${base.id}"
# playbook; write here only what differs (lists of items with an id merge by id).
version: 1
id: ${id}
extends: ${base.id}
title:
  id: ${base.title.id ?? base.id} (kantor kami)
  en: ${base.title.en ?? base.id} (our office)
settings:
  firstStatementWithin: 45m
`,
    '.github/workflows/tanggap-lint.yml': `name: tanggap lint
on: [push, pull_request]
permissions:
  contents: read
  security-events: write
jobs:
  lint:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - uses: actions/setup-node@v4
        with:
          node-version: 20
      - name: Lint playbooks (annotations in the pull request)
        run: npx --yes tanggap lint --format github
      - name: Lint playbooks (SARIF for code scanning)
        if: always()
        run: npx --yes tanggap lint --format sarif --output-file tanggap.sarif
      - uses: github/codeql-action/upload-sarif@v3
        if: always()
        with:
          sarif_file: tanggap.sarif
          category: tanggap
`,
    '.pre-commit-config.yaml': `repos:
  - repo: local
    hooks:
      - id: tanggap-lint
        name: tanggap lint
        entry: npx --yes tanggap lint
        language: system
        files: '\\.(playbook\\.ya?ml|hbs)$'
        pass_filenames: false
`,
    'README.md': `# Playbook krisis / Crisis playbooks

Playbook komunikasi krisis kantor ini, untuk \`tanggap\`.
This office's crisis communication playbooks, for \`tanggap\`.

- \`npx tanggap list\` — daftar playbook / list the playbooks
- \`npx tanggap show ${id}\` — baca playbook / read a playbook
- \`npx tanggap lint\` — periksa sebelum commit / check before committing
- \`npx tanggap respond ${id}\` — saat krisis terjadi / when a crisis breaks
`,
  };
  for (const [name, content] of Object.entries(files)) {
    const target = join(root, name);
    if (existsSync(target)) {
      ctx.stderr.write(`${t('skipped', { file: name })}\n`);
      continue;
    }
    mkdirSync(dirname(target), { recursive: true });
    writeFileAtomic(target, content);
    ctx.stdout.write(`${t('created', { file: name })}\n`);
  }
  ctx.stderr.write(`${t('next', { playbook: playbookFile, dir })}\n`);
}
