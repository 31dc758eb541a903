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

/**
 * Converted once at start, before any request arrives: marked compiles its patterns on first use,
 * which is the slow part of a first conversion.
 */
const WARM_UP = '# A\n\n**b** _c_ `d` [e](https://example.org)\n\n- f\n- g\n\n1. h\n\n> i\n\n| j | k |\n|---|---|\n| l | m |\n\n---\n\n~~n~~ <o>\n';
if (parentPort) void markdownToHtml(WARM_UP).catch(() => undefined);

parentPort?.on('message', (request: ConvertRequest) => {
  markdownToHtml(request.markdown, request.missing).then(
    (html) => parentPort!.postMessage({ id: request.id, html } satisfies ConvertReply),
    (error: unknown) => parentPort!.postMessage({ id: request.id, error: String(error) } satisfies ConvertReply),
  );
});
