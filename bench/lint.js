// Lint benchmarks: start-up (--version, lint of one small file) and throughput on 1,000 playbooks,
// each side by side with a baseline measured in the same run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { writeCorpus } from './corpus.js';
import { fmt, median, ratio, table, timeCommands } from './lib.js';

const ROOT = resolve(import.meta.dirname, '..');
const BIN = join(ROOT, 'bin', 'tanggap.js');
const node = process.execPath;

export function benchLint({ runs = 15, corpusSize = 1000 } = {}) {
  const small = join(ROOT, 'test', 'fixtures', 'lint', '_base', 'base.playbook.yaml');
  const [baseline, version, lintOne] = timeCommands(
    [
      [node, ['-e', '0']],
      [node, [BIN, '--version']],
      [node, [BIN, 'lint', small]],
    ],
    { runs },
  );

  const dir = mkdtempSync(join(tmpdir(), 'tanggap-corpus-'));
  try {
    writeCorpus(dir, corpusSize);
    const measure = (script, ...args) => {
      const samples = Array.from({ length: 3 }, () => JSON.parse(spawnSync(node, [join(ROOT, 'bench', script), dir, ...args], { encoding: 'utf8' }).stdout));
      return { ms: median(samples.map((s) => s.ms)), maxRSSMB: Math.max(...samples.map((s) => s.maxRSSMB)), sample: samples[0] };
    };
    const floor = measure('floor.js');
    const fastFloor = measure('floor.js', '--parser', 'js-yaml');
    const lint = measure('lint-driver.js');
    return {
      startup: { baseline: baseline.median, version: version.median, lintOne: lintOne.median },
      throughput: { files: corpusSize, floorMs: floor.ms, fastFloorMs: fastFloor.ms, lintMs: lint.ms, lintMaxRSSMB: lint.maxRSSMB, floorMaxRSSMB: floor.maxRSSMB, findings: lint.sample.findings, invalid: floor.sample.invalid },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

export function lintTable(r) {
  return table([
    ['measurement', 'tanggap', 'baseline', 'ratio', 'target'],
    ['start-up: `tanggap --version`', fmt(r.startup.version), `${fmt(r.startup.baseline)} (node -e 0)`, ratio(r.startup.version, r.startup.baseline), '≤ 1.5x'],
    ['start-up: `tanggap lint` one small file', fmt(r.startup.lintOne), `${fmt(r.startup.baseline)} (node -e 0)`, ratio(r.startup.lintOne, r.startup.baseline), '≤ 2.5x'],
    [`lint ${r.throughput.files} playbooks, all rules`, fmt(r.throughput.lintMs), `${fmt(r.throughput.floorMs)} (parse + JSON Schema only)`, ratio(r.throughput.lintMs, r.throughput.floorMs), '≤ 1.5x'],
    [`lint ${r.throughput.files} playbooks, all rules (stretch)`, fmt(r.throughput.lintMs), `${fmt(r.throughput.fastFloorMs)} (js-yaml parse + JSON Schema only)`, ratio(r.throughput.lintMs, r.throughput.fastFloorMs), '≤ 1.5x (stretch)'],
    [`peak memory, ${r.throughput.files} playbooks`, `${r.throughput.lintMaxRSSMB.toFixed(0)} MB`, `${r.throughput.floorMaxRSSMB.toFixed(0)} MB`, ratio(r.throughput.lintMaxRSSMB, r.throughput.floorMaxRSSMB), '< 200 MB'],
  ]);
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const r = benchLint();
  if (process.argv.includes('--json')) console.log(JSON.stringify(r, null, 2));
  else console.log(lintTable(r));
}
