/** The statement model, detection, suppressions and the engine's guarantees on any input. */
import { mkdtempSync, writeFileSync, rmSync, mkdirSync, copyFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CHECK_RULES_DIR, CheckDataError, loadLanguageData, writeCompiledLanguageData } from '../../src/check/data.js';
import { Statement } from '../../src/check/document.js';
import { checkStatement } from '../../src/check/engine.js';
import { factsIn, factsOf } from '../../src/check/incident.js';
import { loadAnswersFile } from '../../src/incident/answers.js';
import { loadPlaybook } from '../../src/playbook/load.js';
import { CHECK_RULES } from '../../src/check/rules/index.js';
import { channelForTemplate, kindForTemplate } from '../../src/check/types.js';

const check = (text: string, options: Partial<Parameters<typeof checkStatement>[2]> = {}) => checkStatement('statement.md', text, { uiLang: 'en', ...options });
const ids = (text: string, options: Partial<Parameters<typeof checkStatement>[2]> = {}) => check(text, options).findings.map((f) => `${f.ruleId}/${f.messageId}`);

describe('Statement', () => {
  it('blanks front matter, comments and fenced code but keeps every offset', () => {
    const text = '---\ntitle: x\n---\n<!-- a note -->\nKalimat pertama.\n\n```\nXXX {{kode}}\n```\n';
    const s = new Statement('x.md', text);
    expect(s.raw.length).toBe(text.length);
    expect(s.raw).not.toContain('title');
    expect(s.raw).not.toContain('note');
    expect(s.raw).not.toContain('XXX');
    expect(s.sentences.map((x) => x.text)).toEqual(['Kalimat pertama.']);
    expect(s.position(s.contentStart)).toMatchObject({ line: 5, column: 1 });
  });

  it('splits sentences at full stops but not after abbreviations, initials or inside numbers', () => {
    const s = new Statement('x.md', 'Posko di Jl. Merdeka No. 5 dibuka pukul 06.00 WIB. Kata H. Ahmad, bantuan tiba. Warga mengungsi.\n', ['Jl', 'No']);
    expect(s.sentences.map((x) => x.text)).toEqual(['Posko di Jl. Merdeka No. 5 dibuka pukul 06.00 WIB.', 'Kata H. Ahmad, bantuan tiba.', 'Warga mengungsi.']);
  });

  it('treats headings, list items and table rows as blocks of their own, and strips their syntax', () => {
    const s = new Statement('x.md', '# Judul\n\n- satu\n- dua\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n**Tebal** dan _miring_.\n');
    expect(s.blocks.map((b) => b.type)).toEqual(['heading', 'list-item', 'list-item', 'table', 'table', 'paragraph']);
    expect(s.blocks[5].text.replace(/\s+/g, ' ').trim()).toBe('Tebal dan miring .');
    expect(s.blocks[5].text.length).toBe('**Tebal** dan _miring_.'.length);
  });

  it('finds quotations, including one that runs to the end of its paragraph', () => {
    const text = '“Kami bekerja,” katanya. Ia menambahkan, "Semua aman."\n\n“Paragraf kutipan yang berlanjut\n';
    const s = new Statement('x.md', text);
    const quoted = s.quotes.map((q) => text.slice(q.start, Math.min(q.end, text.length)).trim());
    expect(quoted).toEqual(['“Kami bekerja,”', '"Semua aman."', '“Paragraf kutipan yang berlanjut']);
  });

  it('reads suppression directives: next line (with or without a reason) and whole file', () => {
    const s = new Statement('x.md', 'a\n<!-- tanggap-disable-next-line speculation, no-comment -- quoted from a resident -->\n\nb\n<!-- tanggap-disable long-sentence -->\n');
    expect(s.suppressions).toEqual([
      { line: 4, rules: new Set(['speculation', 'no-comment']) },
      { line: 0, rules: new Set(['long-sentence']) },
    ]);
  });
});

