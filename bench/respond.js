#!/usr/bin/env node
/**
 * Respond start-up benchmark. In a pseudo-terminal, times from spawning
 * `node bin/tanggap.js respond disaster` to the first question appearing on screen, against the
 * time `node -e 0` takes to start and exit in the same terminal (medians of several runs,
 * alternating). The target: the first question within 2x of bare Node.
 *
 *   node bench/respond.js [--runs <n>] [--json] [--markdown]
 *
 * Needs the built CLI (npm run build).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { spawn } from '@lydell/node-pty';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'tanggap.js');
const TARGET_RATIO = 2;
const FIRST_QUESTION = 'Incident title';

const option = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const runs = Number(option('runs', '11'));

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};

/** Spawn in an 80x24 pseudo-terminal; resolve with the ms until `until(output)` holds or the process exits. */
function timeInTerminal(args, cwd, env, until) {
  return new Promise((resolvePromise, reject) => {
    const start = performance.now();
    const pty = spawn(process.execPath, args, { name: 'xterm-256color', cols: 80, rows: 24, cwd, env });
    let output = '';
    let settled = false;
    let exited = false;
    let finish = () => {};
    const settle = (ms, error) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      // Stopped as an officer would (SIGTERM: the answers are saved, the process exits and keeps its
      // code cache, as every real session does), the time taken before it.
      finish = () => (error ? reject(error) : resolvePromise(ms));
      if (exited) return finish();
      try {
        pty.kill('SIGTERM');
      } catch {
        return finish();
      }
      setTimeout(() => {
        if (exited) return;
        try {
          pty.kill('SIGKILL');
        } catch {
          // it has exited already
        }
        finish();
      }, 5_000).unref();
    };
    const timer = setTimeout(() => settle(0, new Error(`no answer within 60 s from: ${args.join(' ')}\n${output}`)), 60_000);
    pty.onData((data) => {
      output += data;
      if (until && until(output)) settle(performance.now() - start);
    });
    pty.onExit(({ exitCode }) => {
      exited = true;
      if (settled) return finish();
      if (until) settle(0, new Error(`${args.join(' ')} exited ${exitCode} before the first question:\n${output}`));
      else settle(performance.now() - start);
    });
  });
}

async function main() {
  const work = mkdtempSync(join(tmpdir(), 'tanggap-bench-respond-'));
  const env = {};
  for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'CI') env[k] = v;
  Object.assign(env, { NO_COLOR: '1', TANGGAP_LANG: 'en', XDG_CONFIG_HOME: join(work, 'config'), TERM: 'xterm-256color' });
  const node = [];
  const respond = [];
  try {
    const ask = (out) => out.includes(FIRST_QUESTION);
    // One warm-up of each fills the file-system cache.
    await timeInTerminal(['-e', '0'], work, env);
    await timeInTerminal([BIN, 'respond', 'disaster'], work, env, ask);
    for (let i = 0; i < runs; i++) {
      node.push(await timeInTerminal(['-e', '0'], work, env));
      respond.push(await timeInTerminal([BIN, 'respond', 'disaster'], work, env, ask));
    }
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
  const result = {
    runs,
    nodeMs: median(node),
    firstQuestionMs: median(respond),
    ratio: median(respond) / median(node),
    target: TARGET_RATIO,
  };
  if (process.argv.includes('--json')) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  } else if (process.argv.includes('--markdown')) {
    const rows = [
      ['', 'median', 'vs node -e 0'],
      ['`node -e 0` (start and exit)', `${result.nodeMs.toFixed(1)} ms`, '1.00x'],
      ['`tanggap respond disaster` to the first question', `${result.firstQuestionMs.toFixed(1)} ms`, `${result.ratio.toFixed(2)}x`],
    ];
    const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => r[i].length)));
    const line = (r) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(' | ')} |`;
    process.stdout.write(
      `${[line(rows[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n')}\n\n` +
        `In an 80x24 pseudo-terminal, ${runs} runs each, alternating. Target: within ${TARGET_RATIO}x.\n`,
    );
  } else {
    process.stdout.write(
      `node -e 0:                         ${result.nodeMs.toFixed(1)} ms (median of ${runs})\n` +
        `tanggap respond disaster, 1st question: ${result.firstQuestionMs.toFixed(1)} ms (median of ${runs})\n` +
        `ratio: ${result.ratio.toFixed(2)}x (target ≤ ${TARGET_RATIO}x)\n`,
    );
  }
  if (result.ratio > TARGET_RATIO) process.exitCode = 1;
}

await main();
