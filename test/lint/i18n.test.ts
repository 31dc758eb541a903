/**
 * Every lint message exists in Bahasa Indonesia and English: the rules' message tables are
 * complete, a run in either language finds the same things at the same places, and the
 * identities that CI keeps (SARIF fingerprints, ignore entries) do not depend on the language.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings.js';
import { formatResults } from '../../src/formatters/index.js';
import type { Messages } from '../../src/i18n/lang.js';
import { loadConfig } from '../../src/lint/config.js';
import { ALL_RULES, lintFiles, type LintRun } from '../../src/lint/engine.js';
import { RULES } from '../../src/lint/rules/index.js';
import { LOADER_MESSAGES } from '../../src/playbook/messages.js';

const FIXTURES = resolve(import.meta.dirname, '..', 'fixtures', 'lint');
const config = loadConfig(FIXTURES, undefined, ALL_RULES.map((r) => r.id));
const failFixtures = readdirSync(FIXTURES)
  .map((rule) => join(FIXTURES, rule, 'fail'))
  .filter((dir) => existsSync(dir))
  .flatMap((dir) => readdirSync(dir).filter((f) => f.endsWith('.playbook.yaml')).map((f) => join(dir, f)));

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

function expectComplete(messages: Messages<string>) {
  expect(Object.keys(messages.id).sort()).toEqual(Object.keys(messages.en).sort());
  for (const key of Object.keys(messages.en)) {
    const id = messages.id[key];
    const en = messages.en[key];
    expect(id.trim(), `id ${key}`).not.toBe('');
    expect(en.trim(), `en ${key}`).not.toBe('');
    expect(placeholders(id), `placeholders of ${key}`).toEqual(placeholders(en));
  }
}

describe('message tables are complete in both languages', () => {
  for (const rule of RULES) {
    it(rule.id, () => {
      expectComplete(rule.messages);
      expect(rule.description.id.length).toBeGreaterThan(10);
      expect(rule.description.en.length).toBeGreaterThan(10);
      expect(rule.description.id).not.toBe(rule.description.en);
    });
  }
  it('the loader (parse-error, schema)', () => expectComplete(LOADER_MESSAGES));
  it('the reserved rules have descriptions in both languages', () => {
    for (const rule of ALL_RULES) expect(rule.description.id).not.toBe(rule.description.en);
  });
});

const where = (f: Finding) => `${f.ruleId}/${f.messageId} ${f.file}:${f.line}:${f.column}`;
const all = (run: LintRun) => run.results.flatMap((r) => r.findings);

describe('one run per language', () => {
  let id: LintRun;
  let en: LintRun;
  beforeAll(async () => {
    id = await lintFiles(failFixtures, config, [], { lang: 'id' });
    en = await lintFiles(failFixtures, config, [], { lang: 'en' });
  });

  it('finds the same things at the same places', () => {
    expect(all(id).length).toBeGreaterThan(40);
    expect(all(id).map(where)).toEqual(all(en).map(where));
    expect(all(id).map((f) => f.fingerprint)).toEqual(all(en).map((f) => f.fingerprint));
    expect([id.errorCount, id.warningCount]).toEqual([en.errorCount, en.warningCount]);
  });

  it('words every finding in its own language', () => {
    const pairs = all(id).map((f, i) => [f, all(en)[i]] as const);
    for (const [inId, inEn] of pairs) {
      expect(inId.message, where(inId)).not.toBe(inEn.message);
      expect(inId.message).not.toMatch(/\{\w+\}/); // every placeholder filled
      expect(Boolean(inId.suggestion)).toBe(Boolean(inEn.suggestion));
      if (inId.suggestion) expect(inId.suggestion).not.toBe(inEn.suggestion);
    }
  });

  it('the Indonesian schema messages read as Indonesian', () => {
    const messages = all(id).filter((f) => f.ruleId === 'schema').map((f) => f.message);
    expect(messages).toContain('kunci "titel" tidak dikenal; mungkin maksud Anda "title"?');
    expect(messages).toContain('kunci wajib "summary" belum ada');
    expect(all(en).map((f) => f.message)).toContain('unknown key "titel"; did you mean "title"?');
  });

  it('SARIF fingerprints do not change with the language', () => {
    const fingerprints = (run: LintRun) =>
      (JSON.parse(formatResults('sarif', run.results, { cwd: FIXTURES })) as { runs: { results: { partialFingerprints: Record<string, string> }[] }[] }).runs[0].results.map(
        (r) => r.partialFingerprints['tanggapFinding/v1'],
      );
    const inId = fingerprints(id);
    expect(inId.length).toBe(all(id).length);
    expect(new Set(inId).size).toBe(inId.length);
    expect(inId).toEqual(fingerprints(en));
  });

  it('stylish words its severities and summary in the run language; English stays the default', () => {
    const stylishId = formatResults('stylish', id.results, { cwd: FIXTURES, lang: 'id' });
    expect(stylishId).toContain(`✖ ${id.errorCount + id.warningCount} masalah (${id.errorCount} kesalahan, ${id.warningCount} peringatan)`);
    expect(stylishId).toMatch(/^ {2}\d+:\d+ +peringatan {2}/m);
    const stylishEn = formatResults('stylish', en.results, { cwd: FIXTURES });
    expect(stylishEn).toContain(`✖ ${en.errorCount + en.warningCount} problems (${en.errorCount} errors, ${en.warningCount} warnings)`);
  });

  it('an ignore entry written in one language still matches a run in the other', async () => {
    const file = join(FIXTURES, 'unused-question', 'fail', 'unused.playbook.yaml');
    const [finding] = all(await lintFiles([file], config, [], { lang: 'en' })).filter((f) => f.ruleId === 'unused-question');
    const ignoring = { ...config, ignore: [{ file, rule: 'unused-question', message: finding.message }] };
    const inId = all(await lintFiles([file], ignoring, [], { lang: 'id' }));
    expect(inId.filter((f) => f.ruleId === 'unused-question')).toEqual([]);
    const other = { ...config, ignore: [{ file, rule: 'unused-question', message: 'a message that no run produces' }] };
    expect(all(await lintFiles([file], other, [], { lang: 'id' })).filter((f) => f.ruleId === 'unused-question')).toHaveLength(1);
  });
});
