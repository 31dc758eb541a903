/**
 * Assembling the press kit in memory: one rendered statement per applicable template, the
 * chronology, the contacts, the index (README.md), everything in one Markdown file, and the
 * standalone HTML page. Nothing here touches the disk; `write.ts` puts the files in place.
 */
import type { AnswersFile } from '../incident/answers-schema.js';
import type { IncidentEvent } from '../incident/events.js';
import type { LoadedPlaybook } from '../playbook/load.js';
import type { Channel, Locale, TemplateKind } from '../playbook/schema.js';
import { parseOfficeTime } from '../incident/answers.js';
import { displayPath, DRILL_BANNER, overflowMessage, renderStatement, type LengthReport, type MissingFact } from '../render/index.js';
import { renderMessages } from '../render/messages.js';
import { formatDateTime } from '../render/time.js';
import { formatNumber } from '../render/format.js';
import { cell, contactsDocument, timelineDocument } from './documents.js';
import { CHANNEL_LABEL, KIND_LABEL, kitWords } from './messages.js';
import { conditionContext, kitTemplates } from './select.js';

export interface KitInput {
  loaded: LoadedPlaybook;
  answers: AnswersFile;
  lang: Locale;
  /** the time of building (dateline, "built" line) */
  now?: Date;
  /** language of warnings and problems; defaults to `lang` */
  uiLang?: Locale;
  /** the incident record's events, when the kit is built from an incident folder */
  events?: readonly IncidentEvent[];
  /** called with each document as soon as it is made (the kit command starts its HTML then) */
  onDocument?: (doc: KitDocument, drill: boolean) => void;
}

export interface KitDocument {
  /** file name inside the kit folder */
  file: string;
  title: string;
  kind: TemplateKind;
  channel?: Channel;
  templateId?: string;
  /** the document as it is written to its file */
  markdown: string;
  length?: LengthReport;
  missing: MissingFact[];
}

export interface Kit {
  lang: Locale;
  drill: boolean;
  title: string;
  agency: string;
  documents: KitDocument[];
  /** README.md */
  index: string;
  /** press-kit.md */
  combined: string;
  /** things the officer should see; in final mode each of them refuses the kit */
  warnings: string[];
  /** missing facts and channel overflows: refused by --final */
  problems: string[];
  built: Date;
  /** the triage level and its name ("3 — Siaga tinggi"), when the answers include triage */
  level?: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** "155/160 (1 segment, GSM-7)" and the like, in the kit's language. */
export function lengthText(length: LengthReport | undefined, lang: Locale): string {
  const w = kitWords(lang);
  if (!length) return w('none');
  const n = (x: number) => formatNumber(x, lang);
  let text = `${n(length.count)}/${n(length.limit)}`;
  if (length.rule === 'sms') text += ` (${length.segments} ${w(length.segments === 1 ? 'segment' : 'segments')}, ${length.encoding!.toUpperCase()})`;
  else if (length.rule === 'x') text += ` (${w('weighted')})`;
  else text += ` ${w('chars')}`;
  if (length.over) text += ` — **${w('overLimit')}**`;
  return text;
}

const factList = (missing: MissingFact[], lang: Locale) => {
  const names = [...new Set(missing.map((m) => m.fact))];
  return names.length === 0 ? kitWords(lang)('none') : names.map((name) => `\`${name.replace(/`/g, '')}\``).join(', ');
};

