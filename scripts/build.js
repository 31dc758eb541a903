// The build: type-check and compile the module tree (dist/), bundle the CLI (dist/bundle/),
// and write the JSON Schema from its single source (schema/playbook.schema.json).
import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const run = (cmd, args) => {
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status !== 0) process.exit(r.status ?? 1);
};
// From a clean dist/, so nothing a former build left behind is packed or loaded.
rmSync('dist', { recursive: true, force: true });
run(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', 'tsconfig.build.json']);
run(process.execPath, ['scripts/bundle.js']);
// The built-in templates, compiled by the bundle just made (a first run need not compile them).
run(process.execPath, ['scripts/precompile-templates.js']);
run(process.execPath, ['scripts/write-schema.js']);
// The checker's phrase lists, compiled from check-rules/*.yaml so a check run does not parse YAML.
run(process.execPath, ['-e', "Promise.all([import('./dist/check/data.js'), import('./dist/check/rules/index.js')]).then(([d, r]) => d.writeCompiledLanguageData(r.CHECK_RULES))"]);
