/**
 * The walk talks to the officer only through a Prompter, so the same flow runs in a terminal
 * (prompter-inquirer.ts), from an answers file or in a test (scripted.ts).
 */

export interface Choice {
  value: string;
  label: string;
  hint?: string;
  /** shown once chosen, when the label is long */
  short?: string;
}

/** Typed text read into its stored form, or the reason it cannot be. */
export type Parsed<T> = { value: T } | { error: string };

interface PromptBase {
  /** where the answer is stored in the record, e.g. "incident.title", "q.jumlah_korban" */
  key: string;
  message: string;
  help?: string;
  /** the officer may answer "not known yet" */
  canSkip: boolean;
  /** there is an earlier answer to go back to */
  canBack: boolean;
  /** cannot be skipped by an answers file or `--yes` */
  required?: boolean;
}

export interface TextPrompt extends PromptBase {
  kind: 'text' | 'editor' | 'number' | 'datetime' | 'list';
  /** shown and accepted with Enter */
  default?: string;
  parse: (raw: string) => Parsed<string | number | string[]>;
}

export interface SelectPrompt extends PromptBase {
  kind: 'select';
  choices: Choice[];
  default?: string;
}

export interface MultiselectPrompt extends PromptBase {
  kind: 'multiselect';
  choices: Choice[];
  default?: string[];
}

export interface ConfirmPrompt extends PromptBase {
  kind: 'confirm';
  default?: boolean;
}

export type PromptSpec = TextPrompt | SelectPrompt | MultiselectPrompt | ConfirmPrompt;
export type PromptKind = PromptSpec['kind'];

export type Reply =
  | { type: 'answer'; value: string | number | boolean | string[] }
  | { type: 'skip' }
  | { type: 'back' };

/** How much a narration line matters: non-interactive runs print only summaries. */
export type Weight = 'detail' | 'summary';

export interface Prompter {
  /** a person is answering (a terminal); false for answers files, CI and tests */
  readonly interactive: boolean;
  ask(spec: PromptSpec): Promise<Reply>;
  /** narration between questions: step headers, triage, drafts */
  say(text: string, weight?: Weight): void;
  /** open a file in the officer's editor and wait until it is closed */
  edit(file: string): Promise<void>;
}

/** Thrown by a prompter when the officer presses Ctrl-C or the process is told to stop. */
export class PromptInterrupted extends Error {
  constructor(readonly signal: string) {
    super(`interrupted (${signal})`);
  }
}

/** A required answer that a non-interactive run does not have. */
export class MissingAnswer extends Error {
  readonly exitCode = 2;
  constructor(
    readonly key: string,
    readonly question: string,
  ) {
    super(`missing required answer: ${key}`);
  }
}
