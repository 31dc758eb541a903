/**
 * Start-up. The command line is bundled into one CommonJS script (dist/bundle/tanggap.cjs), run
 * here through V8 with its code cache: the first run of each command compiles as usual and, on
 * exit, keeps V8's cache of everything it compiled in the user's cache folder; later runs skip
 * parsing and compiling. The cache is keyed by the script file's identity (path, size, inode,
 * modification and change times), the Node version and the command, and V8 rejects one made by
 * another V8, so a cache never runs code other than the script's. Without the script (an
 * unbundled build), and for `--version` or `--help` alone, the command line is imported as ES
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
  const [{ createRequire }, { dirname }, { Script }, { hashOf, readCacheBytes, writeCache }] = await Promise.all([
    import('node:module'),
    import('node:path'),
    import('node:vm'),
    import('./cache.js'),
  ]);
  const source = readFileSync(file, 'utf8');
  const st = statSync(file);
  // ctime changes whenever the file is written or replaced, whatever its size and modification time say.
  const key = `${hashOf(process.version, process.arch, file, String(st.size), String(st.mtimeMs), String(st.ctimeMs), String(st.ino), command)}.v8`;
  const cachedData = readCacheBytes('code', key);
  // The wrapper keeps the script's first line on line 1, so positions in stack traces hold.
  const script = new Script(`(function (${WRAPPER_PARAMETERS.join(', ')}) {${source}\n})`, { filename: file, cachedData });
  if (!cachedData || script.cachedDataRejected) {
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
  // The first plain word names the command (and its code cache). Without one (--version, --help)
  // only the option parser runs: the ES modules' small main module starts faster than the script.
  const command = argv.slice(2).find((arg) => /^[a-z][a-z-]{0,20}$/.test(arg));
  if (exists && command === 'kit') {
    // The kit's HTML worker boots while the command line loads (see kit/html-worker-start.ts).
    (await import('./kit/html-worker-start.js')).prestartHtmlWorker(new URL('./html-worker.js', import.meta.url));
  }
  if (exists && command) return loadBundle(file, command);
  return (await import('./cli/main.js')) as CommandLine;
}
