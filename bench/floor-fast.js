// The stretch floor: parse each file with js-yaml (no positions) and validate it against the
// JSON Schema compiled once. Prints {ms, maxRSSMB, files}.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import jsYaml from 'js-yaml';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { Playbook } from '../dist/playbook/schema.js';

const dir = process.argv[2];
const t0 = performance.now();
const check = TypeCompiler.Compile(Playbook);
let invalid = 0;
const files = readdirSync(dir).filter((f) => f.endsWith('.playbook.yaml'));
for (const f of files) {
  try {
    if (!check.Check(jsYaml.load(readFileSync(join(dir, f), 'utf8'), { schema: jsYaml.CORE_SCHEMA }))) invalid++;
  } catch {
    invalid++;
  }
}
const ms = performance.now() - t0;
console.log(JSON.stringify({ ms, maxRSSMB: process.resourceUsage().maxRSS / 1024, files: files.length, invalid }));
