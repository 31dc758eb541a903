/**
 * Coombs' SCCT: the recommended strategy follows from the crisis cluster and its modifiers.
 * A history of similar crises or a poor prior reputation moves the case one cluster up.
 */
import type { Cluster, LocalizedText, Posture, Scct } from './schema.js';

export interface Strategy {
  /** the cluster written in the playbook */
  baseCluster: Cluster;
  /** after modifiers */
  cluster: Cluster;
  primary: Extract<Posture, 'instruct' | 'diminish' | 'rebuild'>;
  /** denial is allowed only for rumours */
  denyAllowed: boolean;
  reason: LocalizedText;
}

const ORDER: Cluster[] = ['victim', 'accidental', 'preventable'];
const PRIMARY: Record<Cluster, Strategy['primary']> = { victim: 'instruct', accidental: 'diminish', preventable: 'rebuild' };

const CLUSTER_NAME = {
  id: { victim: 'korban (victim)', accidental: 'kecelakaan (accidental)', preventable: 'dapat dicegah (preventable)' },
  en: { victim: 'victim', accidental: 'accidental', preventable: 'preventable' },
} as const;

const ADVICE = {
  id: {
    instruct: 'berikan informasi instruktif (apa yang harus dilakukan publik) disertai empati; jangan meminta maaf atas hal di luar kendali instansi',
    diminish: 'berikan informasi instruktif dan empati, jelaskan keadaan tanpa melempar kesalahan, dan tunjukkan langkah perbaikan',
    rebuild: 'akui tanggung jawab, sampaikan permintaan maaf yang utuh, tawarkan pemulihan/kompensasi dan langkah perbaikan',
  },
  en: {
    instruct: 'give instructing information (what the public should do) with sympathy; do not apologise for what was beyond the office\'s control',
    diminish: 'give instructing information and sympathy, explain the circumstances without shifting blame, and show corrective steps',
    rebuild: 'acknowledge responsibility, give a full apology, offer repair or compensation and corrective action',
  },
} as const;

/** What an incident may say about itself (answers file `scct:`, the walk's triage questions). */
export type IncidentModifiers = Partial<Pick<Scct, 'history' | 'priorReputation'>>;

/**
 * The strategy for one incident: the playbook's cluster, with the incident's own modifiers where
 * it gives them and the playbook's where it does not ("this office had the same breach last year").
 */
export function strategyFor(playbook: Scct, incident?: IncidentModifiers): Strategy {
  return recommendStrategy({
    ...playbook,
    history: incident?.history ?? playbook.history,
    priorReputation: incident?.priorReputation ?? playbook.priorReputation,
  });
}

export function recommendStrategy(scct: Scct): Strategy {
  const modifiers: { id: string[]; en: string[] } = { id: [], en: [] };
  let index = ORDER.indexOf(scct.cluster);
  if (scct.history) {
    modifiers.id.push('ada riwayat krisis serupa');
    modifiers.en.push('a history of similar crises');
  }
  if (scct.priorReputation === 'poor') {
    modifiers.id.push('reputasi sebelumnya buruk');
    modifiers.en.push('a poor prior reputation');
  }
  if (modifiers.en.length > 0) index = Math.min(index + 1, ORDER.length - 1);
  const cluster = ORDER[index];
  const primary = PRIMARY[cluster];
  const denyAllowed = Boolean(scct.rumor) && cluster === 'victim';
  const reason = {
    id:
      `Klaster SCCT: ${CLUSTER_NAME.id[scct.cluster]}` +
      (modifiers.id.length ? `; naik menjadi ${CLUSTER_NAME.id[cluster]} karena ${modifiers.id.join(' dan ')}` : '') +
      `. Strategi: ${ADVICE.id[primary]}` +
      (denyAllowed ? '. Karena ini isu rumor/hoaks, bantahan berbasis fakta diperbolehkan.' : '.'),
    en:
      `SCCT cluster: ${CLUSTER_NAME.en[scct.cluster]}` +
      (modifiers.en.length ? `; moved up to ${CLUSTER_NAME.en[cluster]} because of ${modifiers.en.join(' and ')}` : '') +
      `. Strategy: ${ADVICE.en[primary]}` +
      (denyAllowed ? '. As this is a rumour, a fact-based denial is allowed.' : '.'),
  };
  return { baseCluster: scct.cluster, cluster, primary, denyAllowed, reason };
}
