import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RenderError, renderStatement } from '../../src/render/index.js';
import { fixtureAnswers, NOW, project, render } from './support.js';

const body = (markdown: string) => markdown.trim();

describe('helpers in both languages', () => {
  it('date, time and datetime in the office time zone', () => {
    const source = '{{date incident.start}}|{{time incident.start}}|{{datetime waktu_kejadian}}';
    expect(body(render(source, { lang: 'id' }).markdown)).toBe('Kamis, 12 September 2024|14.30 WIB|Kamis, 12 September 2024 pukul 13.45 WIB');
    expect(body(render(source, { lang: 'en' }).markdown)).toBe('Thursday, 12 September 2024|2:30 pm WIB (UTC+7)|Thursday, 12 September 2024, 1:45 pm WIB (UTC+7)');
    const answers = fixtureAnswers();
    answers.incident.timezone = 'WIT';
    expect(body(render('{{time incident.start}}', { answers }).markdown)).toBe('14.30 WIT');
  });

  it('a date answer prints as a date and time on its own; asOf and now are times', () => {
    expect(body(render('{{waktu_kejadian}} / {{time asOf}} / {{time now}}', { lang: 'id' }).markdown)).toBe('Kamis, 12 September 2024 pukul 13.45 WIB / 18.00 WIB / 16.00 WIB');
  });

  it('deadline: a clock time after the incident start, with the date on another day', () => {
    expect(body(render('{{deadline "45m"}} · {{deadline "1h30m"}} · {{deadline "12h"}}', { lang: 'id' }).markdown)).toBe(
      '15.15 WIB · 16.00 WIB · Jumat, 13 September 2024 pukul 02.30 WIB',
    );
    expect(body(render('{{deadline "2h"}}', { lang: 'en' }).markdown)).toBe('4:30 pm WIB (UTC+7)');
  });

  it('number, list and plural', () => {
    const source = '{{number jumlah_pengungsi}} {{plural jumlah_pengungsi "evacuee"}}; {{list posko}}; {{list kebutuhan}}; {{number 1234.5}}';
    expect(body(render(source, { lang: 'id' }).markdown)).toBe(
      '1.250 evacuee; Balai Desa Sindangsari, SDN 2 Mekarwangi, dan Masjid Al-Ikhlas; makanan siap saji, selimut, dan obat-obatan; 1.234,5',
    );
    expect(body(render(source, { lang: 'en' }).markdown)).toBe(
      '1,250 evacuees; Balai Desa Sindangsari, SDN 2 Mekarwangi and Masjid Al-Ikhlas; ready meals, blankets and medicine; 1,234.5',
    );
    const answers = fixtureAnswers();
    answers.answers.jumlah_korban = 1;
    answers.answers.posko = ['Balai Desa'];
    expect(body(render('{{jumlah_korban}} {{plural jumlah_korban "person" "people"}} at {{list posko}}', { lang: 'en', answers }).markdown)).toBe('1 person at Balai Desa');
    answers.answers.posko = ['A', 'B'];
    expect(body(render('{{list posko}}', { lang: 'id', answers }).markdown)).toBe('A dan B');
    expect(body(render('{{list posko}}', { lang: 'en', answers }).markdown)).toBe('A and B');
  });

  it('releaseNumber from release.number, office.code and the month of the incident start', () => {
    expect(body(render('{{releaseNumber}}').markdown)).toBe('012/SP/DISKOMINFO/IX/2024');
    const answers = fixtureAnswers();
    answers.release = { number: 7 };
    answers.incident.start = '2025-01-01 00:30';
    answers.office.code = 'BPBD';
    expect(body(render('{{releaseNumber}}', { answers }).markdown)).toBe('007/SP/BPBD/I/2025');
    delete answers.release;
    const missing = render('Nomor: {{releaseNumber}}', { answers, lang: 'en' });
    expect(body(missing.markdown)).toBe('Nomor: [[MISSING: release.number]]/SP/BPBD/I/2025');
    expect(missing.missing).toEqual([expect.objectContaining({ fact: 'release.number', line: 1, column: 10 })]);
  });

  it('eq compares select answers by value; includes tests multiselect membership', () => {
    const source = '{{#if (eq jenis_bencana "banjir")}}A{{else}}B{{/if}}{{#if (includes kebutuhan "obat")}}C{{/if}}{{#if (includes kebutuhan "tenda")}}D{{/if}}{{#if (eq triage.urgency "high")}}E{{/if}}';
    expect(body(render(source).markdown)).toBe('ACE');
  });

  it('select answers print their label in the template language; booleans print as words', () => {
    expect(body(render('{{jenis_bencana}} {{korban_jiwa}} {{triage.urgency}}', { lang: 'id' }).markdown)).toBe('banjir tidak tinggi');
    expect(body(render('{{jenis_bencana}} {{korban_jiwa}} {{triage.urgency}}', { lang: 'en' }).markdown)).toBe('flood no high');
  });

  it('localized office fields come in the template language', () => {
    expect(body(render('{{office.agency}} — {{office.contact.role}}', { lang: 'en' }).markdown)).toBe('Sukamaju Regency Communication and Informatics Office — Public Relations Officer');
  });
});

