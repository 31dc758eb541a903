/**
 * journal.jsonl: append-only, one event per line, each line fsync'ed before the walk moves on.
 * A process killed mid-write leaves at most one torn last line; it is ignored on load and cut
 * off by the next writer, so the journal always ends on a whole line.
 */
import { closeSync, fstatSync, fsyncSync, ftruncateSync, openSync, readFileSync, readSync, writeSync } from 'node:fs';
import { storageError } from './durable.js';
import { isIncidentEvent, type IncidentEvent } from './events.js';

export const JOURNAL_FILE = 'journal.jsonl';

export interface JournalContents {
  events: IncidentEvent[];
  /** the file ended in a partial line (a write cut short) */
  tornTail: boolean;
  /** 1-based numbers of complete lines that could not be read */
  damagedLines: number[];
}

export function parseJournal(text: string): JournalContents {
  const events: IncidentEvent[] = [];
  const damagedLines: number[] = [];
  const lines = text.split('\n');
  // Text after the last newline is a line whose write never finished.
  const tail = lines.pop() ?? '';
  let tornTail = tail.trim() !== '';
  lines.forEach((line, index) => {
    if (line.trim() === '') return;
    let parsed: unknown;
    try {
      parsed = JSON.parse(line);
    } catch {
      parsed = undefined;
    }
    if (isIncidentEvent(parsed)) events.push(parsed);
    else damagedLines.push(index + 1);
  });
  if (tornTail) {
    // A complete JSON event without its newline is still a whole event (the newline is written with it, so this is rare).
    try {
      const parsed: unknown = JSON.parse(tail);
      if (isIncidentEvent(parsed)) {
        events.push(parsed);
        tornTail = false;
      }
    } catch {
      // torn: ignored
    }
  }
  return { events, tornTail, damagedLines };
}

export function readJournal(file: string): JournalContents {
  return parseJournal(readFileSync(file, 'utf8'));
}

/** Appends events to an open journal; one instance per session, holding the incident's lock. */
export class JournalWriter {
  private fd: number;

  /** Opens the journal for appending, cutting off a torn last line left by a killed process. */
  constructor(readonly file: string) {
    try {
      // O_APPEND: lines that `tanggap log` appends meanwhile are never overwritten.
      this.fd = openSync(file, 'a+', 0o644);
      this.cutTornTail();
    } catch (error) {
      throw storageError(error, file);
    }
  }

  private size(): number {
    return fstatSync(this.fd).size;
  }

  private cutTornTail(): void {
    const size = this.size();
    if (size === 0) return;
    // Find the last newline by reading backwards in blocks.
    const block = Buffer.alloc(4096);
    let end = size;
    while (end > 0) {
      const start = Math.max(0, end - block.length);
      const n = readSync(this.fd, block, 0, end - start, start);
      const at = block.subarray(0, n).lastIndexOf(0x0a);
      if (at >= 0) {
        const keep = start + at + 1;
        if (keep < size) {
          ftruncateSync(this.fd, keep);
          fsyncSync(this.fd);
        }
        return;
      }
      end = start;
    }
    ftruncateSync(this.fd, 0);
    fsyncSync(this.fd);
  }

  /** Write one event as one line and fsync it: when this returns, the event survives a crash. */
  append(event: IncidentEvent): void {
    this.appendAll([event]);
  }

  /** Write events as lines with a single fsync. A crash midway leaves whole lines and at most one torn one. */
  appendAll(events: IncidentEvent[]): void {
    appendOrRollBack(this.fd, Buffer.from(events.map((event) => `${JSON.stringify(event)}\n`).join(''), 'utf8'), this.file);
  }

  close(): void {
    try {
      closeSync(this.fd);
    } catch {
      // closing twice, or after the disk went away: nothing left to save
    }
  }
}

/**
 * Append and fsync; when the disk refuses part way, cut off what was written so no partial line
 * remains (unless another process appended meanwhile, in which case the loader skips the damage).
 */
function appendOrRollBack(fd: number, data: Buffer, file: string): void {
  const before = fstatSync(fd).size;
  let written = 0;
  try {
    while (written < data.length) written += writeSync(fd, data, written, data.length - written);
    fsyncSync(fd);
  } catch (error) {
    try {
      if (written > 0 && fstatSync(fd).size === before + written) ftruncateSync(fd, before);
    } catch {
      // the load ignores a torn tail anyway
    }
    throw storageError(error, file);
  }
}

/**
 * Append one event without holding the lock (`tanggap log` next to a running walk). O_APPEND
 * makes the kernel place each write at the current end, so lines from two processes never interleave.
 */
export function appendUnlocked(file: string, event: IncidentEvent): void {
  let fd: number | undefined;
  try {
    fd = openSync(file, 'a');
    const size = fstatSync(fd).size;
    let newlineFirst = false;
    if (size > 0) {
      const last = Buffer.alloc(1);
      const rfd = openSync(file, 'r');
      try {
        readSync(rfd, last, 0, 1, size - 1);
      } finally {
        closeSync(rfd);
      }
      newlineFirst = last[0] !== 0x0a;
    }
    appendOrRollBack(fd, Buffer.from(`${newlineFirst ? '\n' : ''}${JSON.stringify(event)}\n`, 'utf8'), file);
  } catch (error) {
    throw storageError(error, file);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}
