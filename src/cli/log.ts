/** `tanggap log <dir>`: add a timeline entry (a media enquiry, a decision, a note), even while a walk runs. */
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import { LOG_KINDS, type LogKind } from '../incident/events.js';
import { RecordError, recordText } from '../incident/messages.js';
import { appendToRecord, readRecord } from '../incident/record.js';
import { timezoneOf } from '../incident/state.js';
import { clock, isoInZone, parseTime } from '../incident/time.js';
import { flowText, type FlowMessage } from '../flow/messages.js';
import { UsageError } from './errors.js';
import type { CliContext } from './main.js';

export interface LogOptions {
  kind?: string;
  message?: string;
  outlet?: string;
  journalist?: string;
  due?: string;
  by?: string;
}

function whoAmI(): string | undefined {
  try {
    return userInfo().username;
  } catch {
    return undefined;
  }
}

export async function run(dir: string, opts: LogOptions, ctx: CliContext): Promise<void> {
  const t = flowText(ctx.lang);
  const kind = (opts.kind ?? 'note') as LogKind;
  if (!LOG_KINDS.includes(kind)) throw new UsageError(`--kind: ${LOG_KINDS.join(' | ')}`);
  const message = opts.message?.trim();
  if (!message) throw new UsageError(t('logNeedsMessage'));
  const path = resolve(ctx.cwd, dir);
  const now = new Date();
  try {
    const { state } = readRecord(path);
    const tz = timezoneOf(state) ?? 'WIB';
    let due: string | undefined;
    if (opts.due !== undefined) {
      // A journalist's deadline is ahead of us: "15:00" typed at 16:00 means tomorrow.
      const at = parseTime(opts.due, tz, now, 'future');
      if (!at) throw new UsageError(t('badDue', { value: opts.due }));
      due = isoInZone(at, tz);
    }
    appendToRecord(
      path,
      {
        type: 'log',
        kind,
        message,
        ...(opts.outlet ? { outlet: opts.outlet } : {}),
        ...(opts.journalist ? { journalist: opts.journalist } : {}),
        ...(due ? { due } : {}),
        by: opts.by ?? whoAmI(),
      },
      now,
    );
    ctx.stdout.write(`${t('logged', { kind: t(`kind.${kind}` as FlowMessage), time: clock(now, tz, ctx.lang) })}\n`);
  } catch (error) {
    if (error instanceof RecordError) throw new UsageError(error.key === 'not-an-incident' ? recordText(ctx.lang)('not-an-incident', { path: dir }) : error.describe(ctx.lang));
    throw error;
  }
}
