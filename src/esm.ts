/**
 * Loading an ES module that is not bundled (marked, @inquirer/prompts) on first use. The command
 * line runs as one precompiled script (src/boot.ts), where a bare `import()` is not available; the
 * bundle build replaces this function with the one boot.ts provides. Specifiers resolve from the
 * package's own folder either way.
 */
export function importEsm<T>(specifier: string): Promise<T> {
  return import(specifier) as Promise<T>;
}
