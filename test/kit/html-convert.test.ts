/**
 * The kit's HTML conversion on a worker thread gives exactly what the in-process conversion
 * gives, and a worker that dies, fails or hangs never costs a document.
 */
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { startHtmlConverter } from '../../src/kit/html-convert.js';
import { prestartHtmlWorker, takePrestartedWorker } from '../../src/kit/html-worker-start.js';
import { markdownToHtml } from '../../src/kit/markdown-html.js';

const BUILT_WORKER = pathToFileURL(resolve(import.meta.dirname, '..', '..', 'dist', 'kit', 'html-worker.js'));
const BUNDLED_WORKER = pathToFileURL(resolve(import.meta.dirname, '..', '..', 'dist', 'bundle', 'html-worker.cjs'));
const fixture = (name: string) => pathToFileURL(resolve(import.meta.dirname, '..', 'fixtures', 'kit', name));

const SAMPLES: [string, string[]][] = [
  ['# Siaran Pers\n\n**Jakarta** — banjir di [[BELUM ADA: lokasi]].\n\n- satu\n- dua\n', ['lokasi']],
  ['<script>alert(1)</script>\n\n[klik](javascript:alert(1)) [ok](https://example.org)\n', []],
  ['| a | b |\n|---|---|\n| 1 | [[MISSING: casualties]] |\n\n> kutipan\n', []],
];

describe('HTML converter', () => {
  it.each([
    ['the bundled worker (one script, marked inside)', BUNDLED_WORKER],
    ['the compiled worker module', BUILT_WORKER],
  ])('%s converts exactly as the process does', async (_, url) => {
    const converter = startHtmlConverter({ worker: true, workerUrl: url });
    try {
      for (const [markdown, missing] of SAMPLES) {
        expect(await converter.convert(markdown, missing)).toBe(await markdownToHtml(markdown, missing));
      }
      expect(converter.done).toEqual({ worker: SAMPLES.length, inProcess: 0 });
    } finally {
      await converter.close();
    }
  });

  it('asking twice for the same conversion gives the same promise', async () => {
    const converter = startHtmlConverter({ worker: false });
    const [markdown, missing] = SAMPLES[0];
    expect(converter.convert(markdown, missing)).toBe(converter.convert(markdown, missing));
    expect(converter.convert(markdown, [])).not.toBe(converter.convert(markdown, missing));
    await converter.close();
  });

  it.each([
    ['dies at once', 'worker-exits.mjs'],
    ['answers with errors', 'worker-errors.mjs'],
  ])('a worker that %s costs nothing', async (_, file) => {
    const converter = startHtmlConverter({ worker: true, workerUrl: fixture(file) });
    try {
      const results = await Promise.all(SAMPLES.map(([markdown, missing]) => converter.convert(markdown, missing)));
      expect(results).toEqual(await Promise.all(SAMPLES.map(([markdown, missing]) => markdownToHtml(markdown, missing))));
      expect(converter.done).toEqual({ worker: 0, inProcess: SAMPLES.length });
    } finally {
      await converter.close();
    }
  });

  it('a worker that never answers is given up after its silence, and the conversions are done in-process', async () => {
    const converter = startHtmlConverter({ worker: true, workerUrl: fixture('worker-silent.mjs'), replyTimeoutMs: 300 });
    try {
      const results = await Promise.all(SAMPLES.map(([markdown, missing]) => converter.convert(markdown, missing)));
      expect(converter.done).toEqual({ worker: 0, inProcess: SAMPLES.length });
      expect(results).toEqual(await Promise.all(SAMPLES.map(([markdown, missing]) => markdownToHtml(markdown, missing))));
    } finally {
      await converter.close();
    }
  });

  it('closing drops the conversions still waiting: they reject, and nothing is converted for them', async () => {
    const converter = startHtmlConverter({ worker: true, workerUrl: fixture('worker-silent.mjs') });
    const pending = SAMPLES.map(([markdown, missing]) => converter.convert(markdown, missing));
    await converter.close();
    for (const p of pending) await expect(p).rejects.toThrow(/stopped/);
    expect(converter.done).toEqual({ worker: 0, inProcess: 0 });
  });

  it('a worker module that does not exist costs nothing', async () => {
    const converter = startHtmlConverter({ worker: true, workerUrl: fixture('no-such-worker.mjs') });
    try {
      const [markdown, missing] = SAMPLES[0];
      expect(await converter.convert(markdown, missing)).toBe(await markdownToHtml(markdown, missing));
      expect(converter.done).toEqual({ worker: 0, inProcess: 1 });
    } finally {
      await converter.close();
    }
  });

  it('without a worker everything is converted in-process', async () => {
    const converter = startHtmlConverter({ worker: false });
    await Promise.all(SAMPLES.map(([markdown, missing]) => converter.convert(markdown, missing)));
    expect(converter.done).toEqual({ worker: 0, inProcess: SAMPLES.length });
    await converter.close();
  });

  it('takes over a worker started early', async () => {
    prestartHtmlWorker(BUILT_WORKER);
    const converter = startHtmlConverter({ worker: true });
    try {
      const [markdown, missing] = SAMPLES[0];
      expect(await converter.convert(markdown, missing)).toBe(await markdownToHtml(markdown, missing));
      expect(converter.done).toEqual({ worker: 1, inProcess: 0 });
      expect(takePrestartedWorker()).toBeUndefined();
    } finally {
      await converter.close();
    }
  });

  it('a worker started early that has already failed is not taken', async () => {
    prestartHtmlWorker(fixture('worker-exits.mjs'));
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect(takePrestartedWorker()).toBeUndefined();
  });
});
