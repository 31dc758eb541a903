/** Reading the checker's fixtures: a statement with front matter that says how to check it and what to expect. */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { checkStatement, type StatementCheck } from '../../src/check/engine.js';
import { loadIncident, loadPlaybookFor } from '../../src/check/incident.js';
import type { CheckChannel, StatementKind } from '../../src/check/types.js';
import { Registry } from '../../src/playbook/registry.js';
import type { Locale } from '../../src/playbook/schema.js';
import { REPO } from '../helpers/cli.js';

export const FIXTURES = join(REPO, 'test', 'fixtures', 'check');
export const CORPUS = join(REPO, 'test', 'check', 'corpus');

export interface FixtureHeader {
  kind?: StatementKind;
  lang?: Locale;
  channel?: CheckChannel;
  /** an incident folder, relative to the fixture */
  incident?: string;
  /** a playbook file, relative to the fixture */
  playbook?: string;
  /** rule fixtures: "message-id" of this rule; corpus: rule ids */
  expect?: string[];
}

export function frontMatter(text: string): FixtureHeader {
  const m = /^---\r?\n([\s\S]*?)\r?\n---/.exec(text);
  return m ? ((parse(m[1]) ?? {}) as FixtureHeader) : {};
}

export function filesUnder(dir: string): string[] {
  try {
    return readdirSync(dir)
      .filter((name) => /\.(md|txt)$/.test(name))
      .sort()
      .map((name) => join(dir, name))
      .filter((f) => statSync(f).isFile());
  } catch {
    return [];
  }
}

/** Check a fixture file the way `tanggap check` would with its header's options. */
export function checkFixture(file: string, uiLang: Locale = 'en'): { header: FixtureHeader; result: StatementCheck } {
  const text = readFileSync(file, 'utf8');
  const header = frontMatter(text);
  const registry = new Registry([]);
  let avoid: Partial<Record<Locale, string[]>> | undefined;
  let facts;
  if (header.incident) {
    const incident = loadIncident(resolve(dirname(file), header.incident), registry, uiLang);
    facts = incident.facts;
    avoid = incident.playbook?.playbook?.avoid;
  } else if (header.playbook) {
    avoid = loadPlaybookFor(resolve(dirname(file), header.playbook), registry, dirname(file), uiLang).playbook?.avoid;
  }
  const result = checkStatement(file, text, { uiLang, kind: header.kind, lang: header.lang, channel: header.channel, avoid, facts });
  return { header, result };
}
