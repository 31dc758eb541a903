import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { IncidentEvent } from '../../src/incident/events.js';
import { buildKit } from '../../src/kit/build.js';
import { kitHtml } from '../../src/kit/html.js';
import { CONTENT_SECURITY_POLICY, safeHref } from '../../src/kit/markdown-html.js';
import { conditionContext, kitTemplates } from '../../src/kit/select.js';
import { StagedFolder } from '../../src/kit/write.js';
import { loadAnswersFile } from '../../src/incident/answers.js';
import { loadPlaybook } from '../../src/playbook/load.js';
import { Registry } from '../../src/playbook/registry.js';
import { REPO, tempDir } from '../helpers/cli.js';
import { elements, hostileText } from '../render/hostile.js';
import { FIXTURE_PLAYBOOK, fixtureAnswers, NOW, project } from '../render/support.js';

const loaded = loadPlaybook(FIXTURE_PLAYBOOK);
const playbook = loaded.playbook!;

describe('which statements go into the kit', () => {
  it('orders them by the deadline of the step that drafts them and leaves out the apology of a victim crisis', () => {
    const ids = kitTemplates(playbook, conditionContext(playbook, fixtureAnswers())).map((t) => t.id);
    expect(ids).toEqual(['holding-statement', 'sms-warga', 'post-x', 'siaran-pers', 'post-instagram']);
  });

  it('takes the apology in when the strategy is rebuild', () => {
    const rebuild = { ...playbook, scct: { cluster: 'preventable' as const } };
    expect(kitTemplates(rebuild, conditionContext(rebuild, fixtureAnswers())).map((t) => t.id)).toContain('permintaan-maaf');
  });

  it('takes the apology in when the incident\'s own history moves a data breach to rebuild', () => {
    const breach = loadPlaybook(join(REPO, 'playbooks', 'data-breach.playbook.yaml'), new Registry([]).resolveExtends);
    const answers = loadAnswersFile(join(REPO, 'examples', 'data-breach.answers.yaml')).answers;
    // Nothing else calls for the apology: no repeat answer, no negligence found yet.
    answers.answers.kebocoran_berulang = false;
    answers.answers.penyebab_kebocoran = 'belum-diketahui';
    delete answers.scct;
    const first = conditionContext(breach.playbook!, answers);
    expect(first.strategy?.primary).toBe('diminish');
    expect(kitTemplates(breach.playbook!, first).map((t) => t.id)).not.toContain('apology');
    answers.scct = { history: true };
    const repeat = conditionContext(breach.playbook!, answers);
    expect(repeat.strategy).toMatchObject({ cluster: 'preventable', primary: 'rebuild' });
    expect(kitTemplates(breach.playbook!, repeat).map((t) => t.id)).toContain('apology');
    const kit = buildKit({ loaded: breach, answers, lang: 'en', now: new Date('2026-05-20T16:00:00+08:00') });
    expect(kit.documents.some((d) => /apology/.test(d.file))).toBe(true);
  });

  it('an apology without a condition stays out unless a step gives its reason', () => {
    const templates = playbook.templates.map((t) => (t.kind === 'apology' ? { ...t, when: undefined } : t));
    const plain = { ...playbook, templates };
    expect(kitTemplates(plain, conditionContext(plain, fixtureAnswers())).map((t) => t.id)).not.toContain('permintaan-maaf');
    const stages = playbook.stages.map((s) =>
      s.id === 'apologize'
        ? { ...s, steps: [{ id: 'maaf', title: { id: 'Maaf', en: 'Apology' }, owner: 'humas', deadline: '1d', drafts: ['permintaan-maaf'], reason: { id: 'Layanan terlambat', en: 'Service was late' } }] }
        : s,
    );
    const reasoned = { ...plain, stages };
    expect(kitTemplates(reasoned, conditionContext(reasoned, fixtureAnswers())).map((t) => t.id)).toContain('permintaan-maaf');
  });

  it('drops templates drafted only by steps whose condition fails, and follows template conditions on answers and level', () => {
    const stages = playbook.stages.map((s) => ({ ...s, steps: s.steps.map((step) => (step.id === 'siaran-pers' ? { ...step, when: { minLevel: 3 } } : step)) }));
    const gated = { ...playbook, stages };
    const ids = kitTemplates(gated, conditionContext(gated, fixtureAnswers())).map((t) => t.id);
    expect(ids).not.toContain('siaran-pers');
    expect(ids).not.toContain('post-instagram');
    const answers = fixtureAnswers();
    answers.triage = { sebaran: 'viral', korban_jiwa: true };
    expect(kitTemplates(gated, conditionContext(gated, answers)).map((t) => t.id)).toContain('siaran-pers');
    const templates = playbook.templates.map((t) => (t.id === 'post-x' ? { ...t, when: { answers: { jenis_bencana: 'longsor' } } } : t));
    const byAnswer = { ...playbook, templates };
    expect(kitTemplates(byAnswer, conditionContext(byAnswer, fixtureAnswers())).map((t) => t.id)).not.toContain('post-x');
  });
});

