/**
 * The terminal prompter, on @inquirer/prompts. The library is imported on the first question
 * only, so commands that never prompt never load it. Esc goes back, an empty answer (or "-")
 * skips, Ctrl-C stops with everything answered so far already saved.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import type { Locale } from '../playbook/schema.js';
import { flowText } from './messages.js';
import { wrap } from './present.js';
import { PromptInterrupted, type Prompter, type PromptSpec, type Reply, type TextPrompt, type Weight } from './prompter.js';
import { importEsm } from '../esm.js';
import type { Style } from './walk.js';

type Inquirer = typeof import('@inquirer/prompts');
type PromptName = 'input' | 'select' | 'checkbox' | 'confirm';
interface Prompts {
  input: Inquirer['input'];
  select: Inquirer['select'];
  checkbox: Inquirer['checkbox'];
  confirm: Inquirer['confirm'];
  Separator: Inquirer['Separator'];
}

/**
 * One prompt of @inquirer/prompts, loaded on first use. The package's index loads every prompt
 * (the editor prompt alone pulls in charset detection), which the first question does not need;
 * its parts are resolved from where the package is installed, hoisted or nested.
 */
async function loadPrompt<N extends PromptName>(name: N): Promise<{ prompt: Prompts[N]; Separator: Prompts['Separator'] }> {
  try {
    const fromPrompts = createRequire(fileURLToPath(import.meta.resolve('@inquirer/prompts')));
    const module = await importEsm<{ default: Prompts[N]; Separator?: Prompts['Separator'] }>(pathToFileURL(fromPrompts.resolve(`@inquirer/${name}`)).href);
    if (typeof module.default === 'function') return { prompt: module.default, Separator: module.Separator ?? (await importEsm<Inquirer>('@inquirer/prompts')).Separator };
  } catch {
    // an install layout this does not understand: the package's index has every prompt
  }
  const all = await importEsm<Inquirer>('@inquirer/prompts');
  return { prompt: all[name] as Prompts[N], Separator: all.Separator };
}

const SKIP_VALUE = '\u0000skip';

