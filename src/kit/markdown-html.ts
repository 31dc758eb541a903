/**
 * Markdown to safe HTML with marked: raw HTML from any source shown as text, links only to
 * http(s), mailto, tel and anchors in the page, images only as inline data, no automatic links
 * made from bare URLs in answers. marked is loaded on first use. Kept apart from the page
 * (html.ts) so the worker thread that converts documents (html-worker.ts) loads only this.
 */
import { importEsm } from '../esm.js';

type MarkedInstance = import('marked').Marked;

export const CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; img-src data:";

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export const escapeHtml = (text: string): string => text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);

/** An href that is safe to keep: http(s), mailto, tel, or an anchor in the page. */
export function safeHref(href: string): string | undefined {
  // Browsers ignore control characters and whitespace inside a scheme ("java\tscript:"); so must we.
  const compact = href.replace(/[\u0000-\u0020\u007F-\u009F]/g, '');
  if (/^#[A-Za-z0-9_-]*$/.test(compact)) return compact;
  if (/^(https?:\/\/|mailto:|tel:)/i.test(compact)) return compact;
  return undefined;
}

const SAFE_IMAGE = /^data:image\/(png|jpeg|gif|webp);base64,[A-Za-z0-9+/=]+$/;
const MARKER = /\[\[(?:BELUM ADA|MISSING): ([^\]<>&"']{1,200})\]\]/g;

let instance: MarkedInstance | undefined;
/** The facts the document being converted really lacks; only their markers are highlighted. */
let highlighted: ReadonlySet<string> = new Set();

async function markdownRenderer(): Promise<MarkedInstance> {
  if (instance) return instance;
  const { Marked } = await importEsm<typeof import('marked')>('marked');
  const md = new Marked({ gfm: true, breaks: false, async: false });
  md.use({
    tokenizer: {
      // Bare URLs stay text: an answer must not turn into a link the template did not write.
      url() {
        return undefined;
      },
    },
    renderer: {
      html({ text }) {
        return escapeHtml(text);
      },
      link({ href, title, tokens }) {
        const inner = this.parser.parseInline(tokens);
        const safe = safeHref(href);
        if (!safe) return inner;
        return `<a href="${escapeHtml(safe)}"${title ? ` title="${escapeHtml(title)}"` : ''} rel="noreferrer">${inner}</a>`;
      },
      image({ href, text }) {
        return SAFE_IMAGE.test(href) ? `<img src="${escapeHtml(href)}" alt="${escapeHtml(text)}">` : escapeHtml(text);
      },
      text(token) {
        if ('tokens' in token && token.tokens) return this.parser.parseInline(token.tokens);
        // Always escaped, also inside raw blocks. Only markers of facts the engine reported missing are
        // highlighted, so look-alike text in an answer stays plain.
        return escapeHtml(token.text).replace(MARKER, (m, fact: string) => (highlighted.has(fact) ? `<mark class="missing">${m}</mark>` : m));
      },
    },
  });
  instance = md;
  return md;
}

/** Markdown to safe HTML; markers of the `missing` facts are highlighted. */
export async function markdownToHtml(markdown: string, missing: Iterable<string> = []): Promise<string> {
  const md = await markdownRenderer();
  highlighted = new Set(missing);
  try {
    return md.parse(markdown, { async: false }) as string;
  } finally {
    highlighted = new Set();
  }
}
