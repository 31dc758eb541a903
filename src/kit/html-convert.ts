/**
 * Converting the kit's documents to HTML alongside rendering them. Marked's first conversion in a
 * process is slow (its patterns compile on first use), so on a machine with more than one core a
 * worker thread starts when the kit command does, and each statement is handed to it as soon as
 * it is rendered. Anything the worker cannot do (it fails to start, dies, or reports an error)
 * is converted in-process instead, so the result never depends on the worker.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import { takePrestartedWorker } from './html-worker-start.js';
import { markdownToHtml } from './markdown-html.js';
import type { ConvertReply, ConvertRequest } from './html-worker.js';

export interface HtmlConverter {
  /** The HTML for a document's Markdown; the same arguments give the same (shared) promise. */
  convert(markdown: string, missing: string[]): Promise<string>;
  /** Stop the worker; conversions still pending finish in-process. */
  close(): Promise<void>;
  /** How many conversions the worker and the process have done. */
  readonly done: { worker: number; inProcess: number };
}

interface Pending {
  request: ConvertRequest;
  resolve: (html: string | PromiseLike<string>) => void;
}

export interface ConverterOptions {
  /** use a worker thread; by default when the machine has more than one core */
  worker?: boolean;
  /** the worker's module (tests point it elsewhere) */
  workerUrl?: URL;
}

export function startHtmlConverter(options: ConverterOptions = {}): HtmlConverter {
  const results = new Map<string, Promise<string>>();
  const pending = new Map<number, Pending>();
  let nextId = 0;
  let worker: Worker | undefined;
  const done = { worker: 0, inProcess: 0 };

  const inProcess = (request: ConvertRequest) => {
    done.inProcess++;
    return markdownToHtml(request.markdown, request.missing);
  };
  const abandon = () => {
    const stranded = [...pending.values()];
    pending.clear();
    worker = undefined;
    for (const p of stranded) p.resolve(inProcess(p.request));
  };

  if (options.worker ?? availableParallelism() > 1) {
    try {
      worker = options.workerUrl ? new Worker(options.workerUrl) : (takePrestartedWorker() ?? new Worker(new URL('./html-worker.js', import.meta.url)));
      worker.on('message', (reply: ConvertReply) => {
        const p = pending.get(reply.id);
        if (!p) return;
        pending.delete(reply.id);
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
      const key = `${missing.join('\0')}\u0001${markdown}`;
      let result = results.get(key);
      if (!result) {
        const request: ConvertRequest = { id: nextId++, markdown, missing };
        if (worker) {
          const current = worker;
          result = new Promise<string>((resolve) => {
            pending.set(request.id, { request, resolve });
            current.ref();
            current.postMessage(request);
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
      const current = worker;
      worker = undefined;
      if (current) {
        current.removeAllListeners('exit');
        current.removeAllListeners('error');
        await current.terminate();
      }
      abandon();
    },
  };
}
