import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { REPO, tanggap, tempDir } from '../helpers/cli.js';
import { FIXTURE_ANSWERS, FLOW_FIXTURES } from './support.js';

let dir: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir, cleanup } = tempDir('tanggap-respond-'));
});
afterEach(() => cleanup());

const env = () => ({ XDG_CONFIG_HOME: join(dir, 'config') });
const run = (args: string[], extra: Record<string, string> = {}) => tanggap(args, { cwd: dir, env: { ...env(), ...extra } });
const RECORD = 'incidents/2026-03-14-banjir-desa-mekarsari';
const respondFixture = (...more: string[]) => run(['respond', 'banjir-sukamaju', '--playbooks', FLOW_FIXTURES, '--answers', FIXTURE_ANSWERS, ...more]);

describe('tanggap respond --answers', () => {
  it('creates the record and the drafts without asking, and says where they are', () => {
    const result = respondFixture();
    expect(result.stderr).not.toContain('tanggap:');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Incident record: ${RECORD}`);
    expect(result.stdout).toContain('holding-statement.en.md (unsigned)');
    expect(result.stderr).toContain('Level 3 — Crisis');
    const draft = readFileSync(join(dir, RECORD, 'drafts', 'holding-statement.en.md'), 'utf8');
    expect(draft).toContain('1,250 residents have been evacuated');
    const snapshot = parse(readFileSync(join(dir, RECORD, 'answers.yaml'), 'utf8'));
    expect(snapshot.incident).toMatchObject({ title: 'Banjir Desa Mekarsari', timezone: 'WITA', start: '2026-03-14T04:40:00+08:00' });
    expect(readdirSync(join(dir, RECORD)).sort()).toEqual(['answers.yaml', 'drafts', 'journal.jsonl']);
    // Nothing was remembered from a file: the officer's own settings stay as they were.
    expect(existsSync(join(dir, 'config'))).toBe(false);
  });

  it('speaks Indonesian by default', () => {
    const result = tanggap(['respond', 'banjir-sukamaju', '--playbooks', FLOW_FIXTURES, '--answers', FIXTURE_ANSWERS], { cwd: dir, env: { ...env(), TANGGAP_LANG: '', LANG: 'C' } });
    expect(result.status).toBe(0);
    expect(result.stdout).toContain(`Catatan insiden: ${RECORD}`);
    expect(result.stderr).toContain('Tingkat 3 — Krisis');
  });

  it('exits 2 naming the missing required answer, and keeps the record for resume', () => {
    const answers = parse(readFileSync(FIXTURE_ANSWERS, 'utf8'));
    delete answers.answers.lokasi;
    writeFileSync(join(dir, 'partial.answers.yaml'), stringify(answers));
    const result = run(['respond', 'banjir-sukamaju', '--playbooks', FLOW_FIXTURES, '--answers', 'partial.answers.yaml']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('missing required answer: lokasi ("Affected villages or districts")');
    expect(result.stderr).toContain(`tanggap resume ${RECORD}`);
    expect(result.stderr.trim().split('\n').filter((l) => l.startsWith('tanggap:'))).toHaveLength(1);
    expect(existsSync(join(dir, RECORD, 'journal.jsonl'))).toBe(true);
    // Without a terminal, resume cannot ask either: the same clear error.
    const again = run(['resume', RECORD, '--playbooks', FLOW_FIXTURES]);
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('missing required answer: lokasi');
  });

  it('never prompts without a terminal: exit 2 before anything is created', () => {
    const result = run(['respond', 'banjir-sukamaju', '--playbooks', FLOW_FIXTURES], { CI: '' });
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('missing required answer: incident.title');
    expect(existsSync(join(dir, 'incidents'))).toBe(false);
  });

  it('reports a bad answer with its file, line and column', () => {
    const text = readFileSync(FIXTURE_ANSWERS, 'utf8').replace('jumlah_pengungsi: 1250', 'jumlah_pengungsi: -3');
    writeFileSync(join(dir, 'bad.answers.yaml'), text);
    const result = run(['respond', 'banjir-sukamaju', '--playbooks', FLOW_FIXTURES, '--answers', 'bad.answers.yaml']);
    expect(result.status).toBe(2);
    const line = text.split('\n').findIndex((l) => l.includes('jumlah_pengungsi: -3')) + 1;
    expect(result.stderr).toContain(`bad.answers.yaml:${line}:21: jumlah_pengungsi: must be at least 0`);
  });

  it('names an unknown playbook and the ones available', () => {
    const result = run(['respond', 'banjir-x', '--playbooks', FLOW_FIXTURES, '--answers', FIXTURE_ANSWERS]);
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/no playbook named "banjir-x"; available: .*banjir-sukamaju/);
  });

  it('runs the README\'s command on the built-in disaster playbook and writes real drafts', () => {
    const result = run(['respond', 'disaster', '--answers', join(REPO, 'examples', 'disaster.answers.yaml')]);
    expect(result.stderr).not.toMatch(/tanggap:|✗/);
    expect(result.status).toBe(0);
    const incident = join(dir, 'incidents', readdirSync(join(dir, 'incidents'))[0]);
    // The drafts are in the interface language (English in these tests).
    const drafts = readdirSync(join(incident, 'drafts'));
    expect(drafts).toEqual(expect.arrayContaining(['holding-statement.en.md', 'press-release.en.md']));
    const release = readFileSync(join(incident, 'drafts', 'press-release.en.md'), 'utf8');
    expect(release).toContain('PRESS RELEASE');
    expect(release).toContain('Cikaret');
    expect(release).not.toMatch(/\[\[MISSING/);
  });
});

describe('tanggap status, log and resume', () => {
  it('reports overdue steps, the next update, progress, unsigned drafts and missing facts as JSON', () => {
    expect(respondFixture().status).toBe(0);
    const logged = run(['log', RECORD, '--kind', 'media', '-m', 'Berapa jumlah pengungsi terbaru?', '--outlet', 'Radar Sukamaju', '--journalist', 'Dewi Anggraini', '--due', '2030-01-01 15:00', '--by', 'Yusuf']);
    expect(logged.status).toBe(0);
    expect(logged.stdout).toMatch(/^Logged: media enquiry at \d{1,2}:\d\d [ap]m WITA\n$/);
    expect(run(['log', RECORD, '--kind', 'decision', '-m', 'Posko informasi dibuka di pendopo']).status).toBe(0);

    const result = run(['status', RECORD, '--json', '--playbooks', FLOW_FIXTURES]);
    expect(result.status).toBe(0);
    const status = JSON.parse(result.stdout);
    expect(status).toMatchObject({ title: 'Banjir Desa Mekarsari', timezone: 'WITA', level: { level: 3, name: 'Crisis' }, strategy: { primary: 'instruct' }, openBy: null });
    // The incident began in 2026-03 at 04.40 WITA: by now every applicable step is overdue.
    // The review (3.1) took the playbook's default answer and has no checklist: done, not overdue.
    expect(status.overdue.map((s: { number: string }) => s.number)).toEqual(['1.1', '2.1', '2.2', '4.1']);
    expect(status.nextUpdate).toMatchObject({ kind: 'first-statement', due: '2026-03-13T21:40:00.000Z' });
    expect(status.stages).toEqual([
      { stage: 'recognize', total: 1, done: 0, open: 1, skipped: 0, notStarted: 0 },
      { stage: 'respond', total: 2, done: 0, open: 2, skipped: 1, notStarted: 0 },
      { stage: 'apologize', total: 1, done: 1, open: 0, skipped: 1, notStarted: 0 },
      { stage: 'repair', total: 1, done: 0, open: 1, skipped: 0, notStarted: 0 },
    ]);
    expect(status.unsigned).toEqual([{ template: 'holding-statement', lang: 'en', file: 'drafts/holding-statement.en.md', reason: 'never' }]);
    expect(status.missing.map((m: { fact: string }) => m.fact)).toEqual(['waktu_surut']);
    expect(status.media).toEqual([
      expect.objectContaining({ outlet: 'Radar Sukamaju', journalist: 'Dewi Anggraini', by: 'Yusuf', due: '2030-01-01T15:00:00+08:00', overdue: false }),
    ]);
    expect(status.timeline.map((e: { type: string }) => e.type)).toEqual(expect.arrayContaining(['opened', 'triage', 'draft', 'log']));

    const text = run(['status', RECORD, '--playbooks', FLOW_FIXTURES]);
    expect(text.status).toBe(0);
    expect(text.stdout).toContain('Banjir Desa Mekarsari — level 3 · Crisis');
    expect(text.stdout.replace(/\s+/g, ' ')).toMatch(/✗ \[1\.1\] Verify with the disaster agency — Public Relations Officer · by Sat 14 Mar, 4:55 am WITA · overdue by/);
    expect(text.stdout).toContain('drafts/holding-statement.en.md — not signed off');
    expect(text.stdout).toContain('Radar Sukamaju (Dewi Anggraini): Berapa jumlah pengungsi terbaru?');
    expect(text.stdout).not.toMatch(/\x1b\[/);
  });

  it('resume without a terminal walks on where the record stopped', () => {
    expect(respondFixture().status).toBe(0);
    const result = run(['resume', RECORD, '--yes', '--playbooks', FLOW_FIXTURES]);
    expect(result.stderr).not.toContain('tanggap:');
    expect(result.status).toBe(0);
    expect(result.stderr).toContain('Resuming "Banjir Desa Mekarsari" — level 3, 1/7 steps done');
    const status = JSON.parse(run(['status', RECORD, '--json', '--playbooks', FLOW_FIXTURES]).stdout);
    expect(status.stages.map((s: { open: number }) => s.open)).toEqual([0, 0, 0, 0]);
  });

  it('log refuses a missing message, a bad time and a folder that is not an incident', () => {
    expect(respondFixture().status).toBe(0);
    expect(run(['log', RECORD, '--kind', 'note']).stderr).toContain('give the entry with -m');
    const due = run(['log', RECORD, '--kind', 'media', '-m', 'x', '--due', 'besok']);
    expect(due.status).toBe(2);
    expect(due.stderr).toContain('--due "besok" is not a time');
    mkdirSync(join(dir, 'elsewhere'));
    const elsewhere = run(['log', 'elsewhere', '-m', 'x']);
    expect(elsewhere.status).toBe(2);
    expect(elsewhere.stderr).toBe('tanggap: elsewhere is not a tanggap incident folder (no journal.jsonl)\n');
    expect(run(['status', 'elsewhere']).status).toBe(2);
  });
});

describe('storage failures', () => {
  it.runIf(process.platform === 'linux')('an unwritable folder is one line and exit 2', () => {
    const result = run(['respond', 'banjir-sukamaju', '--playbooks', FLOW_FIXTURES, '--answers', FIXTURE_ANSWERS, '--dir', '/sys/tanggap-incidents']);
    expect(result.status).toBe(2);
    expect(result.stderr).toBe('tanggap: permission denied: cannot write /sys/tanggap-incidents (the last saved state is intact)\n');
  });

  it('a full disk and a read-only disk: one line, exit 2, the saved record intact', (ctx) => {
    // A small tmpfs stands in for a full disk; mounting needs root on Linux, elsewhere this is skipped.
    const mount = join(dir, 'disk');
    mkdirSync(mount);
    try {
      if (process.platform !== 'linux' || process.getuid?.() !== 0) throw new Error('not root');
      execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=256k', 'tmpfs', mount], { stdio: 'ignore' });
    } catch {
      ctx.skip();
      return;
    }
    try {
      const made = run(['respond', 'banjir-sukamaju', '--playbooks', FLOW_FIXTURES, '--answers', FIXTURE_ANSWERS, '--dir', mount]);
      expect(made.status).toBe(0);
      const record = join(mount, readdirSync(mount)[0]);
      const journal = readFileSync(join(record, 'journal.jsonl'), 'utf8');
      // Fill the disk.
      try {
        writeFileSync(join(mount, 'filler'), Buffer.alloc(1024 * 1024));
      } catch {
        // ENOSPC once it is full: that is the point
      }
      // Longer than the slack in the journal's last page, so the append needs space the disk lacks.
      const log = run(['log', record, '-m', 'Catatan '.repeat(1000)]);
      expect(log.status).toBe(2);
      expect(log.stderr).toBe(`tanggap: disk full: cannot save ${join(record, 'journal.jsonl')}; free some space and run again (the last saved state is intact)\n`);
      const resume = run(['resume', record, '--playbooks', FLOW_FIXTURES]);
      expect(resume.status).toBe(2);
      expect(resume.stderr).toMatch(/^tanggap: disk full: cannot save .*\n$/);
      // Whatever the journal held is still there, whole.
      const after = readFileSync(join(record, 'journal.jsonl'), 'utf8');
      expect(after.startsWith(journal)).toBe(true);
      expect(after.endsWith('\n')).toBe(true);
      expect(readdirSync(record).filter((f) => f.endsWith('.tmp'))).toEqual([]);

      execFileSync('mount', ['-o', 'remount,ro', mount]);
      const readOnly = run(['log', record, '-m', 'Catatan '.repeat(1000)]);
      expect(readOnly.status).toBe(2);
      expect(readOnly.stderr).toBe(`tanggap: read-only storage: cannot write ${join(record, 'journal.jsonl')} (the last saved state is intact)\n`);
      expect(run(['status', record, '--playbooks', FLOW_FIXTURES]).status).toBe(0);
    } finally {
      execFileSync('umount', [mount]);
    }
  });
});