const visibleLength = (text: string) => [...text.replace(/\x1b\[[0-9;]*m/g, '')].length;

export interface InquirerOptions {
  lang: Locale;
  input: NodeJS.ReadStream;
  output: NodeJS.WriteStream;
  style: Style;
  /** aborted on SIGINT/SIGTERM/SIGHUP: the open question is abandoned */
  signal?: AbortSignal;
  env?: NodeJS.ProcessEnv;
}

/** The officer's editor: $VISUAL, $EDITOR, else the platform's plain one. */
export function editorCommand(env: NodeJS.ProcessEnv = process.env): string {
  return env.VISUAL || env.EDITOR || (process.platform === 'win32' ? 'notepad' : 'vi');
}

const shellQuote = (path: string) => (process.platform === 'win32' ? `"${path.replace(/"/g, '""')}"` : `'${path.replace(/'/g, `'\\''`)}'`);

/** Open `file` in the editor and wait for it to close. The command may carry arguments ("code --wait"). */
export function runEditor(file: string, env: NodeJS.ProcessEnv = process.env): Promise<void> {
  const command = editorCommand(env);
  return new Promise((resolve, reject) => {
    const child = spawn(`${command} ${shellQuote(file)}`, { stdio: 'inherit', shell: true, env });
    child.on('error', (error) => reject(error));
    child.on('exit', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(signal ? `${command}: ${signal}` : `${command}: exit ${code}`));
    });
  });
}

export class InquirerPrompter implements Prompter {
  readonly interactive = true;
  private readonly prompts = new Map<PromptName, Promise<{ prompt: Prompts[PromptName]; Separator: Prompts['Separator'] }>>();
  private readonly t: ReturnType<typeof flowText>;

  constructor(private readonly options: InquirerOptions) {
    this.t = flowText(options.lang);
  }

  say(text: string, _weight?: Weight): void {
    this.options.output.write(`${text}\n`);
  }

  /** The officer's editor has the terminal: Ctrl-C there belongs to the editor, not to the walk. */
  editing = false;

  async edit(file: string): Promise<void> {
    this.editing = true;
    try {
      await runEditor(file, this.options.env);
    } catch (error) {
      this.say(this.options.style.yellow(this.t('editorFailed', { editor: editorCommand(this.options.env), reason: (error as Error).message })));
    } finally {
      this.editing = false;
    }
  }

  async ask(spec: PromptSpec): Promise<Reply> {
    if (this.options.signal?.aborted) throw new PromptInterrupted(String(this.options.signal.reason ?? 'SIGINT'));
    if (spec.help) this.say(this.options.style.dim(wrap(`  ${spec.help}`, 78, '  ')));
    // The very first question (the incident title) needs no menu and no going back: Node's own
    // line editor asks it at once while the prompt library loads behind it.
    if (this.prompts.size === 0 && spec.kind === 'text' && !spec.canBack && !spec.canSkip && spec.default === undefined) {
      void this.load('input').catch(() => {});
      void this.load('select').catch(() => {});
      return this.firstLine(spec);
    }
    for (;;) {
      const reply = await this.once(spec);
      if (reply) return reply;
    }
  }

  /** One prompt; undefined when it must be asked again (":e" in a text answer, "<" with nothing to go back to). */
  private load<N extends PromptName>(name: N): Promise<{ prompt: Prompts[N]; Separator: Prompts['Separator'] }> {
    let loading = this.prompts.get(name);
    if (!loading) {
      loading = loadPrompt(name);
      this.prompts.set(name, loading);
    }
    return loading as Promise<{ prompt: Prompts[N]; Separator: Prompts['Separator'] }>;
  }

  private async once(spec: PromptSpec): Promise<Reply | undefined> {
    const { input, output, style } = this.options;
    const local = new AbortController();
    const outer = this.options.signal;
    const onAbort = () => local.abort(outer?.reason ?? 'SIGINT');
    outer?.addEventListener('abort', onAbort);
    const onKey = (_: string, key?: { name?: string }) => {
      if (key?.name === 'escape' && spec.canBack) local.abort('back');
    };
    input.on('keypress', onKey);
    const context = { input, output, signal: local.signal };
    const tip = (text: string) => () => style.dim(text);
    try {
      switch (spec.kind) {
        case 'select': {
          const { prompt: select, Separator } = await this.load('select');
          const choices = [
            ...spec.choices.map((c) => ({ value: c.value, name: c.label, description: c.hint, short: c.short })),
            ...(spec.canSkip ? [new Separator(), { value: SKIP_VALUE, name: this.t('skipChoice') }] : []),
          ];
          const value = await select(
            { message: spec.message, choices, default: spec.default, pageSize: 12, theme: { style: { keysHelpTip: tip(this.t(spec.canBack ? 'hintSelect' : 'hintSelectNoBack')) } } },
            context,
          );
          return value === SKIP_VALUE ? { type: 'skip' } : { type: 'answer', value };
        }
        case 'multiselect': {
          const { prompt: checkbox } = await this.load('checkbox');
          const value = await checkbox(
            {
              message: spec.message,
              choices: spec.choices.map((c) => ({ value: c.value, name: c.label, checked: spec.default?.includes(c.value) ?? false })),
              pageSize: 12,
              theme: { style: { keysHelpTip: tip(this.t(spec.canBack ? 'hintCheckbox' : 'hintCheckboxNoBack')) } },
            },
            context,
          );
          return value.length === 0 && spec.canSkip ? { type: 'skip' } : { type: 'answer', value };
        }
        case 'confirm': {
          const keywords = this.options.lang === 'id' ? { yes: 'ya', no: 'tidak', error: () => 'jawab y atau t' } : undefined;
          const { prompt: confirm } = await this.load('confirm');
          const value = await confirm({ message: spec.message, default: spec.default, theme: keywords ? { keywords } : undefined }, context);
          return { type: 'answer', value };
        }
        default:
          return await this.text(spec, context);
      }
    } catch (error) {
      const name = (error as Error).name;
      if (name === 'AbortPromptError') {
        if (local.signal.reason === 'back') return { type: 'back' };
        throw new PromptInterrupted(String(local.signal.reason ?? 'SIGINT'));
      }
      if (name === 'ExitPromptError') throw new PromptInterrupted('SIGINT');
      throw error;
    } finally {
      input.off('keypress', onKey);
      outer?.removeEventListener('abort', onAbort);
    }
  }

  private async text(spec: TextPrompt, context: { input: NodeJS.ReadStream; output: NodeJS.WriteStream; signal: AbortSignal }): Promise<Reply | undefined> {
    const t = this.t;
    // Empty input takes the default when there is one, so "-" is the way to skip then.
    const skipHint = spec.default !== undefined ? (spec.canBack ? 'hintTextDefault' : 'hintTextDefaultNoBack') : spec.canBack ? 'hintText' : 'hintTextNoBack';
    const hints = [t(spec.canSkip ? skipHint : spec.canBack ? 'hintTextRequired' : 'hintTextRequiredNoBack')];
    if (spec.kind === 'list') hints.unshift(t('listHint'));
    if (spec.kind === 'editor') hints.unshift(t('editorHint'));
    const special = (raw: string) => raw === '<' || (spec.kind === 'editor' && raw === ':e');
    const hint = this.options.style.dim(`(${hints.join(' · ')})`);
    const { prompt: input } = await this.load('input');
    const raw = await input(
      {
        message: spec.message,
        // A skipped answer shows as a dash, not as nothing.
        transformer: (value: string, { isFinal }: { isFinal: boolean }) => (isFinal && (value.trim() === '' || value.trim() === '-') ? this.options.style.dim('—') : value),
        // The keys hint is for the question being asked; the answered line stays clean.
        theme: { style: { message: (text: string, status: string) => (status === 'done' ? this.options.style.bold(text) : `${this.options.style.bold(text)} ${hint}`) } },
        default: spec.default,
        validate: (value: string) => {
          const v = value.trim();
          if (special(v)) return true;
          if (v === '' || v === '-') return spec.canSkip ? true : t('required');
          const parsed = spec.parse(value);
          return 'error' in parsed ? parsed.error : true;
        },
      },
      context,
    );
    const v = raw.trim();
    if (v === '<') return spec.canBack ? { type: 'back' } : undefined;
    if (v === ':e') {
      const text = await this.editText(spec.default ?? '');
      if (text === undefined) return undefined;
      const parsed = spec.parse(text);
      if ('error' in parsed) {
        this.say(this.options.style.red(`  ${parsed.error}`));
        return undefined;
      }
      return { type: 'answer', value: parsed.value };
    }
    if (v === '' || v === '-') return { type: 'skip' };
    const parsed = spec.parse(raw);
    return 'error' in parsed ? undefined : { type: 'answer', value: parsed.value };
  }

  /** A required line of text through node:readline, looking like the prompts that follow it. */
  private async firstLine(spec: TextPrompt): Promise<Reply> {
    const { createInterface } = await importEsm<typeof import('node:readline')>('node:readline');
    const { input, output, style } = this.options;
    const hint = style.dim(`(${this.t('hintTextRequiredNoBack')})`);
    const question = `${style.green('?')} ${style.bold(spec.message)} ${hint} `;
    const rl = createInterface({ input, output, terminal: true });
    const outer = this.options.signal;
    let errorShown = false;
    try {
      for (;;) {
        const answer = await new Promise<string>((resolve, reject) => {
          const stop = (signal: string) => {
            output.write('\n');
            reject(new PromptInterrupted(signal));
          };
          const onAbort = () => stop(String(outer?.reason ?? 'SIGINT'));
          rl.once('SIGINT', () => stop('SIGINT'));
          outer?.addEventListener('abort', onAbort, { once: true });
          rl.question(question, (line) => {
            outer?.removeEventListener('abort', onAbort);
            rl.removeAllListeners('SIGINT');
            resolve(line);
          });
        });
        const parsed = spec.parse(answer);
        // Rewrite the answered line the way the prompt library does: "✔ question answer".
        const columns = output.columns || 80;
        const rows = Math.max(1, Math.ceil((visibleLength(question) + [...answer].length) / columns)) + (errorShown ? 1 : 0);
        output.write(`\x1b[${rows}A\r\x1b[J`);
        if ('value' in parsed) {
          output.write(`${style.green('✔')} ${style.bold(spec.message)} ${String(parsed.value)}\n`);
          return { type: 'answer', value: parsed.value };
        }
        output.write(`${style.red('>')} ${parsed.error}\n`);
        errorShown = true;
      }
    } finally {
      rl.close();
    }
  }

  /** A longer text in the officer's editor, through a private temporary file. */
  private async editText(initial: string): Promise<string | undefined> {
    const dir = mkdtempSync(join(tmpdir(), 'tanggap-'));
    const file = join(dir, 'jawaban.md');
    this.editing = true;
    try {
      writeFileSync(file, initial, { mode: 0o600 });
      await runEditor(file, this.options.env);
      return readFileSync(file, 'utf8').replace(/\s+$/, '');
    } catch (error) {
      this.say(this.options.style.yellow(this.t('editorFailed', { editor: editorCommand(this.options.env), reason: (error as Error).message })));
      return undefined;
    } finally {
      this.editing = false;
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
