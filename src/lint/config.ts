/**
 * `.tanggaprc.yaml`, found upward from the working folder: rule severities, the first-statement
 * limit, and ignores. A team adopting the linter can generate `.tanggapignore.yaml` from today's findings.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { ValueErrorType, type ValueError } from '@sinclair/typebox/errors';
import { didYouMean, type Finding } from '../findings.js';
import { translator } from '../i18n/lang.js';
import { parseDuration } from '../playbook/duration.js';
import type { Locale } from '../playbook/schema.js';
import { loadYamlFile } from '../playbook/yaml.js';

const SeveritySetting = Type.Union([Type.Literal('off'), Type.Literal('warning'), Type.Literal('error')]);
const IgnoreEntry = Type.Object(
  { file: Type.String(), rule: Type.String(), message: Type.Optional(Type.String()), reason: Type.Optional(Type.String()) },
  { additionalProperties: false },
);
export type IgnoreEntry = Static<typeof IgnoreEntry>;

export const LintConfigSchema = Type.Object(
  {
    rules: Type.Optional(Type.Record(Type.String(), SeveritySetting)),
    firstStatementWithin: Type.Optional(Type.String({ pattern: '^([0-9]+(m|h|d|w))+$' })),
    playbooks: Type.Optional(Type.Array(Type.String())),
    ignore: Type.Optional(Type.Array(IgnoreEntry)),
    ignoreFile: Type.Optional(Type.String()),
  },
  { additionalProperties: false },
);
export type LintConfigFile = Static<typeof LintConfigSchema>;

export interface LintConfig {
  file?: string;
  /** folder that relative paths in the config are resolved from */
  base: string;
  severities: Record<string, 'off' | 'warning' | 'error'>;
  firstStatementMinutes: number;
  playbookDirs: string[];
  ignore: IgnoreEntry[];
  ignoreFile: string;
}

/** Findings that mean a playbook could not be checked at all. */
const RESERVED_IDS = ['parse-error', 'schema'];

export const CONFIG_NAMES = ['.tanggaprc.yaml', '.tanggaprc.yml'];
export const DEFAULT_IGNORE_FILE = '.tanggapignore.yaml';

export class ConfigError extends Error {}

const messages = {
  id: {
    notFound: '{file}: berkas konfigurasi tidak ditemukan',
    notMapping: '{at}: konfigurasi harus berupa mapping (pasangan kunci dan nilai)',
    unknownKeyHint: '{at}: kunci "{key}" tidak dikenal; mungkin maksud Anda "{hint}"?',
    unknownKeyList: '{at}: kunci "{key}" tidak dikenal; yang tersedia: {known}',
    unknownRule: '{at}: aturan "{rule}" tidak dikenal',
    unknownRuleHint: '{at}: aturan "{rule}" tidak dikenal; mungkin maksud Anda "{hint}"?',
    reserved: '{at}: "{rule}" tidak dapat diatur: playbook yang tidak dapat dibaca tidak dapat diperiksa',
    badSeverity: '{at}: tingkat "{rule}" harus off, warning, atau error',
    invalidConfig: '{at}: {problem}',
    invalidIgnore: '{at}: berkas ignore tidak sah: {problem}',
    badDuration: '"{key}" harus berupa durasi seperti 45m, 1h atau 1h30m',
    mustBeMapping: '"{key}" harus berupa mapping',
    mustBeList: '"{key}" harus berupa daftar',
    mustBeText: '"{key}" harus berupa teks',
    missingKey: 'kunci wajib "{key}" belum ada',
    unknownKey: 'kunci "{key}" tidak dikenal',
    invalidValue: 'nilai di "{path}" tidak sah: {detail}',
  },
  en: {
    notFound: '{file}: configuration file not found',
    notMapping: '{at}: the configuration must be a mapping',
    unknownKeyHint: '{at}: unknown key "{key}"; did you mean "{hint}"?',
    unknownKeyList: '{at}: unknown key "{key}"; expected one of: {known}',
    unknownRule: '{at}: unknown rule "{rule}"',
    unknownRuleHint: '{at}: unknown rule "{rule}"; did you mean "{hint}"?',
    reserved: '{at}: "{rule}" cannot be configured: a playbook that cannot be read cannot be checked',
    badSeverity: '{at}: the severity of "{rule}" must be off, warning or error',
    invalidConfig: '{at}: {problem}',
    invalidIgnore: '{at}: invalid ignore file: {problem}',
    badDuration: '"{key}" must be a duration such as 45m, 1h or 1h30m',
    mustBeMapping: '"{key}" must be a mapping',
    mustBeList: '"{key}" must be a list',
    mustBeText: '"{key}" must be text',
    missingKey: 'missing required key "{key}"',
    unknownKey: 'unknown key "{key}"',
    invalidValue: 'invalid value at "{path}": {detail}',
  },
};
type Say = ReturnType<typeof translator<keyof (typeof messages)['en']>>;

