/** `tanggap status <dir>`: what is overdue, when the next update is due, progress, unsigned drafts, missing facts. */
import { resolve } from 'node:path';
import { Chalk } from 'chalk';
import { lockHolder } from '../incident/lock.js';
import { RecordError, recordText } from '../incident/messages.js';
import { readRecord } from '../incident/record.js';
import { clockNear, longDate, clock } from '../incident/time.js';
import { FlowError, flowText, type FlowMessage } from '../flow/messages.js';
import { wrap } from '../flow/present.js';
import { incidentStatus, type IncidentStatus } from '../flow/status.js';
import { recordPlaybook } from '../flow/walk.js';
import { formatDuration, parseDuration } from '../playbook/duration.js';
import { UsageError } from './errors.js';
import { registryFor } from './list.js';
import type { CliContext } from './main.js';

export interface StatusOptions {
  json?: boolean;
  playbooks?: string[];
}

const WIDTH = 78;

export async function run(dir: string, opts: StatusOptions, ctx: CliContext): Promise<void> {
  const path = resolve(ctx.cwd, dir);
  let status: IncidentStatus;
  let openBy;
  try {
    const { state, notices } = readRecord(path);
    const rt = recordText(ctx.lang);
    if (notices.tornTail) ctx.stderr.write(`${rt('torn-line')}\n`);
    if (notices.damagedLines.length) ctx.stderr.write(`${rt('corrupt-lines', { count: notices.damagedLines.length, lines: notices.damagedLines.slice(0, 10).join(', ') })}\n`);
    if (!state.created) throw new RecordError('not-an-incident', { path: dir });
    const loaded = recordPlaybook(state.created.playbook, registryFor(ctx, opts.playbooks), ctx.lang);
    status = incidentStatus({ state, playbook: loaded.playbook, dir: path, now: new Date(), lang: ctx.lang });
    openBy = lockHolder(path);
  } catch (error) {
    if (error instanceof RecordError) throw new UsageError(error.key === 'not-an-incident' ? recordText(ctx.lang)('not-an-incident', { path: dir }) : error.describe(ctx.lang));
    if (error instanceof FlowError) throw new UsageError(error.message);
    throw error;
  }
  if (opts.json) {
    ctx.stdout.write(`${JSON.stringify({ dir: path, ...status, openBy: openBy ?? null }, null, 2)}\n`);
    return;
  }
  ctx.stdout.write(`${statusText(status, ctx, openBy)}\n`);
}

function statusText(s: IncidentStatus, ctx: CliContext, openBy: { pid: number; host: string } | undefined): string {
  const t = flowText(ctx.lang);
  const lang = ctx.lang;
  const c = new Chalk({ level: ctx.color ? 1 : 0 });
  const now = new Date(s.now);
  const at = (iso: string) => clockNear(new Date(iso), s.timezone, lang, now);
  const left = (minutesOver: number) =>
    minutesOver > 0 ? t('overdueBy', { time: formatDuration(minutesOver * 60_000, lang) }) : t('timeLeft', { time: formatDuration(-minutesOver * 60_000, lang) });
  const lines: string[] = [];
  const level = s.level ? `${t('levelShort', { level: s.level.level })} · ${s.level.name}` : t('notTriaged');
  lines.push(c.bold(wrap(t('statusTitle', { title: s.title, level }), WIDTH, '  ')));
  if (s.start) {
    const start = new Date(s.start);
    lines.push(
      t('statusStarted', {
        when: `${longDate(start, s.timezone, lang)}, ${clock(start, s.timezone, lang)}`,
        ago: formatDuration(now.getTime() - start.getTime(), lang),
        drill: s.drill ? t('drillMark') : '',
      }),
    );
  }
  if (s.strategy) lines.push(`${t('strategyLine', { strategy: t(`posture.${s.strategy.primary}` as FlowMessage) })}`);
  if (openBy) lines.push(c.yellow(t('statusOpenSession', { pid: openBy.pid, host: openBy.host })));

  lines.push('', c.bold(t('statusOverdue')));
  if (s.overdue.length === 0) lines.push(`  ${t('statusNoneOverdue')}`);
  for (const step of s.overdue) {
    lines.push(c.red(wrap(`  ✗ [${step.number}] ${step.title} — ${step.owner} · ${t('byTime', { time: at(step.due) })} · ${left(step.overdueMinutes)}`, WIDTH, '      ')));
  }
  if (s.nextStep) {
    const step = s.nextStep;
    lines.push(wrap(`  → [${step.number}] ${step.title} — ${step.owner} · ${t('byTime', { time: at(step.due) })} · ${left(step.overdueMinutes)}`, WIDTH, '      '));
  }

  const update = s.nextUpdate;
  if (s.start) lines.push('', c.bold(t('statusNextUpdate')));
  if (s.start && !update) lines.push(`  ${t('noUpdateRule')}`);
  else if (update) {
    const text =
      update.kind === 'first-statement'
        ? t('firstStatementLine', { time: at(update.due), left: left(update.overdueMinutes) })
        : t('nextUpdateLine', { time: at(update.due), left: left(update.overdueMinutes), every: formatDuration(parseDuration(update.every!), lang), last: at(update.lastPublic!) });
    const line = wrap(`  ${text}`, WIDTH, '    ');
    lines.push(update.overdueMinutes > 0 ? c.red(line) : line);
  }

  lines.push('', c.bold(t('statusProgress')));
  for (const stage of s.stages) {
    const line = t('progressLine', {
      stage: t(`stage.${stage.stage}` as FlowMessage),
      done: stage.done,
      total: stage.total,
      open: stage.open ? t('progressOpen', { count: stage.open }) : '',
      skipped: stage.skipped ? t('progressSkipped', { count: stage.skipped }) : '',
    });
    lines.push(`  ${stage.done === stage.total ? c.green('✓') : '·'} ${line}`);
  }

  lines.push('', c.bold(t('statusUnsigned')));
  if (s.unsigned.length === 0) lines.push(`  ${t('statusNoUnsigned')}`);
  for (const d of s.unsigned) {
    const why = d.reason === 'changed' ? t('unsignedEdited', { name: d.signedBy ?? '?' }) : t('unsignedNever');
    lines.push(`  ${d.file} — ${d.reason === 'changed' ? c.yellow(why) : why}`);
  }

  lines.push('', c.bold(t('statusMissing')));
  if (s.missing.length === 0) lines.push(`  ${t('statusNoMissing')}`);
  for (const m of s.missing) {
    const where = m.drafts.length ? ` [${m.drafts.map((f) => f.replace(/^drafts\//, '')).join(', ')}]` : '';
    lines.push(wrap(`  ${m.fact}${m.question ? ` — ${m.question}` : ''}${where}`, WIDTH, '      '));
  }

  if (s.media.length) {
    lines.push('', c.bold(t('statusMedia')));
    for (const m of s.media) {
      const due = m.due ? t('mediaDue', { time: at(m.due), left: left(Math.round((now.getTime() - new Date(m.due).getTime()) / 60_000)) }) : '';
      const line = wrap(
        `  ${t('mediaLine', { outlet: m.outlet ?? '—', journalist: m.journalist ? ` (${m.journalist})` : '', message: m.message, due })}`,
        WIDTH,
        '      ',
      );
      lines.push(m.overdue ? c.red(line) : line);
    }
  }
  if (s.finished) lines.push('', c.green(t('statusFinished')));
  return lines.join('\n');
}
