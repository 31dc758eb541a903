/**
 * Start-up through the precompiled bundle (src/boot.ts): V8's code cache is kept per command in
 * the user's cache folder and changes nothing but speed; a cache that does not fit is rejected
 * and written again; without the bundle the ES modules run instead.
 */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BIN, REPO, tanggap, tempDir } from '../helpers/cli.js';

const EXAMPLE = join(REPO, 'examples', 'hoax.answers.yaml');
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const codeFolder = () => join(dir, 'cache', 'tanggap', 'code');
const draft = (env: Record<string, string> = {}, bin = BIN) =>
  tanggap(['draft', '-p', 'hoax', '-t', 'holding-statement', '-a', EXAMPLE, '-l', 'en'], { cwd: dir, env: { XDG_CACHE_HOME: join(dir, 'cache'), ...env } }, bin);

describe('start-up with the code cache', () => {
  it('the first run of a command keeps its code cache; the next run uses it and prints the same', () => {
    expect(existsSync(join(REPO, 'dist', 'bundle', 'tanggap.cjs'))).toBe(true);
    const first = draft();
    expect(first.status).toBe(0);
    const entries = readdirSync(codeFolder());
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatch(/\.v8$/);
    const written = readFileSync(join(codeFolder(), entries[0]));
    const second = draft();
    expect(second.stdout).toBe(first.stdout);
    expect(second.stderr).toBe(first.stderr);
    // Accepted, so not written again.
    expect(readFileSync(join(codeFolder(), entries[0])).equals(written)).toBe(true);
    // Another command has its own entry; options alone (--version, --help) run the small ES module graph.
    expect(tanggap(['list'], { cwd: dir, env: { XDG_CACHE_HOME: join(dir, 'cache') } }).status).toBe(0);
    expect(readdirSync(codeFolder())).toHaveLength(2);
    const version = tanggap(['--version'], { cwd: dir, env: { XDG_CACHE_HOME: join(dir, 'cache') } });
    expect(version.status).toBe(0);
    expect(version.stdout.trim()).toBe(JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8')).version);
    expect(readdirSync(codeFolder())).toHaveLength(2);
  });

  it('a code cache that does not fit is rejected, changes nothing, and is written again', () => {
    const first = draft();
    const [entry] = readdirSync(codeFolder());
    writeFileSync(join(codeFolder(), entry), Buffer.alloc(4096, 7));
    const again = draft();
    expect(again.status).toBe(0);
    expect(again.stdout).toBe(first.stdout);
    expect(readFileSync(join(codeFolder(), entry)).equals(Buffer.alloc(4096, 7))).toBe(false);
  });

  it('TANGGAP_NO_CACHE=1 writes no cache at all', () => {
    const result = draft({ TANGGAP_NO_CACHE: '1' });
    expect(result.status).toBe(0);
    expect(existsSync(join(dir, 'cache'))).toBe(false);
  });

  it('without the bundled script the ES modules run, with the same result', () => {
    const copy = join(dir, 'package');
    mkdirSync(copy);
    for (const name of ['bin', 'dist', 'playbooks', 'templates', 'check-rules', 'package.json']) cpSync(join(REPO, name), join(copy, name), { recursive: true });
    symlinkSync(join(REPO, 'node_modules'), join(copy, 'node_modules'));
    rmSync(join(copy, 'dist', 'bundle', 'tanggap.cjs'));
    const expected = draft();
    rmSync(join(dir, 'cache'), { recursive: true });
    const fallback = draft({}, join(copy, 'bin', 'tanggap.js'));
    expect(fallback.status).toBe(0);
    expect(fallback.stdout).toBe(expected.stdout);
    expect(existsSync(codeFolder())).toBe(false);
  });

  const copyPackage = () => {
    const copy = join(dir, 'package');
    mkdirSync(copy);
    for (const name of ['bin', 'dist', 'playbooks', 'templates', 'check-rules', 'package.json']) cpSync(join(REPO, name), join(copy, name), { recursive: true });
    symlinkSync(join(REPO, 'node_modules'), join(copy, 'node_modules'));
    return copy;
  };
  const list = (copy: string) => tanggap(['--lang', 'en', 'list'], { cwd: dir, env: { XDG_CACHE_HOME: join(dir, 'cache') } }, join(copy, 'bin', 'tanggap.js'));

  it('a new build of the same length never runs with the old build\'s code cache', () => {
    const copy = copyPackage();
    expect(list(copy).stdout).toContain('(built-in)');
    expect(readdirSync(codeFolder())).toHaveLength(1);
    // The same length, other text; the bundler's hash line changes with it, as a rebuild's would.
    const script = join(copy, 'dist', 'bundle', 'tanggap.cjs');
    const text = readFileSync(script, 'utf8');
    const body = text.slice(0, text.lastIndexOf('// tanggap-build: ')).replace('source_builtin: "built-in"', 'source_builtin: "BUILT-IN"');
    const rebuilt = `${body}// tanggap-build: ${createHash('sha256').update(body).digest('hex')}\n`;
    expect(body).toContain('source_builtin: "BUILT-IN"');
    expect(rebuilt.length).toBe(text.length);
    writeFileSync(script, rebuilt);
    expect(list(copy).stdout).toContain('(BUILT-IN)');
  });

  it('a damaged script falls back to the ES modules, with the same result', () => {
    const copy = copyPackage();
    const expected = list(copy);
    const script = join(copy, 'dist', 'bundle', 'tanggap.cjs');
    writeFileSync(script, readFileSync(script, 'utf8').slice(0, 5000));
    const damaged = list(copy);
    expect(damaged.status).toBe(0);
    expect(damaged.stdout).toBe(expected.stdout);
    expect(damaged.stderr).toBe('');
  });

  it('an installation that cannot start says so in one line, exit 2', () => {
    const copy = copyPackage();
    rmSync(join(copy, 'dist', 'bundle', 'boot.js'));
    const broken = list(copy);
    expect(broken.status).toBe(2);
    expect(broken.stderr.trim().split('\n')).toHaveLength(1);
    expect(broken.stderr).toMatch(/^tanggap: cannot start \(.*\); reinstall tanggap/);
  });
});
