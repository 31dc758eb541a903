/**
 * Checking one statement: read it, detect its language and kind when not given, run the rules
 * that fit its kind with their language's data, and drop what inline directives suppress.
 */
import { compareFindings, type Finding } from '../findings.js';
import type { FileResult } from '../formatters/types.js';
import { translator } from '../i18n/lang.js';
import type { Locale } from '../playbook/schema.js';
import { CHECK_RULES_DIR, loadLanguageData } from './data.js';
import { detectKind, detectLanguage } from './detect.js';
import { Statement } from './document.js';
import { factsIn, type IncidentFacts } from './incident.js';
import { CHECK_RULES } from './rules/index.js';
import type { CheckChannel, CheckRule, RuleReport, StatementKind } from './types.js';

export interface CheckOptions {
  /** the interface language: findings' messages */
  uiLang: Locale;
  kind?: StatementKind;
  lang?: Locale;
  channel?: CheckChannel;
  /** the playbook's phrases to avoid */
  avoid?: Partial<Record<Locale, string[]>>;
  facts?: IncidentFacts;
  rules?: readonly CheckRule[];
  dataDir?: string;
}

export interface StatementCheck extends FileResult {
  kind: StatementKind;
  lang: Locale;
  channel?: CheckChannel;
  /** what was detected rather than given */
  detected: { kind: boolean; lang: boolean };
}

function render(rule: CheckRule, report: RuleReport, uiLang: Locale): string {
  const t = translator(rule.messages, uiLang);
  const term = translator(rule.terms ?? { id: {}, en: {} }, uiLang);
  const params: Record<string, string | number> = {};
  for (const [key, value] of Object.entries(report.params ?? {})) {
    params[key] = typeof value === 'object' ? value.keys.map((k) => term(k)).join(', ') : value;
  }
  return t(report.messageId, params);
}

export function checkStatement(file: string, text: string, options: CheckOptions): StatementCheck {
  const rules = options.rules ?? CHECK_RULES;
  const dir = options.dataDir ?? CHECK_RULES_DIR;
  const data = { id: loadLanguageData('id', rules, dir), en: loadLanguageData('en', rules, dir) };
  const statement = new Statement(file, text, [...data.id.segment.abbreviations, ...data.en.segment.abbreviations]);
  const lang = options.lang ?? detectLanguage(statement, data);
  const kind = options.kind ?? detectKind(statement, data[lang], options.channel);
  const channel = options.channel ?? (kind === 'sms' ? 'sms' : undefined);

  const suppressed = (f: Finding) =>
    statement.suppressions.some((s) => (s.line === 0 || s.line === f.line) && (s.rules.size === 0 || s.rules.has(f.ruleId)));

  const findings: Finding[] = [];
  for (const rule of rules) {
    if (rule.kinds && !rule.kinds.includes(kind)) continue;
    const reports = rule.check({
      statement,
      lang,
      kind,
      channel,
      data: data[lang].rules[rule.id],
      avoid: options.avoid?.[lang] ?? [],
      facts: options.facts && factsIn(options.facts, lang),
    });
    for (const report of reports) {
      const finding: Finding = {
        ruleId: rule.id,
        messageId: report.messageId,
        severity: rule.severity,
        message: render(rule, report, options.uiLang),
        file,
        ...statement.position(report.start, report.end),
      };
      if (report.suggestion) finding.suggestion = report.suggestion;
      if (!suppressed(finding)) findings.push(finding);
    }
  }
  findings.sort(compareFindings);
  return { file, findings, kind, lang, channel, detected: { kind: options.kind === undefined, lang: options.lang === undefined } };
}
