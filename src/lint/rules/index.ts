/** Every lint rule, in the order they run. One rule per file; ids are stable. */
import type { Rule } from '../rule.js';
import { rule as avoidPhrase } from './avoid-phrase.js';
import { rule as deadlineOrder } from './deadline-order.js';
import { rule as duplicateId } from './duplicate-id.js';
import { rule as firstStatementDeadline } from './first-statement-deadline.js';
import { rule as incompleteLocale } from './incomplete-locale.js';
import { rule as scctConsistency } from './scct-consistency.js';
import { rule as stageOrder } from './stage-order.js';
import { rule as templateFile } from './template-file.js';
import { rule as templateSyntax } from './template-syntax.js';
import { rule as triageLevels } from './triage-levels.js';
import { rule as unaskedQuestion } from './unasked-question.js';
import { rule as undefinedVariable } from './undefined-variable.js';
import { rule as unknownReference } from './unknown-reference.js';
import { rule as unusedQuestion } from './unused-question.js';

export const RULES: Rule[] = [
  duplicateId,
  unknownReference,
  templateFile,
  templateSyntax,
  undefinedVariable,
  unusedQuestion,
  unaskedQuestion,
  incompleteLocale,
  stageOrder,
  deadlineOrder,
  firstStatementDeadline,
  scctConsistency,
  triageLevels,
  avoidPhrase,
];
