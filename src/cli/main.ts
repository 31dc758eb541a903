/**
 * The command line. Each command's module is imported inside its action, so `--help`,
 * `--version` and `lint` never load the prompt library, Handlebars or the Markdown renderer.
 */
import { Command, CommanderError, Option } from 'commander';
import { resolveLang } from '../i18n/lang.js';
import { packageVersion } from '../package.js';
import { useColor } from './color.js';
import { EXIT } from './errors.js';
import type { Locale } from '../playbook/schema.js';

export interface CliContext {
  stdout: NodeJS.WritableStream & { isTTY?: boolean };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  lang: Locale;
  /** colour for stdout / stderr */
  color: boolean;
  colorErr: boolean;
  verbose: boolean;
  cwd: string;
}


const collect = (value: string, previous: string[] = []) => [...previous, value];

export function buildProgram(): Command {
  const program = new Command('tanggap');
  program
    .description('Crisis communication for government PR offices: recognize → respond → apologize → repair')
    .version(packageVersion(), '-V, --version')
    .option('--lang <lang>', 'interface language: id | en')
    .option('--no-color', 'never colour the output')
    .option('--verbose', 'show internal details (stack traces) on errors')
    .showHelpAfterError()
    .configureOutput({ writeErr: (s) => process.stderr.write(s) })
    .exitOverride();

  // `--lang` is recognised anywhere on the line as the interface language; for the commands that
  // write or read a statement it also sets the statement's language, unless `-l` says otherwise.
  const withStatementLang = <T extends { lang?: string }>(opts: T): T => ({ ...opts, lang: opts.lang ?? program.opts<{ lang?: string }>().lang });

  const ctx = (): CliContext => {
    const g = program.opts<{ lang?: string; color?: boolean; verbose?: boolean }>();
    return {
      stdout: process.stdout,
      stderr: process.stderr,
      lang: resolveLang(g.lang),
      color: useColor(process.stdout, g.color),
      colorErr: useColor(process.stderr, g.color),
      verbose: Boolean(g.verbose),
      cwd: process.cwd(),
    };
  };

  program
    .command('lint')
    .description('check playbooks and templates (for people and for CI)')
    .argument('[paths...]', 'playbook files or folders (default: ./playbooks if it exists, else the current folder)')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['stylish', 'json', 'sarif', 'github']).default('stylish'))
    .option('-o, --output-file <file>', 'write the report to a file (stylish still goes to the terminal)')
    .option('--max-warnings <n>', 'exit 1 when there are more warnings than this', Number)
    .option('-c, --config <file>', 'configuration file (default: .tanggaprc.yaml found upward)')
    .option('--playbooks <dir>', 'another folder of playbooks that `extends` may name', collect)
    .option('--generate-ignore', 'write today\'s findings to .tanggapignore.yaml so a team can adopt the linter gradually')
    .option('--builtin', 'lint the built-in playbooks')
    .action(async (paths: string[], opts) => (await import('./lint.js')).run(paths, opts, ctx()));

  program
    .command('list')
    .description('list the playbooks: built-in and ./playbooks')
    .option('--playbooks <dir>', 'another folder of playbooks', collect)
    .option('--json', 'print JSON')
    .action(async (opts) => (await import('./list.js')).runList(opts, ctx()));

  program
    .command('show')
    .description('show a playbook: stages, steps, owners and deadlines')
    .argument('<playbook>', 'id, alias or file')
    .option('--playbooks <dir>', 'another folder of playbooks', collect)
    .option('--json', 'print JSON')
    .action(async (name: string, opts) => (await import('./list.js')).runShow(name, opts, ctx()));

  program
    .command('schema')
    .description('print the JSON Schema of the playbook format (for editors)')
    .action(async () => (await import('./schema.js')).run(ctx()));

  program
    .command('init')
    .description('scaffold a playbook repository in a folder')
    .argument('[dir]', 'folder', '.')
    .option('--extends <playbook>', 'built-in playbook to build on', 'disaster')
    .option('--force', 'write into a folder that is not empty')
    .action(async (dir: string, opts) => (await import('./init.js')).run(dir, opts, ctx()));

  program
    .command('draft')
    .description('render one statement from an answers file or an incident')
    .option('-p, --playbook <id>', 'playbook id, alias or file')
    .requiredOption('-t, --template <id>', 'template id')
    .option('-a, --answers <file>', 'answers file (YAML)')
    .option('-i, --incident <dir>', 'incident folder')
    .addOption(new Option('-l, --lang <lang>', 'language of the statement').choices(['id', 'en']))
    .option('-o, --output <file>', 'write to a file instead of the terminal')
    .option('--final', 'refuse unfilled facts and channel limits (for publication)')
    .option('--playbooks <dir>', 'another folder of playbooks', collect)
    .action(async (opts) => (await import('./draft.js')).run(withStatementLang(opts), ctx()));

  program
    .command('kit')
    .description('build the press kit: Markdown files, one combined Markdown and a standalone HTML page')
    .argument('[incident]', 'incident folder')
    .option('-p, --playbook <id>', 'playbook id, alias or file (with --answers)')
    .option('-a, --answers <file>', 'answers file (YAML)')
    .requiredOption('-o, --output <dir>', 'folder to create')
    .addOption(new Option('-l, --lang <lang>', 'language of the kit').choices(['id', 'en']))
    .option('--final', 'refuse unfilled facts and channel limits (for publication)')
    .option('--force', 'replace an existing folder')
    .option('--playbooks <dir>', 'another folder of playbooks', collect)
    .action(async (incident: string | undefined, opts) => (await import('./kit.js')).run(incident, withStatementLang(opts), ctx()));

  program
    .command('respond')
    .description('the guided walk: triage, strategy, then recognize → respond → apologize → repair')
    .argument('[playbook]', 'id or alias (a list is offered when left out)')
    .option('-a, --answers <file>', 'take every answer from this file; never prompt')
    .option('-y, --yes', 'accept defaults and tick checklists without asking')
    .option('-d, --dir <dir>', 'folder that holds incident records', 'incidents')
    .option('--playbooks <dir>', 'another folder of playbooks', collect)
    .action(async (name: string | undefined, opts) => (await import('./respond.js')).runRespond(name, opts, ctx()));

  program
    .command('resume')
    .description('continue an incident where it stopped')
    .argument('<incident>', 'incident folder')
    .option('-y, --yes', 'accept defaults and tick checklists without asking')
    .option('--playbooks <dir>', 'another folder of playbooks', collect)
    .action(async (dir: string, opts) => (await import('./respond.js')).runResume(dir, opts, ctx()));

  program
    .command('status')
    .description('what is overdue, when the next update is due, progress per stage, unsigned drafts')
    .argument('<incident>', 'incident folder')
    .option('--json', 'print JSON')
    .option('--playbooks <dir>', 'another folder of playbooks', collect)
    .action(async (dir: string, opts) => (await import('./status.js')).run(dir, opts, ctx()));

  program
    .command('log')
    .description('add a timeline entry: a media enquiry, a decision or a note')
    .argument('<incident>', 'incident folder')
    .addOption(new Option('-k, --kind <kind>', 'entry kind').choices(['media', 'decision', 'note']).default('note'))
    .option('-m, --message <text>', 'what happened (the question, for a media enquiry)')
    .option('--outlet <name>', 'media outlet (media enquiry)')
    .option('--journalist <name>', 'journalist (media enquiry)')
    .option('--due <time>', 'their deadline, e.g. 15:00 or an ISO time (media enquiry)')
    .option('--by <name>', 'who logs it')
    .action(async (dir: string, opts) => (await import('./log.js')).run(dir, opts, ctx()));

  program
    .command('check')
    .description('review a statement before it goes out: required parts, risky phrases, unfilled facts, limits, figures')
    .argument('<files...>', 'Markdown or text files')
    .addOption(new Option('-k, --kind <kind>', 'statement kind').choices(['holding', 'press-release', 'update', 'apology', 'hoax-clarification', 'social', 'whatsapp', 'sms']))
    .addOption(new Option('--channel <channel>', 'channel').choices(['x', 'instagram', 'facebook', 'whatsapp', 'sms', 'website']))
    .addOption(new Option('-l, --lang <lang>', 'language of the statement').choices(['id', 'en']))
    .option('-i, --incident <dir>', 'compare figures with this incident\'s recorded facts')
    .option('-p, --playbook <id>', 'also flag this playbook\'s phrases to avoid')
    .addOption(new Option('-f, --format <format>', 'output format').choices(['stylish', 'json', 'sarif', 'github']).default('stylish'))
    .option('-o, --output-file <file>', 'write the report to a file')
    .option('--playbooks <dir>', 'another folder of playbooks', collect)
    .action(async (files: string[], opts) => (await import('./check.js')).run(files, withStatementLang(opts), ctx()));

  return program;
}

