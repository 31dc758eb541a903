/**
 * Prompters that never wait for a person: a script of answers (for tests: it fails on any
 * question it did not expect), and the non-interactive one used with --answers, without a
 * terminal or in CI (defaults and skips, and a clear error for a required answer it lacks).
 */
import { MissingAnswer, type Prompter, type PromptSpec, type Reply, type Weight } from './prompter.js';

export const BACK = Symbol('back');
export const SKIP = Symbol('skip');

/** What the script answers: typed text (parsed like keyboard input), a value, back, or skip. */
export type ScriptedReply = string | number | boolean | string[] | typeof BACK | typeof SKIP;

/** One expected question: its key (or a pattern) and the reply. */
export type ScriptLine = [key: string | RegExp, reply: ScriptedReply];

export class UnexpectedQuestion extends Error {}

export class ScriptedPrompter implements Prompter {
  readonly interactive = false;
  readonly asked: PromptSpec[] = [];
  readonly said: string[] = [];
  private position = 0;

  constructor(
    private readonly script: ScriptLine[],
    private readonly onEdit: (file: string) => void = () => {},
  ) {}

  /** Script lines not used yet. */
  get remaining(): ScriptLine[] {
    return this.script.slice(this.position);
  }

  async ask(spec: PromptSpec): Promise<Reply> {
    this.asked.push(spec);
    const line = this.script[this.position];
    if (!line) throw new UnexpectedQuestion(`unexpected question "${spec.key}" (${spec.message}): the script has ended`);
    const [expected, reply] = line;
    const matches = typeof expected === 'string' ? expected === spec.key : expected.test(spec.key);
    if (!matches) throw new UnexpectedQuestion(`unexpected question "${spec.key}" (${spec.message}); the script expected "${String(expected)}"`);
    this.position++;
    if (reply === BACK) return { type: 'back' };
    if (reply === SKIP) {
      if (!spec.canSkip) throw new UnexpectedQuestion(`"${spec.key}" cannot be skipped`);
      return { type: 'skip' };
    }
    switch (spec.kind) {
      case 'select':
        if (!spec.choices.some((c) => c.value === reply)) throw new UnexpectedQuestion(`"${String(reply)}" is not a choice of "${spec.key}": ${spec.choices.map((c) => c.value).join(', ')}`);
        return { type: 'answer', value: reply as string };
      case 'multiselect': {
        const values = Array.isArray(reply) ? reply : [String(reply)];
        const unknown = values.filter((v) => !spec.choices.some((c) => c.value === v));
        if (unknown.length) throw new UnexpectedQuestion(`not choices of "${spec.key}": ${unknown.join(', ')}`);
        return { type: 'answer', value: values };
      }
      case 'confirm':
        if (typeof reply !== 'boolean') throw new UnexpectedQuestion(`"${spec.key}" expects true or false`);
        return { type: 'answer', value: reply };
      default: {
        const parsed = spec.parse(Array.isArray(reply) ? reply.join('; ') : String(reply));
        if ('error' in parsed) throw new UnexpectedQuestion(`"${spec.key}" refused "${String(reply)}": ${parsed.error}`);
        return { type: 'answer', value: parsed.value };
      }
    }
  }

  say(text: string): void {
    this.said.push(text);
  }

  async edit(file: string): Promise<void> {
    this.onEdit(file);
  }
}

/**
 * Answers nothing a person would have to decide: takes the default, skips what may be skipped,
 * and stops with MissingAnswer on a required question. Narration of weight "summary" goes to `write`.
 */
export class AutoPrompter implements Prompter {
  readonly interactive = false;

  constructor(private readonly write: (text: string) => void) {}

  async ask(spec: PromptSpec): Promise<Reply> {
    if (spec.default !== undefined) {
      if (spec.kind === 'text' || spec.kind === 'editor' || spec.kind === 'number' || spec.kind === 'datetime' || spec.kind === 'list') {
        const parsed = spec.parse(String(spec.default));
        if ('value' in parsed) return { type: 'answer', value: parsed.value };
      } else return { type: 'answer', value: spec.default };
    }
    if (spec.required || !spec.canSkip) throw new MissingAnswer(spec.key, spec.message);
    return { type: 'skip' };
  }

  say(text: string, weight: Weight = 'detail'): void {
    if (weight === 'summary') this.write(text);
  }

  async edit(): Promise<void> {
    // Nothing to open without a terminal; the review question defaults to "later".
  }
}
