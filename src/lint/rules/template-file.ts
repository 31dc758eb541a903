import type { Rule } from '../rule.js';

const MESSAGES = {
  absolute: 'template path is absolute; write it relative to the playbook',
  escape: 'template path leaves the playbook\'s project root',
  missing: 'template file does not exist',
  'symlink-out': 'template file is a symbolic link that points outside the project root',
  unreadable: 'template file cannot be read',
} as const;

/** Every template and partial file exists and lies inside the playbook's project root. */
export const rule: Rule = {
  id: 'template-file',
  severity: 'error',
  description: 'A template or partial file is missing, absolute, or outside the project root (.. escape or symbolic link).',
  tags: ['references', 'security'],
  check({ templates, report }) {
    for (const file of templates.all()) {
      templates.parse(file);
      if (!file.problem) continue;
      report({
        pointer: file.pointer,
        messageId: file.problem,
        message: `${MESSAGES[file.problem]}${file.detail ? ` (${file.detail})` : ''}: ${file.written}`,
        suggestion: file.problem === 'missing' ? 'check the path, relative to this playbook file' : undefined,
      });
    }
  },
};
