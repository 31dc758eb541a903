/**
 * Rendering statements from templates. The API other parts use (keep it stable):
 *
 *   renderStatement({ loaded, templateId, lang, answers, final?, now?, uiLang? }): RenderedStatement
 *     Renders one template of a loaded playbook with an answers file (answers gathered so far are
 *     fine). A fact that was not given shows as `[[BELUM ADA: x]]` / `[[MISSING: x]]` and is listed
 *     in `missing` with the template position that asked for it. `warnings` holds the other
 *     problems (channel length, a group printed as text), in `uiLang` (default: `lang`).
 *     Throws RenderError (file:line:col) on template syntax errors, unknown helpers/partials,
 *     unsafe paths, and — with `final: true` — on any missing fact or a channel-limit overflow.
 *     Drill incidents get the "LATIHAN / EXERCISE" banner as the first and the last line.
 *
 *   templateVariables(source, file?): { name, line, column }[]  — the context names a template reads.
 *   BUILTIN_CONTEXT   — every built-in context name (dotted, with their parents: `office`, `office.contact`, …).
 *   HELPER_NAMES      — the helpers a template may call.  BUILTIN_PARTIALS — the built-in partial names.
 *   measure(text, channel, limit?) — the channel length report (SMS segments, X weighted length, …).
 */
import { relative, isAbsolute } from 'node:path';
import type { AnswersFile } from '../incident/answers-schema.js';
import type { LoadedPlaybook } from '../playbook/load.js';
import type { Channel, Locale, TemplateKind } from '../playbook/schema.js';
import { buildContext } from './context.js';
import { compileFile, run, TemplateProblem, type CompiledTemplate, type RenderState } from './engine.js';
import { trimLineEnd, unescapeMarkdown } from './escape.js';
import { FileRefusal, partialFiles, templateFile } from './files.js';
import { measure, type LengthReport } from './length.js';
import { DRILL_BANNER, renderMessages } from './messages.js';

export { BUILTIN_CONTEXT, buildContext, triageOf } from './context.js';
export { HELPER_NAMES } from './engine.js';
export { BUILTIN_PARTIALS } from './files.js';
export { measure, type LengthReport } from './length.js';
export { templateVariables, type TemplateVariable } from './variables.js';
export { DRILL_BANNER, missingMarker } from './messages.js';

export interface MissingFact {
  fact: string;
  file: string;
  line: number;
  column: number;
}

export interface RenderedStatement {
  templateId: string;
  kind: TemplateKind;
  channel: Channel;
  lang: Locale;
  title: string;
  markdown: string;
  missing: MissingFact[];
  warnings: string[];
  length?: LengthReport;
}

export interface RenderInput {
  loaded: LoadedPlaybook;
  templateId: string;
  lang: Locale;
  answers: AnswersFile;
  final?: boolean;
  now?: Date;
  /** language of warnings and errors (the interface language); defaults to `lang` */
  uiLang?: Locale;
}

/** A file path as shown to the officer: relative to the working folder when inside it. */
export function displayPath(file: string): string {
  const rel = relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !isAbsolute(rel) ? rel : file;
}

/** A template that cannot be rendered (or, in final mode, published), with where the problem is. */
export class RenderError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly column: number,
    readonly detail: string,
    /** final mode: every missing fact, not only the first */
    readonly missing: MissingFact[] = [],
  ) {
    super(`${displayPath(file)}:${line}:${column}: ${detail}`);
  }
}

const fromProblem = (p: TemplateProblem) => new RenderError(p.file, p.line, p.column, p.detail);

function refusalAt(loaded: LoadedPlaybook, pointer: string, refusal: FileRefusal, uiLang: Locale): RenderError {
  const origin = loaded.map.locate(pointer);
  return new RenderError(origin.file, origin.position.line, origin.position.column, renderMessages(uiLang)(refusal.reason, refusal.params));
}

/** The warning (draft) or refusal (final) for a statement over its channel's limit. */
export function overflowMessage(templateId: string, lang: Locale, channel: Channel, length: LengthReport, uiLang: Locale = lang): string {
  const t = renderMessages(uiLang);
  const template = `${templateId} (${lang})`;
  return length.rule === 'sms'
    ? t('overLimitSms', { template, count: String(length.count), encoding: length.encoding!.toUpperCase(), segments: String(length.segments), limit: String(length.limit) })
    : t('overLimit', { template, count: String(length.count), limit: String(length.limit), channel });
}

