/**
 * The guided walk. The playbook is data; this engine reads it and asks, through a Prompter,
 * what the incident record does not know yet. Every answer is written to the record before the
 * next question, and the walk is a function of the record: run it again (resume, or after
 * "back") and it finds the first thing still open, asking nothing twice.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AnswersFile, AnswerValue, Office, Timezone } from '../incident/answers-schema.js';
import { REPUTATIONS, TIMEZONES } from '../incident/answers-schema.js';
import { answerIn, coerceAnswer, validateAnswer } from '../incident/answers.js';
import type { UserConfig } from '../incident/config.js';
import type { AnswerEvent, DraftEvent, IncidentEvent, NewEvent, PlaybookRef } from '../incident/events.js';
import { currentHash, IncidentRecord } from '../incident/record.js';
import { answerOf, checklistKey, draftKey, META_KEYS, metaOf, questionAnswers, questionKey, SCCT_KEYS, scctOf, timezoneOf, toAnswersFile, triageAnswers, triageKey } from '../incident/state.js';
import { clock, dateStamp, isoInZone, longDate, parseTime, readStoredTime } from '../incident/time.js';
import { holds, type ConditionContext } from '../playbook/condition.js';
import { formatDuration } from '../playbook/duration.js';
import { loadPlaybook, type LoadedPlaybook } from '../playbook/load.js';
import { PlaybookNotFound, type Registry } from '../playbook/registry.js';
import type { Locale, Playbook, Question, Stage, Step, Template } from '../playbook/schema.js';
import { strategyFor } from '../playbook/strategy.js';
import { triage } from '../playbook/triage.js';
import { flowText, FlowError, type FlowMessage } from './messages.js';
import { askTitle, locatePlaybook } from './start.js';
import { deadlineText, dueAt, explainCondition, local, roleTitle, wrap } from './present.js';
import { PromptInterrupted, type Choice, type Parsed, type Prompter, type PromptSpec, type Reply, type Weight } from './prompter.js';

export interface Style {
  bold: (s: string) => string;
  dim: (s: string) => string;
  red: (s: string) => string;
  yellow: (s: string) => string;
  green: (s: string) => string;
  cyan: (s: string) => string;
}
const same = (s: string) => s;
export const PLAIN: Style = { bold: same, dim: same, red: same, yellow: same, green: same, cyan: same };

export interface DraftRequest {
  loaded: LoadedPlaybook;
  templateId: string;
  lang: Locale;
  answers: AnswersFile;
  now: Date;
}
export interface DraftResult {
  markdown: string;
  /** facts the draft marks as missing */
  missing: string[];
  warnings: string[];
}
/** Renders one statement; the CLI passes the Handlebars renderer, loaded only when a draft is due. */
export type Drafter = (request: DraftRequest) => Promise<DraftResult>;

/** Answers given up front (`--answers`): used instead of asking. */
export interface Preset {
  answers: AnswersFile;
  file: string;
  /** "file:line:col" of a value in the answers file */
  where: (pointer: string) => string;
}

export interface WalkOptions {
  prompter: Prompter;
  /** the interface language */
  lang: Locale;
  now: () => Date;
  /** accept defaults and tick checklists without asking */
  yes: boolean;
  config: UserConfig;
  /** remember office details and the like for the next incident */
  remember: (patch: UserConfig) => void;
  style: Style;
  drafter: Drafter;
  signal?: AbortSignal;
  preset?: Preset;
  /** the tool's version, recorded with each session */
  version?: string;
  /** how a file path is shown (relative to the working folder) */
  showPath?: (path: string) => string;
}

/** A playbook that loaded without errors. */
export type ReadyPlaybook = LoadedPlaybook & { playbook: Playbook };

export type WalkOutcome = 'finished' | 'stopped';

/** Thrown inside a pass when the officer goes back; the pass is rerun after the last answer is withdrawn. */
class GoBack extends Error {}

/** Events a "back" withdraws together with the answer they followed. */
const WALK_EVENTS = new Set<IncidentEvent['type']>(['answer', 'office', 'triage', 'strategy', 'step', 'draft', 'signoff', 'finished']);

const WIDTH = 78;
const YES_NO = ['yes', 'no'] as const;
const MISSING_MARKER = /\[\[(?:BELUM ADA|MISSING): ([^\]]+)\]\]/g;

type Stored = AnswerEvent['value'];

interface AskOptions {
  /** ask again in a new session when the earlier answer is not final (open checklists) */
  perSession?: boolean;
  /** the answer from the answers file, when there is one (null: given as unknown) */
  preset?: () => { value: Stored | null } | undefined;
  /** reply -> stored value */
  encode?: (value: string | number | boolean | string[]) => Stored;
  /** stored value -> the prompt's default */
  decode?: (value: Stored) => string | number | boolean | string[] | undefined;
  /** never answered by --yes (a decision a person must take) */
  personal?: boolean;
}

