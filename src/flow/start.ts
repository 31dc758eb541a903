/**
 * The first moments of `tanggap respond`: find the playbook's file and ask the incident title.
 * Kept to file-system checks and the messages, so the first question appears about as fast as
 * Node starts; the playbook is parsed and validated while the officer types, after the title.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Locale } from '../playbook/schema.js';
import { flowText, FlowError } from './messages.js';
import type { Prompter } from './prompter.js';

/** The built-in playbooks, next to the package's dist/ folder. */
export const BUILTIN_PLAYBOOK_DIR = resolve(fileURLToPath(new URL('.', import.meta.url)), '..', '..', 'playbooks');

const ID = /^[a-z][a-z0-9]*(-[a-z0-9]+)*$/;

const isFile = (path: string) => {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

/**
 * The file of a playbook named by its file path or by an id that is also its file name
 * (`<id>.playbook.yaml` in the office's folders, then the built-ins). Undefined when the name
 * needs the registry (an alias, or an id under another file name).
 */
export function locatePlaybook(name: string, localDirs: string[], builtinDir = BUILTIN_PLAYBOOK_DIR): { file: string; source: 'built-in' | 'local' } | undefined {
  if (/\.ya?ml$/.test(name)) return isFile(resolve(name)) ? { file: resolve(name), source: 'local' } : undefined;
  if (!ID.test(name)) return undefined;
  for (const dir of localDirs) {
    const file = join(resolve(dir), `${name}.playbook.yaml`);
    if (isFile(file)) return { file, source: 'local' };
  }
  // A local playbook under another file name may carry this id or alias and must win; a look at
  // the text (no parsing) tells whether one might, and then the registry decides.
  const mention = new RegExp(`^(id:\\s*['"]?${name}['"]?\\s*(#.*)?$|aliases:.*\\b${name}\\b)`, 'm');
  for (const dir of localDirs) {
    if (!existsSync(dir)) continue;
    for (const entry of readdirSync(dir)) {
      if (!/\.playbook\.ya?ml$/.test(entry)) continue;
      try {
        if (mention.test(readFileSync(join(dir, entry), 'utf8'))) return undefined;
      } catch {
        return undefined;
      }
    }
  }
  const builtin = join(builtinDir, `${name}.playbook.yaml`);
  return isFile(builtin) ? { file: builtin, source: 'built-in' } : undefined;
}

/** The first question of a new incident; its answer names the record's folder. */
export async function askTitle(prompter: Prompter, lang: Locale): Promise<string> {
  const t = flowText(lang);
  const reply = await prompter.ask({
    key: 'incident.title',
    kind: 'text',
    message: t('askTitle'),
    help: t('askTitleHelp'),
    canSkip: false,
    canBack: false,
    required: true,
    parse: (raw) => (raw.trim() === '' ? { error: t('required') } : { value: raw.trim() }),
  });
  if (reply.type !== 'answer') throw new FlowError(t('titleRequired'));
  return String(reply.value);
}
