import type { Step } from '../../playbook/schema.js';
import { defineRule } from '../rule.js';

/** Strategy follows responsibility (SCCT): rebuild for preventable crises, deny only for rumours, never deny and rebuild together. */
export const rule = defineRule({
  id: 'scct-consistency',
  severity: 'error',
  description: {
    id: 'Langkah-langkah bertentangan dengan strategi SCCT: tidak ada rebuild untuk krisis yang dapat dicegah, deny bercampur rebuild, penyangkalan di luar rumor, atau permintaan maaf yang menyimpang dari strategi tanpa alasan.',
    en: 'The steps contradict the SCCT strategy: no rebuild for a preventable crisis, deny mixed with rebuild, denial outside a rumour, or an apology against the strategy without a reason.',
  },
  tags: ['strategy'],
  messages: {
    id: {
      'missing-rebuild': 'krisis yang dapat dicegah memerlukan langkah rebuild (permintaan maaf, kompensasi, tindakan perbaikan)',
      'add-apology': 'tambahkan langkah permintaan maaf pada tahap apologize',
      'deny-not-rumor': 'langkah "{step}" menyangkal, padahal penyangkalan hanya cocok untuk rumor (scct.rumor: true, klaster victim)',
      instruct: 'gunakan informasi instruktif sebagai gantinya',
      'deny-with-rebuild': 'langkah "{step}" menyangkal sementara langkah "{other}" meminta maaf; jangan mencampur deny dengan rebuild',
      exclude: 'beri salah satunya `when` yang mengecualikan yang lain',
      'unjustified-apology': 'langkah "{step}" meminta maaf, padahal strategi yang disarankan adalah "{strategy}"',
      justify: 'tuliskan `reason`, atau batasi dengan `when` (misalnya when: { strategy: [rebuild] })',
    },
    en: {
      'missing-rebuild': 'a preventable crisis needs a rebuild step (apology, compensation, corrective action)',
      'add-apology': 'add an apology step in the apologize stage',
      'deny-not-rumor': 'step "{step}" denies, but denial fits only a rumour (scct.rumor: true, victim cluster)',
      instruct: 'use instructing information instead',
      'deny-with-rebuild': 'step "{step}" denies while step "{other}" apologises; never mix deny with rebuild',
      exclude: 'give one of them a `when` that excludes the other',
      'unjustified-apology': 'step "{step}" apologises, but the recommended strategy is "{strategy}"',
      justify: 'state a `reason`, or limit it with `when` (e.g. when: { strategy: [rebuild] })',
    },
  },
  check({ playbook, strategy, report }) {
    const apologyTemplates = new Set(playbook.templates.filter((t) => t.kind === 'apology').map((t) => t.id));
    const steps: { step: Step; pointer: string }[] = playbook.stages.flatMap((s, i) => s.steps.map((step, j) => ({ step, pointer: `/stages/${i}/steps/${j}` })));
    const isRebuild = (step: Step) => step.posture === 'rebuild' || (step.drafts ?? []).some((t) => apologyTemplates.has(t));
    const rebuild = steps.filter(({ step }) => isRebuild(step));
    const deny = steps.filter(({ step }) => step.posture === 'deny');

    if (strategy.cluster === 'preventable' && rebuild.length === 0) {
      report({ pointer: '/scct/cluster', messageId: 'missing-rebuild', suggestionId: 'add-apology' });
    }
    for (const d of deny) {
      if (!strategy.denyAllowed) {
        report({ pointer: `${d.pointer}/posture`, messageId: 'deny-not-rumor', params: { step: d.step.id }, suggestionId: 'instruct' });
      }
      const clash = rebuild.find((r) => !r.step.when && !d.step.when);
      if (clash) {
        report({ pointer: `${d.pointer}/posture`, messageId: 'deny-with-rebuild', params: { step: d.step.id, other: clash.step.id }, suggestionId: 'exclude' });
      }
    }
    if (strategy.primary !== 'rebuild') {
      for (const r of rebuild) {
        if (r.step.reason || r.step.when) continue;
        report({ pointer: `${r.pointer}/id`, messageId: 'unjustified-apology', params: { step: r.step.id, strategy: strategy.primary }, suggestionId: 'justify' });
      }
    }
  },
});
