/**
 * Rule tables: each rule has pass and fail fixtures. A fail fixture lists what it must produce in
 * `# expect: <messageId> [<file>:]<line>:<col>` comments; a pass fixture must lint clean.
 * The meta-test fails when a rule lacks its doc page or fixtures.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/lint/config.js';
import { ALL_RULES, lintFiles } from '../../src/lint/engine.js';

const FIXTURES = resolve(import.meta.dirname, '..', 'fixtures', 'lint');
const DOCS = resolve(import.meta.dirname, '..', '..', 'docs', 'rules');
const config = loadConfig(FIXTURES, undefined, ALL_RULES.map((r) => r.id));
const playbooks = (dir: string) => (existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.playbook.yaml')).map((f) => join(dir, f)) : []);

describe('every rule is documented and has fixtures', () => {
  for (const rule of ALL_RULES) {
    it(rule.id, () => {
      expect(rule.id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      const doc = join(DOCS, `${rule.id}.md`);
      expect(existsSync(doc), `docs/rules/${rule.id}.md`).toBe(true);
      const text = readFileSync(doc, 'utf8');
      expect(text).toMatch(new RegExp(`^# \x60?${rule.id}\x60?$`, 'm'));
      expect(text).toMatch(/## Problematic/);
      expect(text).toMatch(/## Correct/);
      expect(playbooks(join(FIXTURES, rule.id, 'pass')).length, 'pass fixtures').toBeGreaterThan(0);
      expect(playbooks(join(FIXTURES, rule.id, 'fail')).length, 'fail fixtures').toBeGreaterThan(0);
    });
  }
});

describe('rule fixtures', () => {
  for (const rule of ALL_RULES) {
    for (const file of playbooks(join(FIXTURES, rule.id, 'pass'))) {
      it(`${rule.id} passes ${relative(FIXTURES, file)}`, async () => {
        const run = await lintFiles([file], config);
        const all = run.results.flatMap((r) => r.findings.map((f) => `${f.ruleId}/${f.messageId} ${relative(FIXTURES, f.file)}:${f.line}:${f.column} ${f.message}`));
        expect(all).toEqual([]);
      });
    }
    for (const file of playbooks(join(FIXTURES, rule.id, 'fail'))) {
      it(`${rule.id} fails ${relative(FIXTURES, file)}`, async () => {
        const source = readFileSync(file, 'utf8');
        const expected = [...source.matchAll(/^# expect: (\S+) (?:(\S+):)?(\d+):(\d+)$/gm)].map(
          ([, messageId, other, line, col]) => `${messageId} ${relative(FIXTURES, other ? join(dirname(file), other) : file)}:${line}:${col}`,
        );
        const run = await lintFiles([file], config);
        const actual = run.results.flatMap((r) => r.findings.filter((f) => f.ruleId === rule.id).map((f) => `${f.messageId} ${relative(FIXTURES, f.file)}:${f.line}:${f.column}`));
        if (expected.length === 0) expect(actual.length).toBeGreaterThan(0);
        else expect(actual.sort()).toEqual(expected.sort());
        expect(run.errorCount + run.warningCount).toBeGreaterThan(0);
      });
    }
  }
});
