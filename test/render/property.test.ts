import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { markdownToHtml } from '../../src/kit/markdown-html.js';
import { renderStatement } from '../../src/render/index.js';
import { elements, hostileText } from './hostile.js';
import { fixtureAnswers, NOW, project, type Project } from './support.js';

/** Each template puts an answer in one Markdown context; the answer must not change that structure. */
const TEMPLATES = {
  paragraph: 'Awal {{lokasi}} akhir.',
  start: '{{lokasi}}',
  heading: '## {{lokasi}}',
  item: '- {{lokasi}}',
  table: '| a | b |\n|---|---|\n| {{lokasi}} | x |',
  emphasis: '**{{lokasi}}**',
  link: '[{{lokasi}}](https://example.go.id)',
  long: '{{imbauan}}',
  list: 'Posko: {{list posko}}.',
};
const EXPECTED: Record<keyof typeof TEMPLATES, string[]> = {
  paragraph: ['p'],
  start: ['p'],
  heading: ['h2'],
  item: ['ul', 'li'],
  table: ['table', 'thead', 'tr', 'th', 'th', 'tbody', 'tr', 'td', 'td'],
  emphasis: ['p', 'strong'],
  link: ['p', 'a'],
  long: ['p'],
  list: ['p'],
};

let p: Project;
beforeAll(() => {
  p = project(TEMPLATES);
});
afterAll(() => p.cleanup());

/**
 * A free-text answer that is never blank (a blank one is a missing fact, tested elsewhere): one
 * text, or a text per language (one language only, or both).
 */
const framed = (text: string) => `a${text}z`;
const freeText = () =>
  fc.oneof(
    hostileText().map(framed),
    fc.record({ id: hostileText().map(framed), en: hostileText().map(framed) }),
    fc.constantFrom('id', 'en').chain((lang) => hostileText().map((text) => ({ [lang]: framed(text) }))),
  );

describe('hostile answers', () => {
  it('never crash a render and never become Markdown structure, in one language or per language', async () => {
    await fc.assert(
      fc.asyncProperty(freeText(), freeText(), fc.array(freeText(), { maxLength: 4 }), fc.constantFrom('id', 'en'), async (text, long, items, lang) => {
        const answers = fixtureAnswers();
        answers.answers.lokasi = text;
        answers.answers.imbauan = long;
        answers.answers.posko = items;
        for (const id of Object.keys(TEMPLATES) as (keyof typeof TEMPLATES)[]) {
          const statement = renderStatement({ loaded: p.loaded, templateId: id, lang: lang as 'id' | 'en', answers, now: NOW });
          expect(statement.missing.filter((m) => m.fact !== 'posko' || items.length > 0)).toEqual([]);
          const html = await markdownToHtml(statement.markdown);
          const tags = elements(html).map((e) => e.tag);
          const allowed = id === 'long' ? ['p'] : EXPECTED[id];
          if (id === 'long' || (id === 'list' && items.length === 0)) {
            expect(tags.every((t) => allowed.includes(t) || t === 'mark')).toBe(true);
          } else {
            expect(tags).toEqual(EXPECTED[id]);
          }
        }
      }),
      { numRuns: 150 },
    );
  });

  it('keep ordinary text exactly as typed', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9,.()'"%:/]{1,12}$/);
    fc.assert(
      fc.property(fc.array(word, { minLength: 1, maxLength: 8 }), (words) => {
        const text = words.join(' ');
        fc.pre(!/^(\d{1,9}[.)])(\s|$)/.test(text));
        const answers = fixtureAnswers();
        answers.answers.lokasi = text;
        const statement = renderStatement({ loaded: p.loaded, templateId: 'paragraph', lang: 'id', answers, now: NOW });
        expect(statement.markdown).toBe(`Awal ${text} akhir.\n`);
      }),
      { numRuns: 200 },
    );
  });
});
