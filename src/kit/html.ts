/**
 * The press kit as one standalone HTML page: embedded CSS that prints on A4, no scripts, no
 * external requests (a Content-Security-Policy says so to the browser too), raw HTML from any
 * source shown as text, links only to http(s), mailto and tel (the conversion is markdown-html.ts).
 */
import { formatDateTime } from '../render/time.js';
import { parseOfficeTime } from '../incident/answers.js';
import type { AnswersFile } from '../incident/answers-schema.js';
import type { Locale } from '../playbook/schema.js';
import type { Kit, KitDocument } from './build.js';
import { lengthText, withoutDrillBanner } from './build.js';
import { CHANNEL_LABEL, KIND_LABEL, kitWords } from './messages.js';

import { CONTENT_SECURITY_POLICY, escapeHtml, markdownToHtml } from './markdown-html.js';

const STYLE = `
@page { size: A4; margin: 18mm 17mm 20mm 17mm; }
:root { color-scheme: light; }
* { box-sizing: border-box; }
html { font-size: 11pt; }
body { margin: 0 auto; max-width: 176mm; padding: 12mm 0; color: #1a1a1a; background: #fff;
  font-family: "Noto Serif", "DejaVu Serif", Georgia, "Times New Roman", serif; line-height: 1.45; }
h1, h2, h3, h4, h5, h6, .doc-head, .cover .agency, table, .drill { font-family: "Noto Sans", "DejaVu Sans", "Helvetica Neue", Arial, sans-serif; }
h1 { font-size: 1.6rem; margin: 0.4em 0 0.3em; line-height: 1.2; }
h2 { font-size: 1.25rem; margin: 1.2em 0 0.4em; }
h3 { font-size: 1.1rem; margin: 1em 0 0.3em; }
h4, h5, h6 { font-size: 1rem; margin: 1em 0 0.3em; }
p { margin: 0 0 0.7em; orphans: 3; widows: 3; }
ul, ol { margin: 0 0 0.8em; padding-left: 1.4em; }
li { margin: 0.15em 0; }
hr { border: 0; border-top: 1px solid #999; margin: 0.9em 0; }
a { color: #0b4f8a; text-decoration: none; }
blockquote { margin: 0 0 0.8em; padding: 0.3em 0.9em; border-left: 3px solid #b5b5b5; color: #333; }
table { border-collapse: collapse; width: 100%; margin: 0.4em 0 1em; font-size: 0.88rem; }
th, td { border: 1px solid #bfbfbf; padding: 0.3em 0.45em; text-align: left; vertical-align: top; }
th { background: #eef1f4; }
tr { break-inside: avoid; }
code { font-family: "DejaVu Sans Mono", Consolas, monospace; font-size: 0.9em; }
mark.missing { background: #ffe08a; color: #5a3b00; padding: 0 0.15em; border-radius: 2px; font-weight: bold; }
.drill { border: 2px solid #b00020; color: #b00020; background: #fff3f4; font-weight: bold; text-align: center;
  padding: 0.35em 0.6em; margin: 0 0 1em; letter-spacing: 0.04em; }
.cover { border-bottom: 3px solid #1a1a1a; padding-bottom: 0.6em; margin-bottom: 1em; }
.cover .agency { font-weight: bold; text-transform: uppercase; letter-spacing: 0.05em; font-size: 0.9rem; margin: 0; }
.cover h1 { margin-top: 0.2em; }
.cover .incident { font-size: 1.15rem; margin: 0 0 0.5em; }
.cover .meta { font-size: 0.9rem; color: #333; margin: 0; }
.toc h2 { margin-top: 0.6em; }
.toc td.no { white-space: nowrap; width: 2.5em; }
.doc { margin-top: 2em; }
.doc-head { display: flex; gap: 0.8em; align-items: baseline; border-bottom: 1px solid #1a1a1a; padding-bottom: 0.25em; margin-bottom: 0.8em;
  font-size: 0.85rem; color: #444; text-transform: uppercase; letter-spacing: 0.04em; }
.doc-head .no { font-weight: bold; color: #1a1a1a; }
.doc-head .length { margin-left: auto; text-transform: none; letter-spacing: 0; }
.doc-head .over { color: #b00020; font-weight: bold; }
.attention { border: 1px solid #d9a300; background: #fff9e6; padding: 0.5em 0.9em; margin: 1em 0; }
.attention h2 { margin-top: 0.2em; font-size: 1rem; }
.attention li { font-size: 0.9rem; }
@media print {
  body { max-width: none; padding: 0; }
  .doc { break-before: page; margin-top: 0; }
  a { color: inherit; }
  .drill { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  mark.missing, th { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;

/** What a document contributes to the page: its Markdown (without the drill banner, which the page shows itself) and the facts it lacks. */
export function htmlInput(doc: KitDocument, drill: boolean, lang: Locale): { markdown: string; missing: string[] } {
  return { markdown: drill ? withoutDrillBanner(doc.markdown, lang) : doc.markdown, missing: doc.missing.map((m) => m.fact) };
}

export type ConvertMarkdown = (markdown: string, missing: string[]) => Promise<string>;

/** The whole kit as one page; `convert` turns each document's Markdown into HTML (see html-convert.ts). */
export async function kitHtml(kit: Kit, answers: AnswersFile, convert: ConvertMarkdown = markdownToHtml): Promise<string> {
  const { lang } = kit;
  const w = kitWords(lang);
  const text = (s: string) => escapeHtml(s);
  const zone = answers.incident.timezone;
  const start = parseOfficeTime(answers.incident.start, zone)!;
  const drillBanner = kit.drill ? `<div class="drill" role="note">${text(`${w('drillTitle')} — ${w('drillNote')}`)}</div>` : '';
  const pageTitle = `${kit.drill ? `${w('drillTitle')} — ` : ''}${w('kitTitle')}: ${kit.title}`;

  const toc = kit.documents
    .map((doc, i) => {
      const no = String(i + 1).padStart(2, '0');
      const kind = KIND_LABEL[lang][doc.kind];
      const channel = doc.channel ? CHANNEL_LABEL[lang][doc.channel] : w('none');
      const length = doc.length ? lengthCell(doc.length.over, lengthText(doc.length, lang)) : w('none');
      const missing = [...new Set(doc.missing.map((m) => m.fact))];
      return `<tr><td class="no">${no}</td><td><a href="#doc-${no}">${text(doc.title)}</a></td><td>${text(kind)}</td><td>${text(channel)}</td><td>${length}</td><td>${missing.length ? missing.map((m) => `<mark class="missing">${text(m)}</mark>`).join(', ') : w('none')}</td></tr>`;
    })
    .join('\n');

  const sections: string[] = [];
  for (const [i, doc] of kit.documents.entries()) {
    const no = String(i + 1).padStart(2, '0');
    const input = htmlInput(doc, kit.drill, lang);
    const body = await convert(input.markdown, input.missing);
    const kind = KIND_LABEL[lang][doc.kind];
    const channel = doc.channel ? ` · ${CHANNEL_LABEL[lang][doc.channel]}` : '';
    const length = doc.length ? `<span class="length${doc.length.over ? ' over' : ''}">${text(lengthText(doc.length, lang).replace(/\*\*/g, ''))}</span>` : '';
    sections.push(
      `<section class="doc" id="doc-${no}">\n${drillBanner}<div class="doc-head"><span class="no">${no}</span><span>${text(kind + channel)}</span>${length}</div>\n${body}${drillBanner}</section>`,
    );
  }

  const attention = [...new Set([...kit.problems, ...kit.warnings])];
  const attentionHtml = attention.length
    ? `<aside class="attention"><h2>${text(w('warnings'))}</h2><ul>${attention.map((a) => `<li>${text(a)}</li>`).join('')}</ul></aside>`
    : '';

  return `<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">
