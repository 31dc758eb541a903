import { parseDuration } from '../../playbook/duration.js';
import { defineRule } from '../rule.js';

const NOT_PUBLIC_KINDS = new Set(['talking-points', 'internal-memo']);

/** Be first: the first public statement is due within the limit (default 60 minutes). */
export const rule = defineRule({
  id: 'first-statement-deadline',
  severity: 'error',
  description: {
    id: 'Pernyataan publik pertama jatuh tempo melewati batas (bawaan 60 menit), atau tidak ada sama sekali.',
    en: 'The first public statement is due later than the limit (default 60 minutes), or there is none.',
  },
  tags: ['flow', 'cerc'],
  messages: {
    id: {
      none: 'tidak ada langkah yang menerbitkan pernyataan publik',
      'add-public': 'tambahkan langkah dengan `public: true` yang menyusun pernyataan awal',
      'too-late': 'pernyataan publik pertama ("{step}") baru jatuh tempo {deadline}, lebih lambat dari {limit}',
      'be-first': 'jadilah yang pertama: tetapkan tenggatnya paling lambat {limit}',
    },
    en: {
      none: 'no step releases a public statement',
      'add-public': 'add a step with `public: true` that drafts the holding statement',
      'too-late': 'the first public statement ("{step}") is due at {deadline}, later than {limit}',
      'be-first': 'be first: make it due within {limit}',
    },
  },
  check({ playbook, options, report }) {
    const publicTemplates = new Set(playbook.templates.filter((t) => t.channel !== 'internal' && !NOT_PUBLIC_KINDS.has(t.kind)).map((t) => t.id));
    let first: { ms: number; pointer: string; id: string; deadline: string } | undefined;
    playbook.stages.forEach((stage, i) =>
      stage.steps.forEach((step, j) => {
        const isPublic = step.public ?? (step.drafts ?? []).some((t) => publicTemplates.has(t));
        if (!isPublic) return;
        const ms = parseDuration(step.deadline);
        if (!first || ms < first.ms) first = { ms, pointer: `/stages/${i}/steps/${j}/deadline`, id: step.id, deadline: step.deadline };
      }),
    );
    // The stricter of the team's policy (.tanggaprc.yaml, default 60m) and the playbook's own setting.
    const own = playbook.settings?.firstStatementWithin;
    const policy = options.firstStatementMinutes * 60_000;
    const limit = own ? Math.min(parseDuration(own), policy) : policy;
    const limitLabel = own && parseDuration(own) <= policy ? own : `${options.firstStatementMinutes}m`;
    if (!first) {
      report({ pointer: '/stages', messageId: 'none', suggestionId: 'add-public' });
      return;
    }
    if (first.ms > limit) {
      report({ pointer: first.pointer, messageId: 'too-late', params: { step: first.id, deadline: first.deadline, limit: limitLabel }, suggestionId: 'be-first' });
    }
  },
});
