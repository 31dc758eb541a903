/**
 * Libraries loaded on first use. Most runs never need them: a playbook or answers file read
 * before comes from the user's cache (no YAML parser at all), the careful parse (positions,
 * findings) and writing YAML need `yaml`, a first read needs js-yaml. The bundled build ships
 * each as one file in dist/bundle/vendor/; the compiled modules load them from node_modules.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export type YamlLib = typeof import('yaml');
export type JsYamlLib = typeof import('js-yaml');

function load<T>(name: string): T {
  const require = createRequire(import.meta.url);
  const single = fileURLToPath(new URL(`./vendor/${name}.cjs`, import.meta.url));
  return (existsSync(single) ? require(single) : require(name)) as T;
}

let yaml: YamlLib | undefined;
let jsYaml: JsYamlLib | undefined;

export const yamlLib = (): YamlLib => (yaml ??= load<YamlLib>('yaml'));
export const jsYamlLib = (): JsYamlLib => (jsYaml ??= load<JsYamlLib>('js-yaml'));