/** Demote the headings of a statement by one level so it sits under its section in press-kit.md. */
function demoteHeadings(markdown: string): string {
  let fenced = false;
  return markdown
    .split('\n')
    .map((line) => {
      if (/^(```|~~~)/.test(line)) fenced = !fenced;
      return !fenced && /^#{1,5} /.test(line) ? `#${line}` : line;
    })
    .join('\n');
}

/** Remove the drill banner lines a rendered statement opens and closes with. */
export function withoutDrillBanner(markdown: string, lang: Locale): string {
  const banner = DRILL_BANNER[lang];
  const lines = markdown.trim().split('\n');
  if (lines[0] === banner) lines.splice(0, 2);
  if (lines[lines.length - 1] === banner) lines.splice(-2, 2);
  return `${lines.join('\n').trim()}\n`;
}

export function buildKit(input: KitInput): Kit {
  const { loaded, answers, lang, events } = input;
  const now = input.now ?? new Date();
  const uiLang = input.uiLang ?? lang;
  const playbook = loaded.playbook!;
  const w = kitWords(lang);
  const rt = renderMessages(uiLang);
  const drill = Boolean(answers.incident.drill);
  const ctx = conditionContext(playbook, answers);
  const drillTitle = (title: string) => (drill ? `${w('drillTitle')} — ${title}` : title);
  const banner = DRILL_BANNER[lang];
  const framed = (markdown: string) => (drill ? `${banner}\n\n${markdown.trim()}\n\n${banner}\n` : markdown);

  const documents: KitDocument[] = [];
  const add = (doc: KitDocument) => {
    documents.push(doc);
    input.onDocument?.(doc, drill);
  };
  const warnings: string[] = [];
  const problems: string[] = [];

  kitTemplates(playbook, ctx).forEach((template, i) => {
    const statement = renderStatement({ loaded, templateId: template.id, lang, answers, now, uiLang });
    add({
      file: `${pad(i + 1)}-${template.id}.md`,
      title: statement.title,
      kind: statement.kind,
      channel: statement.channel,
      templateId: template.id,
      markdown: statement.markdown,
      length: statement.length,
      missing: statement.missing,
    });
    const overflow = statement.length?.over ? overflowMessage(template.id, statement.lang, template.channel, statement.length, uiLang) : undefined;
    warnings.push(...statement.warnings.filter((text) => text !== overflow));
    for (const m of statement.missing) problems.push(`${displayPath(m.file)}:${m.line}:${m.column}: ${rt('missingFactIn', { fact: m.fact, template: template.id })}`);
    if (overflow) problems.push(overflow);
  });

  const title = answers.incident.title;
  const timeline = timelineDocument({ playbook, answers, ctx, lang, heading: drillTitle(`${w('timelineTitle')}: ${cell(title)}`), events });
  add({ file: 'timeline.md', title: w('timelineTitle'), kind: 'chronology', markdown: framed(timeline.markdown), missing: timeline.missing });
  const contacts = contactsDocument(playbook, answers, lang, drillTitle(w('contactsTitle')));
  add({ file: 'contacts.md', title: w('contactsTitle'), kind: 'contacts', markdown: framed(contacts.markdown), missing: contacts.missing });
  for (const doc of [timeline, contacts]) {
    for (const m of doc.missing) problems.push(`${m.file}:${m.line}:${m.column}: ${rt('missingFact', { fact: m.fact })}`);
  }

  const agency = typeof answers.office.agency === 'string' ? answers.office.agency : (answers.office.agency[lang] ?? answers.office.agency.id ?? answers.office.agency.en ?? '');
  const zone = answers.incident.timezone;
  const start = parseOfficeTime(answers.incident.start, zone)!;
  const heading = drillTitle(`${w('kitTitle')}: ${cell(title)}`);
  const meta = [
    `**${w('playbook')}:** ${cell(playbook.title[lang] ?? playbook.title.id ?? playbook.id)} (\`${playbook.id}\`)`,
    `**${w('incidentStart')}:** ${formatDateTime(start, zone, lang)}`,
    ...(ctx.level !== undefined ? [`**${w('level')}:** ${cell(`${ctx.level}${levelName(playbook, ctx.level, lang)}`)}`] : []),
    `**${w('built')}:** ${formatDateTime(now, zone, lang)}`,
    `**${w('language')}:** ${w('languageName')}`,
  ];
  const rows = documents.map((doc, i) => {
    const no = pad(i + 1);
    const kind = KIND_LABEL[lang][doc.kind];
    const channel = doc.channel ? CHANNEL_LABEL[lang][doc.channel] : w('none');
    return `| ${no} | [${cell(doc.title)}](${doc.file}) | ${kind} | ${channel} | ${lengthText(doc.length, lang)} | ${factList(doc.missing, lang)} |`;
  });
  const indexLines = [
    `# ${heading}`,
    '',
    `**${cell(agency)}**`,
    '',
    ...(drill ? [`> **${w('drillTitle')}** — ${w('drillNote')}`, ''] : []),
    meta.join('\\\n'),
    '',
    `| ${w('no')} | ${w('document')} | ${w('kind')} | ${w('channel')} | ${w('length')} | ${w('missing')} |`,
    '|---|---|---|---|---|---|',
    ...rows,
    '',
    `${w('alsoIn')}: [press-kit.md](press-kit.md) — ${w('combined')}; [press-kit.html](press-kit.html) — ${w('htmlPage')}.`,
  ];
  const attention = [...problems, ...warnings];
  if (attention.length > 0) indexLines.push('', `## ${w('warnings')}`, '', ...[...new Set(attention)].map((text) => `- ${cell(text)}`));
  const index = framed(`${indexLines.join('\n')}\n`);

  const combinedParts = [`# ${heading}`, '', `**${cell(agency)}**`, '', meta.join('\\\n'), '', `## ${w('contents')}`, ''];
  documents.forEach((doc, i) => combinedParts.push(`${i + 1}. ${cell(doc.title)} (${KIND_LABEL[lang][doc.kind]})`));
  documents.forEach((doc, i) => {
    const body = drill ? withoutDrillBanner(doc.markdown, lang) : doc.markdown;
    combinedParts.push('', '---', '', `## ${pad(i + 1)}. ${drillTitle(cell(doc.title))}`, '', demoteHeadings(body).trim());
  });
  const combined = framed(`${combinedParts.join('\n')}\n`);

  const level = ctx.level !== undefined ? `${ctx.level}${levelName(playbook, ctx.level, lang)}` : undefined;
  return { lang, drill, title, agency, documents, index, combined, warnings: [...new Set(warnings)], problems, built: now, level };
}

function levelName(playbook: NonNullable<LoadedPlaybook['playbook']>, level: number, lang: Locale): string {
  const name = playbook.triage.levels.find((l) => l.level === level)?.name;
  const text = name ? (name[lang] ?? name.id ?? name.en) : undefined;
  return text ? ` — ${text}` : '';
}