describe('detection', () => {
  it('tells Indonesian from English', () => {
    expect(check('Warga diimbau tetap tenang dan mengikuti arahan petugas di lapangan.').lang).toBe('id');
    expect(check('Residents are urged to stay calm and to follow the instructions of officers.').lang).toBe('en');
  });

  it('recognises the kinds by their marks and lengths', () => {
    expect(check('**SIARAN PERS**\nNomor: 012/SP/DISKOMINFO/IX/2024\n\nIsi siaran pers yang panjang tentang banjir di Kecamatan Cibeber.').kind).toBe('press-release');
    expect(check('[HOAKS] Beredar pesan berantai. Faktanya, bendungan aman.').kind).toBe('hoax-clarification');
    expect(check('Banjir di Cibeber. Segera ke posko terdekat. Darurat: 112').kind).toBe('sms');
    expect(check('Posko dibuka di enam titik. #BanjirSukamaju').kind).toBe('social');
    expect(check('Yth. rekan-rekan media, konferensi pers digelar pukul 13.00 WIB. Siaran pers menyusul.').kind).toBe('whatsapp');
    expect(check('# Notes\n\nA paragraph of notes about the office move that has nothing to do with a crisis and is long enough not to be a text message, with several clauses and words, and more words still to make it long enough for the check.').kind).toBe('general');
  });

  it('takes the channel as a hint for short kinds', () => {
    expect(check('Text', { channel: 'sms' }).kind).toBe('sms');
    expect(check('Text', { channel: 'instagram' }).kind).toBe('social');
  });

  it('maps playbook template kinds and channels', () => {
    expect(kindForTemplate('holding-statement')).toBe('holding');
    expect(kindForTemplate('social-post')).toBe('social');
    expect(kindForTemplate('faq')).toBe('general');
    expect(channelForTemplate('x')).toBe('x');
    expect(channelForTemplate('press-conference')).toBeUndefined();
  });
});

describe('suppression', () => {
  const text = 'Penyebab kebakaran diduga kuat korsleting listrik.\n';
  it('drops the named rule on the next line only', () => {
    expect(ids(text, { kind: 'general', lang: 'id' })).toContain('speculation/speculation');
    expect(ids(`<!-- tanggap-disable-next-line speculation -- kutipan warga -->\n${text}`, { kind: 'general', lang: 'id' })).not.toContain('speculation/speculation');
    expect(ids(`<!-- tanggap-disable-next-line no-comment -->\n${text}`, { kind: 'general', lang: 'id' })).toContain('speculation/speculation');
    expect(ids(`<!-- tanggap-disable-next-line speculation -->\nBaris lain.\n${text}`, { kind: 'general', lang: 'id' })).toContain('speculation/speculation');
  });
  it('drops a rule for the whole file, and statement-level findings from the first line', () => {
    expect(ids(`${text}<!-- tanggap-disable speculation -->\n`, { kind: 'general', lang: 'id' })).toEqual([]);
    const holding = 'Banjir terjadi pukul 04.40 WIB.\n';
    expect(ids(holding, { kind: 'holding', lang: 'id' }).some((id) => id.startsWith('cerc-parts/'))).toBe(true);
    expect(ids(`<!-- tanggap-disable-next-line cerc-parts -->\n${holding}`, { kind: 'holding', lang: 'id' }).some((id) => id.startsWith('cerc-parts/'))).toBe(false);
  });
});

describe('findings', () => {
  it('carry messages in the interface language and suggestions in the statement language', () => {
    const [en] = check('Penyebab kebakaran diduga kuat korsleting listrik.', { lang: 'id', kind: 'general' }).findings;
    const [id] = check('Penyebab kebakaran diduga kuat korsleting listrik.', { lang: 'id', kind: 'general', uiLang: 'id' }).findings;
    expect(en.message).toMatch(/is speculation/);
    expect(id.message).toMatch(/adalah spekulasi/);
    expect(en.suggestion).toBe(id.suggestion);
    expect(en.suggestion).toMatch(/masih kami selidiki/);
    expect(en).toMatchObject({ line: 1, column: 20, endLine: 1, endColumn: 31, severity: 'warning' });
  });

  it('list what a lead misses in the interface language', () => {
    const release = '**SIARAN PERS**\nNomor: 1/SP/X/2024\n\n# Judul Rilis yang Cukup Panjang\n\nSukamaju, 12 September 2024 – pemerintah terus berupaya sebaik-baiknya untuk melayani.\n';
    const lead = (uiLang: 'id' | 'en') => check(release, { kind: 'press-release', lang: 'id', uiLang }).findings.find((f) => f.messageId === 'lead-5w1h')!;
    expect(lead('en').message).toMatch(/when, where/);
    expect(lead('id').message).toMatch(/kapan, di mana/);
  });
});

