/**
 * Converting the kit's documents to HTML alongside rendering them. Marked's first conversion in a
 * process is slow (its patterns compile on first use), so on a machine with more than one core a
 * worker thread starts when the kit command does, and each statement is handed to it as soon as
 * it is rendered. Anything the worker cannot do (it fails to start, dies, reports an error, or
 * stays silent too long) is converted in-process instead, so the result never depends on the
 * worker.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { htmlWorkerUrl, takePrestartedWorker } from './html-worker-start.js';
import { markdownToHtml } from './markdown-html.js';
import type { ConvertReply, ConvertRequest } from './html-worker.js';

export interface HtmlConverter {
  /** The HTML for a document's Markdown; the same arguments give the same (shared) promise. */
  convert(markdown: string, missing: string[]): Promise<string>;
  /**
   * Stop the worker. Call it when the conversions asked for are done, or no longer wanted:
   * any still pending are dropped (their promises reject).
   */
  close(): Promise<void>;
  /** How many conversions the worker and the process have done. */
  readonly done: { worker: number; inProcess: number };
}

interface Pending {
  request: ConvertRequest;
  resolve: (html: string | PromiseLike<string>) => void;
  reject: (error: Error) => void;
}

export interface ConverterOptions {
  /** use a worker thread; by default when the machine has more than one core */
  worker?: boolean;
  /** the worker's module (tests point it elsewhere) */
  workerUrl?: URL;
  /** how long the worker may stay silent while conversions wait, before they are done in-process */
  replyTimeoutMs?: number;
}

/** A worker that has not answered for this long is given up (a first conversion takes well under a second). */
const REPLY_TIMEOUT_MS = 10_000;

export function startHtmlConverter(options: ConverterOptions = {}): HtmlConverter {
  const results = new Map<string, Promise<string>>();
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let worker: Worker | undefined;
  let watchdog: NodeJS.Timeout | undefined;
  const done = { worker: 0, inProcess: 0 };

  const inProcess = (request: ConvertRequest) => {
    done.inProcess++;
    return markdownToHtml(request.markdown, request.missing);
  };
  /** Stop waiting for the worker: it stops, and what it was asked is converted here. */
  const abandon = () => {
    clearTimeout(watchdog);
    const current = worker;
    worker = undefined;
    if (current) {
      current.removeAllListeners('message');
      void current.terminate();
    }
    const stranded = [...pending.values()];
    pending.clear();
    for (const p of stranded) p.resolve(inProcess(p.request));
  };
  /** (Re)start the clock on the worker's silence while anything waits for it. */
  const watch = () => {
    clearTimeout(watchdog);
    watchdog = pending.size > 0 ? setTimeout(abandon, options.replyTimeoutMs ?? REPLY_TIMEOUT_MS) : undefined;
  };

  if (options.worker ?? availableParallelism() > 1) {
    try {
      worker = options.workerUrl ? new Worker(options.workerUrl) : (takePrestartedWorker() ?? new Worker(htmlWorkerUrl(import.meta.url)));
      worker.on('message', (reply: ConvertReply) => {
        const p = pending.get(reply.id);
        if (!p) return;
        pending.delete(reply.id);
        watch();
        if ('html' in reply) done.worker++;
        p.resolve('html' in reply ? reply.html : inProcess(p.request));
      });
      worker.on('error', abandon);
      worker.on('exit', abandon);
      // Only pending conversions keep the process waiting for the worker.
      worker.unref();
    } catch {
      worker = undefined;
    }
  }

  return {
    done,
    convert(markdown, missing) {
      const key = JSON.stringify([missing, markdown]);
      let result = results.get(key);
      if (!result) {
        const request: ConvertRequest = { id: nextId++, markdown, missing };
        if (worker) {
          const current = worker;
          result = new Promise<string>((resolve, reject) => {
            pending.set(request.id, { request, resolve, reject });
            current.ref();
            current.postMessage(request);
            watch();
          }).finally(() => {
            if (pending.size === 0) worker?.unref();
          });
        } else {
          result = inProcess(request);
        }
        // Whoever asks later sees a failure; a conversion asked for ahead must not count as unhandled meanwhile.
        result.catch(() => undefined);
        results.set(key, result);
      }
      return result;
    },
    async close() {
      clearTimeout(watchdog);
      const current = worker;
      worker = undefined;
      const dropped = [...pending.values()];
      pending.clear();
      for (const p of dropped) p.reject(new Error('the HTML conversion was stopped'));
      if (current) {
        // Its failure now is of no interest; a listener stays so that it is not an uncaught error either.
        current.removeAllListeners('exit');
        current.removeAllListeners('message');
        current.on('error', () => undefined);
        await current.terminate();
      }
    },
  };
}
