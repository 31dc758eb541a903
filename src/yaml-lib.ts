/**
 * The `yaml` library, loaded on first use: most commands read YAML through js-yaml's fast path
 * and never need it; the careful parse (positions, findings) and writing YAML do. The bundled
 * build ships it as one file next to the command chunks; the compiled modules load it from
 * node_modules.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export type YamlLib = typeof import('yaml');

let lib: YamlLib | undefined;

export function yamlLib(): YamlLib {
  if (lib) return lib;
  const require = createRequire(import.meta.url);
  const single = fileURLToPath(new URL('./yaml-lib.cjs', import.meta.url));
  lib = (existsSync(single) ? require(single) : require('yaml')) as YamlLib;
  return lib;
}
