/** Hostile and broken input: a finding or a one-line error, the documented exit code, never a stack trace or a hang. */
import { chmodSync, mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tanggap, tempDir } from '../helpers/cli.js';

let dir: string;
let cleanup: () => void;
beforeAll(() => ({ dir, cleanup } = tempDir()));
afterAll(() => cleanup());

function lintJson(name: string, content: string | Buffer) {
  writeFileSync(join(dir, name), content);
  const result = tanggap(['lint', '--format', 'json', name], { cwd: dir });
  expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  const report = JSON.parse(result.stdout) as { filePath: string; messages: { ruleId: string; messageId: string; message: string; line: number; column: number }[] }[];
  return { status: result.status, messages: report.flatMap((r) => r.messages) };
}

const cases: [string, string | Buffer, string, string][] = [
  ['alias bomb', 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: [*d,*d,*d,*d,*d,*d,*d,*d,*d]\n', 'parse-error', 'limit'],
  ['__proto__ key', 'version: 1\n__proto__: { polluted: true }\n', 'parse-error', 'forbidden-key'],
  ['constructor key', 'version: 1\nconstructor: { prototype: 1 }\n', 'parse-error', 'forbidden-key'],
  ['tab indentation', 'title:\n\tid: x\n', 'parse-error', 'tab-as-indent'],
  ['invalid UTF-8', Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xff, 0xfe, 0x0a]), 'parse-error', 'invalid-utf8'],
  ['empty file', '', 'parse-error', 'empty'],
  ['several documents', 'id: a\n---\nid: b\n', 'parse-error', 'multiple-documents'],
  ['a scalar where a mapping belongs', 'hello\n', 'schema', 'not-a-mapping'],
  ['a list where a mapping belongs', '- a\n- b\n', 'schema', 'not-a-mapping'],
  ['a list in a mapping slot', 'version: 1\nscct: [victim]\n', 'schema', 'wrong-type'],
  ['duplicate keys', 'id: a\nid: b\n', 'parse-error', 'duplicate-key'],
  ['a 20 MB file', `x: "${'a'.repeat(20 * 1024 * 1024)}"\n`, 'parse-error', 'too-large'],
  ['20,000-deep nesting', `${'['.repeat(20_000)}${']'.repeat(20_000)}\n`, 'parse-error', 'limit'],
];

describe('bad playbook input becomes a finding', () => {
  cases.forEach(([label, content, ruleId, messageId], i) => {
    it(label, () => {
      const { status, messages } = lintJson(`case${i}.playbook.yaml`, content);
      expect(status).toBe(1);
      expect(messages.map((m) => `${m.ruleId}/${m.messageId}`)).toContain(`${ruleId}/${messageId}`);
      for (const m of messages) expect(m.line).toBeGreaterThanOrEqual(1);
    });
  });

  it('BOM and CRLF are accepted (and positions still count lines)', () => {
    const { messages } = lintJson('bom.playbook.yaml', '\ufeffversion: 1\r\nid: bom\r\ntitel: x\r\n');
    const unknown = messages.find((m) => m.messageId === 'unknown-key');
    expect(unknown).toMatchObject({ line: 3, column: 1 });
    expect(messages.some((m) => m.ruleId === 'parse-error')).toBe(false);
  });

  it('prototype keys never pollute objects', () => {
    lintJson('proto.playbook.yaml', 'version: 1\n__proto__: { polluted: true }\n');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('an unreadable file (a FIFO, which would block a naive read) is a finding, not a hang', () => {
    execFileSync('mkfifo', [join(dir, 'pipe.playbook.yaml')]);
    const result = tanggap(['lint', '--format', 'json', 'pipe.playbook.yaml'], { cwd: dir, timeout: 20_000 });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('not-a-file');
  });

  it('a file without read permission is a finding (when not running as root)', () => {
    const file = join(dir, 'locked.playbook.yaml');
    writeFileSync(file, 'version: 1\n');
    chmodSync(file, 0o000);
    const result = tanggap(['lint', '--format', 'json', 'locked.playbook.yaml'], { cwd: dir });
    chmodSync(file, 0o644);
    expect(result.status).toBe(1);
    // root can read any file, so there the content itself is linted
    expect(result.stdout).toContain(process.getuid?.() === 0 ? '"schema"' : 'permission denied');
  });

  it('a symbolic link loop is a finding', () => {
    symlinkSync('loop-b.playbook.yaml', join(dir, 'loop-a.playbook.yaml'));
    symlinkSync('loop-a.playbook.yaml', join(dir, 'loop-b.playbook.yaml'));
    const result = tanggap(['lint', '--format', 'json', 'loop-a.playbook.yaml'], { cwd: dir });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('symbolic link loop');
  });

  it('a path that does not exist is a one-line usage error (exit 2)', () => {
    const result = tanggap(['lint', 'nope/missing.playbook.yaml'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
    expect(result.stderr).toContain('nope/missing.playbook.yaml');
  });

  it('a folder of 10,000 files is linted without running out of time or memory', () => {
    const many = join(dir, 'many');
    mkdirSync(many);
    for (let i = 0; i < 10_000; i++) writeFileSync(join(many, `p${i}.playbook.yaml`), `version: 1\nid: p${i}\n`);
    const result = tanggap(['lint', '--format', 'json', 'many'], { cwd: dir, timeout: 120_000, maxBuffer: 256 * 1024 * 1024 });
    expect(result.status).toBe(1);
    expect((JSON.parse(result.stdout) as unknown[]).length).toBe(10_000);
  });

  it('an unknown option is a usage error with exit 2', () => {
    const result = tanggap(['lint', '--no-such-flag'], { cwd: dir });
    expect(result.status).toBe(2);
    expect(result.stderr).toMatch(/unknown option/);
  });
});
