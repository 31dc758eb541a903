/**
 * `tanggap respond [playbook]` and `tanggap resume <dir>`: the guided walk. Interactive on a
 * terminal; with --answers, without a terminal or in CI it never prompts. Ctrl-C, SIGTERM and
 * SIGHUP stop it with every answer so far on disk and a hint how to resume (exit 130).
 *
 * Start-up matters in a crisis: before the first question this module loads only the prompt
 * library and light modules; the playbook, the record and the renderer come after it.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { Chalk } from 'chalk';
import { FlowError, flowText } from '../flow/messages.js';
import { MissingAnswer, PromptInterrupted, type Prompter } from '../flow/prompter.js';
import { AutoPrompter } from '../flow/scripted.js';
import { askTitle, locatePlaybook } from '../flow/start.js';
import type { Preset, Style, Walk, WalkOptions, WalkOutcome } from '../flow/walk.js';
import type { UserConfig } from '../incident/config.js';
import { RecordError, recordText } from '../incident/messages.js';
import type { IncidentRecord } from '../incident/record.js';
import { draftKey } from '../incident/state.js';
import { clockNear } from '../incident/time.js';
import { InterruptedError, UsageError } from './errors.js';
import type { CliContext } from './main.js';

export interface RespondOptions {
  answers?: string;
  yes?: boolean;
  dir?: string;
  playbooks?: string[];
}

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/** Prompt only a person at a terminal: stdin and stderr are terminals and CI is not set. */
export function isInteractive(env: NodeJS.ProcessEnv = process.env): boolean {
  const ci = env.CI !== undefined && env.CI !== '' && env.CI !== '0' && env.CI.toLowerCase() !== 'false';
  return Boolean(process.stdin.isTTY && process.stderr.isTTY) && !ci;
}

const same = (s: string) => s;
function styleFor(color: boolean): Style {
  if (!color) return { bold: same, dim: same, red: same, yellow: same, green: same, cyan: same };
  const c = new Chalk({ level: 1 });
  return { bold: c.bold, dim: c.dim, red: c.red, yellow: c.yellow, green: c.green, cyan: c.cyan };
}

function version(): string {
  try {
    return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
  } catch {
    return '';
  }
}

const shown = (ctx: CliContext, path: string) => {
  const rel = relative(ctx.cwd, path);
  return rel && !rel.startsWith('..') ? rel : path;
};

/** The office's own playbook folders: ./playbooks and --playbooks (as `tanggap list` sees them). */
const playbookDirs = (ctx: CliContext, dirs: string[] = []) => [join(ctx.cwd, 'playbooks'), ...dirs.map((d) => resolve(ctx.cwd, d))].filter((d) => existsSync(d));

interface Session {
  prompter: Prompter;
  style: Style;
  signal: AbortSignal;
  dispose: () => void;
}

/** Signals and the prompter: all that is needed for the first question. */
async function openSession(ctx: CliContext, interactive: boolean): Promise<Session> {
  const style = styleFor(ctx.colorErr);
  const controller = new AbortController();
  let editing = () => false;
  const handlers = SIGNALS.map((signal) => {
    // Ctrl-C inside the officer's editor is the editor's business.
    const handler = () => (signal === 'SIGINT' && editing() ? undefined : controller.abort(signal));
    process.on(signal, handler);
    return [signal, handler] as const;
  });
  let prompter: Prompter;
  if (interactive) {
    const { InquirerPrompter } = await import('../flow/prompter-inquirer.js');
    const terminalPrompter = new InquirerPrompter({ lang: ctx.lang, input: process.stdin, output: process.stderr, style, signal: controller.signal });
    editing = () => terminalPrompter.editing;
    prompter = terminalPrompter;
  } else {
    prompter = new AutoPrompter((text) => ctx.stderr.write(`${text}\n`));
  }
  return {
    prompter,
    style,
    signal: controller.signal,
    dispose: () => {
      for (const [signal, handler] of handlers) process.off(signal, handler);
    },
  };
}

