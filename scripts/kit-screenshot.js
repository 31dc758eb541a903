#!/usr/bin/env node
/**
 * Builds a press kit from an example answers file, opens its press-kit.html in headless
 * Chromium, fails when the page logs a console error (a blocked request, a CSP violation, a
 * script), and saves a screenshot of the first page (A4 at 150 dpi) to docs/press-kit-page1.png.
 *
 *   node scripts/kit-screenshot.js [--answers <file> --playbook <id|file>] [--out <png>] [--chromium <path>] [--keep]
 *
 * Needs the built CLI (npm run build) and Chromium (/usr/bin/chromium, or CHROMIUM=<path>).
 * Exit 0 when the page is clean, 1 when the browser reported errors, 2 when it could not run.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const BIN = join(ROOT, 'bin', 'tanggap.js');

function option(name) {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

/** An example to build from: the given one, else the first built-in example, else the render test fixture. */
function pickExample() {
  const answers = option('answers');
  if (answers) return { answers: resolve(answers), playbook: option('playbook') };
  const examples = join(ROOT, 'examples');
  if (existsSync(examples)) {
    for (const name of readdirSync(examples).sort()) {
      const id = name.replace(/\.answers\.ya?ml$/, '');
      if (id !== name && existsSync(join(ROOT, 'playbooks', `${id}.playbook.yaml`))) return { answers: join(examples, name), playbook: id };
    }
  }
  return {
    answers: join(ROOT, 'test', 'fixtures', 'render', 'banjir.answers.yaml'),
    playbook: join(ROOT, 'test', 'fixtures', 'render', 'playbooks', 'banjir.playbook.yaml'),
  };
}

export function findChromium() {
  const candidates = [option('chromium'), process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'];
  return candidates.find((c) => c && existsSync(c));
}

/** Console errors and blocked loads Chromium reports on stderr with --enable-logging=stderr. */
export function browserErrors(stderr) {
  return stderr
    .split('\n')
    .filter((line) => /CONSOLE|Refused to|Content Security Policy|Uncaught|net::ERR_/i.test(line))
    .filter((line) => !/(dbus|gpu|GPU|Fontconfig|sandbox|crashpad|viz|DevTools listening)/.test(line));
}

function chromium(binary, args, profile) {
  return spawnSync(
    binary,
    [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      `--user-data-dir=${profile}`,
      '--enable-logging=stderr',
      '--v=0',
      ...args,
    ],
    { encoding: 'utf8', timeout: 120_000 },
  );
}

function main() {
  const out = resolve(option('out') ?? join(ROOT, 'docs', 'press-kit-page1.png'));
  const binary = findChromium();
  if (!binary) {
    process.stderr.write('chromium not found (apt-get install -y chromium, or CHROMIUM=<path>)\n');
    return 2;
  }
  const work = mkdtempSync(join(tmpdir(), 'tanggap-shot-'));
  try {
    const { answers, playbook } = pickExample();
    const kitDir = join(work, 'kit');
    const args = ['kit', '--answers', answers, '-o', kitDir];
    if (playbook) args.push('--playbook', playbook);
    const built = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    if (built.status !== 0) {
      process.stderr.write(`tanggap kit failed (${built.status}):\n${built.stderr}`);
      return 2;
    }
    const page = pathToFileURL(join(kitDir, 'press-kit.html')).href;

    const dom = chromium(binary, ['--dump-dom', page], join(work, 'profile-dom'));
    if (dom.status !== 0 || !dom.stdout.includes('</html>')) {
      process.stderr.write(`chromium could not load the page (${dom.status}):\n${dom.stderr}`);
      return 2;
    }
    const errors = browserErrors(dom.stderr);
    const scripts = /<script\b/i.test(dom.stdout);

    const shot = chromium(binary, [`--screenshot=${out}`, '--window-size=1240,1754', '--hide-scrollbars', page], join(work, 'profile-shot'));
    if (shot.status !== 0 || !existsSync(out) || statSync(out).size === 0) {
      process.stderr.write(`chromium could not take the screenshot (${shot.status}):\n${shot.stderr}`);
      return 2;
    }
    errors.push(...browserErrors(shot.stderr));
    if (scripts) errors.push('the page contains a <script> element');
    if (errors.length > 0) {
      process.stderr.write(`the press kit page reported ${errors.length} problem(s):\n${[...new Set(errors)].join('\n')}\n`);
      return 1;
    }
    process.stdout.write(`${out}\n`);
    return 0;
  } finally {
    if (!process.argv.includes('--keep')) rmSync(work, { recursive: true, force: true });
    else process.stderr.write(`kept ${work}\n`);
  }
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) process.exitCode = main();
