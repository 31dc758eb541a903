/**
 * Golden files: every template of the render fixture, and of every built-in playbook that has an
 * example answers file, rendered in each of its languages and compared with the stored Markdown.
 * UPDATE_GOLDEN=1 writes the files instead (review the diff before committing).
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadAnswersFile, parseOfficeTime } from '../../src/incident/answers.js';
import { loadPlaybook } from '../../src/playbook/load.js';
import { Registry } from '../../src/playbook/registry.js';
import { LOCALES } from '../../src/playbook/schema.js';
import { renderStatement } from '../../src/render/index.js';
import { REPO } from '../helpers/cli.js';
import { FIXTURE, FIXTURE_ANSWERS, FIXTURE_PLAYBOOK } from './support.js';

interface GoldenCase {
  name: string;
  playbook: string;
  answers: string;
  goldenDir: string;
}

const registry = new Registry([]);
const builtins: GoldenCase[] = existsSync(join(REPO, 'playbooks'))
  ? readdirSync(join(REPO, 'playbooks'))
      .filter((name) => name.endsWith('.playbook.yaml'))
      .map((name) => name.replace(/\.playbook\.yaml$/, ''))
      .filter((id) => existsSync(join(REPO, 'examples', `${id}.answers.yaml`)))
      .sort()
      .map((id) => ({
        name: id,
        playbook: join(REPO, 'playbooks', `${id}.playbook.yaml`),
        answers: join(REPO, 'examples', `${id}.answers.yaml`),
        goldenDir: join(REPO, 'test', 'golden', id),
      }))
  : [];

const cases: GoldenCase[] = [{ name: 'render fixture', playbook: FIXTURE_PLAYBOOK, answers: FIXTURE_ANSWERS, goldenDir: join(FIXTURE, 'golden') }, ...builtins];
const update = process.env.UPDATE_GOLDEN === '1';

for (const c of cases) {
  describe(`golden: ${c.name}`, () => {
    const loaded = loadPlaybook(c.playbook, registry.resolveExtends);
    const { answers } = loadAnswersFile(c.answers);
    // A fixed time of rendering (two hours after the incident start) keeps datelines stable.
    const now = new Date(parseOfficeTime(answers.incident.start, answers.incident.timezone)!.getTime() + 2 * 3_600_000);

    it('the playbook is valid', () => {
      expect(loaded.findings.filter((f) => f.severity === 'error')).toEqual([]);
    });

    for (const template of loaded.playbook?.templates ?? []) {
      for (const lang of LOCALES.filter((l) => template.files[l])) {
        it(`${template.id}.${lang}`, () => {
          const statement = renderStatement({ loaded, templateId: template.id, lang, answers, now });
          const file = join(c.goldenDir, `${template.id}.${lang}.md`);
          if (update) {
            mkdirSync(c.goldenDir, { recursive: true });
            writeFileSync(file, statement.markdown);
          }
          expect(existsSync(file), `${file} is missing; run UPDATE_GOLDEN=1 npx vitest run test/render/golden.test.ts`).toBe(true);
          expect(statement.markdown).toBe(readFileSync(file, 'utf8'));
        });
      }
    }
  });
}