/** Everything else the walk needs: the remembered settings, the renderer, the clock. */
async function walkOptions(ctx: CliContext, session: Session, opts: { yes?: boolean; preset?: Preset }): Promise<WalkOptions> {
  const { configPath, readConfig, rememberConfig } = await import('../incident/config.js');
  const { renderDrafter } = await import('../flow/draft.js');
  const file = configPath();
  const { config, problem } = readConfig(file);
  if (problem) ctx.stderr.write(`${recordText(ctx.lang)('config-unreadable', { path: file, reason: problem })}\n`);
  let rememberFailed = false;
  const remember = (patch: UserConfig) => {
    Object.assign(config, patch);
    try {
      rememberConfig(file, patch);
    } catch (error) {
      // Remembering is a convenience; the incident itself is saved in its record.
      if (!rememberFailed) ctx.stderr.write(`${error instanceof RecordError ? error.describe(ctx.lang) : String(error)}\n`);
      rememberFailed = true;
    }
  };
  return {
    prompter: session.prompter,
    lang: ctx.lang,
    now: () => new Date(),
    yes: Boolean(opts.yes),
    config,
    remember,
    style: session.style,
    drafter: renderDrafter(ctx.lang),
    signal: session.signal,
    preset: opts.preset,
    version: version(),
    showPath: (path) => shown(ctx, path),
  };
}

function notices(ctx: CliContext, record: IncidentRecord): void {
  const t = recordText(ctx.lang);
  if (record.notices.recoveredLock) ctx.stderr.write(`${t('stale-lock', { pid: record.notices.recoveredLock.pid })}\n`);
  if (record.notices.tornTail) ctx.stderr.write(`${t('torn-line')}\n`);
  if (record.notices.damagedLines.length) {
    ctx.stderr.write(`${t('corrupt-lines', { count: record.notices.damagedLines.length, lines: record.notices.damagedLines.slice(0, 10).join(', ') })}\n`);
  }
}

