/**
 * The terminal prompter, on @inquirer/prompts. The library is imported on the first question
 * only, so commands that never prompt never load it. Esc goes back, an empty answer (or "-")
 * skips, Ctrl-C stops with everything answered so far already saved.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Locale } from '../playbook/schema.js';
import { flowText } from './messages.js';
import { wrap } from './present.js';
import { PromptInterrupted, type Prompter, type PromptSpec, type Reply, type TextPrompt, type Weight } from './prompter.js';
import type { Style } from './walk.js';

type Inquirer = typeof import('@inquirer/prompts');

const SKIP_VALUE = '\u0000skip';

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
  private lib?: Inquirer;
  private readonly t: ReturnType<typeof flowText>;

  constructor(private readonly options: InquirerOptions) {
    this.t = flowText(options.lang);
  }

  say(text: string, _weight?: Weight): void {
    this.options.output.write(`${text}\n`);
  }

  async edit(file: string): Promise<void> {
    try {
      await runEditor(file, this.options.env);
    } catch (error) {
      this.say(this.options.style.yellow(this.t('editorFailed', { editor: editorCommand(this.options.env), reason: (error as Error).message })));
    }
  }

  async ask(spec: PromptSpec): Promise<Reply> {
    if (this.options.signal?.aborted) throw new PromptInterrupted(String(this.options.signal.reason ?? 'SIGINT'));
    const lib = (this.lib ??= await import('@inquirer/prompts'));
    if (spec.help) this.say(this.options.style.dim(wrap(`  ${spec.help}`, 78, '  ')));
    for (;;) {
      const reply = await this.once(lib, spec);
      if (reply) return reply;
    }
  }

  /** One prompt; undefined when it must be asked again (":e" in a text answer, "<" with nothing to go back to). */
  private async once(lib: Inquirer, spec: PromptSpec): Promise<Reply | undefined> {
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
          const choices = [
            ...spec.choices.map((c) => ({ value: c.value, name: c.label, description: c.hint })),
            ...(spec.canSkip ? [new lib.Separator(), { value: SKIP_VALUE, name: this.t('skipChoice') }] : []),
          ];
          const value = await lib.select(
            { message: spec.message, choices, default: spec.default, pageSize: 12, theme: { style: { keysHelpTip: tip(this.t(spec.canBack ? 'hintSelect' : 'hintSelectNoBack')) } } },
            context,
          );
          return value === SKIP_VALUE ? { type: 'skip' } : { type: 'answer', value };
        }
        case 'multiselect': {
          const value = await lib.checkbox(
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
          const value = await lib.confirm({ message: spec.message, default: spec.default, theme: keywords ? { keywords } : undefined }, context);
          return { type: 'answer', value };
        }
        default:
          return await this.text(lib, spec, context);
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

  private async text(lib: Inquirer, spec: TextPrompt, context: { input: NodeJS.ReadStream; output: NodeJS.WriteStream; signal: AbortSignal }): Promise<Reply | undefined> {
    const t = this.t;
    const hints = [t(spec.canSkip ? (spec.canBack ? 'hintText' : 'hintTextNoBack') : spec.canBack ? 'hintTextRequired' : 'hintTextRequiredNoBack')];
    if (spec.kind === 'list') hints.unshift(t('listHint'));
    if (spec.kind === 'editor') hints.unshift(t('editorHint'));
    const special = (raw: string) => raw === '<' || (spec.kind === 'editor' && raw === ':e');
    const hint = this.options.style.dim(`(${hints.join(' · ')})`);
    const raw = await lib.input(
      {
        message: spec.message,
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

  /** A longer text in the officer's editor, through a private temporary file. */
  private async editText(initial: string): Promise<string | undefined> {
    const dir = mkdtempSync(join(tmpdir(), 'tanggap-'));
    const file = join(dir, 'jawaban.md');
    try {
      writeFileSync(file, initial, { mode: 0o600 });
      await runEditor(file, this.options.env);
      return readFileSync(file, 'utf8').replace(/\s+$/, '');
    } catch (error) {
      this.say(this.options.style.yellow(this.t('editorFailed', { editor: editorCommand(this.options.env), reason: (error as Error).message })));
      return undefined;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  }
}
