/** list, show, schema, init: discovering and reading playbooks, as an officer runs them. */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tanggap, tempDir } from '../helpers/cli.js';

const BUILTIN = ['corruption-allegation', 'data-breach', 'disaster', 'force-majeure', 'hoax', 'official-misconduct', 'service-disruption'];
let dir: string;
let cleanup: () => void;
beforeEach(() => ({ dir, cleanup } = tempDir()));
afterEach(() => cleanup());

describe('tanggap list', () => {
  it('lists the built-in playbooks as JSON with ids, aliases, titles and locales', () => {
    const r = tanggap(['list', '--json'], { cwd: dir });
    expect(r.status).toBe(0);
    const list = JSON.parse(r.stdout) as { id: string; aliases: string[]; title: Record<string, string>; category: string; locales: string[]; source: string }[];
    expect(list.map((e) => e.id).sort()).toEqual(BUILTIN);
    for (const e of list) {
      expect(e.source).toBe('built-in');
      expect(e.locales).toEqual(['id', 'en']);
      expect(e.title.id?.length).toBeGreaterThan(0);
      expect(e.title.en?.length).toBeGreaterThan(0);
    }
    expect(list.find((e) => e.id === 'disaster')!.aliases).toContain('bencana');
  });

  it('finds the office\'s own playbooks in ./playbooks and --playbooks', () => {
    mkdirSync(join(dir, 'playbooks'));
    writeFileSync(join(dir, 'playbooks', 'banjir.playbook.yaml'), 'version: 1\nid: banjir-kota\nextends: disaster\ntitle: { id: Banjir Kota, en: City Flood }\n');
    mkdirSync(join(dir, 'lain'));
    writeFileSync(join(dir, 'lain', 'x.playbook.yaml'), 'version: 1\nid: lainnya\nextends: hoax\ntitle: { id: Lainnya, en: Other }\n');
    const list = JSON.parse(tanggap(['list', '--json', '--playbooks', 'lain'], { cwd: dir }).stdout) as { id: string; source: string }[];
    expect(list.filter((e) => e.source === 'local').map((e) => e.id).sort()).toEqual(['banjir-kota', 'lainnya']);
  });

  it('prints a readable table in the chosen language', () => {
    const id = tanggap(['list', '--lang', 'id'], { cwd: dir }).stdout;
    expect(id).toMatch(/^disaster\s+bencana\s+.*\(bawaan\)$/m);
    const en = tanggap(['list', '--lang', 'en'], { cwd: dir }).stdout;
    expect(en).toMatch(/^disaster\s+bencana\s+.*\(built-in\)$/m);
  });
});

describe('tanggap show', () => {
  it('shows stages, steps, owners and deadlines by id or alias, in both languages', () => {
    const byAlias = tanggap(['show', 'bencana', '--lang', 'id'], { cwd: dir });
    expect(byAlias.status).toBe(0);
    for (const stage of ['Kenali', 'Respons', 'Penyesalan', 'Perbaikan']) expect(byAlias.stdout).toContain(stage);
    expect(byAlias.stdout).toMatch(/\+\d+[mhdw]/);
    const en = tanggap(['show', 'disaster', '--lang', 'en'], { cwd: dir }).stdout;
    for (const stage of ['Recognize', 'Respond', 'Apologize', 'Repair']) expect(en).toContain(stage);
    expect(en).toContain('owner:');
  });

  it('--json has the stages with their steps', () => {
    const show = JSON.parse(tanggap(['show', 'hoaks', '--json'], { cwd: dir }).stdout) as { id: string; stages: { id: string; steps: { deadline: string; owner: string }[] }[]; strategy: { primary: string } };
    expect(show.id).toBe('hoax');
    expect(show.stages.map((s) => s.id)).toEqual(['recognize', 'respond', 'apologize', 'repair']);
    expect(show.stages.flatMap((s) => s.steps).length).toBeGreaterThanOrEqual(12);
  });

  it('an unknown playbook is exit 2 with the names that exist', () => {
    const r = tanggap(['show', 'gempa-bumi'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('disaster');
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('tanggap schema', () => {
  it('prints the draft-07 JSON Schema shipped in schema/', () => {
    const r = tanggap(['schema'], { cwd: dir });
    const schema = JSON.parse(r.stdout);
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.properties.stages).toBeDefined();
    const shipped = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'schema', 'playbook.schema.json'), 'utf8'));
    expect(schema).toEqual(shipped);
  });
});

describe('tanggap init', () => {
  it('scaffolds a repository that lints clean, with a CI workflow and a pre-commit hook', () => {
    const r = tanggap(['init', 'kantor', '--extends', 'bencana'], { cwd: dir });
    expect(r.status).toBe(0);
    const root = join(dir, 'kantor');
    for (const f of ['.tanggaprc.yaml', 'playbooks/disaster-kantor.playbook.yaml', '.github/workflows/tanggap-lint.yml', '.pre-commit-config.yaml', 'README.md']) {
      expect(existsSync(join(root, f)), f).toBe(true);
    }
    const lint = tanggap(['lint', '--max-warnings', '0'], { cwd: root });
    expect(lint.stdout + lint.stderr).not.toMatch(/error|warning/);
    expect(lint.status).toBe(0);
    const show = tanggap(['show', 'disaster-kantor', '--json'], { cwd: root });
    expect(JSON.parse(show.stdout).stages.length).toBe(4);
  });

  it('refuses a folder that is not empty, and never overwrites with --force', () => {
    mkdirSync(join(dir, 'ada'));
    writeFileSync(join(dir, 'ada', 'README.md'), 'milik kantor\n');
    expect(tanggap(['init', 'ada'], { cwd: dir }).status).toBe(2);
    const forced = tanggap(['init', 'ada', '--force'], { cwd: dir });
    expect(forced.status).toBe(0);
    expect(readFileSync(join(dir, 'ada', 'README.md'), 'utf8')).toBe('milik kantor\n');
    expect(existsSync(join(dir, 'ada', '.tanggaprc.yaml'))).toBe(true);
  });
});