describe('incident facts', () => {
  it('pins number, time and text answers of fact questions, and the place', () => {
    const facts = factsOf(
      {
        incident: { title: 't', start: '2024-09-12 05:10', timezone: 'WITA', place: 'Kecamatan Cibeber' },
        office: { agency: 'x', code: 'X', city: 'c' },
        answers: { a: '1.240', b: '2024-09-12 04:40', c: 'Desa Sukarame', d: 5, e: null },
      },
      {
        questions: [
          { id: 'a', type: 'number', prompt: { id: 'A' }, fact: true },
          { id: 'b', type: 'datetime', prompt: { id: 'B' }, fact: true },
          { id: 'c', type: 'text', prompt: { id: 'C' }, fact: true },
          { id: 'd', type: 'number', prompt: { id: 'D' } },
          { id: 'e', type: 'number', prompt: { id: 'E' }, fact: true },
        ],
      } as never,
    );
    expect(facts.timezone).toBe('WITA');
    expect(facts.facts.map((f) => [f.id, f.kind, f.value instanceof Date ? f.value.toISOString() : f.value])).toEqual([
      ['incident.place', 'text', 'Kecamatan Cibeber'],
      ['a', 'number', 1240],
      ['b', 'time', '2024-09-11T20:40:00.000Z'],
      ['c', 'text', 'Desa Sukarame'],
    ]);
  });
});

describe('incident facts given per language', () => {
  const shared = join(import.meta.dirname, '..', 'fixtures', 'check', '_shared');
  const playbook = loadPlaybook(join(shared, 'banjir-uji.playbook.yaml')).playbook!;
  const answers = loadAnswersFile(join(shared, 'incident', 'answers.yaml')).answers;

  it('pin one text per language, or one for both when only one language is given', () => {
    const both = structuredClone(answers);
    both.answers.lokasi_kejadian = { id: 'Desa Sukarame, Kecamatan Cibeber', en: 'Sukarame Village, Cibeber District' };
    const facts = factsOf(both, playbook);
    expect(factsIn(facts, 'id').facts.filter((f) => f.id === 'lokasi_kejadian').map((f) => f.value)).toEqual(['Desa Sukarame, Kecamatan Cibeber']);
    expect(factsIn(facts, 'en').facts.filter((f) => f.id === 'lokasi_kejadian').map((f) => f.value)).toEqual(['Sukarame Village, Cibeber District']);
    const one = structuredClone(answers);
    one.answers.lokasi_kejadian = { en: 'Sukarame Village, Cibeber District' };
    expect(factsIn(factsOf(one, playbook), 'id').facts.filter((f) => f.id === 'lokasi_kejadian').map((f) => f.value)).toEqual(['Sukarame Village, Cibeber District']);
  });

  it('compare a statement with the text in its own language', () => {
    const both = structuredClone(answers);
    both.answers.lokasi_kejadian = { id: 'Desa Sukarame, Kecamatan Cibeber', en: 'Sukarame Village, Cibeber District' };
    const facts = factsOf(both, playbook);
    const places = (text: string, lang: 'id' | 'en') => check(text, { kind: 'update', lang, facts }).findings.filter((f) => f.messageId === 'place');
    expect(places('The flood struck Sukarame Village, Cibeber District, at dawn.\n', 'en')).toEqual([]);
    const wrong = places('The flood struck Sukamulya Village, Cibeber District, at dawn.\n', 'en');
    expect(wrong).toHaveLength(1);
    expect(wrong[0].suggestion).toContain('Sukarame Village, Cibeber District');
    expect(places('Banjir bandang melanda Desa Sukarame, Kecamatan Cibeber, pada dini hari.\n', 'id')).toEqual([]);
    const salah = places('Banjir bandang melanda Desa Sukamulya, Kecamatan Cibeber, pada dini hari.\n', 'id');
    expect(salah).toHaveLength(1);
    expect(salah[0].suggestion).toContain('Desa Sukarame, Kecamatan Cibeber');
  });
});

