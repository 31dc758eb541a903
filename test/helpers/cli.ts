/** Spawn the built binary (bin/tanggap.js -> dist/) in a temporary folder, as an officer would. */
import { spawnSync, type SpawnSyncOptions } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

export const REPO = resolve(import.meta.dirname, '..', '..');
export const BIN = join(REPO, 'bin', 'tanggap.js');

export interface CliResult {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function tanggap(args: string[], options: SpawnSyncOptions & { input?: string } = {}, bin = BIN): CliResult {
  const inherited: NodeJS.ProcessEnv = { ...process.env };
  delete inherited.FORCE_COLOR;
  const env = { ...inherited, NO_COLOR: '1', TANGGAP_LANG: 'en', CI: '1', ...(options.env ?? {}) };
  const result = spawnSync(process.execPath, [bin, ...args], {
    encoding: 'utf8',
    timeout: 60_000,
    ...options,
    env,
  });
  return { status: result.status, stdout: String(result.stdout ?? ''), stderr: String(result.stderr ?? '') };
}

/** A fresh temporary folder, removed by the returned cleanup function. */
export function tempDir(prefix = 'tanggap-'): { dir: string; cleanup: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}
