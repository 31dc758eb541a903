import { didYouMean } from '../../findings.js';
import type { Question } from '../../playbook/schema.js';
import { checkPath, CONTEXT_SHAPE, type ContextShape } from '../context-shape.js';
import { defineRule, term, type Report } from '../rule.js';
import { templateUses } from '../template-ast.js';

const messages = {
  id: {
    undefined: '"{name}" bukan pertanyaan di playbook ini dan bukan nama konteks bawaan',
    'unknown-field': '"{parent}" tidak memiliki field "{field}"',
    'not-a-mapping': '"{parent}" berupa {is}, bukan mapping; tidak ada field "{field}"',
    'did-you-mean': 'mungkin maksud Anda "{hint}"?',
    'add-question': 'tambahkan pertanyaan dengan id ini, atau gunakan nama konteks yang terdokumentasi',
    'known-fields': 'field yang ada pada "{parent}": {known}',
    'use-whole': 'pakai "{{{parent}}}" saja',
    text: 'teks',
    number: 'angka',
    time: 'waktu',
    flag: 'nilai ya/tidak',
    choice: 'pilihan',
    answer: 'jawaban pertanyaan',
    list: 'daftar',
  },
  en: {
    undefined: '"{name}" is not a question of this playbook nor a built-in context name',
    'unknown-field': '"{parent}" has no field "{field}"',
    'not-a-mapping': '"{parent}" is {is}, not a mapping; it has no field "{field}"',
    'did-you-mean': 'did you mean "{hint}"?',
    'add-question': 'add a question with this id, or use a documented context name',
    'known-fields': 'fields of "{parent}": {known}',
    'use-whole': 'use "{{{parent}}}" itself',
    text: 'text',
    number: 'a number',
    time: 'a time',
    flag: 'a yes/no value',
    choice: 'a selected option',
    answer: 'the answer to a question',
    list: 'a list',
  },
};
type Key = keyof (typeof messages)['en'];

/** An answer is a single value, or a list for list and multiselect questions. */
const answerShape = (question: Question): ContextShape => (question.type === 'list' || question.type === 'multiselect' ? { list: 'answer' } : 'answer');

/**
 * Every variable a template reads is a question or a built-in context name, and every field it
 * reads under a built-in name exists (office.contact.name, not office.kontak.name). Fields of the
 * current item inside {{#each}} / {{#with}} are not checked: the item's shape is not known here.
 */
export const rule = defineRule({
  id: 'undefined-variable',
  severity: 'error',
  description: {
    id: 'Templat memakai variabel atau field yang tidak disediakan oleh pertanyaan maupun konteks bawaan.',
    en: 'A template uses a variable or field that no question or built-in context provides.',
  },
  tags: ['templates'],
  messages,
  check({ playbook, templates, report }) {
    const questions = new Map([...playbook.triage.urgency, ...playbook.triage.impact, ...playbook.questions].map((q) => [q.id, q]));
    const known = new Set([...questions.keys(), ...Object.keys(CONTEXT_SHAPE)]);
    for (const file of templates.all()) {
      const parsed = templates.parse(file);
      if (!parsed?.ast) continue;
      for (const variable of templateUses(parsed.ast).variables) {
        const at = { file: file.path, position: variable.position };
        // A built-in name wins over a question with the same id, as in the renderer.
        const question = questions.get(variable.name);
        const shape = Object.hasOwn(CONTEXT_SHAPE, variable.name) ? CONTEXT_SHAPE[variable.name] : question && answerShape(question);
        if (shape === undefined) {
          const hint = didYouMean(variable.name, known);
          report({ ...at, messageId: 'undefined', params: hint ? { name: variable.name, hint } : { name: variable.name }, suggestionId: hint ? 'did-you-mean' : 'add-question' });
          continue;
        }
        const problem = checkPath(shape, variable.path);
        if (!problem) continue;
        const { parent, field } = problem;
        let finding: Report<Key>;
        if (problem.kind === 'unknown-field') {
          const hint = didYouMean(field, problem.known);
          finding = hint
            ? { ...at, messageId: 'unknown-field', params: { parent, field, hint: `${parent}.${hint}` }, suggestionId: 'did-you-mean' }
            : { ...at, messageId: 'unknown-field', params: { parent, field, known: problem.known.join(', ') }, suggestionId: 'known-fields' };
        } else {
          finding = { ...at, messageId: 'not-a-mapping', params: { parent, field, is: term(messages, problem.is) }, suggestionId: 'use-whole' };
        }
        report(finding);
      }
    }
  },
});