/** For the build (scripts/precompile-templates.js): compile the built-in templates the package ships. */
export async function precompileBuiltinTemplates(): Promise<number> {
  return (await import('../render/precompile.js')).precompileBuiltins();
}

/** Run the CLI. Sets process.exitCode; never calls process.exit() while output may be buffered. */
export async function main(argv: string[]): Promise<void> {
  // A reader that goes away (`tanggap list | head`) is not an error.
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EPIPE') process.exit(process.exitCode ?? 0);
      throw error;
    });
  }
  const program = buildProgram();
  try {
    await program.parseAsync(argv);
  } catch (error) {
    process.exitCode = await reportError(error, argv.includes('--verbose'));
  }
}

export async function reportError(error: unknown, verbose: boolean): Promise<number> {
  if (error instanceof CommanderError) {
    // Commander has already printed its message; help and version are not errors.
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
    return EXIT.usage;
  }
  const code = (error as { exitCode?: number }).exitCode;
  const message = error instanceof Error ? error.message : String(error);
  if (code === EXIT.interrupted) {
    if (message) process.stderr.write(`${message}\n`);
    return EXIT.interrupted;
  }
  process.stderr.write(`tanggap: ${message}\n`);
  if (verbose && error instanceof Error && error.stack) process.stderr.write(`${error.stack}\n`);
  else if (code === undefined) process.stderr.write('tanggap: (internal error; run again with --verbose for details)\n');
  return code ?? EXIT.usage;
}
