/**
 * Drafting during the walk: the statement renderer (Handlebars) is imported when the first draft
 * is due, never before the first question.
 */
import type { Locale } from '../playbook/schema.js';
import { FlowError } from './messages.js';
import type { Drafter } from './walk.js';

/** The Drafter the CLI uses: `renderStatement`, with warnings in the interface language. */
export function renderDrafter(uiLang: Locale): Drafter {
  return async (request) => {
    const render = await import('../render/index.js');
    try {
      const statement = render.renderStatement({
        loaded: request.loaded,
        templateId: request.templateId,
        lang: request.lang,
        answers: request.answers,
        now: request.now,
        uiLang,
      });
      return {
        markdown: statement.markdown,
        missing: [...new Set(statement.missing.map((m) => m.fact))],
        warnings: statement.warnings,
      };
    } catch (error) {
      // A broken template is the playbook's problem, reported where it is; the answers so far stay saved.
      if (error instanceof render.RenderError) throw new FlowError(error.message);
      throw error;
    }
  };
}
