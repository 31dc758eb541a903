/**
 * An incident record: the folder `incidents/<yyyy-mm-dd>-<slug>/` with its journal, its drafts
 * and an answers-file snapshot. Only one walk writes to it at a time (the lock); `tanggap log`
 * may append beside it.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, statSync } from 'node:fs';
import { hostname, userInfo } from 'node:os';
import { join, relative, resolve } from 'node:path';
import type { AnswersFile } from './answers-schema.js';
import { fsyncDir, storageError, writeFileAtomic } from './durable.js';
import type { IncidentEvent, NewEvent, OpenedEvent, PlaybookRef } from './events.js';
import { appendUnlocked, JOURNAL_FILE, JournalWriter, readJournal, type JournalContents } from './journal.js';
import { acquireLock, type Lock, type LockHolder } from './lock.js';
import { RecordError } from './messages.js';
import { createIncidentFolder } from './slug.js';
import { reduce, type IncidentState } from './state.js';
import type { Locale } from '../playbook/schema.js';
import { yamlLib } from '../vendor.js';

export const ANSWERS_SNAPSHOT = 'answers.yaml';
export const DRAFTS_DIR = 'drafts';

export const sha256 = (text: string | Buffer) => createHash('sha256').update(text).digest('hex');

function currentUser(): string {
  try {
    return userInfo().username;
  } catch {
    return process.env.USER ?? process.env.USERNAME ?? '?';
  }
}

const newId = () => randomBytes(6).toString('hex');

export interface OpenOptions {
  /** the clock; the walk passes its own so every event of one step shares a notion of now */
  now?: () => Date;
  /** the tool's version, recorded with each session */
  version?: string;
  /** words for a lock holder's start time, in the interface language */
  formatSince?: (iso: string) => string;
}

export interface ReadNotices {
  tornTail: boolean;
  damagedLines: number[];
}

/** Read a record without taking its lock (status, log, kit). */
export function readRecord(dir: string): { state: IncidentState; notices: ReadNotices; journal: string } {
  const journal = join(resolve(dir), JOURNAL_FILE);
  if (!existsSync(journal)) throw new RecordError('not-an-incident', { path: dir });
  let contents: JournalContents;
  try {
    contents = readJournal(journal);
  } catch (error) {
    throw storageError(error, journal);
  }
  return { state: reduce(contents.events), notices: { tornTail: contents.tornTail, damagedLines: contents.damagedLines }, journal };
}

/** Append one event to a record that a walk may hold open (`tanggap log`). */
export function appendToRecord(dir: string, event: NewEvent, now: Date = new Date()): IncidentEvent {
  const { state, journal } = readRecord(dir);
  const full = { ...event, id: newId(), at: now.toISOString(), session: Math.max(1, state.session) } as IncidentEvent;
  appendUnlocked(journal, full);
  return full;
}

export class IncidentRecord {
  private events: IncidentEvent[];
  private cached?: IncidentState;
  readonly session: number;

  private constructor(
    readonly dir: string,
    private readonly writer: JournalWriter,
    private readonly lock: Lock,
    contents: JournalContents,
    private readonly now: () => Date,
    readonly notices: ReadNotices & { recoveredLock?: LockHolder },
  ) {
    this.events = contents.events;
    this.session = reduce(this.events).session + 1;
  }

  /** Create `<root>/<date>-<slug>/`, lock it and write its first event. */
  static create(root: string, date: string, title: string, opened: { lang: Locale; playbook: PlaybookRef }, options: OpenOptions = {}): IncidentRecord {
    let dir: string;
    try {
      dir = createIncidentFolder(resolve(root), date, title);
    } catch (error) {
      throw storageError(error, resolve(root));
    }
    const record = IncidentRecord.openDir(dir, options);
    record.open(opened);
    fsyncDir(dir);
    return record;
  }