/** One TypeBox error in the configuration or the ignore file, in words. */
function describeValueError(error: ValueError, t: Say): string {
  const key = error.path.slice(error.path.lastIndexOf('/') + 1) || '/';
  switch (error.type) {
    case ValueErrorType.StringPattern:
      return t('badDuration', { key });
    case ValueErrorType.Object:
      return t('mustBeMapping', { key });
    case ValueErrorType.Array:
      return t('mustBeList', { key });
    case ValueErrorType.String:
      return t('mustBeText', { key });
    case ValueErrorType.ObjectRequiredProperty:
      return t('missingKey', { key });
    case ValueErrorType.ObjectAdditionalProperties:
      return t('unknownKey', { key });
    default:
      return t('invalidValue', { path: error.path || '/', detail: error.message.toLowerCase() });
  }
}

export function findConfig(from: string): string | undefined {
  let dir = resolve(from);
  for (;;) {
    for (const name of CONFIG_NAMES) if (existsSync(join(dir, name))) return join(dir, name);
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

const describe = (f: Finding) => `${f.file}:${f.line}:${f.column}: ${f.message}`;

function readYamlConfig(file: string, lang: Locale): { value: unknown; locate: (pointer: string) => string } {
  const doc = loadYamlFile(file, lang);
  if (doc.findings.length) throw new ConfigError(describe(doc.findings[0]));
  return { value: doc.value, locate: (pointer) => {
    const p = doc.map.locate(pointer, true);
    return `${file}:${p.line}:${p.column}`;
  } };
}

/** Read the configuration and the ignore file; errors are worded in `lang`. */
export function loadConfig(cwd: string, explicit: string | undefined, ruleIds: string[], lang: Locale = 'en'): LintConfig {
  const t = translator(messages, lang);
  const file = explicit ? resolve(cwd, explicit) : findConfig(cwd);
  const base = file ? dirname(file) : resolve(cwd);
  const config: LintConfig = { file, base, severities: {}, firstStatementMinutes: 60, playbookDirs: [], ignore: [], ignoreFile: join(base, DEFAULT_IGNORE_FILE) };
  if (explicit && !existsSync(file!)) throw new ConfigError(t('notFound', { file: explicit }));
  if (file) {
    const { value, locate } = readYamlConfig(file, lang);
    const checker = TypeCompiler.Compile(LintConfigSchema);
    if (value !== null && (typeof value !== 'object' || Array.isArray(value))) throw new ConfigError(t('notMapping', { at: locate('') }));
    const record = (value ?? {}) as Record<string, unknown>;
    const known = Object.keys(LintConfigSchema.properties);
    for (const key of Object.keys(record)) {
      if (!known.includes(key)) {
        const hint = didYouMean(key, known);
        const at = locate(`/${key}`);
        throw new ConfigError(hint ? t('unknownKeyHint', { at, key, hint }) : t('unknownKeyList', { at, key, known: known.join(', ') }));
      }
    }
    const rules = record.rules;
    if (rules && typeof rules === 'object' && !Array.isArray(rules)) {
      for (const [rule, severity] of Object.entries(rules)) {
        const at = locate(`/rules/${rule}`);
        if (!ruleIds.includes(rule)) {
          const hint = didYouMean(rule, ruleIds);
          throw new ConfigError(hint ? t('unknownRuleHint', { at, rule, hint }) : t('unknownRule', { at, rule }));
        }
        if (RESERVED_IDS.includes(rule)) throw new ConfigError(t('reserved', { at, rule }));
        if (severity !== 'off' && severity !== 'warning' && severity !== 'error') throw new ConfigError(t('badSeverity', { at, rule }));
      }
    }
    const error = value === null ? undefined : checker.Errors(value).First();
    if (error) throw new ConfigError(t('invalidConfig', { at: locate(error.path), problem: describeValueError(error, t) }));
    const parsed = record as LintConfigFile;
    for (const [id, severity] of Object.entries(parsed.rules ?? {})) config.severities[id] = severity;
    if (parsed.firstStatementWithin) config.firstStatementMinutes = parseDuration(parsed.firstStatementWithin) / 60_000;
    config.playbookDirs = (parsed.playbooks ?? []).map((p) => resolve(base, p));
    config.ignore = parsed.ignore ?? [];
    if (parsed.ignoreFile) config.ignoreFile = resolve(base, parsed.ignoreFile);
  }
  if (existsSync(config.ignoreFile)) {
    const { value, locate } = readYamlConfig(config.ignoreFile, lang);
    const checker = TypeCompiler.Compile(Type.Array(IgnoreEntry));
    const error = value === null ? undefined : checker.Errors(value).First();
    if (error) throw new ConfigError(t('invalidIgnore', { at: locate(error.path), problem: describeValueError(error, t) }));
    config.ignore.push(...((value ?? []) as IgnoreEntry[]));
  }
  return config;
}
