import type { Rule } from '../rule.js';

const GRADES = ['low', 'medium', 'high'] as const;

/** Triage gives one level per urgency × impact; levels 1-4 each defined once; more urgency or impact never lowers the level. */
export const rule: Rule = {
  id: 'triage-levels',
  severity: 'error',
  description: 'Triage levels are not 1-4 exactly once, the matrix lowers the level as urgency or impact grows, or a triage question cannot be scored.',
  tags: ['triage'],
  check({ playbook, report }) {
    const { triage } = playbook;
    for (let level = 1; level <= 4; level++) {
      const found = triage.levels.filter((l) => l.level === level).length;
      if (found === 0) report({ pointer: '/triage/levels', messageId: 'level-missing', message: `level ${level} is not defined` });
    }
    const seen = new Set<number>();
    triage.levels.forEach((l, i) => {
      if (seen.has(l.level)) report({ pointer: `/triage/levels/${i}/level`, messageId: 'level-duplicate', message: `level ${l.level} is defined twice` });
      seen.add(l.level);
    });
    GRADES.forEach((urgency, u) => {
      const row = triage.matrix[urgency];
      row.forEach((level, i) => {
        if (i > 0 && level < row[i - 1]) report({ pointer: `/triage/matrix/${urgency}/${i}`, messageId: 'matrix-not-monotonic', message: `level falls from ${row[i - 1]} to ${level} as impact grows (urgency ${urgency})` });
        if (u > 0) {
          const above = triage.matrix[GRADES[u - 1]][i];
          if (level < above) report({ pointer: `/triage/matrix/${urgency}/${i}`, messageId: 'matrix-not-monotonic', message: `level falls from ${above} to ${level} as urgency grows to ${urgency}` });
        }
      });
    });
    (['urgency', 'impact'] as const).forEach((part) =>
      triage[part].forEach((q, i) => {
        const scored = q.type === 'confirm' || ((q.type === 'select' || q.type === 'multiselect') && (q.options ?? []).some((o) => o.score !== undefined));
        if (!scored) report({ pointer: `/triage/${part}/${i}/type`, messageId: 'unscored-question', message: `triage question "${q.id}" cannot be scored: use a select with option scores (1-3) or a confirm` });
      }),
    );
  },
};
