/** End-to-end: the built `tanggap draft` and `tanggap kit` in a temporary folder. */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { spawn, spawnSync } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, REPO, tanggap, tempDir } from '../helpers/cli.js';
import { FIXTURE } from '../render/support.js';

let dir: string;
let cleanup: () => void;
const PLAYBOOK = 'playbooks/banjir.playbook.yaml';
const ANSWERS = 'banjir.answers.yaml';

beforeEach(() => {
  ({ dir, cleanup } = tempDir('tanggap-kit-cli-'));
  cpSync(FIXTURE, dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), '{}\n');
});
afterEach(() => cleanup());

const run = (args: string[], lang = 'en') => tanggap(args, { cwd: dir, env: { TANGGAP_LANG: lang } });
const editAnswers = (edit: (text: string) => string) => writeFileSync(join(dir, ANSWERS), edit(readFileSync(join(dir, ANSWERS), 'utf8')));

describe('tanggap draft', () => {
  it('prints the statement to stdout and the length to stderr', () => {
    const r = run(['draft', '-p', PLAYBOOK, '-t', 'sms-warga', '-a', ANSWERS, '-l', 'id']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('INFO DISKOMINFO: banjir di Desa Sindangsari dan Desa Mekarwangi. Mengungsi ke Balai Desa Sindangsari, SDN 2 Mekarwangi, dan Masjid Al-Ikhlas. Darurat: 112.\n');
    expect(r.stderr).toContain('SMS: 155/160 (1 segment, GSM-7)');
  });

  it('marks missing facts, warns with file:line:col and still exits 0', () => {
    editAnswers((t) => t.replace(/  kutipan_kepala: .*\n/, ''));
    const r = run(['draft', '-p', PLAYBOOK, '-t', 'siaran-pers', '-a', ANSWERS, '--lang', 'en']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('said: “[[MISSING: kutipan_kepala]]”');
    expect(r.stderr).toMatch(/warning: templates\/banjir\/siaran-pers\.en\.md\.hbs:11:62: fact "kutipan_kepala" is not filled in/);
  });

  it('--final refuses a missing fact with exit 2 and prints nothing', () => {
    editAnswers((t) => t.replace(/  kutipan_kepala: .*\n/, '').replace(/release: .*\n/, ''));
    const r = run(['draft', '-p', PLAYBOOK, '-t', 'siaran-pers', '-a', ANSWERS, '--final'], 'id');
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/^tanggap: templates\/banjir\/siaran-pers\.(id|en)\.md\.hbs:\d+:\d+: fakta "release\.number" belum diisi \(dan 1 lainnya\)/m);
    expect(r.stderr).toMatch(/fakta "kutipan_kepala" belum diisi/);
  });

  it('--final refuses a statement over its channel limit', () => {
    editAnswers((t) => t.replace('posko: [', 'posko: [Gedung Olahraga Kecamatan Cibeureum di sebelah alun-alun, '));
    const draft = run(['draft', '-p', PLAYBOOK, '-t', 'sms-warga', '-a', ANSWERS, '-l', 'id']);
    expect(draft.status).toBe(0);
    expect(draft.stderr).toMatch(/warning: sms-warga \(id\): SMS of \d+ characters \(GSM-7, 2 segments\) exceeds the limit of 160/);
    const final = run(['draft', '-p', PLAYBOOK, '-t', 'sms-warga', '-a', ANSWERS, '-l', 'id', '--final']);
    expect(final.status).toBe(2);
    expect(final.stdout).toBe('');
  });

  it('writes -o atomically and reads an incident folder', () => {
    mkdirSync(join(dir, 'incidents', '2024-09-12-banjir'), { recursive: true });
    cpSync(join(dir, ANSWERS), join(dir, 'incidents', '2024-09-12-banjir', 'answers.yaml'));
    const r = run(['draft', '-t', 'holding-statement', '-i', 'incidents/2024-09-12-banjir', '-p', PLAYBOOK, '-o', 'out/../holding.md']);
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    const text = readFileSync(join(dir, 'holding.md'), 'utf8');
    expect(text).toContain('Holding Statement: Banjir bandang Kecamatan Cibeureum');
    expect(readdirSync(dir).filter((n) => n.includes('.tmp'))).toEqual([]);
  });

  it('explains usage problems with exit 2', () => {
    expect(run(['draft', '-p', PLAYBOOK, '-t', 'nope', '-a', ANSWERS]).stderr).toMatch(/has no template "nope"; available: holding-statement/);
    expect(run(['draft', '-p', PLAYBOOK, '-t', 'nope', '-a', ANSWERS]).status).toBe(2);
    expect(run(['draft', '-t', 'sms-warga']).stderr).toMatch(/give an incident folder, or --playbook with --answers/);
    expect(run(['draft', '-p', 'no-such-playbook', '-t', 'x', '-a', ANSWERS]).stderr).toMatch(/no playbook named "no-such-playbook"/);
    editAnswers((t) => t.replace('timezone: WIB', 'timezone: PST'));
    const bad = run(['draft', '-p', PLAYBOOK, '-t', 'sms-warga', '-a', ANSWERS]);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toMatch(/^tanggap: .*banjir\.answers\.yaml:5:13: "timezone" has the wrong type/m);
    expect(bad.stderr).not.toMatch(/\n\s+at /);
  });
});

describe('tanggap kit', () => {
  it('builds the folder: index, statements, chronology, contacts, combined Markdown and HTML', () => {
    const r = run(['kit', '-p', PLAYBOOK, '-a', ANSWERS, '-o', 'kit', '-l', 'id']);
    expect(r.status).toBe(0);
    expect(r.stdout.trim()).toBe(join(dir, 'kit'));
    expect(readdirSync(join(dir, 'kit')).sort()).toEqual([
      '01-holding-statement.md',
      '02-sms-warga.md',
      '03-post-x.md',
      '04-siaran-pers.md',
      '05-post-instagram.md',
      'README.md',
      'contacts.md',
      'press-kit.html',
      'press-kit.md',
      'timeline.md',
    ]);
    const readme = readFileSync(join(dir, 'kit', 'README.md'), 'utf8');
    expect(readme).toContain('| 02 | [SMS untuk Warga](02-sms-warga.md) | SMS | SMS | 155/160 (1 segmen, GSM-7) | — |');
    const html = readFileSync(join(dir, 'kit', 'press-kit.html'), 'utf8');
    expect(html).toMatch(/^<!DOCTYPE html>\n<html lang="id">/);
    expect(html).toContain("content=\"default-src 'none'; style-src 'unsafe-inline'; img-src data:\"");
    expect(html).not.toMatch(/<script|<link|src="http|url\(/i);
    expect(readdirSync(dir).filter((n) => n.startsWith('.kit'))).toEqual([]);
  });

  it('refuses an existing folder without --force (exit 2) and replaces it with --force', () => {
    mkdirSync(join(dir, 'kit'));
    writeFileSync(join(dir, 'kit', 'keep.txt'), 'mine');
    const refused = run(['kit', '-p', PLAYBOOK, '-a', ANSWERS, '-o', 'kit']);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/kit already exists; use --force to replace it/);
    expect(readdirSync(join(dir, 'kit'))).toEqual(['keep.txt']);
    const forced = run(['kit', '-p', PLAYBOOK, '-a', ANSWERS, '-o', 'kit', '--force']);
    expect(forced.status).toBe(0);
    expect(existsSync(join(dir, 'kit', 'keep.txt'))).toBe(false);
    expect(existsSync(join(dir, 'kit', 'press-kit.html'))).toBe(true);
  });

  it('--final refuses missing facts with exit 2 and writes nothing', () => {
    editAnswers((t) => t.replace(/  imbauan: .*\n/, ''));
    const r = run(['kit', '-p', PLAYBOOK, '-a', ANSWERS, '-o', 'kit', '--final']);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/fact "imbauan" is not filled in \(used in holding-statement\)/);
    expect(r.stderr).toMatch(/--final: \d+ problems; nothing was written/);
    expect(existsSync(join(dir, 'kit'))).toBe(false);
    expect(readdirSync(dir).filter((n) => n.startsWith('.kit'))).toEqual([]);
    // without --final the kit is built and the gaps are marked
    const draft = run(['kit', '-p', PLAYBOOK, '-a', ANSWERS, '-o', 'kit']);
    expect(draft.status).toBe(0);
    expect(readFileSync(join(dir, 'kit', 'README.md'), 'utf8')).toContain('`imbauan`');
  });

  it('marks every document of a drill', () => {
    editAnswers((t) => t.replace('  timezone: WIB\n', '  timezone: WIB\n  drill: true\n'));
    const r = run(['kit', '-p', PLAYBOOK, '-a', ANSWERS, '-o', 'kit', '-l', 'en']);
    expect(r.status).toBe(0);
    for (const name of readdirSync(join(dir, 'kit'))) {
      const text = readFileSync(join(dir, 'kit', name), 'utf8');
      if (name.endsWith('.md')) {
        const lines = text.trim().split('\n');
        expect(lines[0], name).toContain('LATIHAN / EXERCISE');
        expect(lines[lines.length - 1], name).toContain('LATIHAN / EXERCISE');
      } else {
        expect(text).toMatch(/<title>LATIHAN \/ EXERCISE — Press Kit: Banjir bandang Kecamatan Cibeureum<\/title>/);
      }
    }
  });

  it('builds from an incident folder with its journal in the chronology', () => {
    const incident = join(dir, 'incidents', 'banjir');
    mkdirSync(incident, { recursive: true });
    cpSync(join(dir, ANSWERS), join(incident, 'answers.yaml'));
    const events = [
      { type: 'opened', id: 'e1', at: '2024-09-12T07:40:00.000Z', session: 1, pid: 1, host: 'h', user: 'u', lang: 'id', playbook: { id: 'banjir-uji', file: join(dir, PLAYBOOK), source: 'local' }, version: '0.1.0' },
      { type: 'log', id: 'e2', at: '2024-09-12T08:05:00.000Z', session: 1, kind: 'decision', message: 'Dapur umum dibuka di Balai Desa' },
    ];
    writeFileSync(join(incident, 'journal.jsonl'), events.map((e) => JSON.stringify(e)).join('\n') + '\n');
    const r = run(['kit', 'incidents/banjir', '-o', 'kit', '-l', 'id']);
    expect(r.status, r.stderr).toBe(0);
    const timeline = readFileSync(join(dir, 'kit', 'timeline.md'), 'utf8');
    expect(timeline).toContain('| 15.05 WIB | Keputusan: Dapur umum dibuka di Balai Desa |');
    expect(run(['kit', 'incidents', '-o', 'kit2']).stderr).toMatch(/this incident folder has no answers\.yaml/);
  });
});