const pointerKey = (key: string) => key.replace(/~/g, '~0').replace(/\//g, '~1');

function ref(loaded: ReadyPlaybook, source: PlaybookRef['source']): PlaybookRef {
  return { id: loaded.playbook.id, file: loaded.file, source };
}

/** The playbook reference written into answers.yaml: the id for built-ins, else the file. */
export const playbookName = (p: PlaybookRef) => (p.source === 'built-in' ? p.id : p.file);

/** Load a playbook by id, alias or file, turning problems into one-line errors. */
export function loadReady(registry: Registry, name: string, lang: Locale): { loaded: ReadyPlaybook; source: PlaybookRef['source'] } {
  const t = flowText(lang);
  // Most names are a file name: load that one file instead of reading every playbook to find it.
  const located = locatePlaybook(name, registry.localDirs, registry.builtinDir);
  let file = located?.file;
  let source = located?.source;
  if (!located) {
    try {
      const entry = registry.find(name);
      file = entry.file;
      source = entry.source;
    } catch (error) {
      if (error instanceof PlaybookNotFound) throw new FlowError(t('noPlaybook', { name, known: error.known.join(', ') || '—' }));
      throw error;
    }
  }
  const loaded = loadPlaybook(file!, registry.resolveExtends, 'en', { cache: true });
  if (!loaded.playbook) {
    const first = loaded.findings.find((f) => f.severity === 'error') ?? loaded.findings[0];
    throw new FlowError(t('badPlaybook', { where: `${first.file}:${first.line}:${first.column}`, message: first.message }));
  }
  return { loaded: loaded as ReadyPlaybook, source: source! };
}

/**
 * Start a new incident: choose the playbook, ask the title, create the record. The title names
 * the folder, so it is the one answer asked before the record exists; it is the first event written.
 */
export async function beginIncident(args: {
  root: string;
  registry: Registry;
  playbook?: string;
  /** the title, when it was asked before the playbook was loaded (start-up speed) */
  title?: string;
  options: WalkOptions;
}): Promise<{ record: IncidentRecord; loaded: ReadyPlaybook }> {
  const { options, registry } = args;
  const t = flowText(options.lang);
  let name = args.playbook ?? options.preset?.answers.playbook;
  if (!name) {
    const entries = registry.list();
    if (entries.length === 0) throw new FlowError(t('noPlaybooks'));
    const reply = await options.prompter.ask({
      key: 'playbook',
      kind: 'select',
      message: t('choosePlaybook'),
      choices: entries.map((e) => ({ value: e.id, label: `${e.title[options.lang] ?? e.title.id ?? e.title.en ?? e.id}`, hint: e.id })),
      canSkip: false,
      canBack: false,
      required: true,
    });
    if (reply.type !== 'answer') throw new FlowError(t('noPlaybookChosen'));
    name = String(reply.value);
  }
  const { loaded, source } = loadReady(registry, name, options.lang);

  const auto = options.preset !== undefined;
  const title = args.title ?? options.preset?.answers.incident.title ?? (await askTitle(options.prompter, options.lang));
  checkSignal(options.signal);
  const now = options.now();
  const preset = options.preset?.answers.incident;
  const presetStart = preset ? readStoredTime(preset.start, preset.timezone) : undefined;
  const date = preset && presetStart ? dateStamp(presetStart, preset.timezone) : dateStamp(now, options.config.timezone ?? 'WIB');
  const record = IncidentRecord.create(args.root, date, title, { lang: preset?.lang ?? options.lang, playbook: ref(loaded, source) }, { now: options.now, version: options.version });
  try {
    record.append({ type: 'answer', key: META_KEYS.title, value: title, ...(auto ? { auto: true as const } : {}) });
  } catch (error) {
    record.close();
    throw error;
  }
  return { record, loaded };
}

/** The playbook of a record: a built-in by id (the package may have moved since), an office's own by its file. */
export function recordPlaybook(playbook: PlaybookRef, registry: Registry, lang: Locale): ReadyPlaybook {
  return loadReady(registry, playbook.source === 'built-in' ? playbook.id : playbook.file, lang).loaded;
}

/** Open an existing record for a walk. */
export function resumeIncident(dir: string, registry: Registry, options: Pick<WalkOptions, 'lang' | 'now' | 'version'> & { formatSince?: (iso: string) => string }): { record: IncidentRecord; loaded: ReadyPlaybook } {
  const record = IncidentRecord.resume(dir, { now: options.now, version: options.version, formatSince: options.formatSince });
  try {
    return { record, loaded: recordPlaybook(record.state.created!.playbook, registry, options.lang) };
  } catch (error) {
    record.close();
    throw error;
  }
}

function checkSignal(signal: AbortSignal | undefined): void {
  if (signal?.aborted) throw new PromptInterrupted(String(signal.reason ?? 'SIGINT'));
}

export class Walk {
  private readonly t: ReturnType<typeof flowText>;
  private readonly playbook: Playbook;
  /** something was asked or recorded in this pass (decides whether to offer a pause between stages) */
  private progressed = false;
  /** drafts that could not be rendered (a broken template): reported, the walk goes on */
  readonly failures: string[] = [];

  constructor(
    readonly record: IncidentRecord,
    readonly loaded: ReadyPlaybook,
    private readonly options: WalkOptions,
  ) {
    this.t = flowText(options.lang);
    this.playbook = loaded.playbook;
  }

  private get state() {
    return this.record.state;
  }
  private get lang(): Locale {
    return this.options.lang;
  }
  private get tz(): Timezone {
    return timezoneOf(this.state) ?? this.options.config.timezone ?? 'WIB';
  }
  private get start(): Date {
    const start = answerOf(this.state, META_KEYS.start);
    return (typeof start === 'string' && readStoredTime(start, this.tz)) || this.options.now();
  }
  private get draftLang(): Locale {
    return this.state.created?.lang ?? this.lang;
  }

  private shown(path: string): string {
    return this.options.showPath ? this.options.showPath(path) : path;
  }

  private say(text: string, weight: Weight = 'detail'): void {
    this.options.prompter.say(text, weight);
  }

  /** Walk until everything is done, the officer pauses, or a question cannot be answered. */
  async run(): Promise<WalkOutcome> {
    if (this.record.session > 1) this.say(this.recap(), 'summary');
    for (;;) {
      try {
        return await this.pass();
      } catch (error) {
        if (!(error instanceof GoBack)) throw error;
        this.withdrawLastAnswer();
      }
    }
  }

  private recap(): string {
    const meta = metaOf(this.state);
    const done = [...this.state.steps.values()].filter((s) => s.status === 'done').length;
    const total = this.playbook.stages.reduce((n, s) => n + s.steps.length, 0);
    const level = this.state.triage ? this.t('levelShort', { level: this.state.triage.level }) : this.t('notTriaged');
    return this.options.style.bold(this.t('resuming', { title: meta.title ?? '?', level, done, total }));
  }

  private async pass(): Promise<WalkOutcome> {
    this.progressed = false;
    await this.startSection();
    await this.officeSection();
    this.presetSection();
    await this.triageSection();
    if (this.record.session > 1) await this.missingFactsSection();
    for (const [index, stage] of this.playbook.stages.entries()) {
      const pending = stage.steps.filter((step) => this.stepPending(step));
      if (pending.length === 0) continue;
      if (index > 0 && this.progressed && !(await this.continueTo(stage, index))) return 'stopped';
      this.stageHeader(stage, index);
      for (const step of stage.steps) await this.stepSection(stage, step, index);
    }
    await this.refreshDrafts();
    if (this.record.session > 1) await this.unsignedSection();
    if (!this.state.finished) {
      this.record.append({ type: 'finished' });
      this.say(this.options.style.green(this.t('walkFinished')), 'summary');
    }
    if ([...this.state.steps.values()].some((s) => s.status === 'open')) this.say(this.t('openStepsLater'), 'summary');
    return 'finished';
  }

  // ——— asking ———

  private async ask(spec: PromptSpec, o: AskOptions = {}): Promise<Stored | undefined> {
    checkSignal(this.options.signal);
    const encode = o.encode ?? ((v) => v as Stored);
    const existing = this.state.inputs.get(spec.key);
    if (existing && !(o.perSession && existing.session < this.record.session)) return existing.unknown ? undefined : existing.value;
    if (!existing && o.preset) {
      const given = o.preset();
      if (given) {
        this.recordAnswer(spec.key, given.value === null ? undefined : given.value, true);
        return given.value ?? undefined;
      }
    }
    const previous = existing ?? this.state.withdrawn.get(spec.key);
    const decode = o.decode ?? defaultDecode;
    const prior = previous && !previous.unknown && previous.value !== undefined ? decode(previous.value) : undefined;
    const asked = { ...spec, canBack: this.state.inputOrder.some((e) => !e.auto) } as PromptSpec;
    if (prior !== undefined) (asked as { default?: unknown }).default = prior;
    if (this.options.yes && !o.personal && asked.default !== undefined) {
      const value = asked.kind === 'text' || asked.kind === 'editor' || asked.kind === 'number' || asked.kind === 'datetime' || asked.kind === 'list' ? asked.parse(String(asked.default)) : { value: asked.default };
      if ('value' in value) {
        const stored = encode(value.value);
        this.recordAnswer(spec.key, stored, true);
        return stored;
      }
    }
    const reply: Reply = await this.options.prompter.ask(asked);
    this.progressed = true;
    if (reply.type === 'back') {
      if (asked.canBack) throw new GoBack();
      return this.ask(spec, o);
    }
    if (reply.type === 'skip') {
      this.recordAnswer(spec.key, undefined, false);
      return undefined;
    }
    const stored = encode(reply.value);
    this.recordAnswer(spec.key, stored, false);
    return stored;
  }

  private recordAnswer(key: string, value: Stored | undefined, auto: boolean): void {
    this.record.append({
      type: 'answer',
      key,
      ...(value === undefined ? { unknown: true as const } : { value }),
      ...(auto ? { auto: true as const } : {}),
    });
    this.saveSnapshot();
  }

  private withdrawLastAnswer(): void {
    const order = this.state.inputOrder;
    let last: AnswerEvent | undefined;
    for (let i = order.length - 1; i >= 0; i--) {
      if (!order[i].auto) {
        last = order[i];
        break;
      }
    }
    if (!last) return;
    const from = this.state.events.indexOf(last);
    const ids = this.state.events.slice(from).filter((e) => WALK_EVENTS.has(e.type)).map((e) => e.id);
    this.record.append({ type: 'retract', ids, key: last.key });
    this.saveSnapshot();
  }

  private releaseCount(): number {
    const publicTemplates = new Set(this.playbook.stages.flatMap((s) => s.steps.filter((st) => st.public).flatMap((st) => st.drafts ?? [])));
    return [...this.state.drafts.values()].filter((d) => publicTemplates.has(d.template) && d.lang === this.draftLang).length;
  }

  private answersFile(release?: number): AnswersFile | undefined {
    const created = this.state.created;
    if (!created) return undefined;
    const file = toAnswersFile(this.state, playbookName(created.playbook), release ?? Math.max(1, this.releaseCount()));
    const asOf = answerOf(this.state, 'incident.asOf');
    if (file && typeof asOf === 'string') file.incident.asOf = asOf;
    return file;
  }

  private saveSnapshot(): void {
    const file = this.answersFile();
    if (file) this.record.writeSnapshot(file);
  }

  private conditionContext(): ConditionContext {
    const strategy = this.state.strategy;
    return {
      level: this.state.triage?.level,
      strategy: strategy ? { cluster: strategy.cluster, primary: strategy.primary } : undefined,
      drill: answerOf(this.state, META_KEYS.drill) === true,
      answers: { ...triageAnswers(this.state), ...questionAnswers(this.state) },
    };
  }

  // ——— start: time zone, start time, drill, place ———

  private async startSection(): Promise<void> {
    const t = this.t;
    const preset = this.options.preset?.answers.incident;
    const tz = (await this.ask(
      {
        key: META_KEYS.timezone,
        kind: 'select',
        message: t('askTimezone'),
        choices: TIMEZONES.map((z) => ({ value: z, label: t(`tz${z}` as FlowMessage), short: z })),
        default: this.options.config.timezone ?? 'WIB',
        canSkip: false,
        canBack: false,
        required: true,
      },
      { preset: preset && (() => ({ value: preset.timezone })) },
    )) as Timezone;
    if (tz && tz !== this.options.config.timezone && !preset) this.options.remember({ timezone: tz });

    const startGiven = this.state.inputs.has(META_KEYS.start);
    await this.ask(
      {
        key: META_KEYS.start,
        kind: 'datetime',
        message: t('askStart'),
        help: t('askStartHelp'),
        default: t('now'),
        canSkip: false,
        canBack: false,
        required: true,
        parse: (raw) => this.parseStart(raw),
      },
      {
        // Stored the same way as a typed time: ISO 8601 with the office's offset.
        preset: preset && (() => ({ value: presetStart(preset.start, preset.timezone) })),
        decode: (v) => this.storedTimeText(v),
      },
    );
    if (!startGiven) this.say(t('startIs', { when: `${longDate(this.start, tz, this.lang)}, ${clock(this.start, tz, this.lang)}` }));

    await this.ask(
      {
        key: META_KEYS.drill,
        kind: 'select',
        message: t('askDrill'),
        choices: [
          { value: 'real', label: t('real') },
          { value: 'drill', label: t('drill') },
        ],
        default: 'real',
        canSkip: false,
        canBack: false,
      },
      {
        preset: preset && (() => ({ value: preset.drill ?? false })),
        encode: (v) => v === 'drill',
        decode: (v) => (v === true ? 'drill' : 'real'),
      },
    );
    await this.ask(
      { key: META_KEYS.place, kind: 'text', message: t('askPlace'), help: t('askPlaceHelp'), canSkip: true, canBack: false, parse: (raw) => ({ value: raw.trim() }) },
      { preset: preset && (() => (preset.place !== undefined ? { value: preset.place } : { value: null })) },
    );
    if (preset?.asOf !== undefined && !this.state.inputs.has('incident.asOf')) this.recordAnswer('incident.asOf', preset.asOf, true);
  }

  private parseStart(raw: string): Parsed<string> {
    const now = this.options.now();
    const text = raw.trim() === '' || raw.trim() === this.t('now') ? 'now' : raw;
    const at = parseTime(text, this.tz, now, 'past');
    if (!at) return { error: this.t('badTime') };
    if (at.getTime() > now.getTime() + 5 * 60_000) return { error: this.t('startInFuture') };
    return { value: isoInZone(at, this.tz) };
  }

  private storedTimeText(value: Stored): string | undefined {
    if (typeof value !== 'string') return undefined;
    const at = readStoredTime(value, this.tz);
    if (!at) return value;
    const w = isoInZone(at, this.tz);
    return `${w.slice(0, 10)} ${w.slice(11, 16)}`;
  }

  // ——— the office ———

  private async officeSection(): Promise<void> {
    if (this.state.office) return;
    const t = this.t;
    const presetOffice = this.options.preset?.answers.office;
    if (presetOffice) {
      this.record.append({ type: 'office', office: presetOffice });
      this.saveSnapshot();
      return;
    }
    const saved = this.options.config.office;
    if (saved) {
      const use = await this.ask({
        key: 'office.saved',
        kind: 'confirm',
        message: t('useSavedOffice', { office: officeSummary(saved, this.lang) }),
        default: true,
        canSkip: false,
        canBack: false,
      });
      if (use === true) {
        this.record.append({ type: 'office', office: saved });
        this.saveSnapshot();
        return;
      }
    } else this.say(this.options.style.bold(t('officeIntro')));
    const text = (key: string, message: FlowMessage, o: { required?: boolean; fallback?: string; upper?: boolean; pattern?: RegExp; help?: FlowMessage } = {}) =>
      this.ask({
        key: `office.${key}`,
        kind: 'text',
        message: t(message),
        help: o.help ? t(o.help) : undefined,
        canSkip: !o.required,
        canBack: false,
        required: o.required,
        default: o.fallback,
        parse: (raw) => {
          const value = o.upper ? raw.trim().toUpperCase() : raw.trim();
          if (value === '') return o.required ? { error: t('required') } : { value };
          if (o.pattern && !o.pattern.test(value)) return { error: t('badOfficeCode') };
          return { value };
        },
      }) as Promise<string | undefined>;
    const prior = (v: unknown): string | undefined => (typeof v === 'string' ? v : v && typeof v === 'object' ? ((v as Record<string, string>)[this.lang] ?? (v as Record<string, string>).id) : undefined);
    const agency = await text('agency', 'askAgency', { required: true, fallback: prior(saved?.agency), help: 'askAgencyHelp' });
    const code = await text('code', 'askCode', { required: true, upper: true, pattern: /^[A-Z0-9.-]+$/, fallback: saved?.code, help: 'askCodeHelp' });
    const city = await text('city', 'askCity', { required: true, fallback: saved?.city, help: 'askCityHelp' });
    const spokesperson = await text('spokesperson.name', 'askSpokesperson', { fallback: saved?.spokesperson?.name });
    const spokesTitle = spokesperson ? await text('spokesperson.title', 'askSpokespersonTitle', { fallback: prior(saved?.spokesperson?.title) }) : undefined;
    const spokesPhone = spokesperson ? await text('spokesperson.phone', 'askSpokespersonPhone', { fallback: saved?.spokesperson?.phone }) : undefined;
    const contact = await text('contact.name', 'askContact', { fallback: saved?.contact?.name });
    const contactRole = contact ? await text('contact.role', 'askContactRole', { fallback: prior(saved?.contact?.role) }) : undefined;
    const contactPhone = contact ? await text('contact.phone', 'askContactPhone', { fallback: saved?.contact?.phone }) : undefined;
    const hotline = await text('hotline', 'askHotline', { fallback: saved?.hotline });
    const website = await text('website', 'askWebsite', { fallback: saved?.website });
    const office: Office = { ...(saved ?? {}), agency: agency!, code: code!, city: city! };
    const put = <K extends keyof Office>(key: K, value: Office[K] | undefined) => {
      if (value !== undefined && value !== '') office[key] = value;
      else delete office[key];
    };
    put('spokesperson', spokesperson ? compact({ name: spokesperson, title: spokesTitle, phone: spokesPhone }) : undefined);
    put('contact', contact ? compact({ name: contact, role: contactRole, phone: contactPhone }) : undefined);
    put('hotline', hotline);
    put('website', website);
    this.record.append({ type: 'office', office });
    this.saveSnapshot();
    this.options.remember({ office });
    this.say(t('officeSaved'));
  }

  // ——— triage and strategy ———

  private questionSpec(question: Question, key: string): { spec: PromptSpec; options: AskOptions } {
    const t = this.t;
    const lang = this.lang;
    const base = {
      key,
      message: local(question.prompt, lang),
      help: question.help ? local(question.help, lang) : undefined,
      canSkip: true,
      canBack: false,
      required: Boolean(question.required),
    };
    const fromFile = this.options.preset ? () => this.presetAnswer(question, key) : undefined;
    const choices = (question.options ?? []).map((o): Choice => ({ value: o.value, label: local(o.label, lang) }));
    const dflt = question.default;
    switch (question.type) {
      case 'select':
        return { spec: { ...base, kind: 'select', choices, default: dflt === undefined ? undefined : String(dflt) }, options: { preset: fromFile } };
      case 'multiselect':
        return {
          spec: { ...base, kind: 'multiselect', choices, default: Array.isArray(dflt) ? dflt.map(String) : undefined },
          options: { preset: fromFile },
        };
      case 'confirm':
        return {
          spec: {
            ...base,
            kind: 'select',
            choices: YES_NO.map((v) => ({ value: v, label: t(v) })),
            default: typeof dflt === 'boolean' ? (dflt ? 'yes' : 'no') : undefined,
          },
          options: { preset: fromFile, encode: (v) => v === 'yes', decode: (v) => (v === true ? 'yes' : v === false ? 'no' : undefined) },
        };
      default: {
        const kind = question.type === 'longtext' ? 'editor' : question.type === 'text' ? 'text' : question.type;
        const parse = (raw: string): Parsed<string | number | string[]> => {
          let value: AnswerValue | undefined;
          if (question.type === 'datetime') {
            const at = parseTime(raw, this.tz, this.options.now(), 'past');
            if (!at) return { error: t('badTime') };
            value = isoInZone(at, this.tz);
          } else value = coerceAnswer(question, raw);
          const problem = validateAnswer(question, value, lang);
          if (problem) return { error: problem };
          if (value === null || value === undefined) return { error: t('required') };
          return { value: value as string | number | string[] };
        };
        const decode = (v: Stored) => {
          if (question.type === 'datetime') return this.storedTimeText(v);
          // Text given per language (an answers file) is offered in the drafts' language.
          const text = answerIn(v, this.draftLang);
          return Array.isArray(text) ? text.join('; ') : text === undefined || text === null ? undefined : String(text);
        };
        return {
          spec: { ...base, kind, default: dflt === undefined ? undefined : Array.isArray(dflt) ? dflt.join('; ') : String(dflt), parse },
          options: { preset: fromFile, decode },
        };
      }
    }
  }

  /** An answer from the answers file, read and checked like a typed one; undefined when the file has none. */
  private presetAnswer(question: Question, key: string): { value: Stored | null } | undefined {
    const preset = this.options.preset;
    if (!preset) return undefined;
    const id = question.id;
    const inTriage = key.startsWith('triage.') && preset.answers.triage !== undefined && id in preset.answers.triage;
    const pointer = inTriage ? `/triage/${pointerKey(id)}` : `/answers/${pointerKey(id)}`;
    const raw = inTriage ? preset.answers.triage![id] : preset.answers.answers[id];
    if (raw === undefined) return undefined;
    if (raw === null) return { value: null };
    let value: AnswerValue | undefined = coerceAnswer(question, raw);
    if (question.type === 'datetime' && typeof value === 'string') {
      const at = parseTime(value, this.tz, this.options.now(), 'past');
      if (at) value = isoInZone(at, this.tz);
    }
    const problem = validateAnswer(question, value, this.lang);
    if (problem) throw new FlowError(`${preset.where(pointer)}: ${id}: ${problem}`);
    return { value: value ?? null };
  }

  /**
   * With --answers every fact in the file is known from the start, so the first drafts already
   * carry the figures that later steps would ask for. Written as one durable batch.
   */
  private presetSection(): void {
    const preset = this.options.preset;
    if (!preset) return;
    const batch: NewEvent[] = [];
    for (const id of Object.keys(preset.answers.answers)) {
      const key = questionKey(id);
      if (this.state.inputs.has(key)) continue;
      const question = this.playbook.questions.find((q) => q.id === id);
      // Facts the playbook does not ask (a template may still read them) are kept as given.
      const given = question ? this.presetAnswer(question, key)! : { value: preset.answers.answers[id] as Stored | null };
      batch.push({ type: 'answer', key, ...(given.value === null ? { unknown: true as const } : { value: given.value }), auto: true });
    }
    if (batch.length === 0) return;
    this.record.appendMany(batch);
    this.saveSnapshot();
  }

  private async triageSection(): Promise<void> {
    const spec = this.playbook.triage;
    const questions = [...spec.urgency, ...spec.impact];
    const keys = [...questions.map((q) => triageKey(q.id)), SCCT_KEYS.history, SCCT_KEYS.priorReputation];
    if (keys.some((key) => !this.state.inputs.has(key))) this.say(this.options.style.bold(this.t('triageIntro')));
    for (const question of questions) {
      const { spec: prompt, options } = this.questionSpec(question, triageKey(question.id));
      await this.ask(prompt, options);
    }
    await this.scctModifiers();
    const answers = triageAnswers(this.state);
    const result = triage(spec, answers);
    const unanswered = questions.filter((q) => answers[q.id] === undefined).map((q) => q.id);
    const current = this.state.triage;
    let changed = false;
    if (!current || current.level !== result.level || current.urgency !== result.urgency || current.impact !== result.impact) {
      this.record.append({ type: 'triage', level: result.level, urgency: result.urgency, impact: result.impact, unanswered });
      changed = true;
    }
    const s = strategyFor(this.playbook.scct, scctOf(this.state));
    const recorded = this.state.strategy;
    if (!recorded || recorded.baseCluster !== s.baseCluster || recorded.cluster !== s.cluster || recorded.primary !== s.primary || recorded.denyAllowed !== s.denyAllowed) {
      this.record.append({ type: 'strategy', baseCluster: s.baseCluster, cluster: s.cluster, primary: s.primary, denyAllowed: s.denyAllowed });
      changed = true;
    }
    if (changed) {
      this.saveSnapshot();
      this.say(this.triageSummary(), 'summary');
    }
  }

  /**
   * The SCCT modifiers of this incident: a similar crisis before, or a poor reputation, moves the
   * case one cluster up. The playbook's values are the defaults; an answers file may give its own.
   */
  private async scctModifiers(): Promise<void> {
    const t = this.t;
    const base = this.playbook.scct;
    const given = this.options.preset ? (this.options.preset.answers.scct ?? {}) : undefined;
    await this.ask(
      {
        key: SCCT_KEYS.history,
        kind: 'confirm',
        message: t('askHistory'),
        help: t('askHistoryHelp'),
        default: base.history ?? false,
        canSkip: false,
        canBack: false,
      },
      { preset: given && (() => ({ value: given.history ?? base.history ?? false })) },
    );
    await this.ask(
      {
        key: SCCT_KEYS.priorReputation,
        kind: 'select',
        message: t('askReputation'),
        help: t('askReputationHelp'),
        choices: REPUTATIONS.map((r) => ({ value: r, label: t(`reputation.${r}`) })),
        default: base.priorReputation ?? 'neutral',
        canSkip: false,
        canBack: false,
      },
      { preset: given && (() => ({ value: given.priorReputation ?? base.priorReputation ?? 'neutral' })) },
    );
  }

  private triageSummary(): string {
    const t = this.t;
    const style = this.options.style;
    const result = this.state.triage!;
    const level = this.playbook.triage.levels.find((l) => l.level === result.level);
    const now = this.options.now();
    const lines: string[] = [];
    lines.push(
      style.bold(t('levelLine', { level: result.level, name: local(level?.name, this.lang), urgency: t(`grade.${result.urgency}` as FlowMessage), impact: t(`grade.${result.impact}` as FlowMessage) })),
    );
    if (level?.description) lines.push(wrap(`  ${local(level.description, this.lang)}`, WIDTH, '  '));
    if (result.unanswered.length) lines.push(style.yellow(wrap(`  ${t('triageUnanswered', { list: result.unanswered.join(', ') })}`, WIDTH, '  ')));
    if (level && level.escalation.length) {
      lines.push(`  ${t('escalation')}`);
      for (const e of level.escalation) {
        const due = deadlineText(dueAt(this.start, e.within), now, this.tz, this.lang);
        const line = `    • ${roleTitle(this.playbook, e.role, this.lang)} — ${t('byTime', { time: due.clock })} (${due.left})`;
        lines.push(due.overdue ? style.red(wrap(line, WIDTH, '      ')) : wrap(line, WIDTH, '      '));
        if (e.note) lines.push(wrap(`      ${local(e.note, this.lang)}`, WIDTH, '      '));
      }
    }
    const every = level?.updateEvery ?? this.playbook.settings?.updateEvery;
    if (every) lines.push(`  ${t('updateEvery', { every: formatDuration(dueAt(new Date(0), every).getTime(), this.lang) })}`);
    const strategy = strategyFor(this.playbook.scct, scctOf(this.state));
    lines.push('');
    lines.push(style.bold(wrap(t('strategyLine', { strategy: t(`posture.${strategy.primary}` as FlowMessage) }), WIDTH, '  ')));
    lines.push(wrap(`  ${local(strategy.reason, this.lang)}`, WIDTH, '  '));
    return lines.join('\n');
  }

  // ——— facts skipped in an earlier session ———

  private async missingFactsSection(): Promise<void> {
    const skipped = [...this.state.inputs.values()].filter((e) => e.unknown && e.key.startsWith('q.') && e.session < this.record.session);
    if (skipped.length === 0) return;
    this.say(this.options.style.bold(this.t('missingFactsIntro', { count: skipped.length })));
    for (const e of skipped) {
      const question = this.playbook.questions.find((q) => q.id === e.key.slice(2));
      if (!question) continue;
      const { spec, options } = this.questionSpec(question, e.key);
      await this.ask(spec, { ...options, perSession: true });
    }
  }

  // ——— stages and steps ———

  private stepPending(step: Step): boolean {
    const recorded = this.state.steps.get(step.id);
    if (!recorded) return true;
    if (recorded.status !== 'open') return false;
    const ticks = this.state.inputs.get(checklistKey(step.id));
    return !ticks || ticks.session < this.record.session;
  }

  private async continueTo(stage: Stage, index: number): Promise<boolean> {
    if (this.options.yes) return true;
    const reply = await this.options.prompter.ask({
      key: `continue.${stage.id}`,
      kind: 'select',
      message: this.t('continueTo', { n: index + 1, stage: this.t(`stage.${stage.id}` as FlowMessage) }),
      choices: [
        { value: 'continue', label: this.t('continue') },
        { value: 'stop', label: this.t('pauseHere') },
      ],
      default: 'continue',
      canSkip: false,
      canBack: this.state.inputOrder.some((e) => !e.auto),
    });
    if (reply.type === 'back') throw new GoBack();
    return !(reply.type === 'answer' && reply.value === 'stop');
  }

  private stageHeader(stage: Stage, index: number): void {
    const title = `${this.t('stageN', { n: index + 1, total: this.playbook.stages.length })} · ${this.t(`stage.${stage.id}` as FlowMessage)}`;
    const rule = '─'.repeat(Math.max(3, WIDTH - title.length - 4));
    const lines = ['', this.options.style.bold(`── ${title} ${rule}`)];
    if (stage.goal) lines.push(wrap(`${this.t('goal')}: ${local(stage.goal, this.lang)}`, WIDTH, '  '));
    this.say(lines.join('\n'), 'summary');
  }

  private async stepSection(stage: Stage, step: Step, stageIndex: number): Promise<void> {
    if (!this.stepPending(step)) return;
    const t = this.t;
    const style = this.options.style;
    const number = `${stageIndex + 1}.${stage.steps.indexOf(step) + 1}`;
    const ctx = this.conditionContext();
    if (!holds(step.when, ctx)) {
      const reason = explainCondition(step.when!, ctx, this.playbook);
      this.record.append({ type: 'step', stage: stage.id, step: step.id, status: 'skipped', reason });
      this.saveSnapshot();
      this.say(style.dim(wrap(`⤼ [${number}] ${local(step.title, this.lang)} — ${t('skippedBecause', { reason: reason[this.lang] })}`, WIDTH, '    ')), 'summary');
      return;
    }
    this.say(this.stepHeader(step, number));
    const failuresBefore = this.failures.length;

    for (const id of step.asks ?? []) {
      const question = this.playbook.questions.find((q) => q.id === id);
      if (!question) continue;
      if (!holds(question.when, this.conditionContext())) continue;
      const { spec, options } = this.questionSpec(question, questionKey(id));
      await this.ask(spec, options);
    }

    for (const templateId of step.drafts ?? []) await this.draftSection(step, templateId);

    const items = step.checklist ?? [];
    let ticked: number[] = [];
    if (items.length > 0) {
      const value = await this.ask(
        {
          key: checklistKey(step.id),
          kind: 'multiselect',
          message: t('checklist'),
          choices: items.map((item, i) => ({ value: String(i), label: local(item, this.lang) })),
          default: this.options.yes ? items.map((_, i) => String(i)) : [],
          canSkip: false,
          canBack: false,
        },
        {
          perSession: true,
          encode: (v) => (Array.isArray(v) ? v.map(Number).sort((a, b) => a - b) : []),
          // With --yes everything is ticked, whatever was ticked before.
          decode: (v) => (this.options.yes ? undefined : Array.isArray(v) ? v.map(String) : []),
        },
      );
      ticked = Array.isArray(value) ? value.map(Number) : [];
    }
    const pending = items.map((_, i) => i).filter((i) => !ticked.includes(i));
    // A draft that failed keeps the step open, so the next session tries it again.
    const status = pending.length === 0 && this.failures.length === failuresBefore ? 'done' : 'open';
    const previous = this.state.steps.get(step.id);
    if (!previous || previous.status !== status || JSON.stringify(previous.pending ?? []) !== JSON.stringify(pending)) {
      this.record.append({ type: 'step', stage: stage.id, step: step.id, status, pending, ...(step.public ? { public: true } : {}) });
      this.saveSnapshot();
    }
    const label = `[${number}] ${local(step.title, this.lang)}`;
    this.say(
      status === 'done' ? style.green(wrap(`✓ ${label} — ${t('stepDone')}`, WIDTH, '    ')) : style.yellow(wrap(`○ ${label} — ${t('stepOpen', { count: pending.length })}`, WIDTH, '    ')),
      'summary',
    );
  }

  private stepHeader(step: Step, number: string): string {
    const t = this.t;
    const style = this.options.style;
    const now = this.options.now();
    const due = deadlineText(dueAt(this.start, step.deadline), now, this.tz, this.lang);
    const lines = [
      '',
      style.bold(wrap(`[${number}] ${local(step.title, this.lang)}`, WIDTH, '     ')),
      `  ${t('owner')}: ${roleTitle(this.playbook, step.owner, this.lang)}`,
      `  ${t('deadline')}: ${due.overdue ? style.red(`${due.clock} — ${due.left}`) : `${due.clock} — ${due.left}`}`,
    ];
    if (step.posture) lines.push(`  ${t('posture')}: ${t(`posture.${step.posture}` as FlowMessage)}`);
    if (step.description) lines.push(wrap(`  ${local(step.description, this.lang)}`, WIDTH, '  '));
    if (step.reason) lines.push(style.dim(wrap(`  ${local(step.reason, this.lang)}`, WIDTH, '  ')));
    return lines.join('\n');
  }

  // ——— drafts and sign-off ———

  private templateLang(template: Template): Locale {
    const wanted = this.draftLang;
    if (template.files[wanted]) return wanted;
    return wanted === 'id' ? 'en' : 'id';
  }

  private async render(template: Template, lang: Locale): Promise<DraftEvent | undefined> {
    const key = draftKey(template.id, lang);
    const existing = this.state.drafts.get(key);
    const publicStep = this.playbook.stages.some((s) => s.steps.some((st) => st.public && (st.drafts ?? []).includes(template.id)));
    const release = publicStep ? this.releaseCount() + (existing ? 0 : 1) : undefined;
    const answers = this.answersFile(release);
    if (!answers) return undefined;
    let result: DraftResult;
    try {
      result = await this.options.drafter({ loaded: this.loaded, templateId: template.id, lang, answers, now: this.options.now() });
    } catch (error) {
      if (!(error instanceof FlowError)) throw error;
      this.failures.push(error.message);
      this.say(this.options.style.red(wrap(`  ✗ ${this.t('draftFailed', { title: local(template.title, this.lang), reason: error.message })}`, WIDTH, '    ')), 'summary');
      return undefined;
    }
    const written = this.record.writeDraft(template.id, lang, result.markdown);
    const event = this.record.append({ type: 'draft', template: template.id, lang, file: written.file, sha256: written.sha256, missing: result.missing, source: 'render' }) as DraftEvent;
    this.saveSnapshot();
    for (const warning of result.warnings) this.say(this.options.style.yellow(`  ! ${warning}`));
    return event;
  }

  private async draftSection(step: Step, templateId: string): Promise<void> {
    const t = this.t;
    const style = this.options.style;
    const template = this.playbook.templates.find((tpl) => tpl.id === templateId);
    if (!template) return;
    const ctx = this.conditionContext();
    if (!holds(template.when, ctx)) {
      this.say(style.dim(wrap(`  ⤼ ${local(template.title, this.lang)} — ${t('notDrafted', { reason: explainCondition(template.when!, ctx, this.playbook)[this.lang] })}`, WIDTH, '    ')));
      return;
    }
    const lang = this.templateLang(template);
    const key = draftKey(template.id, lang);
    let draft = this.state.drafts.get(key);
    if (draft && this.state.inputs.has(`review.${key}`)) return;
    if (!draft) {
      draft = await this.render(template, lang);
      if (!draft) return;
    }
    this.showDraft(template, draft);
    await this.review(template, lang, false);
  }

  /** Sign now, open in the editor, or leave for later; an unsigned draft is offered again in the next session. */
  private async review(template: Template, lang: Locale, again: boolean): Promise<void> {
    const t = this.t;
    const key = draftKey(template.id, lang);
    const reviewKey = `review.${key}`;
    for (;;) {
      const decision = await this.ask(
        {
          key: reviewKey,
          kind: 'select',
          message: t('reviewDraft', { title: local(template.title, this.lang) }),
          choices: [
            { value: 'sign', label: t('signNow') },
            { value: 'edit', label: t('openEditor') },
            { value: 'later', label: t('signLater') },
          ],
          default: 'later',
          canSkip: false,
          canBack: false,
        },
        // After an edit the question comes again; Enter should not reopen the editor.
        { personal: true, perSession: again, decode: (v) => (v === 'edit' ? undefined : defaultDecode(v)) },
      );
      if (decision !== 'edit') break;
      const draft = this.state.drafts.get(key)!;
      await this.options.prompter.edit(join(this.record.dir, draft.file));
      this.noteEdit(draft);
      // Opening the editor is not the decision; withdraw it so the question comes again.
      this.withdrawKey(reviewKey);
      this.showDraftSummary(this.state.drafts.get(key)!);
    }
    if (answerOf(this.state, reviewKey) === 'sign') await this.signOff(template, lang, again);
  }

  /** A signature that still matches the draft's text on disk. */
  private signatureHolds(key: string): boolean {
    const draft = this.state.drafts.get(key);
    const signed = this.state.signoffs.get(key);
    return Boolean(draft && signed && currentHash(this.record.dir, draft.file) === signed.sha256);
  }

  /** In a later session: the drafts still waiting for a signature (left for later, or changed after signing). */
  private async unsignedSection(): Promise<void> {
    const waiting = [...this.state.drafts.values()].filter((d) => {
      const review = this.state.inputs.get(`review.${draftKey(d.template, d.lang)}`);
      return review && review.session < this.record.session && !this.signatureHolds(draftKey(d.template, d.lang));
    });
    if (waiting.length === 0) return;
    this.say(this.options.style.bold(this.t('unsignedIntro', { count: waiting.length })), 'summary');
    for (const draft of waiting) {
      const template = this.playbook.templates.find((tpl) => tpl.id === draft.template);
      if (!template) continue;
      this.noteEdit(draft);
      this.showDraft(template, this.state.drafts.get(draftKey(draft.template, draft.lang))!);
      await this.review(template, draft.lang, true);
    }
  }

  private withdrawKey(key: string): void {
    const e = this.state.inputs.get(key);
    if (e) this.record.append({ type: 'retract', ids: [e.id], key });
  }

  /** Record the officer's edit so status and sign-off see the text as it is now. */
  private noteEdit(draft: DraftEvent): void {
    const hash = currentHash(this.record.dir, draft.file);
    if (!hash || hash === this.state.drafts.get(draftKey(draft.template, draft.lang))?.sha256) return;
    const text = readDraft(this.record.dir, draft.file);
    const missing = [...new Set([...text.matchAll(MISSING_MARKER)].map((m) => m[1].trim()))];
    this.record.append({ type: 'draft', template: draft.template, lang: draft.lang, file: draft.file, sha256: hash, missing, source: 'editor' });
    const signed = this.state.signoffs.get(draftKey(draft.template, draft.lang));
    if (signed) this.say(this.options.style.yellow(`  ! ${this.t('signoffVoided', { name: signed.name })}`), 'summary');
  }

  private showDraft(template: Template, draft: DraftEvent): void {
    const style = this.options.style;
    const path = this.shown(join(this.record.dir, draft.file));
    const text = readDraft(this.record.dir, draft.file);
    const title = ` ${local(template.title, this.lang)} (${draft.lang}) `;
    const lines = [
      '',
      style.dim(`┌${title}${'─'.repeat(Math.max(3, WIDTH - title.length - 1))}`),
      // Wrapped for the screen only; the file keeps its own lines.
      ...text
        .replace(/\n+$/, '')
        .split('\n')
        .flatMap((l) => wrap(l, WIDTH - 2).split('\n'))
        .map((l) => `${style.dim('│')} ${l}`),
      style.dim(`└${'─'.repeat(WIDTH - 1)}`),
    ];
    this.say(lines.join('\n'));
    this.say(this.t('drafted', { title: local(template.title, this.lang), path }), 'summary');
    this.showDraftSummary(draft);
  }

  private showDraftSummary(draft: DraftEvent): void {
    if (draft.missing.length) this.say(this.options.style.yellow(wrap(`  ! ${this.t('draftMissing', { count: draft.missing.length, list: draft.missing.join(', ') })}`, WIDTH, '    ')), 'summary');
  }

  private async signOff(template: Template, lang: Locale, again: boolean): Promise<void> {
    const key = draftKey(template.id, lang);
    const draft = this.state.drafts.get(key);
    if (!draft || this.signatureHolds(key)) return;
    const t = this.t;
    const signer = this.options.config.signer;
    const spokesperson = this.state.office?.spokesperson;
    const textOf = (v: unknown) => (typeof v === 'string' ? v : v && typeof v === 'object' ? (v as Record<string, string>)[this.lang] ?? (v as Record<string, string>).id : undefined);
    const field = (part: 'name' | 'role', message: FlowMessage, fallback: string | undefined) =>
      this.ask(
        {
          key: `signoff.${key}.${part}`,
          kind: 'text',
          message: t(message),
          default: fallback,
          canSkip: false,
          canBack: false,
          required: true,
          parse: (raw) => (raw.trim() === '' ? { error: t('required') } : { value: raw.trim() }),
        },
        { personal: true, perSession: again },
      ) as Promise<string | undefined>;
    const name = await field('name', 'signerName', signer?.name ?? spokesperson?.name);
    const role = await field('role', 'signerRole', signer?.role ?? textOf(spokesperson?.title));
    if (!name || !role) return;
    const hash = currentHash(this.record.dir, draft.file) ?? draft.sha256;
    this.record.append({ type: 'signoff', template: template.id, lang, name, role, sha256: hash, by: name });
    this.options.remember({ signer: { name, role } });
    this.say(this.options.style.green(`  ✓ ${t('signedBy', { name, role, time: clock(this.options.now(), this.tz, this.lang) })}`), 'summary');
  }

  /** Drafts written while a fact was missing are rendered again once it is known (unless edited or signed). */
  private async refreshDrafts(): Promise<void> {
    const known = new Set(Object.keys(questionAnswers(this.state)));
    for (const draft of [...this.state.drafts.values()]) {
      if (draft.source !== 'render' || !draft.missing.some((m) => known.has(m))) continue;
      if (this.state.signoffs.has(draftKey(draft.template, draft.lang))) continue;
      if (currentHash(this.record.dir, draft.file) !== draft.sha256) continue;
      const template = this.playbook.templates.find((tpl) => tpl.id === draft.template);
      if (!template) continue;
      const updated = await this.render(template, draft.lang);
      if (updated && updated.sha256 !== draft.sha256) {
        this.say(this.t('draftRefreshed', { title: local(template.title, this.lang), path: this.shown(join(this.record.dir, updated.file)) }), 'summary');
        this.showDraftSummary(updated);
      }
    }
  }
}

function readDraft(dir: string, file: string): string {
  try {
    return readFileSync(join(dir, file), 'utf8');
  } catch {
    return '';
  }
}

function presetStart(start: string, tz: Timezone): string {
  const at = readStoredTime(start, tz);
  return at ? isoInZone(at, tz) : start;
}

const defaultDecode = (v: Stored): string | number | boolean | string[] | undefined => {
  if (v === undefined || v === null) return undefined;
  if (Array.isArray(v)) return v.map(String);
  if (typeof v === 'object') return undefined;
  return v;
};

function compact<T extends Record<string, unknown>>(value: T): T {
  for (const key of Object.keys(value)) if (value[key] === undefined || value[key] === '') delete value[key];
  return value;
}

function officeSummary(office: Office, lang: Locale): string {
  const agency = typeof office.agency === 'string' ? office.agency : office.agency[lang] ?? office.agency.id ?? office.agency.en ?? '';
  const parts = [agency, office.code, office.city];
  if (office.spokesperson?.name) parts.push(office.spokesperson.name);
  return parts.filter(Boolean).join(' · ');
}

