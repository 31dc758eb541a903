/**
 * Start-up. The command line is bundled into one CommonJS script (dist/bundle/tanggap.cjs), run
 * here through V8 with its code cache: the first run of each command compiles as usual and, on
 * exit, keeps V8's cache of everything it compiled in the user's cache folder; later runs skip
 * parsing and compiling. V8 checks only that a cache was made by the same V8 for a source of the
 * same length, so the key names the exact build: the hash the bundler writes on the script's last
 * line, with the Node version and the command. Without the script (an unbundled build), when it
 * cannot be loaded, and for `--version` or `--help` alone, the command line is imported as ES
 * modules.
 */
import { readFileSync, statSync } from 'node:fs';
import { fileURLToPath, pathToFileURL } from 'node:url';

type Main = (argv: string[]) => Promise<void> | void;
/** What the command line module exports (src/cli/main.ts). */
export interface CommandLine {
  main: Main;
  precompileBuiltinTemplates(): Promise<number>;
}

const WRAPPER_PARAMETERS = ['exports', 'require', 'module', '__filename', '__dirname', '__tanggapUrl', '__tanggapResolve', '__tanggapImport'];

/** Compile the bundle (with the code cache when there is one) and return its exports. */
async function loadBundle(file: string, command: string): Promise<CommandLine> {
  // Loaded here, so that starting without a command (--version) pays for none of it.
  const [{ createRequire }, { dirname }, { Script }, { cacheFolder, hashOf, readCacheBytes, scriptHash, writeCache }] = await Promise.all([
    import('node:module'),
    import('node:path'),
    import('node:vm'),
    import('./cache.js'),
  ]);
  // The build hash is read with the text it names, so the two always belong together.
  const source = readFileSync(file, 'utf8');
  const key = `${hashOf(process.version, process.arch, scriptHash(source), command)}.v8`;
  const cachedData = readCacheBytes('code', key);
  // The wrapper keeps the script's first line on line 1, so positions in stack traces hold.
  const script = new Script(`(function (${WRAPPER_PARAMETERS.join(', ')}) {${source}\n})`, { filename: file, cachedData });
  if ((!cachedData || script.cachedDataRejected) && cacheFolder('code')) {
    process.once('exit', () => {
      try {
        writeCache('code', key, script.createCachedData());
      } catch {
        /* only costs speed next time */
      }
    });
  }
  const url = pathToFileURL(file).href;
  const module = { exports: {} as CommandLine };
  const wrapped = script.runInThisContext() as (...args: unknown[]) => void;
  wrapped(
    module.exports,
    createRequire(file),
    module,
    file,
    dirname(file),
    url,
    (specifier: string) => import.meta.resolve(specifier),
    (specifier: string) => import(specifier),
  );
  return module.exports;
}

/** The command line's `main`, from the precompiled bundle when there is one. */
export async function commandLine(argv: string[]): Promise<Main> {
  return (await commandLineModule(argv)).main;
}

/** The command line module: the bundled script when there is one, else the ES modules. */
export async function commandLineModule(argv: string[]): Promise<CommandLine> {
  const file = fileURLToPath(new URL('./tanggap.cjs', import.meta.url));
  let exists = false;
  try {
    exists = statSync(file).isFile();
  } catch {
    /* an unbundled build */
  }
  const command = commandWord(argv.slice(2));
  if (exists && command) {
    if (command === 'kit') {
      // The kit's HTML worker boots while the command line loads (see kit/html-worker-start.ts).
      const { htmlWorkerUrl, prestartHtmlWorker } = await import('./kit/html-worker-start.js');
      prestartHtmlWorker(htmlWorkerUrl(import.meta.url));
    }
    try {
      return await loadBundle(file, command);
    } catch {
      // A damaged script: the ES modules hold the same command line.
    }
  }
  return (await import('./cli/main.js')) as CommandLine;
}

/**
 * The command a command line names: its first plain word, past the global options (`--lang`
 * takes a value). Without one (--version, --help) only the option parser runs, and the ES
 * modules' small main module starts faster than the whole script.
 */
export function commandWord(args: string[]): string | undefined {
  for (let i = 0; i < args.length; i++) {
    const arg = args[i];
    if (arg === '--lang') i++;
    else if (/^[a-z][a-z-]{0,20}$/.test(arg)) return arg;
    else if (!arg.startsWith('-')) return undefined;
  }
  return undefined;
}
