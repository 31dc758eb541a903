/**
 * The user's cache (parsed YAML, the playbook index) changes nothing but speed: a second read gives
 * what the first gave, an edited file is read afresh, a corrupt or unusable cache is ignored, and
 * files with problems are never cached.
 */
import { chmodSync, copyFileSync, mkdirSync, readdirSync, readFileSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { writeCache } from '../../src/cache.js';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadPlaybook } from '../../src/playbook/load.js';
import { Registry } from '../../src/playbook/registry.js';
import { loadYamlFile } from '../../src/playbook/yaml.js';
import { tempDir } from '../helpers/cli.js';

const BUILTIN = resolve(import.meta.dirname, '..', '..', 'playbooks');
let dir: string;
let cleanup: () => void;
let saved: string | undefined;
beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  saved = process.env.XDG_CACHE_HOME;
  process.env.XDG_CACHE_HOME = join(dir, 'cache');
});
afterEach(() => {
  if (saved === undefined) delete process.env.XDG_CACHE_HOME;
  else process.env.XDG_CACHE_HOME = saved;
  cleanup();
});

const entries = (kind: string) => {
  try {
    return readdirSync(join(dir, 'cache', 'tanggap', kind));
  } catch {
    return [];
  }
};

describe('parsed YAML cache', () => {
  it('a second read comes from the cache and equals the first; positions still resolve', () => {
    const file = join(dir, 'a.yaml');
    writeFileSync(file, 'id: banjir\ntitle:\n  id: Banjir\nsteps:\n  - one\n  - two\n');
    const first = loadYamlFile(file, 'en', { cache: true });
    expect(entries('yaml')).toHaveLength(1);
    const cachedEntry = join(dir, 'cache', 'tanggap', 'yaml', entries('yaml')[0]);
    expect(JSON.parse(readFileSync(cachedEntry, 'utf8'))).toEqual(first.value);
    // Change the entry: the next read must come from it, which proves the cache is read.
    writeFileSync(cachedEntry, JSON.stringify({ ...(first.value as object), id: 'from-cache' }));
    const second = loadYamlFile(file, 'en', { cache: true });
    expect((second.value as { id: string }).id).toBe('from-cache');
    expect(second.map.locate('/steps/1')).toMatchObject({ line: 6, column: 5 });
  });

  it('an edited file is parsed again', () => {
    const file = join(dir, 'a.yaml');
    writeFileSync(file, 'id: one\n');
    expect(loadYamlFile(file, 'en', { cache: true }).value).toEqual({ id: 'one' });
    writeFileSync(file, 'id: two\n');
    expect(loadYamlFile(file, 'en', { cache: true }).value).toEqual({ id: 'two' });
  });

  it('a corrupt entry is ignored', () => {
    const file = join(dir, 'a.yaml');
    writeFileSync(file, 'id: one\nlist: [1, 2]\n');
    loadYamlFile(file, 'en', { cache: true });
    const folder = join(dir, 'cache', 'tanggap', 'yaml');
    for (const name of readdirSync(folder)) writeFileSync(join(folder, name), '{"id": "one", "li');
    expect(loadYamlFile(file, 'en', { cache: true }).value).toEqual({ id: 'one', list: [1, 2] });
  });

  it('files with findings are not cached', () => {
    const broken = join(dir, 'broken.yaml');
    writeFileSync(broken, 'id: [unclosed\n');
    expect(loadYamlFile(broken, 'en', { cache: true }).findings.length).toBeGreaterThan(0);
    const duplicate = join(dir, 'duplicate.yaml');
    writeFileSync(duplicate, 'id: a\nid: b\n');
    expect(loadYamlFile(duplicate, 'en', { cache: true }).findings.length).toBeGreaterThan(0);
    expect(entries('yaml')).toHaveLength(0);
  });

  it('scalars the parsers read differently are cached as the careful parse read them', () => {
    const file = join(dir, 'odd.yaml');
    writeFileSync(file, 'a: .inf\nb: -.5\nc: 0b101\n');
    const first = loadYamlFile(file, 'en', { cache: true });
    expect(entries('yaml')).toHaveLength(1);
    expect(loadYamlFile(file, 'en', { cache: true }).value).toEqual(first.value);
    expect(first.value).toEqual(loadYamlFile(file).value);
  });

  it('without the option (lint) nothing is cached', () => {
    const file = join(dir, 'a.yaml');
    writeFileSync(file, 'id: one\n');
    loadYamlFile(file);
    expect(entries('yaml')).toHaveLength(0);
  });

  it('a cache folder that cannot be used changes nothing', () => {
    writeFileSync(join(dir, 'cache'), 'not a folder');
    const loaded = loadPlaybook(join(BUILTIN, 'hoax.playbook.yaml'), undefined, 'en', { cache: true });
    expect(loaded.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(loaded.playbook?.id).toBe('hoax');
  });

  it('a built-in playbook loads the same from the cache as from its file', () => {
    const file = join(BUILTIN, 'disaster.playbook.yaml');
    const plain = loadPlaybook(file);
    loadPlaybook(file, undefined, 'en', { cache: true });
    const cached = loadPlaybook(file, undefined, 'en', { cache: true });
    expect(entries('yaml')).toHaveLength(1);
    expect(cached.playbook).toEqual(plain.playbook);
    expect(cached.map.locate('/steps/0/id')).toEqual(plain.map.locate('/steps/0/id'));
  });
});

describe('playbook index cache', () => {
  const write = (folder: string, name: string, id: string, alias: string) =>
    writeFileSync(join(folder, name), `id: ${id}\naliases: [${alias}]\ntitle:\n  id: Judul ${id}\n  en: Title ${id}\ncategory: disaster\n`);

  it('lists the same entries from the cache, and sees added, changed and removed files', () => {
    const folder = join(dir, 'playbooks');
    mkdirSync(folder);
    write(folder, 'a.playbook.yaml', 'alpha', 'satu');
    const first = new Registry([folder], join(dir, 'none')).list();
    expect(first.map((e) => [e.id, e.aliases])).toEqual([['alpha', ['satu']]]);
    expect(entries('playbook-index')).toHaveLength(1);
    expect(new Registry([folder], join(dir, 'none')).list()).toEqual(first);

    write(folder, 'a.playbook.yaml', 'alpha-renamed', 'dua');
    write(folder, 'b.playbook.yaml', 'beta', 'tiga');
    expect(new Registry([folder], join(dir, 'none')).list().map((e) => [e.id, e.aliases])).toEqual([
      ['alpha-renamed', ['dua']],
      ['beta', ['tiga']],
    ]);
    copyFileSync(join(folder, 'b.playbook.yaml'), join(dir, 'b.bak'));
    writeFileSync(join(folder, 'b.playbook.yaml'), 'not: [valid');
    expect(new Registry([folder], join(dir, 'none')).list().map((e) => e.id)).toEqual(['alpha-renamed']);
  });

  it('a corrupt index is ignored', () => {
    const folder = join(dir, 'playbooks');
    mkdirSync(folder);
    write(folder, 'a.playbook.yaml', 'alpha', 'satu');
    new Registry([folder], join(dir, 'none')).list();
    const index = join(dir, 'cache', 'tanggap', 'playbook-index');
    for (const name of readdirSync(index)) writeFileSync(join(index, name), '{"a.playbook.yaml": {"stamp"');
    expect(new Registry([folder], join(dir, 'none')).find('satu').id).toBe('alpha');
  });

  const stampOf = (file: string) => {
    const st = statSync(file);
    return `${st.size}:${st.mtimeMs}:${st.ctimeMs}:${st.ino}`;
  };
  it.each([
    ['not an object', () => '[1, 2]'],
    ['an entry of null', () => '{"a.playbook.yaml": null}'],
    ['an entry (for the very file) without its fields', (file: string) => JSON.stringify({ 'a.playbook.yaml': { stamp: stampOf(file), entry: { id: 3 } } })],
    ['an entry (for the very file) with a foreign locale', (file: string) =>
      JSON.stringify({ 'a.playbook.yaml': { stamp: stampOf(file), entry: { id: 'x', aliases: [], title: {}, category: '', locales: ['fr'] } } })],
  ])('an index that is %s is ignored whole', (_, text) => {
    const folder = join(dir, 'playbooks');
    mkdirSync(folder);
    write(folder, 'a.playbook.yaml', 'alpha', 'satu');
    new Registry([folder], join(dir, 'none')).list();
    const index = join(dir, 'cache', 'tanggap', 'playbook-index');
    for (const name of readdirSync(index)) writeFileSync(join(index, name), text(join(folder, 'a.playbook.yaml')));
    expect(new Registry([folder], join(dir, 'none')).list().map((e) => [e.id, e.aliases])).toEqual([['alpha', ['satu']]]);
  });

  it('an index entry for the very file is used as it is (so the checks above are what protects it)', () => {
    const folder = join(dir, 'playbooks');
    mkdirSync(folder);
    write(folder, 'a.playbook.yaml', 'alpha', 'satu');
    new Registry([folder], join(dir, 'none')).list();
    const index = join(dir, 'cache', 'tanggap', 'playbook-index');
    const entry = { id: 'from-index', aliases: ['dari-indeks'], title: { en: 'T' }, category: 'disaster', locales: ['en'] };
    for (const name of readdirSync(index)) writeFileSync(join(index, name), JSON.stringify({ 'a.playbook.yaml': { stamp: stampOf(join(folder, 'a.playbook.yaml')), entry } }));
    expect(new Registry([folder], join(dir, 'none')).list().map((e) => e.id)).toEqual(['from-index']);
  });

  it('the built-in playbooks are listed the same with and without the cache', () => {
    const first = new Registry([]).list();
    const second = new Registry([]).list();
    expect(second).toEqual(first);
    expect(first.map((e) => e.id)).toContain('disaster');
    expect(new Registry([]).find('bencana').id).toBe('disaster');
  });
});

describe('cache folder size', () => {
  it('keeps only the most recently written entries of a kind', () => {
    const folder = join(dir, 'cache', 'tanggap', 'code');
    for (let i = 0; i < 40; i++) {
      writeCache('code', `entry-${String(i).padStart(2, '0')}.v8`, 'x');
      // Distinct, increasing times, so "most recent" is well defined however fast the writes are.
      utimesSync(join(folder, `entry-${String(i).padStart(2, '0')}.v8`), 1_000_000 + i, 1_000_000 + i);
    }
    const kept = readdirSync(folder).sort();
    expect(kept).toHaveLength(32);
    expect(kept[0]).toBe('entry-08.v8');
    expect(kept[31]).toBe('entry-39.v8');
  });
});

describe('cache folder safety', () => {
  it('is created private, and one that others can write to is not used', () => {
    const file = join(dir, 'a.yaml');
    writeFileSync(file, 'id: one\n');
    loadYamlFile(file, 'en', { cache: true });
    const root = join(dir, 'cache', 'tanggap');
    expect(statSync(root).mode & 0o777).toBe(0o700);
    expect(statSync(join(root, 'yaml')).mode & 0o777).toBe(0o700);

    process.env.XDG_CACHE_HOME = join(dir, 'shared');
    const shared = join(dir, 'shared', 'tanggap');
    mkdirSync(shared, { recursive: true });
    chmodSync(shared, 0o777);
    expect(loadYamlFile(file, 'en', { cache: true }).value).toEqual({ id: 'one' });
    expect(readdirSync(shared)).toEqual([]);
  });

  it('a write that fails leaves no temporary file behind', () => {
    const folder = join(dir, 'cache', 'tanggap', 'yaml');
    mkdirSync(folder, { recursive: true, mode: 0o700 });
    chmodSync(join(dir, 'cache', 'tanggap'), 0o700);
    // The entry's name is taken by a folder, so the final rename fails.
    mkdirSync(join(folder, 'taken.json'));
    writeCache('yaml', 'taken.json', 'x');
    expect(readdirSync(folder)).toEqual(['taken.json']);
  });
});
