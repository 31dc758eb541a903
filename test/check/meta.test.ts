/**
 * Every rule has its doc page (docs/check-rules/<id>.md, with a failing and a passing example in
 * both languages that really fail and pass), pass and fail fixtures, and data in both languages.
 * Nothing is documented or fixtured that is not a rule.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkStatement } from '../../src/check/engine.js';
import { loadIncident, loadPlaybookFor } from '../../src/check/incident.js';
import { CHECK_RULES } from '../../src/check/rules/index.js';
import { isStatementKind, type CheckChannel, type StatementKind } from '../../src/check/types.js';
import { loadLanguageData } from '../../src/check/data.js';
import { Registry } from '../../src/playbook/registry.js';
import type { Locale } from '../../src/playbook/schema.js';
import { REPO } from '../helpers/cli.js';
import { filesUnder, FIXTURES } from './helpers.js';

const DOCS = join(REPO, 'docs', 'check-rules');
const ids = CHECK_RULES.map((r) => r.id);

/** Rules whose examples need a playbook or an incident: the shared fixtures give them one. */
function contextFor(ruleId: string) {
  const registry = new Registry([]);
  const shared = join(FIXTURES, '_shared');
  if (ruleId === 'figure-mismatch') {
    const incident = loadIncident(join(shared, 'incident'), registry, 'en');
    return { facts: incident.facts, avoid: incident.playbook?.playbook?.avoid };
  }
  if (ruleId === 'playbook-avoid') return { avoid: loadPlaybookFor(join(shared, 'banjir-uji.playbook.yaml'), registry, shared, 'en').playbook?.avoid };
  return {};
}

interface Example {
  section: Locale;
  verdict: 'fail' | 'pass';
  kind?: StatementKind;
  channel?: CheckChannel;
  text: string;
}

/** Examples are fenced blocks under "## Bahasa Indonesia" / "## English", after "### … fail…" / "### … pass…" headings. */
function examples(page: string): Example[] {
  const out: Example[] = [];
  let section: Locale | undefined;
  let verdict: Example['verdict'] | undefined;
  const lines = page.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (/^## /.test(line)) {
      section = /Bahasa Indonesia/.test(line) ? 'id' : /English/.test(line) ? 'en' : undefined;
      verdict = undefined;
    } else if (/^### /.test(line)) verdict = /gagal|fail/i.test(line) ? 'fail' : /lolos|pass/i.test(line) ? 'pass' : undefined;
    else if (/^```/.test(line) && section && verdict) {
      const info = Object.fromEntries([...line.matchAll(/(\w+)=([\w-]+)/g)].map((m) => [m[1], m[2]]));
      const body: string[] = [];
      for (i++; i < lines.length && !/^```/.test(lines[i]); i++) body.push(lines[i]);
      out.push({ section, verdict, kind: isStatementKind(info.kind) ? info.kind : undefined, channel: info.channel as CheckChannel | undefined, text: `${body.join('\n')}\n` });
    }
  }
  return out;
}

describe('every statement rule', () => {
  it('has a unique kebab-case id, a severity and a description in both languages', () => {
    expect(new Set(ids).size).toBe(ids.length);
    for (const rule of CHECK_RULES) {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(['error', 'warning']).toContain(rule.severity);
      expect(rule.description.id.length).toBeGreaterThan(10);
      expect(rule.description.en.length).toBeGreaterThan(10);
      expect(Object.keys(rule.messages.id).sort()).toEqual(Object.keys(rule.messages.en).sort());
    }
  });

  it('has its data in check-rules/id.yaml and check-rules/en.yaml, valid against its schema', () => {
    for (const lang of ['id', 'en'] as const) {
      const data = loadLanguageData(lang, CHECK_RULES);
      for (const rule of CHECK_RULES.filter((r) => r.data)) expect(data.rules[rule.id], `${lang}: ${rule.id}`).toBeDefined();
      expect(Object.keys(data.rules).sort()).toEqual(CHECK_RULES.filter((r) => r.data).map((r) => r.id).sort());
    }
  });

  for (const rule of CHECK_RULES) {
    describe(rule.id, () => {
      it('has pass and fail fixtures', () => {
        expect(filesUnder(join(FIXTURES, rule.id, 'pass')).length, 'pass fixtures').toBeGreaterThan(0);
        expect(filesUnder(join(FIXTURES, rule.id, 'fail')).length, 'fail fixtures').toBeGreaterThan(0);
      });

      it('has a doc page whose failing examples fail and passing examples pass, in both languages', () => {
        const file = join(DOCS, `${rule.id}.md`);
        expect(existsSync(file), file).toBe(true);
        const page = readFileSync(file, 'utf8');
        expect(page.startsWith(`# ${rule.id}\n`)).toBe(true);
        const found = examples(page);
        for (const section of ['id', 'en'] as const) {
          for (const verdict of ['fail', 'pass'] as const) {
            expect(found.some((e) => e.section === section && e.verdict === verdict), `${section} ${verdict} example`).toBe(true);
          }
        }
        const context = contextFor(rule.id);
        for (const example of found) {
          const result = checkStatement(`${rule.id}.md`, example.text, { uiLang: 'en', lang: example.section, kind: example.kind, channel: example.channel, ...context });
          const mine = result.findings.filter((f) => f.ruleId === rule.id);
          if (example.verdict === 'fail') expect(mine.length, `${example.section} failing example:\n${example.text}`).toBeGreaterThan(0);
          else expect(mine, `${example.section} passing example`).toEqual([]);
        }
      });
    });
  }

  it('documents and fixtures only rules that exist', () => {
    const pages = readdirSync(DOCS).filter((n) => n.endsWith('.md')).map((n) => n.replace(/\.md$/, ''));
    expect(pages.filter((p) => p !== 'README' && !ids.includes(p))).toEqual([]);
    const folders = readdirSync(FIXTURES).filter((n) => !n.startsWith('_'));
    expect(folders.filter((f) => !ids.includes(f))).toEqual([]);
  });
});

describe('the fail fixtures', () => {
  it('exercise every message of every rule', () => {
    for (const rule of CHECK_RULES) {
      const expected = new Set(
        filesUnder(join(FIXTURES, rule.id, 'fail')).flatMap((file) => (/^expect: \[(.*)\]$/m.exec(readFileSync(file, 'utf8'))?.[1] ?? '').split(',').map((s) => s.trim())),
      );
      expect(Object.keys(rule.messages.en).filter((id) => !expected.has(id)), rule.id).toEqual([]);
    }
  });
});
