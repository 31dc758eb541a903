/** `tanggap check` end to end: the built binary in a temporary folder, as an officer runs it. */
import { copyFileSync, cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tanggap, tempDir } from '../helpers/cli.js';
import { CORPUS, FIXTURES } from './helpers.js';

let dir: string;
let cleanup: () => void;

const GOOD_HOLDING = join(CORPUS, 'id-holding-banjir-baik.md');
const GOOD_RELEASE = join(CORPUS, 'en-release-shelters-good.md');
const FLAWED_HOLDING = join(CORPUS, 'id-holding-isian.md');

beforeAll(() => {
  ({ dir, cleanup } = tempDir('tanggap-check-'));
  copyFileSync(GOOD_HOLDING, join(dir, 'pernyataan-awal.md'));
  copyFileSync(GOOD_RELEASE, join(dir, 'release.md'));
  copyFileSync(FLAWED_HOLDING, join(dir, 'draf.md'));
  writeFileSync(join(dir, 'spekulasi.md'), 'Penyebab kebakaran diduga kuat korsleting listrik di blok B pasar.\n');
  cpSync(join(FIXTURES, '_shared'), join(dir, 'shared'), { recursive: true });
  writeFileSync(
    join(dir, 'pembaruan.md'),
    '# Pembaruan Informasi Banjir (Pembaruan ke-2)\n\nData sementara per pukul 09.00 WIB: korban meninggal dunia tercatat 12 orang.\n\nTim gabungan terus melakukan pencarian. Informasi lebih lanjut: hotline 112. Pembaruan berikutnya pukul 12.00 WIB.\n',
  );
});
afterAll(() => cleanup());