describe('missing facts', () => {
  const answers = () => {
    const a = fixtureAnswers();
    delete a.answers.jumlah_korban;
    delete a.answers.kutipan_kepala;
    a.answers.imbauan = '   ';
    a.answers.posko = [];
    return a;
  };

  it('render as visible markers and are listed with their template position', () => {
    const r = render('Korban: {{jumlah_korban}}\nPosko: {{list posko}}\n  Imbauan: {{imbauan}}', { answers: answers() });
    expect(body(r.markdown)).toBe('Korban: [[BELUM ADA: jumlah_korban]]\nPosko: [[BELUM ADA: posko]]\n  Imbauan: [[BELUM ADA: imbauan]]');
    expect(r.missing.map((m) => [m.fact, m.line, m.column])).toEqual([
      ['jumlah_korban', 1, 11],
      ['posko', 2, 15],
      ['imbauan', 3, 14],
    ]);
    expect(body(render('{{number jumlah_korban}}', { answers: answers(), lang: 'en' }).markdown)).toBe('[[MISSING: jumlah_korban]]');
  });

  it('are false in {{#if}}', () => {
    expect(body(render('{{#if jumlah_korban}}ada{{else}}tidak ada{{/if}}', { answers: answers() }).markdown)).toBe('tidak ada');
  });

  it('passed to a partial are reported where the template called it', () => {
    const r = render('Kutipan:\n{{> quote name=office.head.name title=office.head.title text=kutipan_kepala}}', { answers: answers() });
    expect(body(r.markdown)).toBe('Kutipan:\nAhmad Suryadi, Bupati Sukamaju, menyampaikan, “[[BELUM ADA: kutipan_kepala]]”');
    expect(r.missing).toEqual([expect.objectContaining({ fact: 'kutipan_kepala', line: 2, column: 62 })]);
    expect(r.missing[0].file).toMatch(/t\.id\.md\.hbs$/);
    const a = answers();
    delete a.office.head!.title;
    expect(body(render('{{> quote name=office.head.name title=office.head.title text=lokasi}}', { answers: a, lang: 'en' }).markdown)).toBe(
      'Ahmad Suryadi said: “Desa Sindangsari dan Desa Mekarwangi”',
    );
  });

  it('refuse a final render with the template file, line and column', () => {
    const p = project({ t: 'Baris satu\nKorban: {{jumlah_korban}} dan {{kutipan_kepala}}' });
    try {
      let error: unknown;
      try {
        renderStatement({ loaded: p.loaded, templateId: 't', lang: 'id', answers: answers(), final: true, now: NOW });
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(RenderError);
      const e = error as RenderError;
      expect(e.file).toBe(join(p.dir, 'templates', 't.id.md.hbs'));
      expect([e.line, e.column]).toEqual([2, 11]);
      expect(e.message).toMatch(/t\.id\.md\.hbs:2:11: fakta "jumlah_korban" belum diisi \(dan 1 lainnya\)$/);
      expect(e.missing.map((m) => m.fact)).toEqual(['jumlah_korban', 'kutipan_kepala']);
      // the same render without --final succeeds
      expect(renderStatement({ loaded: p.loaded, templateId: 't', lang: 'id', answers: answers(), now: NOW }).missing).toHaveLength(2);
    } finally {
      p.cleanup();
    }
  });
});

describe('answers are inert', () => {
  it('are escaped for Markdown, keep plain text clean, and never run as template code', () => {
    const a = fixtureAnswers();
    a.answers.lokasi = '# {{office.code}} <b>x</b> *y* Rp1.500.000 \u202Eevil\u0000';
    expect(body(render('Di {{lokasi}}.', { answers: a }).markdown)).toBe('Di \\# {{office.code}} \\<b\\>x\\</b\\> \\*y\\* Rp1.500.000 evil.');
    expect(body(render('Di {{{lokasi}}}.', { answers: a }).markdown)).toContain('\\<b\\>');
  });
  it('very long runs of spaces, dots and markup render (no backtracking blow-up)', () => {
    const a = fixtureAnswers();
    a.answers.lokasi = `a${' '.repeat(100_000)}b\n${' \t'.repeat(50_000)}c`;
    a.answers.imbauan = `${'a.'.repeat(50_000)} ${'*_['.repeat(20_000)}`;
    const r = render('{{lokasi}} {{imbauan}}', { answers: a, channel: 'x' });
    expect(r.markdown.startsWith('a ')).toBe(true);
    expect(r.length?.count).toBeGreaterThan(100_000);
  });

  it('short answers stay on one line; long text keeps its paragraphs', () => {
    const a = fixtureAnswers();
    a.answers.lokasi = 'Desa A\n# Desa B';
    a.answers.imbauan = 'Satu.\n\n- Dua';
    expect(body(render('## {{lokasi}}\n\n{{imbauan}}', { answers: a }).markdown)).toBe('## Desa A # Desa B\n\nSatu.\n\n\\- Dua');
  });
});

describe('template safety', () => {
  const refuses = (source: string, pattern: RegExp) => {
    expect(() => render(source)).toThrow(RenderError);
    expect(() => render(source)).toThrow(pattern);
  };

  it('blocks prototype access', () => {
    refuses('{{constructor}}', /"constructor" tidak boleh/);
    refuses('{{office.__proto__}}', /"__proto__"/);
    refuses('{{#with office}}{{constructor.name}}{{/with}}', /"constructor"/);
    refuses('{{posko.prototype}}', /"prototype"/);
    refuses('{{lookup office.__defineGetter__ "x"}}', /__defineGetter__/);
    // a computed name reaches nothing either
    expect(body(render('{{lookup office "constructor"}}|{{lookup posko "constructor"}}', { lang: 'en' }).markdown)).toBe('[[MISSING: office]]|[[MISSING: posko]]');
  });

  it('refuses internal names, unknown helpers, decorators and dynamic partials', () => {
    refuses('{{__fact lokasi 0}}', /"__fact" dicadangkan/);
    refuses('{{__proto}}', /dicadangkan/);
    refuses('{{log lokasi}}', /helper "log" tidak dikenal/);
    refuses('{{#foo lokasi}}x{{/foo}}', /helper "foo" tidak dikenal/);
    refuses('{{@tanggap}}', /@tanggap/);
    refuses('{{#*inline "x"}}a{{/inline}}', /dekorator/);
    refuses('{{> (lookup . "x")}}', /partial harus ditulis langsung/);
    refuses('{{> tidak-ada}}', /partial "tidak-ada" tidak ditemukan/);
  });

  it('reports syntax errors with line and column', () => {
    const p = project({ t: 'Baris satu\nDua {{#if lokasi}}terbuka' });
    try {
      expect(() => renderStatement({ loaded: p.loaded, templateId: 't', lang: 'en', answers: fixtureAnswers(), now: NOW })).toThrow(/t\.en\.md\.hbs:2:\d+: template syntax error/);
    } finally {
      p.cleanup();
    }
    const q = project({ t: 'a\n\n  {{lokasi}'.replace('}', '') + '}' });
    try {
      expect(() => renderStatement({ loaded: q.loaded, templateId: 't', lang: 'en', answers: fixtureAnswers(), now: NOW })).toThrow(/t\.en\.md\.hbs:3:\d+:/);
    } finally {
      q.cleanup();
    }
  });

  it('refuses template paths outside the project: .., absolute, symlinks out', () => {
    const outside = project({ t: 'x' });
    const secret = join(outside.dir, 'secret.md.hbs');
    writeFileSync(secret, 'SECRET');
    const cases: [string, RegExp][] = [
      ['../../../secret.md.hbs', /keluar dari folder proyek/],
      [secret, /harus relatif/],
      ['../templates/link.md.hbs', /tautan simbolik/],
    ];
    try {
      for (const [path, pattern] of cases) {
        const p = project({ t: 'x' }, {}, (doc) => {
          (doc.templates as { files: Record<string, string> }[])[0].files.id = path;
        });
        try {
          mkdirSync(join(p.dir, 'templates'), { recursive: true });
          symlinkSync(secret, join(p.dir, 'templates', 'link.md.hbs'));
          let error: unknown;
          try {
            renderStatement({ loaded: p.loaded, templateId: 't', lang: 'id', answers: fixtureAnswers(), now: NOW });
          } catch (e) {
            error = e;
          }
          expect(error).toBeInstanceOf(RenderError);
          expect((error as Error).message).toMatch(pattern);
          expect((error as RenderError).file).toBe(p.file);
        } finally {
          p.cleanup();
        }
      }
    } finally {
      outside.cleanup();
    }
  });

  it('refuses partial overrides outside the project', () => {
    const p = project({ t: '{{> closing}}' }, {}, (doc) => {
      doc.partials = { closing: { id: '../../x.md.hbs' } };
    });
    try {
      expect(() => renderStatement({ loaded: p.loaded, templateId: 't', lang: 'id', answers: fixtureAnswers(), now: NOW })).toThrow(/test\.playbook\.yaml:\d+:\d+: jalur "\.\.\/\.\.\/x\.md\.hbs" keluar/);
    } finally {
      p.cleanup();
    }
  });
});

describe('partials', () => {
  it('built-ins exist in both languages', () => {
    expect(body(render('{{> closing}}', { lang: 'id' }).markdown)).toBe('-selesai-');
    expect(body(render('{{> closing}}', { lang: 'en' }).markdown)).toBe('-ends-');
    expect(render('{{> contact}}', { lang: 'id' }).markdown).toContain('**Narahubung**\\\nDewi Lestari, Pranata Humas Ahli Muda\\\nTelepon/WhatsApp: 0813-1111-2222');
    expect(render('{{> contact}}', { lang: 'en' }).markdown).toContain('**Media contact**');
    expect(body(render('{{> dateline}} Teks.', { lang: 'id' }).markdown)).toBe('**Sukamaju, Kamis, 12 September 2024** — Teks.');
    expect(render('{{> letterhead}}', { lang: 'en' }).markdown).toContain('**Sukamaju Regency Communication and Informatics Office**\\\nPublic Information and Communication Division');
    expect(render('{{> about}}', { lang: 'id' }).markdown).toContain('**Tentang Dinas Komunikasi dan Informatika Kabupaten Sukamaju**');
  });

  it('an office folder overrides a built-in, and the playbook overrides both', () => {
    const office = project({ t: '{{> closing}}' }, { 'templates/partials/closing.id.md.hbs': '\\*\\*\\*\n' });
    try {
      expect(body(renderStatement({ loaded: office.loaded, templateId: 't', lang: 'id', answers: fixtureAnswers(), now: NOW }).markdown)).toBe('\\*\\*\\*');
      expect(body(renderStatement({ loaded: office.loaded, templateId: 't', lang: 'en', answers: fixtureAnswers(), now: NOW }).markdown)).toBe('-ends-');
    } finally {
      office.cleanup();
    }
    const own = project({ t: '{{> closing}}' }, { 'templates/partials/closing.id.md.hbs': 'kantor\n', 'templates/penutup.md.hbs': '(habis)\n' }, (doc) => {
      doc.partials = { closing: { id: '../templates/penutup.md.hbs' } };
    });
    try {
      expect(body(renderStatement({ loaded: own.loaded, templateId: 't', lang: 'id', answers: fixtureAnswers(), now: NOW }).markdown)).toBe('(habis)');
    } finally {
      own.cleanup();
    }
  });
});

describe('drill, length and the statement record', () => {
  it('a drill statement opens and closes with the exercise banner', () => {
    const a = fixtureAnswers();
    a.incident.drill = true;
    const lines = render('Isi pernyataan.', { answers: a }).markdown.trim().split('\n');
    expect(lines[0]).toContain('LATIHAN / EXERCISE');
    expect(lines[lines.length - 1]).toContain('LATIHAN / EXERCISE');
    expect(lines).toContain('Isi pernyataan.');
    expect(render('Isi.', { answers: a, lang: 'en' }).markdown).toMatch(/^\*\*LATIHAN \/ EXERCISE\*\* — drill document, not for publication\n\nIsi\.\n\n\*\*LATIHAN \/ EXERCISE\*\*/);
  });

  it('measures short channels, warns in draft mode and refuses in final mode', () => {
    const long = 'x'.repeat(170);
    const draft = render(long, { channel: 'sms' });
    expect(draft.length).toMatchObject({ rule: 'sms', count: 170, segments: 2, over: true });
    expect(draft.warnings.join('\n')).toMatch(/SMS 170 karakter \(GSM-7, 2 segmen\) melebihi batas 160/);
    expect(() => render(long, { channel: 'sms', final: true })).toThrow(/t\.id\.md\.hbs:1:1: t \(id\): SMS 170/);
    const x = render('{{office.website}} ' + 'a'.repeat(250), { channel: 'x', lang: 'en' });
    expect(x.length).toMatchObject({ rule: 'x', count: 23 + 1 + 250, over: false });
    expect(render('a\\*b', { channel: 'whatsapp', limit: 3 }).length).toMatchObject({ rule: 'limit', count: 3, over: false });
  });

  it('returns the template meta with the markdown', () => {
    const r = render('Halo', { kind: 'sms', channel: 'sms' });
    expect(r).toMatchObject({ templateId: 't', kind: 'sms', channel: 'sms', lang: 'id', title: 'Judul t', missing: [], warnings: [] });
    expect(r.markdown).toBe('Halo\n');
  });

  it('names unknown templates and languages without a file', () => {
    const p = project({ t: { id_: 'hanya id' } });
    try {
      expect(() => renderStatement({ loaded: p.loaded, templateId: 'nope', lang: 'id', answers: fixtureAnswers() })).toThrow(/tidak punya templat "nope"; yang ada: t/);
      expect(() => renderStatement({ loaded: p.loaded, templateId: 't', lang: 'en', answers: fixtureAnswers() })).toThrow(/template "t" has no file for language "en"/);
    } finally {
      p.cleanup();
    }
  });
});
