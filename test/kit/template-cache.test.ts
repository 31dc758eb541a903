/** Compiled templates are cached between runs; the cache changes nothing but speed, and a broken cache folder costs only speed. */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tanggap, tempDir } from '../helpers/cli.js';

const EXAMPLE = resolve(import.meta.dirname, '..', '..', 'examples', 'disaster.answers.yaml');
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

const draft = (cache: string) => tanggap(['draft', '-p', 'disaster', '-t', 'press-release', '-a', EXAMPLE, '-l', 'id'], { cwd: dir, env: { XDG_CACHE_HOME: cache } });

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

  it("keeps V8's code cache for each compiled template, and rejects one that does not fit", () => {
    const cache = join(dir, 'cache');
    const first = draft(cache);
    const folder = join(cache, 'tanggap', 'templates');
    const code = readdirSync(folder).filter((n) => n.endsWith('.v8'));
    expect(code.length).toBe(readdirSync(folder).filter((n) => n.endsWith('.json')).length);
    // A code cache made for other source is rejected by V8 and written again.
    const other = join(folder, code[0]);
    const before = readFileSync(join(folder, code[1]));
    writeFileSync(other, before);
    const again = draft(cache);
    expect(again.stdout).toBe(first.stdout);
    expect(readFileSync(other).equals(before)).toBe(false);
  });
});
