import { spawn, type ChildProcess } from 'node:child_process';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, symlinkSync, truncateSync, writeFileSync, statSync } from 'node:fs';
import { hostname } from 'node:os';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { storageError, writeFileAtomic } from '../../src/incident/durable.js';
import type { IncidentEvent } from '../../src/incident/events.js';
import { appendUnlocked, JournalWriter, parseJournal, readJournal } from '../../src/incident/journal.js';
import { acquireLock, LOCK_FILE } from '../../src/incident/lock.js';
import { RecordError } from '../../src/incident/messages.js';
import { appendToRecord, IncidentRecord, readRecord } from '../../src/incident/record.js';
import { answerOf } from '../../src/incident/state.js';
import { REPO, tempDir } from '../helpers/cli.js';

let root: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir: root, cleanup } = tempDir('tanggap-record-'));
});
afterEach(() => cleanup());

const event = (n: number): IncidentEvent => ({ id: `e${n}`, at: '2026-03-14T00:00:00.000Z', session: 1, type: 'answer', key: `q.k${n}`, value: n });
const opened = { lang: 'id' as const, playbook: { id: 'disaster', file: '/x/disaster.playbook.yaml', source: 'built-in' as const } };

describe('journal', () => {
  it('ignores a torn last line, reports a damaged line in the middle, and keeps a whole last line without its newline', () => {
    const lines = [event(1), event(2)].map((e) => JSON.stringify(e));
    expect(parseJournal(`${lines.join('\n')}\n{"id":"e3","at":"2026-03-14`)).toEqual({ events: [event(1), event(2)], tornTail: true, damagedLines: [] });
    expect(parseJournal(`${lines[0]}\n{"garbage\n${lines[1]}\n`)).toEqual({ events: [event(1), event(2)], tornTail: false, damagedLines: [2] });
    expect(parseJournal(`${lines[0]}\n${lines[1]}`)).toEqual({ events: [event(1), event(2)], tornTail: false, damagedLines: [] });
    expect(parseJournal('{"id":"x","type":"nonsense","at":"","session":1}\n').damagedLines).toEqual([1]);
  });

  it('loads after a kill cut the last line short at any byte, and the next writer cuts the torn part off', () => {
    const file = join(root, 'journal.jsonl');
    const whole = [event(1), event(2), event(3)].map((e) => `${JSON.stringify(e)}\n`).join('');
    const lastStart = whole.length - JSON.stringify(event(3)).length - 1;
    for (let cut = lastStart + 1; cut < whole.length - 1; cut++) {
      writeFileSync(file, whole);
      truncateSync(file, cut);
      const contents = readJournal(file);
      expect(contents.events).toEqual([event(1), event(2)]);
      expect(contents.tornTail).toBe(true);
      const writer = new JournalWriter(file);
      writer.append(event(4));
      writer.close();
      expect(readJournal(file)).toEqual({ events: [event(1), event(2), event(4)], tornTail: false, damagedLines: [] });
    }
  });

  it('appending beside a walk (tanggap log) never glues onto a torn line', () => {
    const file = join(root, 'journal.jsonl');
    writeFileSync(file, `${JSON.stringify(event(1))}\n{"id":"e2","at`);
    appendUnlocked(file, event(3));
    expect(readJournal(file)).toEqual({ events: [event(1), event(3)], tornTail: false, damagedLines: [2] });
  });

  it.runIf(process.platform === 'linux')('reports a full disk as one line and leaves no partial line', () => {
    const file = join(root, 'journal.jsonl');
    symlinkSync('/dev/full', file);
    const writer = new JournalWriter(file);
    expect(() => writer.append(event(1))).toThrowError(RecordError);
    try {
      writer.append(event(1));
    } catch (error) {
      expect((error as RecordError).key).toBe('disk-full');
      expect((error as RecordError).describe('id')).toBe(`disk penuh: tidak dapat menyimpan ${file}; kosongkan ruang lalu jalankan lagi (yang tersimpan terakhir tetap utuh)`);
    }
    writer.close();
  });
});

describe('writes', () => {
  it('replaces a file atomically and leaves no temporary file', () => {
    const file = join(root, 'answers.yaml');
    writeFileAtomic(file, 'old\n');
    writeFileAtomic(file, 'new\n');
    expect(readFileSync(file, 'utf8')).toBe('new\n');
    expect(readdirSync(root)).toEqual(['answers.yaml']);
  });

  it('keeps the old file and removes the temporary one when the write fails', () => {
    const target = join(root, 'drafts');
    mkdirSync(join(target, 'inside'), { recursive: true });
    expect(() => writeFileAtomic(target, 'text')).toThrowError(RecordError);
    expect(statSync(target).isDirectory()).toBe(true);
    expect(readdirSync(root)).toEqual(['drafts']);
  });

  it.each([
    ['ENOSPC', 'disk-full'],
    ['EDQUOT', 'disk-full'],
    ['EROFS', 'read-only'],
    ['EACCES', 'permission'],
    ['EPERM', 'permission'],
    ['EIO', 'storage-other'],
  ])('names %s as %s', (code, key) => {
    const error = storageError(Object.assign(new Error(code), { code }), '/x/journal.jsonl');
    expect(error.key).toBe(key);
    expect(error.exitCode).toBe(2);
    expect(error.message.split('\n')).toHaveLength(1);
  });
});

