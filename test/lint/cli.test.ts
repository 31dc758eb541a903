/** `tanggap lint` as CI runs it: config, suppressions, ignore file, formats, exit codes, extends positions. */
import { cpSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { tanggap, tempDir } from '../helpers/cli.js';

const BASE = resolve(import.meta.dirname, '..', 'fixtures', 'lint', '_base');
let dir: string;
let cleanup: () => void;

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  cpSync(BASE, join(dir, 'playbooks'), { recursive: true });
  writeFileSync(join(dir, '.tanggaprc.yaml'), 'rules: {}\n');
});
afterEach(() => cleanup());

const office = (body: string) =>
  writeFileSync(join(dir, 'playbooks', 'kantor.playbook.yaml'), `version: 1\nid: kantor\nextends: fixture-base\ntitle: { id: Kantor, en: Office }\n${body}`);

describe('tanggap lint in a repository', () => {
  it('a clean repository exits 0', () => {
    office('');
    const r = tanggap(['lint'], { cwd: dir });
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('');
    expect(r.stderr).toContain('2 playbook(s) checked, no findings');
  });

  it('reports findings of an extending playbook in the file that wrote them', () => {
    office('stages:\n  - id: respond\n    steps:\n      - id: pernyataan-awal\n        owner: juru-bicar\n');
    const r = tanggap(['lint', '--format', 'json'], { cwd: dir });
    expect(r.status).toBe(1);
    const report = JSON.parse(r.stdout) as { filePath: string; messages: { ruleId: string; line: number; column: number }[] }[];
    const kantor = report.find((f) => f.filePath.endsWith('kantor.playbook.yaml'))!;
    expect(kantor.messages).toEqual([expect.objectContaining({ ruleId: 'unknown-reference', line: 9, column: 16 })]);
    expect(report.find((f) => f.filePath.endsWith('base.playbook.yaml'))!.messages).toEqual([]);
  });

  it('severities from .tanggaprc.yaml turn a rule off or down to a warning', () => {
    office('questions:\n  - { id: tak_terpakai, type: text, prompt: { id: Tidak dipakai, en: Unused } }\n');
    expect(tanggap(['lint'], { cwd: dir }).status).toBe(0); // warnings only
    expect(tanggap(['lint', '--max-warnings', '0'], { cwd: dir }).status).toBe(1);
    writeFileSync(join(dir, '.tanggaprc.yaml'), 'rules:\n  unused-question: off\n  unasked-question: off\n');
    const r = tanggap(['lint', '--max-warnings', '0'], { cwd: dir });
    expect(r.status).toBe(0);
  });

  it('an unknown rule in the config is a usage error with its position', () => {
    writeFileSync(join(dir, '.tanggaprc.yaml'), 'rules:\n  unused-questoin: off\n');
    const r = tanggap(['lint'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/\.tanggaprc\.yaml:2:3: unknown rule "unused-questoin"; did you mean "unused-question"\?/);
  });

  it('inline suppression names the rule and silences only the next line', () => {
    office('stages:\n  - id: respond\n    steps:\n      - id: pernyataan-awal\n        # tanggap-disable-next-line unknown-reference -- role is added next week\n        owner: juru-bicar\n');
    expect(tanggap(['lint'], { cwd: dir }).status).toBe(0);
    office('stages:\n  - id: respond\n    steps:\n      - id: pernyataan-awal\n        # tanggap-disable-next-line deadline-order -- wrong rule\n        owner: juru-bicar\n');
    expect(tanggap(['lint'], { cwd: dir }).status).toBe(1);
  });

  it('--generate-ignore records today\'s findings so the next run is clean, and new findings still fail', () => {
    office('stages:\n  - id: respond\n    steps:\n      - id: pernyataan-awal\n        owner: juru-bicar\n');
    const g = tanggap(['lint', '--generate-ignore'], { cwd: dir });
    expect(g.status).toBe(0);
    expect(readFileSync(join(dir, '.tanggapignore.yaml'), 'utf8')).toContain('rule: unknown-reference');
    expect(tanggap(['lint'], { cwd: dir }).status).toBe(0);
    office('stages:\n  - id: respond\n    steps:\n      - id: pernyataan-awal\n        owner: juru-bicar\n        deadline: 2h\n');
    expect(tanggap(['lint'], { cwd: dir }).status).toBe(1);
  });

  it('writes SARIF to a file and stylish to the terminal in one run', () => {
    office('stages:\n  - id: respond\n    steps:\n      - id: pernyataan-awal\n        owner: juru-bicar\n');
    const r = tanggap(['lint', '--format', 'sarif', '--output-file', 'out.sarif'], { cwd: dir });
    expect(r.status).toBe(1);
    expect(r.stdout).toContain('unknown-reference');
    const log = JSON.parse(readFileSync(join(dir, 'out.sarif'), 'utf8'));
    expect(log.version).toBe('2.1.0');
    expect(log.runs[0].results[0].locations[0].physicalLocation.artifactLocation.uri).toBe('playbooks/kantor.playbook.yaml');
  });

  it('github format prints annotations', () => {
    office('stages:\n  - id: respond\n    steps:\n      - id: pernyataan-awal\n        owner: juru-bicar\n');
    const r = tanggap(['lint', '--format', 'github'], { cwd: dir });
    expect(r.stdout).toMatch(/^::error file=playbooks\/kantor\.playbook\.yaml,line=9,col=16,/m);
  });

  it('colour only when asked for, never in JSON', () => {
    office('stages:\n  - id: respond\n    steps:\n      - id: pernyataan-awal\n        owner: juru-bicar\n');
    const env = { FORCE_COLOR: '1', NO_COLOR: '' };
    expect(tanggap(['lint'], { cwd: dir, env }).stdout).toContain('\u001b[');
    expect(tanggap(['lint', '--no-color'], { cwd: dir, env }).stdout).not.toContain('\u001b[');
    expect(tanggap(['lint', '--format', 'json'], { cwd: dir, env }).stdout).not.toContain('\u001b[');
  });

  it('messages follow --lang', () => {
    office('');
    expect(tanggap(['lint', '--lang', 'id'], { cwd: dir }).stderr).toContain('tidak ada temuan');
  });

  it('findings, suggestions and the summary follow --lang', () => {
    office('titel: Kantor\n');
    const id = tanggap(['--lang', 'id', 'lint'], { cwd: dir });
    expect(id.status).toBe(1);
    expect(id.stdout).toContain('kunci "titel" tidak dikenal; mungkin maksud Anda "title"?');
    expect(id.stdout).toContain('✖ 1 masalah (1 kesalahan, 0 peringatan)');
    const en = tanggap(['--lang', 'en', 'lint'], { cwd: dir });
    expect(en.stdout).toContain('unknown key "titel"; did you mean "title"?');
    expect(en.stdout).toContain('✖ 1 problem (1 error, 0 warnings)');
    office('stages:\n  - id: respond\n    steps:\n      - id: pernyataan-awal\n        owner: juru-bicar\n');
    const json = JSON.parse(tanggap(['lint', '--format', 'json'], { cwd: dir, env: { TANGGAP_LANG: 'id' } }).stdout) as { messages: { messageId: string; message: string; suggestion?: string }[] }[];
    expect(json.flatMap((r) => r.messages)).toEqual([
      expect.objectContaining({ messageId: 'unknown-role', message: 'tidak ada peran dengan id "juru-bicar"', suggestion: 'mungkin maksud Anda "juru-bicara"?' }),
    ]);
  });

  it('configuration errors follow --lang', () => {
    writeFileSync(join(dir, '.tanggaprc.yaml'), 'rules:\n  unused-questoin: off\n');
    const r = tanggap(['--lang', 'id', 'lint'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/\.tanggaprc\.yaml:2:3: aturan "unused-questoin" tidak dikenal; mungkin maksud Anda "unused-question"\?/);
    writeFileSync(join(dir, '.tanggaprc.yaml'), 'firstStatementWithin: 45 menit\n');
    expect(tanggap(['--lang', 'id', 'lint'], { cwd: dir }).stderr).toContain('"firstStatementWithin" harus berupa durasi seperti 45m, 1h atau 1h30m');
    writeFileSync(join(dir, '.tanggaprc.yaml'), 'rules: {}\n');
    expect(tanggap(['--lang', 'id', 'lint', 'tidak-ada'], { cwd: dir }).stderr).toContain('tidak-ada: berkas atau folder tidak ada');
  });

  it('an ignore file generated in one language keeps working in the other', () => {
    office('stages:\n  - id: respond\n    steps:\n      - id: pernyataan-awal\n        owner: juru-bicar\n');
    expect(tanggap(['--lang', 'en', 'lint', '--generate-ignore'], { cwd: dir }).status).toBe(0);
    expect(readFileSync(join(dir, '.tanggapignore.yaml'), 'utf8')).toContain('message: no role with id "juru-bicar"');
    expect(tanggap(['--lang', 'id', 'lint'], { cwd: dir }).status).toBe(0);
  });

  it('SARIF fingerprints are the same whatever the language', () => {
    office('stages:\n  - id: respond\n    steps:\n      - id: pernyataan-awal\n        owner: juru-bicar\n');
    const fingerprints = (lang: string) => {
      tanggap(['--lang', lang, 'lint', '--format', 'sarif', '--output-file', `${lang}.sarif`], { cwd: dir });
      const log = JSON.parse(readFileSync(join(dir, `${lang}.sarif`), 'utf8')) as { runs: { results: { message: { text: string }; partialFingerprints: Record<string, string> }[] }[] };
      return log.runs[0].results;
    };
    const [id, en] = [fingerprints('id'), fingerprints('en')];
    expect(id.map((r) => r.partialFingerprints)).toEqual(en.map((r) => r.partialFingerprints));
    expect(id[0].message.text).not.toBe(en[0].message.text);
  });

  it('an empty folder is a usage error', () => {
    mkdirSync(join(dir, 'kosong'));
    const r = tanggap(['lint', 'kosong'], { cwd: dir });
    expect(r.status).toBe(2);
    expect(existsSync(join(dir, 'kosong'))).toBe(true);
  });
});
