/**
 * The press kit's Markdown-to-HTML conversion on a worker thread: the main thread renders the
 * next statement while this one converts the last (see html-convert.ts). Same conversion, same
 * sanitizing, as in-process.
 */
import { parentPort } from 'node:worker_threads';
import { markdownToHtml } from './markdown-html.js';

export interface ConvertRequest {
  id: number;
  markdown: string;
  missing: string[];
}

export type ConvertReply = { id: number; html: string } | { id: number; error: string };

parentPort?.on('message', (request: ConvertRequest) => {
  markdownToHtml(request.markdown, request.missing).then(
    (html) => parentPort!.postMessage({ id: request.id, html } satisfies ConvertReply),
    (error: unknown) => parentPort!.postMessage({ id: request.id, error: String(error) } satisfies ConvertReply),
  );
});
