/** Compiled templates are cached between runs; the cache changes nothing but speed, and a broken cache folder costs only speed. */
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashOf, scriptHash } from '../../src/cache.js';
import { REPO, tanggap, tempDir } from '../helpers/cli.js';

// An office's own playbook: its templates are compiled and cached by the user (built-in ones ship compiled).
const FIXTURES = resolve(import.meta.dirname, '..', 'fixtures', 'render');
const PLAYBOOK = join(FIXTURES, 'playbooks', 'banjir.playbook.yaml');
const ANSWERS = join(FIXTURES, 'banjir.answers.yaml');
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const draft = (cache: string) => tanggap(['draft', '-p', PLAYBOOK, '-t', 'siaran-pers', '-a', ANSWERS, '-l', 'id'], { cwd: dir, env: { XDG_CACHE_HOME: cache } });

describe('compiled template cache', () => {
  it('the second run reads the cache and prints exactly what the first printed', () => {
    const cache = join(dir, 'cache');
    const first = draft(cache);
    expect(first.status).toBe(0);
    const entries = readdirSync(join(cache, 'tanggap', 'templates'));
    expect(entries.length).toBeGreaterThan(0);
    const second = draft(cache);
    expect(second.stdout).toBe(first.stdout);
    expect(readdirSync(join(cache, 'tanggap', 'templates'))).toEqual(entries);
  });

  it('a cache folder that cannot be used changes nothing', () => {
    const blocked = join(dir, 'not-a-folder');
    writeFileSync(blocked, 'x');
    const usable = draft(join(dir, 'cache'));
    const result = draft(blocked);
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(usable.stdout);
  });

  it('a corrupt cache entry is compiled again', () => {
    const cache = join(dir, 'cache');
    const first = draft(cache);
    const folder = join(cache, 'tanggap', 'templates');
    for (const entry of readdirSync(folder)) writeFileSync(join(folder, entry), '{"spec": "not javascript');
    const again = draft(cache);
    expect(again.status).toBe(0);
    expect(again.stdout).toBe(first.stdout);
    const json = readdirSync(folder).filter((n) => n.endsWith('.json'));
    expect(JSON.parse(readFileSync(join(folder, json[0]), 'utf8')).spec).toContain('function');
  });

  it("keeps V8's code cache for each compiled template, and writes again one V8 rejects", () => {
    const cache = join(dir, 'cache');
    const first = draft(cache);
    const folder = join(cache, 'tanggap', 'templates');
    const json = readdirSync(folder).filter((n) => n.endsWith('.json'));
    expect(json.length).toBeGreaterThan(0);
    for (const name of json) expect(existsSync(join(folder, `${name}.v8`)), name).toBe(true);
    const damaged = join(folder, `${json[0]}.v8`);
    writeFileSync(damaged, Buffer.alloc(2048, 7));
    const again = draft(cache);
    expect(again.stdout).toBe(first.stdout);
    expect(readFileSync(damaged).equals(Buffer.alloc(2048, 7))).toBe(false);
  });
});

describe('built-in templates shipped compiled', () => {
  const shipped = join(REPO, 'dist', 'precompiled-templates');
  const templateFiles = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? templateFiles(join(dir, e.name)) : /\.(id|en)\.md\.hbs$/.test(e.name) ? [join(dir, e.name)] : []));

  it('the build compiles every built-in template and partial', () => {
    expect(readdirSync(shipped).filter((n) => n.endsWith('.json'))).toHaveLength(templateFiles(join(REPO, 'templates')).length);
  });

  it('a first run (empty cache) uses the shipped entry, and only while the template is unchanged', () => {
    const copy = join(dir, 'package');
    mkdirSync(copy);
    for (const name of ['bin', 'dist', 'playbooks', 'templates', 'check-rules', 'package.json']) cpSync(join(REPO, name), join(copy, name), { recursive: true });
    symlinkSync(join(REPO, 'node_modules'), join(copy, 'node_modules'));
    const template = 'templates/hoax/holding-statement.en.md.hbs';
    const key = (source: string) => `${hashOf(scriptHash(readFileSync(join(copy, 'dist', 'bundle', 'tanggap.cjs'), 'utf8')), `tanggap:${template}`, source)}.json`;
    const source = readFileSync(join(copy, template), 'utf8');
    const entry = join(copy, 'dist', 'precompiled-templates', key(source));
    expect(existsSync(entry)).toBe(true);
    // Replace the shipped entry by a template that prints a marker: a first run must print it.
    writeFileSync(entry, JSON.stringify({ spec: Handlebars.precompile('SHIPPED ENTRY USED'), partials: [] }));
    const run = (cache: string, ui = 'en') =>
      tanggap(['draft', '-p', 'hoax', '-t', 'holding-statement', '-a', join(REPO, 'examples', 'hoax.answers.yaml'), '-l', 'en'], { cwd: dir, env: { XDG_CACHE_HOME: join(dir, cache), TANGGAP_LANG: ui } }, join(copy, 'bin', 'tanggap.js'));
    const first = run('cache-1');
    expect(first.status).toBe(0);
    expect(first.stdout).toContain('SHIPPED ENTRY USED');
    // Whatever the interface language: it words only a failed compile.
    expect(run('cache-id', 'id').stdout).toContain('SHIPPED ENTRY USED');
    // An edited template no longer matches its shipped entry: it is compiled afresh.
    writeFileSync(join(copy, template), `${source}\n`);
    const edited = run('cache-2');
    expect(edited.status).toBe(0);
    expect(edited.stdout).not.toContain('SHIPPED ENTRY USED');
    expect(edited.stdout).toContain('## What we know');
  });
});
