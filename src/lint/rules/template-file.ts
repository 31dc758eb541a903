import { defineRule } from '../rule.js';

/** Every template and partial file exists and lies inside the playbook's project root. */
export const rule = defineRule({
  id: 'template-file',
  severity: 'error',
  description: {
    id: 'Berkas templat atau partial tidak ada, ditulis dengan path absolut, atau berada di luar folder akar proyek (keluar lewat .. atau tautan simbolik).',
    en: 'A template or partial file is missing, absolute, or outside the project root (.. escape or symbolic link).',
  },
  tags: ['references', 'security'],
  messages: {
    id: {
      absolute: 'path templat absolut; tulis relatif terhadap playbook: {path}',
      escape: 'path templat keluar dari folder akar proyek playbook: {path}',
      missing: 'berkas templat tidak ada: {path}',
      'symlink-out': 'berkas templat adalah tautan simbolik yang mengarah ke luar folder akar proyek: {path}',
      unreadable: 'berkas templat tidak dapat dibaca ({detail}): {path}',
      'check-path': 'periksa path-nya, relatif terhadap berkas playbook ini',
    },
    en: {
      absolute: 'template path is absolute; write it relative to the playbook: {path}',
      escape: 'template path leaves the playbook\'s project root: {path}',
      missing: 'template file does not exist: {path}',
      'symlink-out': 'template file is a symbolic link that points outside the project root: {path}',
      unreadable: 'template file cannot be read ({detail}): {path}',
      'check-path': 'check the path, relative to this playbook file',
    },
  },
  check({ templates, report }) {
    for (const file of templates.all()) {
      templates.parse(file);
      if (!file.problem) continue;
      report({
        pointer: file.pointer,
        messageId: file.problem,
        params: { path: file.written, ...(file.detail ? { detail: file.detail } : {}) },
        suggestionId: file.problem === 'missing' ? 'check-path' : undefined,
      });
    }
  },
});
