/**
 * Start-up. The command line is bundled into one CommonJS script (dist/bundle/tanggap.cjs), run
 * here through V8 with its code cache: the first run of each command compiles as usual and, on
 * exit, keeps V8's cache of everything it compiled in the user's cache folder; later runs skip
 * parsing and compiling. The cache is keyed by the script file's identity, the Node version and
 * the command, and V8 rejects one that does not fit, so it can be stale only in speed. Without
 * the script (an unbundled build) the command line is imported as ES modules.
 */
import { readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Script } from 'node:vm';
import { hashOf, readCacheBytes, writeCache } from './cache.js';

type Main = (argv: string[]) => Promise<void> | void;
/** What the command line module exports (src/cli/main.ts). */
export interface CommandLine {
  main: Main;
  precompileBuiltinTemplates(): Promise<number>;
}

const WRAPPER_PARAMETERS = ['exports', 'require', 'module', '__filename', '__dirname', '__tanggapUrl', '__tanggapResolve', '__tanggapImport'];

/** Compile the bundle (with the code cache when there is one) and return its exports. */
function loadBundle(file: string, command: string): CommandLine {
  const source = readFileSync(file, 'utf8');
  const st = statSync(file);
  const key = `${hashOf(process.version, process.arch, file, String(st.size), String(st.mtimeMs), String(st.ino), command)}.v8`;
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
  if (exists) {
    const command = /^[a-z][a-z-]{0,20}$/.test(argv[2] ?? '') ? argv[2] : '-';
    return loadBundle(file, command);
  }
  return (await import('./cli/main.js')) as CommandLine;
}
