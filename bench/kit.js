#!/usr/bin/env node
/**
 * Press-kit benchmark. Builds one full kit in-process N times (median), then times the whole
 * `node bin/tanggap.js kit …` command against `node -e 0` (medians of several alternating runs)
 * and prints the ratio; the target is within 3x of bare Node start-up. The command runs with its
 * own cache folder, filled by one run before; the first run after installing (an empty cache
 * folder: templates compiled, playbooks parsed, code compiled) is reported beside it.
 *
 *   node bench/kit.js [--runs <n>] [--builds <n>] [--answers <file> --playbook <id|file>] [--json]
 *
 * Needs the built CLI (npm run build).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'tanggap.js');
const TARGET_RATIO = 3;

const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const json = process.argv.includes('--json');
const runs = Number(option('runs', '7'));
const builds = Number(option('builds', '20'));

function example() {
  const answers = option('answers');
  if (answers) return { answers: resolve(answers), playbook: option('playbook') };
  const dir = join(ROOT, 'examples');
  const names = existsSync(dir) ? readdirSync(dir).filter((n) => n.endsWith('.answers.yaml')).sort() : [];
  // The example with the most templates makes the heaviest kit.
  for (const preferred of ['disaster', 'corruption-allegation', ...names.map((n) => n.replace('.answers.yaml', ''))]) {
    if (existsSync(join(dir, `${preferred}.answers.yaml`)) && existsSync(join(ROOT, 'playbooks', `${preferred}.playbook.yaml`))) {
      return { answers: join(dir, `${preferred}.answers.yaml`), playbook: preferred };
    }
  }
  return {
    answers: join(ROOT, 'test', 'fixtures', 'render', 'banjir.answers.yaml'),
    playbook: join(ROOT, 'test', 'fixtures', 'render', 'playbooks', 'banjir.playbook.yaml'),
  };
}

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

function timeCommand(args, cwd, env = {}) {
  const start = performance.now();
  const r = spawnSync(process.execPath, args, { cwd, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1', TANGGAP_LANG: 'en', ...env } });
  const ms = performance.now() - start;
  if (r.status !== 0) throw new Error(`${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

async function inProcess(source, n) {
  const load = (rel) => import(pathToFileURL(join(ROOT, 'dist', rel)).href);
  const [{ loadAnswersFile }, { Registry }, { loadPlaybook }, { buildKit }, { kitHtml }] = await Promise.all([
    load('incident/answers.js'),
    load('playbook/registry.js'),
    load('playbook/load.js'),
    load('kit/build.js'),
    load('kit/html.js'),
  ]);
  const registry = new Registry([]);
  const times = [];
  let documents = 0;
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    const loaded = source.playbook.endsWith('.yaml') ? loadPlaybook(source.playbook, registry.resolveExtends) : registry.load(source.playbook);
    const { answers } = loadAnswersFile(source.answers);
    const kit = buildKit({ loaded, answers, lang: answers.incident.lang ?? 'id' });
    await kitHtml(kit, answers);
    times.push(performance.now() - start);
    documents = kit.documents.length;
  }
  return { median: median(times), first: times[0], documents };
}

async function main() {
  if (!existsSync(join(ROOT, 'dist', 'cli', 'main.js'))) {
    process.stderr.write('build first: npm run build\n');
    return 2;
  }
  const source = example();
  const work = mkdtempSync(join(tmpdir(), 'tanggap-bench-kit-'));
  try {
    const build = await inProcess(source, builds);
    const nodeTimes = [];
    const kitTimes = [];
    const helpTimes = [];
    const firstTimes = [];
    const kitArgs = (out) => [BIN, 'kit', '--answers', source.answers, '-o', out, ...(source.playbook ? ['--playbook', source.playbook] : [])];
    // The first run after installing: nothing in the cache folder (templates, parsed playbooks, code).
    for (let i = 0; i < 3; i++) {
      const out = join(work, `first-${i}`);
      firstTimes.push(timeCommand(kitArgs(out), work, { XDG_CACHE_HOME: join(work, `empty-cache-${i}`) }));
      rmSync(out, { recursive: true, force: true });
    }
    // Every later run: the cache folder filled by one run before.
    const cache = { XDG_CACHE_HOME: join(work, 'cache') };
    timeCommand(kitArgs(join(work, 'prime')), work, cache);
    for (let i = 0; i < runs; i++) {
      nodeTimes.push(timeCommand(['-e', '0'], work));
      const out = join(work, `kit-${i}`);
      kitTimes.push(timeCommand(kitArgs(out), work, cache));
      rmSync(out, { recursive: true, force: true });
      helpTimes.push(timeCommand([BIN, '--help'], work, cache));
    }
    const result = {
      example: { answers: source.answers, playbook: source.playbook, documents: build.documents },
      inProcess: { builds, firstMs: round(build.first), medianMs: round(build.median) },
      command: {
        runs,
        nodeMs: round(median(nodeTimes)),
        kitMs: round(median(kitTimes)),
        helpMs: round(median(helpTimes)),
        firstRunMs: round(median(firstTimes)),
      },
    };
    result.command.ratio = round(result.command.kitMs / result.command.nodeMs);
    result.command.helpRatio = round(result.command.helpMs / result.command.nodeMs);
    result.command.firstRunRatio = round(result.command.firstRunMs / result.command.nodeMs);
    result.command.target = TARGET_RATIO;
    result.command.withinTarget = result.command.ratio <= TARGET_RATIO;
    if (json) {
      process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    } else {
      const rows = [
        ['measure', 'median ms', 'vs node -e 0'],
        [`kit in-process (${builds} builds, ${build.documents} documents)`, result.inProcess.medianMs, ''],
        [`node -e 0 (${runs} runs)`, result.command.nodeMs, '1.00x'],
        ['tanggap --help', result.command.helpMs, `${result.command.helpRatio.toFixed(2)}x`],
        ['tanggap kit …', result.command.kitMs, `${result.command.ratio.toFixed(2)}x (target ≤ ${TARGET_RATIO}x)`],
        ['tanggap kit …, first run (empty cache, 3 runs)', result.command.firstRunMs, `${result.command.firstRunRatio.toFixed(2)}x`],
      ];
      const width = rows.map((r) => String(r[0]).length).reduce((a, b) => Math.max(a, b));
      for (const [name, ms, ratio] of rows) process.stdout.write(`${String(name).padEnd(width)}  ${String(ms).padStart(9)}  ${ratio}\n`);
    }
    return result.command.withinTarget ? 0 : 1;
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

const round = (n) => Math.round(n * 100) / 100;

process.exitCode = await main();
