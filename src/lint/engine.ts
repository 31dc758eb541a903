/** The lint run: load each playbook (with extends), run the rules, apply config, ignores and inline suppressions. */
import { dirname, relative, resolve } from 'node:path';
import { compareFindings, fingerprintOf, paramsIn, type Finding } from '../findings.js';
import type { FileResult } from '../formatters/types.js';
import { translator } from '../i18n/lang.js';
import { loadPlaybook, type Origin } from '../playbook/load.js';
import { Registry } from '../playbook/registry.js';
import { LOCALES, type Locale } from '../playbook/schema.js';
import { recommendStrategy } from '../playbook/strategy.js';
import { readText } from '../playbook/yaml.js';
import type { LintConfig } from './config.js';
import { RESERVED_RULES, type Report, type Rule, type RuleContext } from './rule.js';
import { RULES } from './rules/index.js';
import { suppressions } from './suppress.js';
import { TemplateFiles } from './templates.js';

export const ALL_RULES = [...RESERVED_RULES, ...RULES];

export interface LintRun {
  results: FileResult[];
  errorCount: number;
  warningCount: number;
}

/** Reserved findings say the playbook could not be checked at all; they can be neither silenced nor downgraded. */
const RESERVED = new Set(RESERVED_RULES.map((r) => r.id));

export interface LintRunOptions {
  /** false when the ignore file is being regenerated */
  applyIgnores?: boolean;
  /** the language of the messages */
  lang?: Locale;
}

/** A rule finding's message in every language: an ignore entry written in one language still matches in the other. */
const wordings = new WeakMap<Finding, string[]>();

export async function lintFiles(files: string[], config: LintConfig, extraPlaybookDirs: string[] = [], { applyIgnores = true, lang = 'en' }: LintRunOptions = {}): Promise<LintRun> {
  const localDirs = [...new Set([...files.map((f) => dirname(resolve(f))), ...config.playbookDirs, ...extraPlaybookDirs])];
  const registry = new Registry(localDirs);
  const byFile = new Map<string, Finding[]>(files.map((f) => [resolve(f), []]));
  const seen = new Set<string>();
  const sourceCache = new Map<string, Map<number, Set<string>>>();
  const suppressed = (f: Finding): boolean => {
    let s = sourceCache.get(f.file);
    if (!s) {
      // Unreadable files (and FIFOs, which would block) have no suppressions.
      s = suppressions(readText(f.file).text ?? '');
      sourceCache.set(f.file, s);
    }
    return s.get(f.line)?.has(f.ruleId) ?? false;
  };
  const ignored = (f: Finding): boolean =>
    config.ignore.some(
      (entry) => entry.rule === f.ruleId && resolve(config.base, entry.file) === f.file && (entry.message === undefined || (wordings.get(f) ?? [f.message]).includes(entry.message)),
    );

  for (const file of files) {
    const findings = await lintOne(resolve(file), registry, config, lang);
    for (const finding of findings) {
      if (!RESERVED.has(finding.ruleId)) {
        const severity = config.severities[finding.ruleId];
        if (severity === 'off') continue;
        if (severity) finding.severity = severity;
        if (suppressed(finding) || (applyIgnores && ignored(finding))) continue;
      }
      const key = `${finding.file}|${finding.line}|${finding.column}|${finding.ruleId}|${finding.fingerprint ?? finding.message}`;
      if (seen.has(key)) continue; // a base playbook's finding, reached again through an extending one
      seen.add(key);
      const list = byFile.get(finding.file) ?? [];
      list.push(finding);
      byFile.set(finding.file, list);
    }
  }
  const results = [...byFile].map(([file, findings]) => ({ file, findings: findings.sort(compareFindings) }));
  results.sort((a, b) => a.file.localeCompare(b.file));
  let errorCount = 0;
  let warningCount = 0;
  for (const r of results) for (const f of r.findings) f.severity === 'error' ? errorCount++ : warningCount++;
  return { results, errorCount, warningCount };
}

async function lintOne(file: string, registry: Registry, config: LintConfig, lang: Locale): Promise<Finding[]> {
  const loaded = loadPlaybook(file, registry.resolveExtends, lang);
  const findings = [...loaded.findings];
  if (!loaded.playbook) return findings;
  const playbook = loaded.playbook;
  const templates = new TemplateFiles(loaded, playbook);
  for (const rule of RULES) {
    if (config.severities[rule.id] === 'off') continue;
    const ctx: RuleContext = {
      loaded,
      playbook,
      strategy: recommendStrategy(playbook.scct),
      options: { firstStatementMinutes: config.firstStatementMinutes },
      templates,
      report: (report) => findings.push(toFinding(rule, report, loaded.map.locate.bind(loaded.map), file, lang)),
    };
    await rule.check(ctx);
  }
  return findings;
}

function toFinding(rule: Rule, report: Report, locate: (pointer: string, atKey?: boolean) => Origin, fallback: string, lang: Locale): Finding {
  const where = report.position
    ? { file: report.file ?? fallback, position: report.position }
    : locate(report.pointer ?? '', report.atKey);
  const say = (l: Locale, key: string) => translator(rule.messages, l)(key, paramsIn(report.params, l));
  const finding: Finding = {
    ruleId: rule.id,
    messageId: report.messageId,
    severity: rule.severity,
    message: say(lang, report.messageId),
    ...(report.suggestionId ? { suggestion: say(lang, report.suggestionId) } : {}),
    file: where.file,
    line: where.position.line,
    column: where.position.column,
    endLine: where.position.endLine,
    endColumn: where.position.endColumn,
    fingerprint: fingerprintOf(report.messageId, report.params),
  };
  wordings.set(finding, LOCALES.map((l) => say(l, report.messageId)));
  return finding;
}

/** Today's findings as ignore entries, paths relative to the config folder. */
export function ignoreEntries(run: LintRun, base: string): { file: string; rule: string; message: string }[] {
  return run.results.flatMap((r) => r.findings.map((f) => ({ file: relative(base, f.file), rule: f.ruleId, message: f.message })));
}
