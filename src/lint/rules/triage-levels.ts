import { defineRule, term } from '../rule.js';

const GRADES = ['low', 'medium', 'high'] as const;

const messages = {
  id: {
    'level-missing': 'level {level} belum didefinisikan',
    'level-duplicate': 'level {level} didefinisikan dua kali',
    'matrix-not-monotonic': 'level turun dari {from} ke {to} saat {axis} naik (urgensi {urgency}, dampak {impact})',
    'unscored-question': 'pertanyaan triase "{question}" tidak dapat diberi skor: gunakan select dengan skor pada pilihannya (1-3) atau confirm',
    urgency: 'urgensi',
    impact: 'dampak',
  },
  en: {
    'level-missing': 'level {level} is not defined',
    'level-duplicate': 'level {level} is defined twice',
    'matrix-not-monotonic': 'level falls from {from} to {to} as {axis} grows (urgency {urgency}, impact {impact})',
    'unscored-question': 'triage question "{question}" cannot be scored: use a select with option scores (1-3) or a confirm',
    urgency: 'urgency',
    impact: 'impact',
  },
};

/** Triage gives one level per urgency × impact; levels 1-4 each defined once; more urgency or impact never lowers the level. */
export const rule = defineRule({
  id: 'triage-levels',
  severity: 'error',
  description: {
    id: 'Level triase tidak tepat 1-4 masing-masing sekali, matriks menurunkan level saat urgensi atau dampak naik, atau pertanyaan triase tidak dapat diberi skor.',
    en: 'Triage levels are not 1-4 exactly once, the matrix lowers the level as urgency or impact grows, or a triage question cannot be scored.',
  },
  tags: ['triage'],
  messages,
  check({ playbook, report }) {
    const { triage } = playbook;
    for (let level = 1; level <= 4; level++) {
      const found = triage.levels.filter((l) => l.level === level).length;
      if (found === 0) report({ pointer: '/triage/levels', messageId: 'level-missing', params: { level } });
    }
    const seen = new Set<number>();
    triage.levels.forEach((l, i) => {
      if (seen.has(l.level)) report({ pointer: `/triage/levels/${i}/level`, messageId: 'level-duplicate', params: { level: l.level } });
      seen.add(l.level);
    });
    GRADES.forEach((urgency, u) => {
      const row = triage.matrix[urgency];
      row.forEach((level, i) => {
        const at = { pointer: `/triage/matrix/${urgency}/${i}`, messageId: 'matrix-not-monotonic' as const };
        const grades = { urgency, impact: GRADES[i] ?? String(i) };
        if (i > 0 && level < row[i - 1]) report({ ...at, params: { from: row[i - 1], to: level, axis: term(messages, 'impact'), ...grades } });
        if (u > 0) {
          const above = triage.matrix[GRADES[u - 1]][i];
          if (level < above) report({ ...at, params: { from: above, to: level, axis: term(messages, 'urgency'), ...grades } });
        }
      });
    });
    (['urgency', 'impact'] as const).forEach((part) =>
      triage[part].forEach((q, i) => {
        const scored = q.type === 'confirm' || ((q.type === 'select' || q.type === 'multiselect') && (q.options ?? []).some((o) => o.score !== undefined));
        if (!scored) report({ pointer: `/triage/${part}/${i}/type`, messageId: 'unscored-question', params: { question: q.id } });
      }),
    );
  },
});