describe('startup', () => {
  it('--help does not load Handlebars', () => {
    const script = [
      "import { createRequire } from 'node:module';",
      'const { main } = await import(process.env.MAIN);',
      "await main(['node', 'tanggap', '--help']);",
      "process.stderr.write('handlebars loaded: ' + Object.keys(createRequire(import.meta.url).cache).some((k) => k.includes('handlebars')));",
    ].join('\n');
    const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], {
      cwd: dir,
      encoding: 'utf8',
      env: { ...process.env, MAIN: pathToFileURL(join(REPO, 'dist', 'cli', 'main.js')).href },
    });
    expect(r.stdout).toContain('Usage: tanggap');
    expect(r.stderr).toContain('handlebars loaded: false');
  });
});

describe('tanggap kit, stopped or repeated', () => {
  const kitArgs = (out: string) => [BIN, 'kit', '-p', PLAYBOOK, '-a', ANSWERS, '-o', out];

  it('a signal while the kit is being written leaves no half-written folder, exit 130', async () => {
    // The folder is staged only while the HTML page converts; try until the signal lands there.
    let caught = false;
    for (let attempt = 0; attempt < 25 && !caught; attempt++) {
      const out = `kit-${attempt}`;
      const child = spawn(process.execPath, kitArgs(out), { cwd: dir, env: { ...process.env, TANGGAP_LANG: 'en', NO_COLOR: '1' }, stdio: ['ignore', 'ignore', 'pipe'] });
      let stderr = '';
      child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
      const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
      let running = true;
      void exited.then(() => (running = false));
      while (running) {
        if (readdirSync(dir).some((name) => name.startsWith(`.${out}.tmp-`))) {
          child.kill('SIGINT');
          break;
        }
        await new Promise((resolve) => setImmediate(resolve));
      }
      const code = await exited;
      if (code === 130) {
        caught = true;
        expect(stderr).toMatch(new RegExp(`stopped \\(SIGINT\\); .*${out} was not written`));
        expect(existsSync(join(dir, out))).toBe(false);
      } else {
        expect(code).toBe(0);
      }
      expect(readdirSync(dir).filter((name) => name.includes('.tmp-'))).toEqual([]);
    }
    expect(caught).toBe(true);
  });

  it('the same kit whether the cache folder is empty, filled, or off, and with the HTML converted in-process on one core', () => {
    const runKit = (out: string, env: Record<string, string>) =>
      expect(spawnSync(process.execPath, kitArgs(out), { cwd: dir, env: { ...process.env, TANGGAP_LANG: 'en', NO_COLOR: '1', ...env } }).status).toBe(0);
    const cache = join(dir, 'cache');
    runKit('cold', { XDG_CACHE_HOME: cache });
    runKit('warm', { XDG_CACHE_HOME: cache });
    runKit('off', { TANGGAP_NO_CACHE: '1' });
    // Only the build time differs from run to run.
    const read = (folder: string) =>
      Object.fromEntries(readdirSync(join(dir, folder)).sort().map((name) => [name, readFileSync(join(dir, folder, name), 'utf8').replace(/(Disusun|Built)\b[^\n<]*/g, '$1 …')]));
    const cold = read('cold');
    expect(Object.keys(cold)).toContain('press-kit.html');
    expect(read('warm')).toEqual(cold);
    expect(read('off')).toEqual(cold);
    // The bundled worker does the HTML where there is more than one core (--verbose says).
    const verbose = spawnSync(process.execPath, [...kitArgs('verbose'), '--verbose'], { cwd: dir, encoding: 'utf8', env: { ...process.env, TANGGAP_LANG: 'en', NO_COLOR: '1' } });
    const count = Object.keys(cold).filter((name) => /^\d\d-|^(timeline|contacts)\.md$/.test(name)).length;
    if (availableParallelism() > 1) expect(verbose.stderr).toContain(`HTML: ${count} documents converted on a worker thread, 0 in the main process`);
    expect(read('verbose')).toEqual(cold);
    const taskset = spawnSync('taskset', ['--version']);
    if (taskset.status === 0) {
      expect(spawnSync('taskset', ['-c', '0', process.execPath, ...kitArgs('one-core')], { cwd: dir, env: { ...process.env, TANGGAP_LANG: 'en', NO_COLOR: '1' } }).status).toBe(0);
      expect(read('one-core')).toEqual(cold);
      const oneCore = spawnSync('taskset', ['-c', '0', process.execPath, ...kitArgs('one-core-verbose'), '--verbose'], { cwd: dir, encoding: 'utf8', env: { ...process.env, TANGGAP_LANG: 'en', NO_COLOR: '1' } });
      expect(oneCore.stderr).toContain(`HTML: 0 documents converted on a worker thread, ${count} in the main process`);
    }
  });
});
