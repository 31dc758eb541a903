/** The loader's findings (parse-error, schema) in Bahasa Indonesia and English. */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Finding } from '../../src/findings.js';
import { loadPlaybook } from '../../src/playbook/load.js';
import { validatePlaybook } from '../../src/playbook/validate.js';
import { parseYaml, readText } from '../../src/playbook/yaml.js';

let dir: string;
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'tanggap-messages-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const identity = (f: Finding) => `${f.ruleId}/${f.messageId} ${f.line}:${f.column}-${f.endLine}:${f.endColumn} ${f.fingerprint}`;

describe('YAML errors in our own words', () => {
  const cases: [string, string, RegExp, RegExp][] = [
    ['id: a\nid: b\n', 'duplicate-key', /^kunci "id" ditulis dua kali dalam mapping yang sama$/, /^the key "id" is written twice/],
    ['title:\n  "id": a\n  "id": b\n', 'duplicate-key', /^kunci "id" ditulis dua kali/, /^the key "id"/],
    ['title:\n\tid: x\n', 'tab-as-indent', /^tab tidak boleh dipakai untuk indentasi/, /^tabs are not allowed as indentation/],
    ['a:\n  b: 1\n c: 2\n', 'bad-indent', /^indentasi salah/, /^bad indentation/],
    ['a: "abc\n', 'missing-char', /^tanda kutip " penutup tidak ada$/, /^missing closing " quote$/],
    ['a: 1 # c\nb:c\n', 'missing-char', /^kunci harus diikuti ":"/, /^a key must be followed by ":"/],
    ['a: [1, 2\n', 'bad-indent', /belum ditutup dengan "\]"/, /not closed with "\]"/],
    ['a: {x: 1}}\n', 'unexpected-token', /^"}" tidak diharapkan di sini$/, /^unexpected "}" here$/],
    ['a: b: c\n', 'block-as-implicit-key', /^mapping bersarang/, /^a nested mapping/],
    ['"a\nb": 1\n', 'multiline-implicit-key', /^kunci harus ditulis dalam satu baris/, /^a key must be written on one line/],
    ['a: @x\n', 'bad-scalar-start', /tidak boleh diawali "@"/, /cannot start with "@"/],
    ['a: "\\q"\n', 'bad-dq-escape', /escape \\q tidak sah/, /escape sequence \\q/],
    ['a: {b: 1 c: 2}\n', 'block-in-flow', /di dalam kurung/, /inside brackets/],
    ['a: &x &y 1\n', 'multiple-anchors', /satu anchor/, /one anchor/],
  ];
  for (const [text, messageId, id, en] of cases) {
    it(`${messageId}: ${JSON.stringify(text)}`, () => {
      const inId = parseYaml('x.yaml', text, 'id').findings;
      const inEn = parseYaml('x.yaml', text, 'en').findings;
      expect(inId.map((f) => f.messageId)).toContain(messageId);
      expect(inId.map(identity)).toEqual(inEn.map(identity));
      expect(inId.find((f) => f.messageId === messageId)!.message).toMatch(id);
      expect(inEn.find((f) => f.messageId === messageId)!.message).toMatch(en);
    });
  }

  it('the library\'s own text stays where we have no words of our own', () => {
    const text = '%YAML 1.2\na: 1\n';
    expect(parseYaml('x.yaml', text, 'id').findings.map((f) => f.message)).toEqual(['YAML tidak sah: Missing directives-end/doc-start indicator line']);
    expect(parseYaml('x.yaml', text, 'en').findings.map((f) => f.message)).toEqual(['invalid YAML: Missing directives-end/doc-start indicator line']);
  });

  it('the same findings at the same places in both languages, never a blank or an unfilled message (property)', () => {
    const key = fc.constantFrom('id', 'title', '__proto__', 'stages', 'a b', '-', '&a', '*a', '<<', '"q', "'q", '? x');
    const value = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('[', '{', '}', ']', '*a', '&a x', '|', '>', '"', "'", '\t', '@x', '"\\q"', 'a: b', '[1, 2', '{a: 1 b: 2}'));
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(4), key, value), { maxLength: 20 }), (lines) => {
        const text = lines.map(([indent, k, v]) => `${'  '.repeat(indent)}${k}: ${v}`).join('\n');
        const inId = parseYaml('fuzz.yaml', text, 'id').findings;
        const inEn = parseYaml('fuzz.yaml', text, 'en').findings;
        expect(inId.map(identity)).toEqual(inEn.map(identity));
        for (const f of [...inId, ...inEn]) {
          expect(f.message.trim()).not.toBe('');
          // a placeholder left unfilled; braces quoted from the input itself are fine
          for (const [placeholder] of f.message.matchAll(/\{\w+\}/g)) expect(text).toContain(placeholder);
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('reading files', () => {
  it('says why a file cannot be read, in the language asked for', () => {
    const missing = join(dir, 'tidak-ada.playbook.yaml');
    expect(readText(missing, undefined, 'id').finding?.message).toBe('berkas tidak ditemukan');
    expect(readText(missing).finding?.message).toBe('file not found');
    expect(readText(dir, undefined, 'id').finding).toMatchObject({ messageId: 'is-directory', message: 'ini folder, bukan berkas' });
  });
  it('writes sizes with a decimal comma in Indonesian', () => {
    const big = join(dir, 'besar.playbook.yaml');
    writeFileSync(big, `x: "${'a'.repeat(300 * 1024)}"\n`);
    expect(readText(big, 200 * 1024, 'id').finding?.message).toBe('berkas terlalu besar (0,3 MB; batasnya 0,2 MB)');
    expect(readText(big, 200 * 1024, 'en').finding?.message).toBe('file is too large (0.3 MB; the limit is 0.2 MB)');
  });
});

describe('schema problems in both languages', () => {
  const write = (name: string, body: string) => {
    const file = join(dir, name);
    writeFileSync(file, body);
    return file;
  };
  const messages = (file: string, lang: 'id' | 'en') => loadPlaybook(file, undefined, lang).findings.map((f) => `${f.messageId}: ${f.message}`);

  it('unknown keys, types, formats and values', () => {
    const file = write(
      'salah.playbook.yaml',
      'version: 1\nid: Banjir_Sukamaju\ntitel: x\ntitle: [a]\nsummary: { id: Ringkas, en: Short }\ncategory: bencana\ntrigger: external\nscct: { cluster: victim }\n',
    );
    const id = messages(file, 'id');
    expect(id).toContain('unknown-key: kunci "titel" tidak dikenal; mungkin maksud Anda "title"?');
    expect(id).toContain('wrong-type: "title" harus berupa mapping');
    expect(id).toContain('bad-format: format "Banjir_Sukamaju" salah; seharusnya id kebab-case, misalnya "holding-statement"');
    expect(id).toContain('not-allowed: "bencana" tidak diizinkan di sini; gunakan salah satu dari: disaster, corruption, force-majeure, hoax, data-breach, service-failure, misconduct, other');
    expect(id).toContain('missing-key: kunci wajib "triage" belum ada');
    const en = messages(file, 'en');
    expect(en).toContain('unknown-key: unknown key "titel"; did you mean "title"?');
    expect(en).toContain('missing-key: missing required key "triage"');
    expect(en.map((m) => m.split(':')[0])).toEqual(id.map((m) => m.split(':')[0]));
  });

  it('a missing key is reported once, not again as a wrong type of its absent value', () => {
    const problems = validatePlaybook({ version: 1 }, 'id');
    const keys = problems.filter((p) => p.messageId === 'missing-key').map((p) => p.params?.key);
    expect(keys).toContain('stages');
    expect(problems.filter((p) => p.pointer === '/stages')).toEqual([]);
    expect(problems.every((p) => p.message.length > 0)).toBe(true);
  });

  it('an extends that names nothing', () => {
    const file = write('turunan.playbook.yaml', 'version: 1\nid: turunan\nextends: tidak-ada\n');
    expect(messages(file, 'id')).toEqual(['extends-not-found: "extends: tidak-ada" tidak merujuk ke playbook mana pun (bukan id bawaan dan bukan berkas)']);
  });

  it('a document that is not a mapping', () => {
    expect(validatePlaybook(['a'], 'id')[0]).toMatchObject({ messageId: 'not-a-mapping', message: 'playbook harus berupa mapping (pasangan kunci dan nilai)' });
  });
});
