/** `tanggap list` and `tanggap show <playbook>`: discover playbooks and read one. */
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { translator } from '../i18n/lang.js';
import { loadPlaybook } from '../playbook/load.js';
import { PlaybookNotFound, Registry } from '../playbook/registry.js';
import type { LocalizedText, Locale } from '../playbook/schema.js';
import { recommendStrategy } from '../playbook/strategy.js';
import { UsageError } from './errors.js';
import type { CliContext } from './main.js';

const messages = {
  id: {
    notFound: 'tidak ada playbook bernama "{name}"; yang tersedia: {known}',
    invalid: 'playbook {file} tidak valid; jalankan `tanggap lint {file}`',
    none: 'belum ada playbook',
    level: 'Level',
    stage_recognize: 'Kenali',
    stage_respond: 'Respons',
    stage_apologize: 'Penyesalan',
    stage_repair: 'Perbaikan',
    owner: 'penanggung jawab',
    due: 'tenggat',
    strategy: 'Strategi',
    triage: 'Triase (urgensi × dampak)',
    source_builtin: 'bawaan',
    source_local: 'lokal',
    escalate: 'lapor ke',
    within: 'dalam',
    drafts: 'draf',
    when: 'hanya jika berlaku',
  },
  en: {
    notFound: 'no playbook named "{name}"; available: {known}',
    invalid: 'playbook {file} is not valid; run `tanggap lint {file}`',
    none: 'no playbooks yet',
    level: 'Level',
    stage_recognize: 'Recognize',
    stage_respond: 'Respond',
    stage_apologize: 'Apologize',
    stage_repair: 'Repair',
    owner: 'owner',
    due: 'due',
    strategy: 'Strategy',
    triage: 'Triage (urgency × impact)',
    source_builtin: 'built-in',
    source_local: 'local',
    escalate: 'tell',
    within: 'within',
    drafts: 'drafts',
    when: 'only when it applies',
  },
};

interface ListOptions {
  playbooks?: string[];
  json?: boolean;
}

export function registryFor(ctx: CliContext, dirs: string[] = []): Registry {
  const local = [join(ctx.cwd, 'playbooks'), ...dirs.map((d) => resolve(ctx.cwd, d))].filter((d) => existsSync(d));
  return new Registry(local);
}

export const pick = (text: LocalizedText | undefined, lang: Locale): string => (text ? (text[lang] ?? text.id ?? text.en ?? '') : '');

export async function runList(opts: ListOptions, ctx: CliContext): Promise<void> {
  const t = translator(messages, ctx.lang);
  const entries = registryFor(ctx, opts.playbooks).list();
  if (opts.json) {
    ctx.stdout.write(`${JSON.stringify(entries.map(({ id, aliases, title, category, locales, source }) => ({ id, aliases, title, category, locales, source })), null, 2)}\n`);
    return;
  }
  if (entries.length === 0) {
    ctx.stderr.write(`${t('none')}\n`);
    return;
  }
  const width = Math.max(...entries.map((e) => e.id.length));
  const aliasWidth = Math.max(...entries.map((e) => e.aliases.join(', ').length));
  for (const e of entries) {
    const source = e.source === 'built-in' ? t('source_builtin') : t('source_local');
    ctx.stdout.write(`${e.id.padEnd(width)}  ${e.aliases.join(', ').padEnd(aliasWidth)}  ${e.title[ctx.lang] ?? e.title.id ?? e.title.en ?? ''}  (${source})\n`);
  }
}

export async function runShow(name: string, opts: ListOptions, ctx: CliContext): Promise<void> {
  const t = translator(messages, ctx.lang);
  const registry = registryFor(ctx, opts.playbooks);
  let loaded;
  try {
    loaded = loadPlaybook(registry.find(name).file, registry.resolveExtends, ctx.lang, { cache: true });
  } catch (error) {
    if (error instanceof PlaybookNotFound) throw new UsageError(t('notFound', { name, known: error.known.join(', ') }));
    throw error;
  }
  const playbook = loaded.playbook;
  if (!playbook) {
    const first = loaded.findings[0];
    throw new UsageError(first ? `${first.file}:${first.line}:${first.column}: ${first.message}` : t('invalid', { file: loaded.file }));
  }
  const strategy = recommendStrategy(playbook.scct);
  const lang = ctx.lang;
  const roleTitle = (id: string) => pick(playbook.roles.find((r) => r.id === id)?.title, lang) || id;
  if (opts.json) {
    ctx.stdout.write(
      `${JSON.stringify(
        {
          id: playbook.id,
          aliases: playbook.aliases ?? [],
          title: pick(playbook.title, lang),
          summary: pick(playbook.summary, lang),
          category: playbook.category,
          trigger: playbook.trigger,
          strategy: { cluster: strategy.cluster, primary: strategy.primary, reason: pick(strategy.reason, lang) },
          levels: playbook.triage.levels.map((l) => ({ level: l.level, name: pick(l.name, lang), escalation: l.escalation.map((e) => ({ role: e.role, owner: roleTitle(e.role), within: e.within })) })),
          stages: playbook.stages.map((s) => ({
            id: s.id,
            steps: s.steps.map((step) => ({ id: step.id, title: pick(step.title, lang), owner: roleTitle(step.owner), ownerId: step.owner, deadline: step.deadline, drafts: step.drafts ?? [], conditional: Boolean(step.when) })),
          })),
          file: loaded.file,
        },
        null,
        2,
      )}\n`,
    );
    return;
  }
  const out: string[] = [];
  out.push(`${pick(playbook.title, lang)} (${playbook.id}${playbook.aliases?.length ? `, ${playbook.aliases.join(', ')}` : ''})`);
  out.push(pick(playbook.summary, lang), '');
  out.push(`${t('strategy')}: ${pick(strategy.reason, lang)}`, '');
  out.push(`${t('triage')}:`);
  for (const level of playbook.triage.levels) {
    const escalation = level.escalation.map((e) => `${roleTitle(e.role)} ${t('within')} ${e.within}`).join('; ');
    out.push(`  ${t('level')} ${level.level} — ${pick(level.name, lang)}${escalation ? ` · ${t('escalate')}: ${escalation}` : ''}`);
  }
  for (const stage of playbook.stages) {
    out.push('', `${t(`stage_${stage.id}` as 'stage_recognize')}${stage.goal ? ` — ${pick(stage.goal, lang)}` : ''}`);
    for (const step of stage.steps) {
      const flags = [step.drafts?.length ? `${t('drafts')}: ${step.drafts.join(', ')}` : '', step.when ? t('when') : ''].filter(Boolean).join(' · ');
      out.push(`  +${step.deadline.padEnd(6)} ${pick(step.title, lang)}  [${t('owner')}: ${roleTitle(step.owner)}]${flags ? `  (${flags})` : ''}`);
    }
  }
  ctx.stdout.write(`${out.join('\n')}\n`);
}
