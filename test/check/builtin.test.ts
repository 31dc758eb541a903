/**
 * Every built-in playbook's templates, rendered with its example answers, pass the checker with
 * no errors: the statements tanggap drafts must be fit to publish once the facts are in.
 * Each statement is checked as its template's kind and channel, against the example's facts and
 * the playbook's phrases to avoid.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkStatement } from '../../src/check/engine.js';
import { factsOf } from '../../src/check/incident.js';
import { channelForTemplate, kindForTemplate } from '../../src/check/types.js';
import { loadAnswersFile } from '../../src/incident/answers.js';
import { BUILTIN_PLAYBOOKS, PACKAGE_ROOT, Registry } from '../../src/playbook/registry.js';
import { renderStatement } from '../../src/render/index.js';

const EXAMPLES = join(PACKAGE_ROOT, 'examples');
const registry = new Registry([], BUILTIN_PLAYBOOKS);
const playbooks = registry.list().filter((e) => existsSync(join(EXAMPLES, `${e.id}.answers.yaml`)));

describe('built-in statements', () => {
  it('exist: every built-in playbook has an example to render', () => {
    expect(playbooks.length).toBeGreaterThan(0);
    expect(registry.list().map((e) => e.id).filter((id) => !playbooks.some((p) => p.id === id))).toEqual([]);
  });

  for (const entry of playbooks) {
    describe(entry.id, () => {
      const loaded = registry.load(entry.id);
      const { answers } = loadAnswersFile(join(EXAMPLES, `${entry.id}.answers.yaml`));
      const playbook = loaded.playbook!;
      const facts = factsOf(answers, playbook);
      for (const template of playbook?.templates ?? []) {
        for (const lang of ['id', 'en'] as const) {
          if (!template.files[lang]) continue;
          it(`${template.id} (${lang}) has no error-level findings`, () => {
            const rendered = renderStatement({ loaded, templateId: template.id, lang, answers, now: new Date('2024-09-12T06:30:00+07:00') });
            const result = checkStatement(`${entry.id}/${template.id}.${lang}.md`, rendered.markdown, {
              uiLang: 'en',
              kind: kindForTemplate(template.kind),
              lang,
              channel: channelForTemplate(template.channel),
              avoid: playbook.avoid,
              facts,
            });
            const errors = result.findings.filter((f) => f.severity === 'error').map((f) => `${f.line}:${f.column} ${f.ruleId}/${f.messageId} ${f.message}`);
            expect(errors).toEqual([]);
          });
        }
      }
    });
  }
});
