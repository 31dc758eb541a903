/**
 * `.tanggaprc.yaml`, found upward from the working folder: rule severities, the first-statement
 * limit, and ignores. A team adopting the linter can generate `.tanggapignore.yaml` from today's findings.
 */
import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { Type, type Static } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import { didYouMean, type Finding } from '../findings.js';
import { parseDuration } from '../playbook/duration.js';
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

function readYamlConfig(file: string): { value: unknown; locate: (pointer: string) => string } {
  const doc = loadYamlFile(file);
  if (doc.findings.length) throw new ConfigError(describe(doc.findings[0]));
  return { value: doc.value, locate: (pointer) => {
    const p = doc.map.locate(pointer, true);
    return `${file}:${p.line}:${p.column}`;
  } };
}

export function loadConfig(cwd: string, explicit: string | undefined, ruleIds: string[]): LintConfig {
  const file = explicit ? resolve(cwd, explicit) : findConfig(cwd);
  const base = file ? dirname(file) : resolve(cwd);
  const config: LintConfig = { file, base, severities: {}, firstStatementMinutes: 60, playbookDirs: [], ignore: [], ignoreFile: join(base, DEFAULT_IGNORE_FILE) };
  if (explicit && !existsSync(file!)) throw new ConfigError(`${explicit}: configuration file not found`);
  if (file) {
    const { value, locate } = readYamlConfig(file);
    const checker = TypeCompiler.Compile(LintConfigSchema);
    if (value !== null && (typeof value !== 'object' || Array.isArray(value))) throw new ConfigError(`${locate('')}: the configuration must be a mapping`);
    const record = (value ?? {}) as Record<string, unknown>;
    const known = Object.keys(LintConfigSchema.properties);
    for (const key of Object.keys(record)) {
      if (!known.includes(key)) {
        const hint = didYouMean(key, known);
        throw new ConfigError(`${locate(`/${key}`)}: unknown key "${key}"${hint ? `; did you mean "${hint}"?` : `; expected one of: ${known.join(', ')}`}`);
      }
    }
    const rules = record.rules;
    if (rules && typeof rules === 'object' && !Array.isArray(rules)) {
      for (const [id, severity] of Object.entries(rules)) {
        if (!ruleIds.includes(id)) {
          const hint = didYouMean(id, ruleIds);
          throw new ConfigError(`${locate(`/rules/${id}`)}: unknown rule "${id}"${hint ? `; did you mean "${hint}"?` : ''}`);
        }
        if (RESERVED_IDS.includes(id)) throw new ConfigError(`${locate(`/rules/${id}`)}: "${id}" cannot be configured: a playbook that cannot be read cannot be checked`);
        if (severity !== 'off' && severity !== 'warning' && severity !== 'error') throw new ConfigError(`${locate(`/rules/${id}`)}: the severity of "${id}" must be off, warning or error`);
      }
    }
    const error = value === null ? undefined : checker.Errors(value).First();
    if (error) throw new ConfigError(`${locate(error.path)}: invalid value at "${error.path || '/'}": ${error.message.toLowerCase()}`);
    const parsed = record as LintConfigFile;
    for (const [id, severity] of Object.entries(parsed.rules ?? {})) config.severities[id] = severity;
    if (parsed.firstStatementWithin) config.firstStatementMinutes = parseDuration(parsed.firstStatementWithin) / 60_000;
    config.playbookDirs = (parsed.playbooks ?? []).map((p) => resolve(base, p));
    config.ignore = parsed.ignore ?? [];
    if (parsed.ignoreFile) config.ignoreFile = resolve(base, parsed.ignoreFile);
  }
  if (existsSync(config.ignoreFile)) {
    const { value, locate } = readYamlConfig(config.ignoreFile);
    const checker = TypeCompiler.Compile(Type.Array(IgnoreEntry));
    const error = value === null ? undefined : checker.Errors(value).First();
    if (error) throw new ConfigError(`${locate(error.path)}: invalid ignore file: ${error.message.toLowerCase()}`);
    config.ignore.push(...((value ?? []) as IgnoreEntry[]));
  }
  return config;
}
