/** Small temporary playbook projects for rendering tests: the fixture playbook with test templates. */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse, stringify } from 'yaml';
import { tempDir } from '../helpers/cli.js';
import { loadAnswersFile } from '../../src/incident/answers.js';
import type { AnswersFile } from '../../src/incident/answers-schema.js';
import { loadPlaybook, type LoadedPlaybook } from '../../src/playbook/load.js';
import type { Locale } from '../../src/playbook/schema.js';
import { renderStatement, type RenderedStatement } from '../../src/render/index.js';

export const FIXTURE = resolve(import.meta.dirname, '..', 'fixtures', 'render');
export const FIXTURE_PLAYBOOK = join(FIXTURE, 'playbooks', 'banjir.playbook.yaml');
export const FIXTURE_ANSWERS = join(FIXTURE, 'banjir.answers.yaml');
/** A fixed time of rendering: 12 September 2024, 16.00 WIB. */
export const NOW = new Date('2024-09-12T09:00:00Z');

export function fixtureAnswers(): AnswersFile {
  return structuredClone(loadAnswersFile(FIXTURE_ANSWERS).answers);
}

export interface TestTemplate {
  id?: string;
  kind?: string;
  channel?: string;
  limit?: number;
  when?: unknown;
  /** source per language */
  id_?: string;
  en?: string;
}

export interface Project {
  dir: string;
  file: string;
  loaded: LoadedPlaybook;
  cleanup: () => void;
}

/**
 * A project folder (with a package.json, so it is its own root) holding the fixture playbook
 * whose templates are replaced by `templates`, and optional extra files.
 */
export function project(templates: Record<string, TestTemplate | string>, extra: Record<string, string> = {}, edit?: (doc: Record<string, unknown>) => void): Project {
  const { dir, cleanup } = tempDir('tanggap-render-');
  writeFileSync(join(dir, 'package.json'), '{}\n');
  const doc = parse(readFileSync(FIXTURE_PLAYBOOK, 'utf8')) as Record<string, unknown>;
  const list: Record<string, unknown>[] = [];
  for (const [id, spec] of Object.entries(templates)) {
    const t = typeof spec === 'string' ? { id_: spec, en: spec } : spec;
    const files: Record<string, string> = {};
    for (const [lang, source] of [['id', t.id_], ['en', t.en]] as const) {
      if (source === undefined) continue;
      const rel = `templates/${id}.${lang}.md.hbs`;
      mkdirSync(dirname(join(dir, rel)), { recursive: true });
      writeFileSync(join(dir, rel), source);
      files[lang] = `../${rel}`;
    }
    list.push({
      id,
      kind: t.kind ?? 'holding-statement',
      channel: t.channel ?? 'website',
      title: { id: `Judul ${id}`, en: `Title ${id}` },
      files,
      ...(t.limit !== undefined ? { limit: t.limit } : {}),
      ...(t.when !== undefined ? { when: t.when } : {}),
    });
  }
  doc.templates = list;
  for (const stage of doc.stages as { steps: { drafts?: string[] }[] }[]) for (const step of stage.steps) delete step.drafts;
  edit?.(doc);
  mkdirSync(join(dir, 'playbooks'), { recursive: true });
  const file = join(dir, 'playbooks', 'test.playbook.yaml');
  writeFileSync(file, stringify(doc));
  for (const [rel, content] of Object.entries(extra)) {
    mkdirSync(dirname(join(dir, rel)), { recursive: true });
    writeFileSync(join(dir, rel), content);
  }
  const loaded = loadPlaybook(file);
  if (!loaded.playbook) throw new Error(`test playbook invalid: ${JSON.stringify(loaded.findings.slice(0, 3))}`);
  return { dir, file, loaded, cleanup };
}

/** Render one inline template source in a throwaway project. */
export function render(
  source: string,
  options: { lang?: Locale; answers?: AnswersFile; final?: boolean; now?: Date; channel?: string; limit?: number; kind?: string } = {},
): RenderedStatement {
  const lang = options.lang ?? 'id';
  const p = project({ t: { id_: source, en: source, channel: options.channel, limit: options.limit, kind: options.kind } });
  try {
    return renderStatement({ loaded: p.loaded, templateId: 't', lang, answers: options.answers ?? fixtureAnswers(), final: options.final, now: options.now ?? NOW });
  } finally {
    p.cleanup();
  }
}
