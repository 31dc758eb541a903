// The throughput floor: only parse each playbook and validate it against the JSON Schema
// (compiled once). `--parser yaml` (default) is the `yaml` library, as the careful parse uses it;
// `--parser js-yaml` is the faster parser without positions (the stretch floor).
// Prints {ms, maxRSSMB, files, invalid}.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import jsYaml from 'js-yaml';
import { parseDocument } from 'yaml';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { Playbook } from '../dist/playbook/schema.js';

const dir = process.argv[2];
const parser = process.argv.includes('js-yaml') ? 'js-yaml' : 'yaml';
const parse = {
  yaml: (text) => {
    const doc = parseDocument(text);
    if (doc.errors.length) throw new Error(doc.errors[0].message);
    return doc.toJS();
  },
  'js-yaml': (text) => jsYaml.load(text, { schema: jsYaml.CORE_SCHEMA }),
}[parser];

const t0 = performance.now();
const check = TypeCompiler.Compile(Playbook);
let invalid = 0;
const files = readdirSync(dir).filter((f) => f.endsWith('.playbook.yaml'));
for (const f of files) {
  try {
    if (!check.Check(parse(readFileSync(join(dir, f), 'utf8')))) invalid++;
  } catch {
    invalid++;
  }
}
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, maxRSSMB: process.resourceUsage().maxRSS / 1024, files: files.length, invalid }));
