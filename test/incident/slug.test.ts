import { existsSync } from 'node:fs';
import { basename, join } from 'node:path';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createIncidentFolder, MAX_SLUG_LENGTH, slugify } from '../../src/incident/slug.js';
import { tempDir } from '../helpers/cli.js';

const RESERVED = /^(con|prn|aux|nul|com[0-9]|lpt[0-9])$/i;

describe('slugify', () => {
  it.each([
    ['Banjir Bandang di Kec. Sukamaju / Desa Mekarsari', 'banjir-bandang-di-kec-sukamaju-desa-mekarsari'],
    ['Gempa M5,6 — Désa Cibeureum (Kab. Lembah Sari)', 'gempa-m5-6-desa-cibeureum-kab-lembah-sari'],
    ['../../etc/passwd', 'etc-passwd'],
    ['..', 'insiden'],
    ['🌊🔥😱', 'insiden'],
    ['', 'insiden'],
    ['   ', 'insiden'],
    ['CON', 'con-insiden'],
    ['nul', 'nul-insiden'],
    ['LPT1', 'lpt1-insiden'],
    ['C:\\Windows\\System32', 'c-windows-system32'],
    ['Hoaks "bendungan jebol" viral di WhatsApp!!!', 'hoaks-bendungan-jebol-viral-di-whatsapp'],
  ])('%j -> %s', (title, slug) => {
    expect(slugify(title)).toBe(slug);
  });

  it('cuts a very long title at a word boundary', () => {
    const title = 'Kebakaran hutan dan lahan yang meluas di perbatasan tiga kabupaten menyebabkan kabut asap tebal selama dua minggu';
    const slug = slugify(title);
    expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
    expect(title.toLowerCase().replace(/ /g, '-').startsWith(slug)).toBe(true);
    expect(slug.endsWith('-')).toBe(false);
  });

  it('turns any string into a safe, bounded, non-empty folder name', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.string({ unit: 'binary' }), fc.constantFrom('..', '.', '/', '\\', 'CON', 'aux.txt', 'COM1')), (title) => {
        const slug = slugify(title);
        expect(slug.length).toBeGreaterThan(0);
        expect(slug.length).toBeLessThanOrEqual(MAX_SLUG_LENGTH);
        expect(slug).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(slug).not.toContain('..');
        expect(slug).not.toMatch(/[/\\]/);
        expect(RESERVED.test(slug)).toBe(false);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('createIncidentFolder', () => {
  let root: string;
  let cleanup: () => void;
  beforeEach(() => {
    ({ dir: root, cleanup } = tempDir());
  });
  afterEach(() => cleanup());

  it('creates <date>-<slug> inside the root, and a new one when it exists', () => {
    const first = createIncidentFolder(join(root, 'incidents'), '2026-03-14', 'Banjir Desa Mekarsari');
    const second = createIncidentFolder(join(root, 'incidents'), '2026-03-14', 'Banjir desa mekarsari!');
    expect(basename(first)).toBe('2026-03-14-banjir-desa-mekarsari');
    expect(basename(second)).toBe('2026-03-14-banjir-desa-mekarsari-2');
    expect(existsSync(first) && existsSync(second)).toBe(true);
  });

  it('never leaves the root, whatever the title', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (title) => {
        const dir = createIncidentFolder(join(root, 'incidents'), '2026-03-14', title);
        expect(dir.startsWith(join(root, 'incidents') + '/')).toBe(true);
        expect(basename(dir)).toMatch(/^2026-03-14-[a-z0-9-]+$/);
      }),
      { numRuns: 100 },
    );
  });
});
