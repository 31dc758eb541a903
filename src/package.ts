/**
 * Where the installed package lives, found by walking up from this module to tanggap's own
 * package.json, so it holds however the code is laid out in dist/ (compiled or bundled).
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findRoot(): string {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest)) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'tanggap') return dir;
      } catch {
        /* not ours; keep walking */
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error('cannot find the tanggap package folder');
    dir = parent;
  }
}

export const PACKAGE_ROOT = findRoot();

let cachedVersion: string | undefined;
export function packageVersion(): string {
  return (cachedVersion ??= (JSON.parse(readFileSync(join(PACKAGE_ROOT, 'package.json'), 'utf8')) as { version: string }).version);
}