describe('the kit documents', () => {
  it('numbers the statements and adds the chronology and the contacts', () => {
    const kit = buildKit({ loaded, answers: fixtureAnswers(), lang: 'id', now: NOW });
    expect(kit.documents.map((d) => d.file)).toEqual(['01-holding-statement.md', '02-sms-warga.md', '03-post-x.md', '04-siaran-pers.md', '05-post-instagram.md', 'timeline.md', 'contacts.md']);
    expect(kit.problems).toEqual([]);
    expect(kit.index).toContain('| 02 | [SMS untuk Warga](02-sms-warga.md) | SMS | SMS | 155/160 (1 segmen, GSM-7) | — |');
    expect(kit.index).toContain('| 03 | [Unggahan X](03-post-x.md) | unggahan media sosial | X | 145/280 (berbobot) | — |');
    expect(kit.index).toContain('**Level:** 2 — Siaga');
    expect(kit.combined).toContain('## 04. Siaran Pers');
    // headings of a statement sit one level under its section
    expect(kit.combined).toContain('\n## Pemerintah Kabupaten Tangani banjir');
  });

  it('the chronology gives step deadlines as clock times and the incident log', () => {
    const events = [
      { type: 'opened', id: 'a', at: '2024-09-12T07:35:00Z', session: 1, pid: 1, host: 'h', user: 'u', lang: 'id', playbook: { id: 'x', file: 'x', source: 'local' }, version: '0' },
      { type: 'log', id: 'b', at: '2024-09-12T08:10:00Z', session: 1, kind: 'media', message: 'Berapa | korban?', outlet: 'Radio Sukamaju', due: '15:00' },
      { type: 'step', id: 'c', at: '2024-09-12T18:00:00Z', session: 1, stage: 'respond', step: 'pernyataan-awal', status: 'done' },
      { type: 'answer', id: 'd', at: '2024-09-12T08:11:00Z', session: 1, key: 'q.lokasi', value: 'x' },
    ] as IncidentEvent[];
    const kit = buildKit({ loaded, answers: fixtureAnswers(), lang: 'id', now: NOW, events });
    const timeline = kit.documents.find((d) => d.file === 'timeline.md')!.markdown;
    expect(timeline).toContain('| 14.45 WIB | Kenali | Verifikasi awal | Pranata Humas |');
    expect(timeline).toContain('| Minggu, 15 September 2024 pukul 14.30 WIB | Perbaikan | Pemulihan | Pranata Humas |');
    expect(timeline).toContain('| 14.35 WIB | Catatan insiden dibuka |');
    expect(timeline).toContain('| 15.10 WIB | Pertanyaan media (Radio Sukamaju): Berapa \\| korban? (tenggat 15:00) |');
    expect(timeline).toContain('| Jumat, 13 September 2024 pukul 01.00 WIB | Langkah selesai: Pernyataan awal |');
    expect(timeline).not.toContain('q.lokasi');
  });

  it('the contacts sheet marks a missing narahubung, and that is a problem for --final', () => {
    const answers = fixtureAnswers();
    delete answers.office.contact;
    const kit = buildKit({ loaded, answers, lang: 'en', now: NOW });
    const contacts = kit.documents.find((d) => d.file === 'contacts.md')!;
    expect(contacts.markdown).toContain('| Media contact | [[MISSING: office.contact.name]] — [[MISSING: office.contact.phone]] |');
    expect(kit.problems.some((p) => /contacts\.md:\d+:\d+: fact "office\.contact\.name"/.test(p))).toBe(true);
    expect(kit.problems.some((p) => p.includes('office.contact.name') && p.includes('holding-statement'))).toBe(true);
  });

  it('a drill kit says LATIHAN / EXERCISE in every title and footer', async () => {
    const answers = fixtureAnswers();
    answers.incident.drill = true;
    const kit = buildKit({ loaded, answers, lang: 'en', now: NOW });
    for (const doc of kit.documents) {
      const lines = doc.markdown.trim().split('\n');
      expect(lines[0], doc.file).toContain('LATIHAN / EXERCISE');
      expect(lines[lines.length - 1], doc.file).toContain('LATIHAN / EXERCISE');
    }
    expect(kit.index.split('\n').find((l) => l.startsWith('# '))).toContain('LATIHAN / EXERCISE');
    expect(kit.combined).toMatch(/## 01\. LATIHAN \/ EXERCISE — Holding Statement/);
    const html = await kitHtml(kit, answers);
    expect(html).toMatch(/<title>LATIHAN \/ EXERCISE — Press Kit: /);
    expect(html.match(/class="drill"/g)!.length).toBeGreaterThanOrEqual(kit.documents.length * 2 + 1);
  });

  it('an SMS over its limit is a warning in the index and a problem for --final', () => {
    const answers = fixtureAnswers();
    answers.answers.posko = ['Balai Desa Sindangsari yang berada di sebelah utara pasar', 'SDN 2 Mekarwangi'];
    const kit = buildKit({ loaded, answers, lang: 'id', now: NOW });
    expect(kit.index).toMatch(/\| 02 \| \[SMS untuk Warga\]\(02-sms-warga\.md\) \| SMS \| SMS \| \d+\/160 \(2 segmen, GSM-7\) — \*\*melebihi batas\*\* \|/);
    expect(kit.problems).toEqual([expect.stringMatching(/^sms-warga \(id\): SMS \d+ karakter/)]);
    expect(kit.index).toContain('## Perhatian');
  });
});

describe('the HTML page', () => {
  it('is standalone: CSP, no scripts, lang attribute, A4 print styles', async () => {
    const answers = fixtureAnswers();
    const kit = buildKit({ loaded, answers, lang: 'id', now: NOW });
    const html = await kitHtml(kit, answers);
    expect(html.startsWith('<!DOCTYPE html>\n<html lang="id">')).toBe(true);
    expect(html).toContain(`<meta http-equiv="Content-Security-Policy" content="${CONTENT_SECURITY_POLICY}">`);
    expect(CONTENT_SECURITY_POLICY).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:");
    expect(html).toContain('@page { size: A4;');
    const tags = elements(html);
    expect(tags.some((t) => t.tag === 'script' || t.tag === 'link' || t.tag === 'iframe')).toBe(false);
    expect(tags.filter((t) => t.tag === 'img')).toEqual([]);
    expect(tags.filter((t) => t.tag === 'section')).toHaveLength(kit.documents.length);
  });

  it('keeps links to http(s), mailto and tel only', () => {
    expect(safeHref('https://example.go.id')).toBe('https://example.go.id');
    expect(safeHref('mailto:humas@example.go.id')).toBeDefined();
    expect(safeHref('tel:112')).toBeDefined();
    expect(safeHref('#doc-01')).toBe('#doc-01');
    for (const bad of ['javascript:alert(1)', 'JAVASCRIPT:alert(1)', 'java\tscript:alert(1)', ' javascript:x', 'data:text/html,x', 'vbscript:x', 'file:///etc/passwd', '//evil.example', 'relative/page.html']) {
      expect(safeHref(bad), bad).toBeUndefined();
    }
  });

  it('hostile answers never appear as live markup', async () => {
    const p = project(
      {
        pernyataan: {
          id_: '{{> letterhead}}\n\n# {{incident.title}}\n\n{{> dateline}} Di {{lokasi}}: {{imbauan}}\n\n- {{list posko}}\n\n[Situs resmi]({{office.website}})\n\n{{> quote name=office.head.name title=office.head.title text=kutipan_kepala}}\n\n{{> contact}}\n\n{{> about}}\n',
        },
      },
      {},
      (doc) => {
        (doc.stages as { steps: { drafts?: string[] }[] }[])[1].steps[0].drafts = ['pernyataan'];
      },
    );
    const benign = fixtureAnswers();
    const plainKit = buildKit({ loaded: p.loaded, answers: benign, lang: 'id', now: NOW });
    const count = (html: string) => {
      const counts = new Map<string, number>();
      for (const e of elements(html)) counts.set(e.tag, (counts.get(e.tag) ?? 0) + 1);
      return counts;
    };
    const expected = count(await kitHtml(plainKit, benign));
    try {
      await fc.assert(
        fc.asyncProperty(fc.array(hostileText(), { minLength: 9, maxLength: 9 }), async (texts) => {
          const t = texts.map((s) => `a${s}z`);
          const answers = fixtureAnswers();
          answers.incident.title = t[0];
          answers.answers.lokasi = t[1];
          answers.answers.imbauan = t[2];
          answers.answers.posko = [t[3], t[4]];
          answers.answers.kutipan_kepala = t[5];
          answers.office.website = t[6];
          answers.office.agency = t[7];
          answers.office.contact = { ...answers.office.contact!, name: t[8] };
          const kit = buildKit({ loaded: p.loaded, answers, lang: 'id', now: NOW });
          const html = await kitHtml(kit, answers);
          const found = elements(html);
          for (const e of found) {
            expect(e.tag).not.toBe('script');
            for (const a of e.attributes) {
              expect(a.name.startsWith('on'), `${e.tag} ${a.name}`).toBe(false);
              if (a.name === 'href' || a.name === 'src') expect(safeHref(a.value), a.value).toBeDefined();
            }
          }
          // Every element is one the template (or the page) produced with benign answers too; only a
          // paragraph break typed in a long-text answer may add paragraphs.
          for (const [tag, n] of count(html)) if (tag !== 'p') expect(n, tag).toBeLessThanOrEqual(expected.get(tag) ?? 0);
        }),
        { numRuns: 60 },
      );
    } finally {
      p.cleanup();
    }
  });
});

/** Every file staged, then the folder put in place, as the kit command does. */
function writeKitFolder(target: string, contents: Map<string, string>, force: boolean, lang: 'id' | 'en'): void {
  const staged = new StagedFolder(target, force, lang);
  try {
    for (const [name, content] of contents) staged.write(name, content);
    staged.commit();
  } finally {
    staged.abort();
  }
}

describe('writing the kit folder', () => {
  const files = new Map([
    ['README.md', '# Kit\n'],
    ['press-kit.html', '<!DOCTYPE html>\n'],
  ]);

  it('creates the folder, refuses an existing one without --force and replaces it with --force', () => {
    const { dir, cleanup } = tempDir();
    try {
      const target = join(dir, 'nested', 'kit');
      writeKitFolder(target, files, false, 'en');
      expect(readdirSync(target).sort()).toEqual(['README.md', 'press-kit.html']);
      expect(() => writeKitFolder(target, new Map([['README.md', 'new\n']]), false, 'en')).toThrow(/already exists; use --force/);
      expect(readFileSync(join(target, 'README.md'), 'utf8')).toBe('# Kit\n');
      writeFileSync(join(target, 'stale.md'), 'old');
      writeKitFolder(target, new Map([['README.md', 'new\n']]), true, 'id');
      expect(readdirSync(target)).toEqual(['README.md']);
      expect(readFileSync(join(target, 'README.md'), 'utf8')).toBe('new\n');
      expect(readdirSync(join(dir, 'nested'))).toEqual(['kit']);
    } finally {
      cleanup();
    }
  });

  it('a failure leaves the old kit untouched and no temporary folder behind', () => {
    const { dir, cleanup } = tempDir();
    try {
      const target = join(dir, 'kit');
      writeKitFolder(target, files, false, 'en');
      expect(() => writeKitFolder(target, new Map([['README.md', 'x'], ['no/such/folder.md', 'x']]), true, 'en')).toThrow(/cannot write/);
      expect(readFileSync(join(target, 'README.md'), 'utf8')).toBe('# Kit\n');
      expect(readdirSync(dir)).toEqual(['kit']);
    } finally {
      cleanup();
    }
  });

  it('refuses a target that is a file, even with --force', () => {
    const { dir, cleanup } = tempDir();
    try {
      const target = join(dir, 'kit');
      writeFileSync(target, 'not a folder');
      expect(() => writeKitFolder(target, files, true, 'id')).toThrow(/bukan folder/);
      expect(existsSync(target) && readFileSync(target, 'utf8')).toBe('not a folder');
      mkdirSync(join(dir, 'x'));
    } finally {
      cleanup();
    }
  });
});