describe('rule data', () => {
  it('reports a broken pattern with its file, line and column', () => {
    const dir = mkdtempSync(join(tmpdir(), 'tanggap-check-data-'));
    try {
      copyFileSync(join(CHECK_RULES_DIR, 'en.yaml'), join(dir, 'en.yaml'));
      const broken = `lang: id\nsegment: { abbreviations: [] }\ndetect: { stopwords: [], kinds: {} }\nrules:\n  no-comment:\n    patterns: ['(unclosed']\n    suggestion: x\n`;
      writeFileSync(join(dir, 'id.yaml'), broken);
      const rule = CHECK_RULES.filter((r) => r.id === 'no-comment');
      expect(() => loadLanguageData('id', rule, dir)).toThrow(CheckDataError);
      expect(() => loadLanguageData('id', rule, dir)).toThrow(/id\.yaml:6:\d+: .*Invalid regular expression/);
      writeFileSync(join(dir, 'id.yaml'), broken.replace("patterns: ['(unclosed']", 'patterns: 3'));
      mkdirSync(join(dir, 'again'));
      copyFileSync(join(dir, 'id.yaml'), join(dir, 'again', 'id.yaml'));
      expect(() => loadLanguageData('id', rule, join(dir, 'again'))).toThrow(/id\.yaml:6:\d+: Expected array/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('on any input', () => {
  const markdownish = fc.array(
    fc.oneof(
      fc.string(),
      fc.constantFrom('# ', '\n', '\n\n', '- ', '**', '“', '”', '"', '...', '…', '[[BELUM ADA: x]]', '<!-- ', ' -->', '---\n', '```\n', '|', 'BPBD', 'pukul 04.40 WIB', '12 orang', 'Kamis, 12 September 2024', '(', ')', '#Tag', '@akun', '😀', '\u0000', '\r\n'),
    ),
    { maxLength: 60 },
  ).map((parts) => parts.join(''));

  it('never throws, and every finding lies inside the text with a known rule and message', () => {
    const known = new Map(CHECK_RULES.map((r) => [r.id, new Set(Object.keys(r.messages.en))]));
    fc.assert(
      fc.property(markdownish, fc.constantFrom(undefined, 'holding', 'press-release', 'update', 'apology', 'hoax-clarification', 'social', 'whatsapp', 'sms'), fc.constantFrom(undefined, 'id', 'en'), (text, kind, lang) => {
        const result = check(text, { kind: kind as never, lang: lang as never });
        const lines = text.split('\n');
        for (const f of result.findings) {
          expect(known.get(f.ruleId)?.has(f.messageId)).toBe(true);
          expect(f.line).toBeGreaterThanOrEqual(1);
          expect(f.line).toBeLessThanOrEqual(lines.length);
          expect(f.endLine).toBeGreaterThanOrEqual(f.line);
          expect(f.column).toBeGreaterThanOrEqual(1);
          expect(f.column).toBeLessThanOrEqual(lines[f.line - 1].length + 1);
          expect(f.message).not.toMatch(/\{\w+\}/);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('is stable: the same text gives the same findings', () => {
    fc.assert(
      fc.property(markdownish, (text) => {
        expect(check(text)).toEqual(check(text));
      }),
      { numRuns: 100 },
    );
  });
});

describe('the build\'s JSON copy of the rule data', () => {
  it('holds the same data as the YAML, and is ignored once the YAML changes', () => {
    const out = mkdtempSync(join(tmpdir(), 'tanggap-check-json-'));
    try {
      writeCompiledLanguageData(CHECK_RULES, out);
      for (const lang of ['id', 'en'] as const) {
        expect(loadLanguageData(lang, CHECK_RULES, CHECK_RULES_DIR, out)).toEqual(loadLanguageData(lang, CHECK_RULES, CHECK_RULES_DIR, null));
      }
      // A copy whose hash does not match the YAML is stale: the YAML is read instead.
      const stale = mkdtempSync(join(tmpdir(), 'tanggap-check-stale-'));
      writeFileSync(join(stale, 'id.json'), JSON.stringify({ sha256: 'old', data: { lang: 'id', segment: { abbreviations: [] }, detect: { stopwords: [], kinds: {} }, rules: {} } }));
      expect(loadLanguageData('id', CHECK_RULES, CHECK_RULES_DIR, stale).rules['no-comment']).toBeDefined();
      rmSync(stale, { recursive: true, force: true });
    } finally {
      rmSync(out, { recursive: true, force: true });
    }
  });
});