/** Trim blank runs left by conditional sections; keep one final newline. */
function tidy(markdown: string): string {
  return `${markdown
    .split('\n')
    .map(trimLineEnd)
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

export function renderStatement(input: RenderInput): RenderedStatement {
  const { loaded, templateId, lang, answers, final = false, now = new Date() } = input;
  const uiLang = input.uiLang ?? lang;
  const t = renderMessages(uiLang);
  const playbook = loaded.playbook;
  if (!playbook) {
    const first = loaded.findings.find((f) => f.severity === 'error');
    throw new RenderError(first?.file ?? loaded.file, first?.line ?? 1, first?.column ?? 1, t('invalidPlaybook', { detail: first?.message ?? '' }));
  }
  const index = playbook.templates.findIndex((tpl) => tpl.id === templateId);
  if (index < 0) {
    throw new RenderError(loaded.file, 1, 1, t('unknownTemplate', { playbook: playbook.id, template: templateId, known: playbook.templates.map((tpl) => tpl.id).join(', ') }));
  }
  const template = playbook.templates[index];

  let file: string;
  try {
    const found = templateFile(loaded, index, lang);
    if (!found) {
      const origin = loaded.map.locate(`/templates/${index}/files`);
      throw new RenderError(origin.file, origin.position.line, origin.position.column, t('noFileForLang', { template: templateId, lang }));
    }
    file = found.file;
  } catch (error) {
    if (error instanceof FileRefusal) throw refusalAt(loaded, `/templates/${index}/files/${lang}`, error, uiLang);
    throw error;
  }

  let available: ReadonlyMap<string, string>;
  try {
    available = partialFiles(loaded, lang);
  } catch (error) {
    if (error instanceof FileRefusal) {
      throw refusalAt(loaded, error.pointer ?? '', error, uiLang);
    }
    throw error;
  }

  let compiled: CompiledTemplate;
  const partials: Record<string, CompiledTemplate['render']> = Object.create(null) as Record<string, CompiledTemplate['render']>;
  try {
    compiled = compileFile(file, uiLang);
    // Compile every partial the template reaches, and refuse unknown ones where they are called.
    const pending: CompiledTemplate[] = [compiled];
    while (pending.length > 0) {
      const current = pending.pop()!;
      for (const [name, at] of current.partials) {
        if (partials[name]) continue;
        const partialFile = available.get(name);
        if (!partialFile) throw new TemplateProblem(current.file, at.line, at.column, t('unknownPartial', { name, known: [...available.keys()].sort().join(', ') }));
        const partial = compileFile(partialFile, uiLang);
        partials[name] = partial.render;
        pending.push(partial);
      }
    }
  } catch (error) {
    if (error instanceof TemplateProblem) throw fromProblem(error);
    throw error;
  }

  const built = buildContext({ playbook, answers, lang, now });
  const state: RenderState = {
    lang,
    zone: built.zone,
    start: built.start,
    officeCode: answers.office.code,
    releaseNumber: answers.release?.number,
    missing: [],
    warnings: [],
  };
  let body: string;
  try {
    body = tidy(run(compiled, built.context, state, partials));
  } catch (error) {
    if (error instanceof TemplateProblem) throw fromProblem(error);
    const e = error as { message?: string; lineNumber?: number; column?: number };
    throw new RenderError(file, e.lineNumber ?? 1, (e.column ?? 0) + 1, t('runtime', { detail: e.message ?? String(error) }));
  }

  const missing: MissingFact[] = state.missing.map((m) => ({ fact: m.name, file: m.file, line: m.line, column: m.column }));
  const warnings = [...state.warnings];
  const length = measure(unescapeMarkdown(body).trim(), template.channel, template.limit);
  const name = `${templateId} (${lang})`;
  const overflow = length?.over ? overflowMessage(templateId, lang, template.channel, length, uiLang) : undefined;
  if (length?.rule === 'sms' && length.encoding === 'ucs-2') {
    warnings.push(t('ucs2', { template: name, chars: length.nonGsm!.slice(0, 5).map((c) => JSON.stringify(c)).join(' ') }));
  }

  if (final && missing.length > 0) {
    const first = missing[0];
    const more = missing.length > 1 ? (uiLang === 'id' ? ` (dan ${missing.length - 1} lainnya)` : ` (and ${missing.length - 1} more)`) : '';
    throw new RenderError(first.file, first.line, first.column, t('missingFact', { fact: first.fact }) + more, missing);
  }
  if (final && overflow) throw new RenderError(file, 1, 1, overflow);
  if (overflow) warnings.push(overflow);

  const drill = Boolean(answers.incident.drill);
  const markdown = drill ? `${DRILL_BANNER[lang]}\n\n${body}\n${DRILL_BANNER[lang]}\n` : body;
  const title = template.title[lang] ?? template.title.id ?? template.title.en ?? templateId;
  return { templateId, kind: template.kind, channel: template.channel, lang, title, markdown, missing, warnings, length };
}
