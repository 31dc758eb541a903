/**
 * The kit's generated documents: the chronology (step deadlines as clock times, and the incident
 * log when the kit is built from an incident record) and the contacts sheet. Every value from
 * the answers is escaped like any answer in a template.
 */
import type { AnswersFile } from '../incident/answers-schema.js';
import type { IncidentEvent } from '../incident/events.js';
import type { ConditionContext } from '../playbook/condition.js';
import { formatDuration } from '../playbook/duration.js';
import type { LocalizedText, Locale, Playbook } from '../playbook/schema.js';
import { escapeMarkdown, oneLine, sanitize } from '../render/escape.js';
import type { MissingFact } from '../render/index.js';
import { missingMarker } from '../render/messages.js';
import { formatClock, formatDateTime } from '../render/time.js';
import { parseOfficeTime } from '../incident/answers.js';
import { parseDuration } from '../playbook/duration.js';
import { kitWords, STAGE_LABEL } from './messages.js';
import { applicableSteps } from './select.js';

const pick = (text: LocalizedText | string | undefined, lang: Locale): string | undefined =>
  text === undefined ? undefined : typeof text === 'string' ? text : (text[lang] ?? text.id ?? text.en);

/** An answer for a table cell or a line: one line, escaped. */
export const cell = (value: string | undefined): string => (value === undefined ? '' : escapeMarkdown(oneLine(sanitize(value))));

export interface GeneratedDocument {
  markdown: string;
  missing: MissingFact[];
}

/** Markers for required facts in generated documents, recorded with their position in the document. */
class Writer {
  readonly lines: string[] = [];
  readonly missing: MissingFact[] = [];
  constructor(private readonly file: string, private readonly lang: Locale) {}

  /** The value as escaped text, or the missing-fact marker (recorded) when it is blank. */
  fact(value: string | undefined, name: string, column = 1): string {
    if (value !== undefined && value.trim() !== '') return cell(value);
    this.missing.push({ fact: name, file: this.file, line: this.lines.length + 1, column });
    return missingMarker(name, this.lang);
  }

  push(...lines: string[]): void {
    this.lines.push(...lines);
  }

  done(): GeneratedDocument {
    return { markdown: `${this.lines.join('\n').replace(/\n{3,}/g, '\n\n').trim()}\n`, missing: this.missing };
  }
}

export interface TimelineInput {
  playbook: Playbook;
  answers: AnswersFile;
  ctx: ConditionContext;
  lang: Locale;
  heading: string;
  events?: readonly IncidentEvent[];
}

export function timelineDocument({ playbook, answers, ctx, lang, heading, events }: TimelineInput): GeneratedDocument {
  const w = kitWords(lang);
  const zone = answers.incident.timezone;
  const start = parseOfficeTime(answers.incident.start, zone)!;
  const out = new Writer('timeline.md', lang);
  out.push(`# ${heading}`, '', `**${w('incidentStart')}:** ${formatDateTime(start, zone, lang)}`, '');
  const level = ctx.level;
  const levelSpec = playbook.triage.levels.find((l) => l.level === level);
  const every = levelSpec?.updateEvery ?? playbook.settings?.updateEvery;
  if (every) out.push(w('updates', { every: formatDuration(parseDuration(every), lang) }), '');

  out.push(`## ${w('timelineDeadlines')}`, '', w('timelineDeadlinesNote'), '');
  out.push(`| ${w('time')} | ${w('stage')} | ${w('step')} | ${w('owner')} |`, '|---|---|---|---|');
  const roles = new Map(playbook.roles.map((r) => [r.id, pick(r.title, lang) ?? r.id]));
  for (const { stage, step, due } of applicableSteps(playbook, ctx).sort((a, b) => a.due - b.due)) {
    const at = new Date(start.getTime() + due);
    out.push(`| ${formatClock(at, start, zone, lang)} | ${STAGE_LABEL[lang][stage.id]} | ${cell(pick(step.title, lang) ?? step.id)} | ${cell(roles.get(step.owner) ?? step.owner)} |`);
  }

  const entries = (events ?? []).map((e) => describeEvent(e, playbook, lang)).filter((e): e is { at: string; text: string } => e !== undefined);
  if (entries.length > 0) {
    out.push('', `## ${w('timelineEvents')}`, '', `| ${w('time')} | ${w('event')} |`, '|---|---|');
    for (const entry of entries) {
      const at = new Date(entry.at);
      out.push(`| ${Number.isNaN(at.getTime()) ? cell(entry.at) : formatClock(at, start, zone, lang)} | ${entry.text} |`);
    }
  }
  return out.done();
}

