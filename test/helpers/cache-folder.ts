/**
 * Every test file gets its own empty cache folder (XDG_CACHE_HOME), for the code it runs and the
 * commands it spawns, so results never depend on what an earlier run left in ~/.cache.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const folder = mkdtempSync(join(tmpdir(), 'tanggap-test-cache-'));
process.env.XDG_CACHE_HOME = folder;
afterAll(() => rmSync(folder, { recursive: true, force: true }));
