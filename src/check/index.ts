/**
 * The statement checker (`tanggap check`). The API other parts use:
 *
 *   checkStatement(file, text, { uiLang, kind?, lang?, channel?, avoid?, facts? }): StatementCheck
 *     Findings (with line, column, rule id, message id, a suggestion in the statement's language),
 *     and the kind and language used (detected when not given).
 *   CHECK_RULES — every rule: id, severity, description.
 *   kindForTemplate(templateKind), channelForTemplate(channel) — a playbook template as the checker sees it.
 *   loadIncident(dir, registry, uiLang, playbook?) / factsOf(answers, playbook) — an incident's pinned facts;
 *   factsIn(facts, lang) — those a statement in one language is compared with.
 */
export { checkStatement, type CheckOptions, type StatementCheck } from './engine.js';
export { CHECK_RULES } from './rules/index.js';
export { CheckDataError } from './data.js';
export { factsIn, factsOf, loadIncident, loadPlaybookFor, type Fact, type IncidentFacts } from './incident.js';
export { channelForTemplate, kindForTemplate, CHECK_CHANNELS, STATEMENT_KINDS, type CheckChannel, type StatementKind, type CheckRule } from './types.js';