/** What the walk produced: where the record and the drafts are (stdout: the result). */
async function report(ctx: CliContext, record: IncidentRecord, outcome: WalkOutcome): Promise<void> {
  const { currentHash } = await import('../incident/record.js');
  const t = flowText(ctx.lang);
  const dir = shown(ctx, record.dir);
  const lines = [t('created', { dir })];
  const drafts = [...record.state.drafts.values()];
  if (drafts.length) {
    lines.push(t('draftsAt', { dir: `${dir}/drafts` }));
    for (const draft of drafts) {
      const signed = record.state.signoffs.get(draftKey(draft.template, draft.lang));
      const valid = signed && currentHash(record.dir, draft.file) === signed.sha256;
      lines.push(t('draftLine', { file: draft.file.replace(/^drafts\//, ''), state: valid ? t('signedMark', { name: signed.name }) : t('unsignedMark') }));
    }
  }
  lines.push(outcome === 'stopped' ? t('paused', { dir }) : t('nextSteps', { dir }));
  ctx.stdout.write(`${lines.join('\n')}\n`);
}

/** Turn what stopped the walk into the CLI's one-line message and exit code. */
function failure(ctx: CliContext, error: unknown, record: IncidentRecord | undefined, given?: string): Error {
  const t = flowText(ctx.lang);
  const dir = record ? shown(ctx, record.dir) : '';
  if (error instanceof PromptInterrupted) {
    if (record) {
      try {
        record.append({ type: 'interrupted', signal: error.signal });
      } catch {
        // the answers are saved already; this entry only dates the interruption
      }
    }
    return new InterruptedError(record ? t('interrupted', { signal: error.signal, dir }) : t('stoppedEarly', { signal: error.signal }));
  }
  if (error instanceof MissingAnswer) {
    const key = error.key.replace(/^(q|triage)\./, '');
    return new UsageError(record ? t('missingAnswer', { key, question: error.question, dir }) : t('missingAnswerNoRecord', { key, question: error.question }));
  }
  if (error instanceof RecordError) {
    return new UsageError(error.key === 'not-an-incident' && given !== undefined ? recordText(ctx.lang)('not-an-incident', { path: given }) : error.describe(ctx.lang));
  }
  if (error instanceof FlowError || error instanceof UsageError) return new UsageError(error.message);
  return error instanceof Error ? error : new Error(String(error));
}

type Begun = { record: IncidentRecord; loaded: Walk['loaded'] };

async function walkAndReport(ctx: CliContext, session: Session, given: string | undefined, start: () => Promise<Begun>, options: () => Promise<WalkOptions>): Promise<void> {
  let record: IncidentRecord | undefined;
  try {
    const walkOptionsReady = await options();
    const begun = await start();
    record = begun.record;
    notices(ctx, record);
    const { Walk } = await import('../flow/walk.js');
    const walk = new Walk(record, begun.loaded, walkOptionsReady);
    const outcome = await walk.run();
    await report(ctx, record, outcome);
    if (walk.failures.length) throw new UsageError(flowText(ctx.lang)('draftsFailed', { count: walk.failures.length, dir: shown(ctx, record.dir) }));
  } catch (error) {
    throw failure(ctx, error, record, given);
  } finally {
    record?.close();
    session.dispose();
  }
}

export async function runRespond(name: string | undefined, opts: RespondOptions, ctx: CliContext): Promise<void> {
  const localDirs = playbookDirs(ctx, opts.playbooks);
  let preset: Preset | undefined;
  if (opts.answers) {
    const { loadAnswersFile } = await import('../incident/answers.js');
    const file = resolve(ctx.cwd, opts.answers);
    const loaded = loadAnswersFile(file, ctx.lang);
    preset = {
      answers: loaded.answers,
      file,
      where: (pointer) => {
        const p = loaded.map.locate(pointer);
        return `${opts.answers}:${p.line}:${p.column}`;
      },
    };
  }
  const session = await openSession(ctx, !preset && isInteractive());
  // The title first when the playbook's file is plain to see; it is loaded while the officer types.
  let title: string | undefined;
  if (!preset && name && locatePlaybook(name, localDirs)) {
    try {
      title = await askTitle(session.prompter, ctx.lang);
    } catch (error) {
      session.dispose();
      throw failure(ctx, error, undefined);
    }
  }
  const root = resolve(ctx.cwd, opts.dir ?? 'incidents');
  let options: WalkOptions | undefined;
  await walkAndReport(
    ctx,
    session,
    undefined,
    async () => {
      const [{ beginIncident }, { Registry }] = await Promise.all([import('../flow/walk.js'), import('../playbook/registry.js')]);
      return beginIncident({ root, registry: new Registry(localDirs), playbook: name, title, options: options! });
    },
    async () => (options = await walkOptions(ctx, session, { yes: opts.yes, preset })),
  );
}

export async function runResume(dir: string, opts: { yes?: boolean; playbooks?: string[] }, ctx: CliContext): Promise<void> {
  const session = await openSession(ctx, isInteractive());
  let options: WalkOptions | undefined;
  await walkAndReport(
    ctx,
    session,
    dir,
    async () => {
      const [{ resumeIncident }, { Registry }] = await Promise.all([import('../flow/walk.js'), import('../playbook/registry.js')]);
      const tz = options!.config.timezone ?? 'WIB';
      return resumeIncident(resolve(ctx.cwd, dir), new Registry(playbookDirs(ctx, opts.playbooks)), {
        lang: ctx.lang,
        now: options!.now,
        version: options!.version,
        formatSince: (iso) => clockNear(new Date(iso), tz, ctx.lang, new Date()),
      });
    },
    async () => (options = await walkOptions(ctx, session, { yes: opts.yes })),
  );
}
