// `npm run bench`: every benchmark, each side by side with its baseline in the same run.
// Prints Markdown; with --update-readme, also writes it between the bench markers in README.md.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { os } from './machine.js';

const ROOT = resolve(import.meta.dirname, '..');
const sections = [
  { script: 'lint.js', title: 'Lint' },
  { script: 'respond.js', title: 'Respond' },
  { script: 'kit.js', title: 'Press kit' },
  { script: 'check-eval.js', title: 'Statement check: precision and recall on the labelled set (the set the rules were written against)' },
  { script: 'check-eval.js', args: ['--corpus', 'test/check/heldout'], title: 'Statement check: precision and recall on the second set (written from the rule pages by another author; the rules were then widened from its misses)' },
];

const out = [`Machine: ${os()}. Node ${process.version}. Medians of repeated runs; ratios against the baseline measured in the same run.`, ''];
let failed = false;
for (const { script, title, args = [] } of sections) {
  const file = join(ROOT, 'bench', script);
  if (!existsSync(file)) continue;
  process.stderr.write(`bench: ${script}…\n`);
  const r = spawnSync(process.execPath, [file, '--markdown', ...args], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  // A benchmark exits 1 when it misses its target; its figures are still the report.
  if (r.status !== 0 && !r.stdout.trim()) {
    failed = true;
    process.stderr.write(`bench: ${script} failed (exit ${r.status})\n${r.stderr}\n`);
    continue;
  }
  if (r.status !== 0) process.stderr.write(`bench: ${script} missed its target\n`);
  const text = r.stdout.trim();
  // Plain aligned tables read as such only in a code block.
  out.push(`### ${title}`, '', text.startsWith('|') ? text : `\`\`\`\n${text}\n\`\`\``, '');
}
const markdown = out.join('\n');
console.log(markdown);
if (process.argv.includes('--update-readme')) {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const updated = readme.replace(/<!-- bench:start -->[\s\S]*<!-- bench:end -->/, `<!-- bench:start -->\n${markdown}\n<!-- bench:end -->`);
  writeFileSync(join(ROOT, 'README.md'), updated);
}
if (failed) process.exitCode = 1;
