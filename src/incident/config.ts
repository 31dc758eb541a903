/**
 * What tanggap remembers for the officer between incidents: the office's time zone, the office
 * details and who usually signs off, so they are typed once. Kept in
 * $XDG_CONFIG_HOME/tanggap/config.yaml (or ~/.config/tanggap/config.yaml; %APPDATA% on Windows).
 */
import { mkdirSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';
import type { Office, Timezone } from './answers-schema.js';
import { writeFileAtomic } from './durable.js';
import { isTimezone } from './time.js';
import { yamlLib } from '../vendor.js';

export interface Signer {
  name: string;
  role: string;
}

export interface UserConfig {
  timezone?: Timezone;
  office?: Office;
  signer?: Signer;
}

export function configPath(env: NodeJS.ProcessEnv = process.env): string {
  if (env.XDG_CONFIG_HOME) return join(env.XDG_CONFIG_HOME, 'tanggap', 'config.yaml');
  if (process.platform === 'win32' && env.APPDATA) return join(env.APPDATA, 'tanggap', 'config.yaml');
  return join(env.HOME ?? homedir(), '.config', 'tanggap', 'config.yaml');
}

const isRecord = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * Read the configuration. A missing file is an empty configuration; a damaged one is reported
 * through `problem` and otherwise ignored, because a crisis is no time to fix a settings file.
 */
export function readConfig(file: string): { config: UserConfig; problem?: string } {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return code === 'ENOENT' ? { config: {} } : { config: {}, problem: code ?? String(error) };
  }
  let value: unknown;
  try {
    value = yamlLib().parse(text);
  } catch (error) {
    return { config: {}, problem: (error as Error).message.split('\n')[0] };
  }
  if (value === null || value === undefined) return { config: {} };
  if (!isRecord(value)) return { config: {}, problem: 'not a mapping' };
  const config: UserConfig = {};
  if (isTimezone(value.timezone)) config.timezone = value.timezone;
  const office = value.office;
  if (isRecord(office) && office.agency !== undefined && typeof office.code === 'string' && typeof office.city === 'string') {
    config.office = office as unknown as Office;
  }
  const signer = value.signer;
  if (isRecord(signer) && typeof signer.name === 'string' && typeof signer.role === 'string') config.signer = { name: signer.name, role: signer.role };
  return { config };
}

/** Merge `patch` into the configuration file, atomically. */
export function rememberConfig(file: string, patch: UserConfig): void {
  const { config } = readConfig(file);
  const next = { ...config, ...patch };
  mkdirSync(dirname(file), { recursive: true });
  writeFileAtomic(file, `# tanggap remembers these between incidents; edit freely.\n${yamlLib().stringify(next, { lineWidth: 0 })}`);
}