/** One line of the incident log for the chronology, already escaped; undefined for events that are not milestones. */
function describeEvent(e: IncidentEvent, playbook: Playbook, lang: Locale): { at: string; text: string } | undefined {
  const w = kitWords(lang);
  const templateTitle = (id: string) => cell(pick(playbook.templates.find((t) => t.id === id)?.title, lang) ?? id);
  const stepTitle = (id: string) => {
    for (const stage of playbook.stages) for (const step of stage.steps) if (step.id === id) return cell(pick(step.title, lang) ?? id);
    return cell(id);
  };
  switch (e.type) {
    case 'opened':
      return e.session === 1 ? { at: e.at, text: w('evOpened') } : undefined;
    case 'triage':
      return { at: e.at, text: w('evTriage', { level: e.level, urgency: e.urgency, impact: e.impact }) };
    case 'strategy':
      return { at: e.at, text: w('evStrategy', { primary: e.primary, cluster: e.cluster }) };
    case 'step':
      if (e.status === 'done') return { at: e.at, text: w('evStepDone', { step: stepTitle(e.step) }) };
      if (e.status === 'open') return { at: e.at, text: w('evStepOpen', { step: stepTitle(e.step) }) };
      return undefined;
    case 'draft':
      return { at: e.at, text: w('evDraft', { template: `${templateTitle(e.template)} (${e.lang})` }) };
    case 'signoff':
      return { at: e.at, text: w('evSignoff', { template: templateTitle(e.template), name: cell(e.name), role: cell(e.role) }) };
    case 'log': {
      const message = cell(e.message);
      if (e.kind === 'decision') return { at: e.at, text: w('evDecision', { message }) };
      if (e.kind === 'note') return { at: e.at, text: w('evNote', { message }) };
      const from = [e.outlet, e.journalist].filter((x): x is string => Boolean(x)).map(cell).join(', ');
      const due = e.due ? w('evMediaDue', { due: cell(e.due) }) : '';
      return { at: e.at, text: w('evMedia', { from: from ? ` (${from})` : '', message }) + due };
    }
    case 'finished':
      return { at: e.at, text: w('evFinished') };
    default:
      return undefined;
  }
}

export function contactsDocument(playbook: Playbook, answers: AnswersFile, lang: Locale, heading: string): GeneratedDocument {
  const w = kitWords(lang);
  const o = answers.office;
  const out = new Writer('contacts.md', lang);
  const person = (p: typeof o.contact, label: 'contact' | 'spokesperson' | 'head') => {
    const parts: string[] = [out.fact(p?.name, `office.${label}.name`)];
    const role = pick(p?.role, lang) ?? pick(p?.title, lang);
    if (role) parts[0] += `, ${cell(role)}`;
    if (label === 'contact' || p?.phone) parts.push(out.fact(p?.phone, `office.${label}.phone`));
    if (p?.email) parts.push(cell(p.email));
    return parts.join(' — ');
  };
  out.push(`# ${heading}`, '', `**${cell(pick(o.agency, lang))}**`, '');
  out.push(`| | |`, '|---|---|');
  out.push(`| ${w('contactPerson')} | ${person(o.contact, 'contact')} |`);
  if (o.spokesperson) out.push(`| ${w('spokesperson')} | ${person(o.spokesperson, 'spokesperson')} |`);
  if (o.head) out.push(`| ${w('head')} | ${person(o.head, 'head')} |`);
  out.push(`| ${w('hotline')} | ${out.fact(o.hotline, 'office.hotline')} |`);
  out.push(`| ${w('website')} | ${out.fact(o.website, 'office.website')} |`);
  if (o.email) out.push(`| ${w('email')} | ${cell(o.email)} |`);
  if (o.address) out.push(`| ${w('address')} | ${cell(o.address)} |`);
  const social = Object.entries(o.social ?? {}).filter(([, handle]) => handle && handle.trim() !== '');
  if (social.length > 0) {
    const names: Record<string, string> = { x: 'X', instagram: 'Instagram', facebook: 'Facebook', tiktok: 'TikTok' };
    out.push(`| ${w('social')} | ${social.map(([network, handle]) => `${names[network] ?? network}: ${cell(handle)}`).join('; ')} |`);
  }
  const partners = (playbook.partners ?? []).map((p) => pick(p, lang)).filter((p): p is string => Boolean(p));
  if (partners.length > 0) out.push('', `## ${w('partners')}`, '', ...partners.map((p) => `- ${cell(p)}`));
  return out.done();
}