describe('tanggap check', () => {
  it('passes a well-formed statement: exit 0, and says what it detected on stderr', () => {
    const r = tanggap(['check', 'pernyataan-awal.md'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('detected: holding statement, Indonesian');
    expect(r.stderr).toContain('1 statement(s) checked, no findings');
  });

  it('says what it detected in the interface language', () => {
    const r = tanggap(['check', 'release.md'], { cwd: dir, env: { TANGGAP_LANG: 'id' } });
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('deteksi: jenis siaran pers, bahasa Inggris');
    const id = tanggap(['check', 'pernyataan-awal.md'], { cwd: dir, env: { TANGGAP_LANG: 'id' } });
    expect(id.stderr).toContain('deteksi: jenis pernyataan awal, bahasa Indonesia');
  });

  it('names only what it detected when the kind or the language is given', () => {
    const r = tanggap(['check', '--kind', 'holding', 'pernyataan-awal.md'], { cwd: dir });
    expect(r.stderr).toContain('detected: Indonesian');
    expect(r.stderr).not.toContain('holding statement');
    const both = tanggap(['check', '--kind', 'holding', '-l', 'id', 'pernyataan-awal.md'], { cwd: dir });
    expect(both.stderr).not.toContain('detected');
  });

  it('exits 1 on an error-level finding and prints it with file, position, rule and suggestion', () => {
    const r = tanggap(['check', 'draf.md'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('draf.md');
    expect(r.stdout).toMatch(/\n\s+\d+:\d+\s+error\s+fact not filled in: \[\[BELUM ADA: korban_meninggal\]\] \(Isi fakta ini.*unfilled-fact/);
    expect(r.stdout).toMatch(/error\s+"\.\.\." stands where a fact is missing/);
    expect(r.stdout).toMatch(/✖ \d+ problems? \(\d+ errors?, \d+ warnings?\)/);
  });

  it('exits 0 when there are only warnings', () => {
    const r = tanggap(['check', '--kind', 'holding', '--lang', 'id', 'spekulasi.md'], { cwd: dir });
    const plain = tanggap(['check', '-k', 'update', '-l', 'id', 'spekulasi.md'], { cwd: dir });
    expect(plain.stdout).toContain('speculation');
    expect(plain.status).toBe(1); // an update without its parts is an error
    const warnOnly = tanggap(['check', '-l', 'id', 'spekulasi.md'], { cwd: dir });
    expect(warnOnly.stdout).toContain('warning');
    expect(warnOnly.stdout).toContain('speculation');
    expect(warnOnly.status).toBe(0);
    expect(r.status).not.toBe(2);
  });

  it('writes JSON in the lint format', () => {
    const r = tanggap(['check', '--format', 'json', 'draf.md', 'pernyataan-awal.md'], { cwd: dir });
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string; messageId: string; severity: number; line: number; suggestion?: string }[]; errorCount: number }[];
    expect(report.map((f) => f.filePath.endsWith('draf.md') || f.filePath.endsWith('pernyataan-awal.md'))).toEqual([true, true]);
    const draft = report.find((f) => f.filePath.endsWith('draf.md'))!;
    expect(draft.messages.some((m) => m.ruleId === 'unfilled-fact' && m.messageId === 'marker' && m.severity === 2 && m.line > 0 && m.suggestion)).toBe(true);
    expect(report.find((f) => f.filePath.endsWith('pernyataan-awal.md'))!.messages).toEqual([]);
    expect(r.stderr).toContain('draf.md: detected');
    expect(r.stderr).toContain('pernyataan-awal.md: detected');
  });

  it('writes SARIF with the rules and their doc pages', () => {
    const r = tanggap(['check', '-f', 'sarif', 'draf.md'], { cwd: dir });
    expect(r.status).toBe(1);
    const sarif = JSON.parse(r.stdout) as { version: string; runs: { tool: { driver: { rules: { id: string; helpUri?: string }[] } }; results: { ruleId: string; level: string }[] }[] };
    expect(sarif.version).toBe('2.1.0');
    const rules = sarif.runs[0].tool.driver.rules;
    expect(rules.find((x) => x.id === 'unfilled-fact')?.helpUri).toMatch(/docs\/check-rules\/unfilled-fact\.md$/);
    expect(sarif.runs[0].results.some((x) => x.ruleId === 'unfilled-fact' && x.level === 'error')).toBe(true);
  });

  it('writes GitHub annotations', () => {
    const r = tanggap(['check', '-f', 'github', 'draf.md'], { cwd: dir });
    expect(r.stdout).toMatch(/^::error file=draf\.md,line=\d+,col=\d+,endLine=\d+,endColumn=\d+,title=tanggap unfilled-fact::/m);
  });

  it('writes the report to a file with -o and still shows stylish on the terminal', () => {
    const r = tanggap(['check', '-f', 'sarif', '-o', 'check.sarif', 'draf.md'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(JSON.parse(readFileSync(join(dir, 'check.sarif'), 'utf8')).version).toBe('2.1.0');
    expect(r.stdout).toContain('unfilled-fact');
    expect(r.stderr).toContain('sarif report written to check.sarif');
  });

  it('compares figures with an incident\'s recorded facts', () => {
    const r = tanggap(['check', '--incident', 'shared/incident', 'pembaruan.md'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/the figure 12 contradicts the recorded fact korban_meninggal: 14.*figure-mismatch/);
    expect(tanggap(['check', 'pembaruan.md'], { cwd: dir }).stdout).not.toContain('figure-mismatch');
  });

  it('flags the playbook\'s phrases to avoid', () => {
    writeFileSync(join(dir, 'hindari.md'), 'Bupati menegaskan situasi terkendali.\n');
    const r = tanggap(['check', '-l', 'id', '--playbook', 'shared/banjir-uji.playbook.yaml', 'hindari.md'], { cwd: dir });
    expect(r.stdout).toContain('playbook-avoid');
    expect(r.status).toBe(0);
  });

  it('reads a statement from stdin with "-"', () => {
    const r = tanggap(['check', '-'], { cwd: dir, input: 'Kami jamin air PDAM 100% aman diminum.\n' });
    expect(r.stdout).toContain('<stdin>');
    expect(r.stdout).toContain('absolute-promise');
  });

  it('exits 2 with one clear line on bad input, never a stack trace', () => {
    const missing = tanggap(['check', 'tidak-ada.md'], { cwd: dir });
    expect(missing.status).toBe(2);
    expect(missing.stderr).toBe('tanggap: tidak-ada.md: file not found\n');

    const folder = tanggap(['check', 'shared'], { cwd: dir });
    expect(folder.status).toBe(2);
    expect(folder.stderr).toContain('is a folder');

    writeFileSync(join(dir, 'rusak.md'), Buffer.from([0x41, 0x0a, 0x42, 0xff, 0x43]));
    const bytes = tanggap(['check', 'rusak.md'], { cwd: dir });
    expect(bytes.status).toBe(2);
    expect(bytes.stderr).toContain('rusak.md:2:2: the file is not UTF-8');

    const kind = tanggap(['check', '--kind', 'memo', 'draf.md'], { cwd: dir });
    expect(kind.status).toBe(2);
    expect(kind.stderr).toContain("'memo'");

    const noIncident = tanggap(['check', '--incident', 'shared', 'draf.md'], { cwd: dir });
    expect(noIncident.status).toBe(2);
    expect(noIncident.stderr).toContain('no answers.yaml');

    const noPlaybook = tanggap(['check', '--playbook', 'tidak-ada-playbook', 'draf.md'], { cwd: dir });
    expect(noPlaybook.status).toBe(2);
    expect(noPlaybook.stderr).toContain('no playbook named "tidak-ada-playbook"');

    for (const r of [missing, folder, bytes, noIncident, noPlaybook]) expect(r.stderr).not.toMatch(/\n\s+at /);
    expect(existsSync(join(dir, 'shared'))).toBe(true);
  });

  it('checks the SMS length on the sms channel', () => {
    mkdirSync(join(dir, 'sms'), { recursive: true });
    writeFileSync(join(dir, 'sms', 'sms.txt'), `Info BPBD Sukamaju: ${'banjir di Kec. Cibeber, segera mengungsi. '.repeat(5)}Darurat: 112\n`);
    const r = tanggap(['check', '--channel', 'sms', 'sms/sms.txt'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/sent as \d SMS segments.*channel-limit/);
    expect(r.stderr).toContain('detected: SMS');
  });
});
