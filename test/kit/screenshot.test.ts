/** The press kit page in a real browser: no console errors, no blocked loads, a first page that renders. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REPO, tempDir } from '../helpers/cli.js';

const CHROMIUM = [process.env.CHROMIUM, '/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find((c) => c && existsSync(c));

describe.runIf(CHROMIUM !== undefined)('press-kit.html in headless Chromium', () => {
  it('loads without console errors and renders the first page', () => {
    const { dir, cleanup } = tempDir('tanggap-shot-test-');
    try {
      const out = join(dir, 'page1.png');
      const r = spawnSync(process.execPath, [join(REPO, 'scripts', 'kit-screenshot.js'), '--out', out, '--chromium', CHROMIUM!], { encoding: 'utf8', timeout: 180_000 });
      expect(r.status, r.stderr).toBe(0);
      const png = readFileSync(out);
      expect(png.subarray(1, 4).toString('ascii')).toBe('PNG');
      // IHDR: width and height of the A4 window
      expect([png.readUInt32BE(16), png.readUInt32BE(20)]).toEqual([1240, 1754]);
    } finally {
      cleanup();
    }
  });
});