  /** Open an existing record for a walk: take the lock, cut a torn tail, start a new session. */
  static resume(dir: string, options: OpenOptions = {}): IncidentRecord {
    const journal = join(resolve(dir), JOURNAL_FILE);
    if (!existsSync(journal)) throw new RecordError('not-an-incident', { path: dir });
    const record = IncidentRecord.openDir(resolve(dir), options);
    const first = record.events.find((e): e is OpenedEvent => e.type === 'opened');
    if (!first) {
      record.close();
      throw new RecordError('not-an-incident', { path: dir });
    }
    record.open({ lang: first.lang, playbook: first.playbook });
    return record;
  }

  private static openDir(dir: string, options: OpenOptions): IncidentRecord {
    const now = options.now ?? (() => new Date());
    const lock = acquireLock(dir, now(), options.formatSince);
    let writer: JournalWriter | undefined;
    try {
      const file = join(dir, JOURNAL_FILE);
      // Read before the writer cuts a torn tail, so the notice can say it happened.
      const contents = existsSync(file) ? readJournal(file) : { events: [], tornTail: false, damagedLines: [] };
      writer = new JournalWriter(file);
      const record = new IncidentRecord(dir, writer, lock, contents, now, {
        tornTail: contents.tornTail,
        damagedLines: contents.damagedLines,
        recoveredLock: lock.recovered,
      });
      record.version = options.version ?? '';
      return record;
    } catch (error) {
      writer?.close();
      lock.release();
      throw storageError(error, dir);
    }
  }

  private version = '';

  private open(opened: { lang: Locale; playbook: PlaybookRef }): void {
    this.append({ type: 'opened', pid: process.pid, host: hostname(), user: currentUser(), lang: opened.lang, playbook: opened.playbook, version: this.version });
  }

  get state(): IncidentState {
    return (this.cached ??= reduce(this.events));
  }

  /** Write one event durably; when this returns it is on disk. */
  append<E extends NewEvent>(event: E): IncidentEvent {
    const full = { ...event, id: newId(), at: this.now().toISOString(), session: this.session } as IncidentEvent;
    this.writer.append(full);
    this.events.push(full);
    this.cached = undefined;
    return full;
  }

  /** Write several events with one fsync: all of them are on disk when this returns, or none counts. */
  appendMany(events: NewEvent[]): void {
    const full = events.map((event) => ({ ...event, id: newId(), at: this.now().toISOString(), session: this.session }) as IncidentEvent);
    this.writer.appendAll(full);
    this.events.push(...full);
    this.cached = undefined;
  }

  /** drafts/<template>.<lang>.md, replaced atomically. Returns its path relative to the record and its hash. */
  writeDraft(template: string, lang: Locale, markdown: string): { file: string; path: string; sha256: string } {
    const draftsDir = join(this.dir, DRAFTS_DIR);
    try {
      mkdirSync(draftsDir, { recursive: true });
    } catch (error) {
      throw storageError(error, draftsDir);
    }
    const path = join(draftsDir, `${template}.${lang}.md`);
    writeFileAtomic(path, markdown);
    return { file: relative(this.dir, path).split('\\').join('/'), path, sha256: sha256(markdown) };
  }

  /** answers.yaml: the answers-file view of the record, for `tanggap draft --incident` and `tanggap kit`. */
  writeSnapshot(answers: AnswersFile): void {
    const header = '# Written by tanggap from journal.jsonl, the record of this incident. Changes here are replaced on the next answer.\n';
    writeFileAtomic(join(this.dir, ANSWERS_SNAPSHOT), header + yamlLib().stringify(answers, { lineWidth: 0 }));
  }

  close(): void {
    this.writer.close();
    this.lock.release();
  }
}

/** The hash of a draft as it is on disk now; undefined when the file is gone. */
export function currentHash(dir: string, file: string): string | undefined {
  const path = join(dir, file);
  try {
    if (!statSync(path).isFile()) return undefined;
    return sha256(readFileSync(path));
  } catch {
    return undefined;
  }
}