<meta name="referrer" content="no-referrer">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${text(pageTitle)}</title>
<style>${STYLE}</style>
</head>
<body>
${drillBanner}<header class="cover">
<p class="agency">${text(kit.agency)}</p>
<h1>${text(`${w('kitTitle')}${kit.drill ? ` — ${w('drillTitle')}` : ''}`)}</h1>
<p class="incident">${text(kit.title)}</p>
<p class="meta">${text(w('incidentStart'))}: ${text(formatDateTime(start, zone, lang))}${kit.level ? `<br>${text(w('level'))}: ${text(kit.level)}` : ''}<br>${text(w('built'))}: ${text(formatDateTime(kit.built, zone, lang))}</p>
</header>
<nav class="toc">
<h2>${text(w('contents'))}</h2>
<table>
<thead><tr><th>${text(w('no'))}</th><th>${text(w('document'))}</th><th>${text(w('kind'))}</th><th>${text(w('channel'))}</th><th>${text(w('length'))}</th><th>${text(w('missing'))}</th></tr></thead>
<tbody>
${toc}
</tbody>
</table>
</nav>
${attentionHtml}
${sections.join('\n')}
${kit.drill ? `<footer>${drillBanner}</footer>` : ''}
</body>
</html>
`;
}

function lengthCell(over: boolean, value: string): string {
  const plain = escapeHtml(value.replace(/\*\*/g, ''));
  return over ? `<span class="over">${plain}</span>` : plain;
}