describe('incident record', () => {
  it('is created, appended to durably, and rebuilt the same on resume', () => {
    const record = IncidentRecord.create(join(root, 'incidents'), '2026-03-14', 'Banjir Desa Mekarsari', opened);
    record.append({ type: 'answer', key: 'incident.title', value: 'Banjir Desa Mekarsari' });
    record.appendMany([
      { type: 'answer', key: 'q.lokasi', value: 'Desa Mekarsari', auto: true },
      { type: 'answer', key: 'q.jumlah_pengungsi', unknown: true },
    ]);
    const { file } = record.writeDraft('holding-statement', 'id', '# Pernyataan\n');
    expect(file).toBe('drafts/holding-statement.id.md');
    record.close();

    const again = IncidentRecord.resume(record.dir);
    expect(again.session).toBe(2);
    expect(answerOf(again.state, 'q.lokasi')).toBe('Desa Mekarsari');
    expect(again.state.inputs.get('q.jumlah_pengungsi')?.unknown).toBe(true);
    expect(again.state.sessions.map((s) => s.session)).toEqual([1, 2]);
    again.close();
    expect(existsSync(join(record.dir, LOCK_FILE))).toBe(false);
  });

  it('notices a torn tail on resume and continues from the last whole line', () => {
    const record = IncidentRecord.create(root, '2026-03-14', 'Banjir', opened);
    record.append({ type: 'answer', key: 'incident.title', value: 'Banjir' });
    record.close();
    appendFileSync(join(record.dir, 'journal.jsonl'), '{"id":"torn","at":"2026-');
    const again = IncidentRecord.resume(record.dir);
    expect(again.notices.tornTail).toBe(true);
    again.append({ type: 'answer', key: 'incident.place', value: 'Desa Mekarsari' });
    again.close();
    const { state, notices } = readRecord(record.dir);
    expect(notices).toEqual({ tornTail: false, damagedLines: [] });
    expect(answerOf(state, 'incident.place')).toBe('Desa Mekarsari');
  });

  it('refuses a folder that is not an incident', () => {
    expect(() => IncidentRecord.resume(root)).toThrowError(/not a tanggap incident folder/);
    expect(() => readRecord(root)).toThrowError(RecordError);
  });

  it('takes log entries while the walk holds the lock', () => {
    const record = IncidentRecord.create(root, '2026-03-14', 'Banjir', opened);
    appendToRecord(record.dir, { type: 'log', kind: 'media', message: 'Berapa pengungsi?', outlet: 'Radar Sukamaju' });
    record.append({ type: 'answer', key: 'incident.title', value: 'Banjir' });
    record.close();
    const { state } = readRecord(record.dir);
    expect(state.logs.map((l) => l.outlet)).toEqual(['Radar Sukamaju']);
    expect(answerOf(state, 'incident.title')).toBe('Banjir');
  });
});

describe('lock', () => {
  let child: ChildProcess | undefined;
  afterEach(() => {
    if (child && child.exitCode === null) child.kill('SIGKILL');
    child = undefined;
  });

  /** Another process that takes the lock and holds it until killed. */
  async function holdInAnotherProcess(dir: string): Promise<ChildProcess> {
    const lockModule = resolve(REPO, 'dist', 'incident', 'lock.js');
    const script = `import(${JSON.stringify(lockModule)}).then((m) => { m.acquireLock(${JSON.stringify(dir)}); process.stdout.write('locked\\n'); setInterval(() => {}, 1000); });`;
    const proc = spawn(process.execPath, ['-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
    await new Promise<void>((ok, fail) => {
      proc.stdout!.on('data', (chunk: Buffer) => chunk.toString().includes('locked') && ok());
      proc.on('exit', (code) => fail(new Error(`lock holder exited ${code}`)));
    });
    return proc;
  }

  it('refuses a second process, naming the holder, and recovers the lock once that process is dead', async () => {
    child = await holdInAnotherProcess(root);
    let refusal: unknown;
    try {
      acquireLock(root);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(RecordError);
    expect((refusal as RecordError).key).toBe('locked');
    expect((refusal as RecordError).params).toMatchObject({ pid: child.pid, host: hostname() });

    const pid = child.pid;
    child.kill('SIGKILL');
    await new Promise((ok) => child!.once('exit', ok));
    const lock = acquireLock(root);
    expect(lock.recovered?.pid).toBe(pid);
    expect(JSON.parse(readFileSync(join(root, LOCK_FILE), 'utf8')).pid).toBe(process.pid);
    lock.release();
    expect(existsSync(join(root, LOCK_FILE))).toBe(false);
  });

  it('does not take over a lock held on another machine', () => {
    writeFileSync(join(root, LOCK_FILE), JSON.stringify({ pid: 1, host: 'laptop-humas-2', since: '2026-03-14T00:00:00.000Z' }));
    expect(() => acquireLock(root)).toThrowError(/laptop-humas-2/);
  });

  it('releases only its own lock', () => {
    const lock = acquireLock(root);
    writeFileSync(join(root, LOCK_FILE), JSON.stringify({ pid: 1, host: 'other', since: 'x' }));
    lock.release();
    expect(existsSync(join(root, LOCK_FILE))).toBe(true);
  });
});
