/**
 * Starting the press kit's HTML worker early. A worker thread takes a while to boot, so for `kit`
 * the start-up (src/boot.ts) starts it before the command line itself loads, and the kit's
 * converter (html-convert.ts) takes it over. The two meet through a global slot because the start-up
 * and the command line are separate scripts.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';

const SLOT = Symbol.for('tanggap.kit.htmlWorker');

/**
 * The worker's script beside the module at `base`: the bundled one-file worker when there is one
 * (dist/bundle/html-worker.cjs), else the compiled module (dist/kit/html-worker.js).
 */
export function htmlWorkerUrl(base: string): URL {
  const bundled = new URL('./html-worker.cjs', base);
  return existsSync(fileURLToPath(bundled)) ? bundled : new URL('./html-worker.js', base);
}

interface Started {
  worker: Worker;
  failed: boolean;
}

type Slot = { [SLOT]?: Started };

/** Start the worker now, when the machine has more than one core; nothing happens on failure. */
export function prestartHtmlWorker(url: URL): void {
  if (availableParallelism() <= 1) return;
  try {
    const started: Started = { worker: new Worker(url), failed: false };
    // Until the converter takes it, a failure only marks it unusable.
    const failed = () => {
      started.failed = true;
    };
    started.worker.on('error', failed).on('exit', failed).unref();
    (globalThis as Slot)[SLOT] = started;
  } catch {
    /* the converter starts its own, or converts in-process */
  }
}

/** The worker started early, unless there is none or it has already failed. */
export function takePrestartedWorker(): Worker | undefined {
  const started = (globalThis as Slot)[SLOT];
  delete (globalThis as Slot)[SLOT];
  if (!started) return undefined;
  if (started.failed) {
    void started.worker.terminate();
    return undefined;
  }
  return started.worker;
}
