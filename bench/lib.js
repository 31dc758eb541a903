// Shared helpers for the benchmarks: timing whole commands, medians, a markdown table.
import { spawnSync } from 'node:child_process';

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

function runOnce(cmd, args, { cwd, env } = {}) {
  const t0 = process.hrtime.bigint();
  const r = spawnSync(cmd, args, { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, stdio: ['ignore', 'ignore', 'pipe'] });
  const ms = Number(process.hrtime.bigint() - t0) / 1e6;
  if (r.status !== 0 && r.status !== 1) throw new Error(`${cmd} ${args.join(' ')} exited ${r.status}: ${r.stderr}`);
  return ms;
}

const summary = (times, runs) => ({ median: median(times), min: Math.min(...times), max: Math.max(...times), runs });

/**
 * Time several commands side by side: one warm-up each, then `runs` rounds that run each command
 * once in turn, so a slow moment of the machine weighs on all of them alike.
 */
export function timeCommands(commands, { runs = 15, cwd, env } = {}) {
  for (const [cmd, args] of commands) runOnce(cmd, args, { cwd, env });
  const times = commands.map(() => []);
  for (let i = 0; i < runs; i++) commands.forEach(([cmd, args], k) => times[k].push(runOnce(cmd, args, { cwd, env })));
  return times.map((t) => summary(t, runs));
}

export const fmt = (ms) => `${ms.toFixed(1)} ms`;
export const ratio = (a, b) => `${(a / b).toFixed(2)}x`;

export function table(rows) {
  const widths = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i]).length)));
  const line = (r) => `| ${r.map((c, i) => String(c).padEnd(widths[i])).join(' | ')} |`;
  return [line(rows[0]), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.slice(1).map(line)].join('\n');
}
