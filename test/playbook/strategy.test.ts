import { describe, expect, it } from 'vitest';
import type { Scct } from '../../src/playbook/schema.js';
import { strategyFor, type IncidentModifiers } from '../../src/playbook/strategy.js';

describe('strategyFor: the playbook cluster with the incident\'s own modifiers', () => {
  it.each<[string, Scct, IncidentModifiers | undefined, string, string]>([
    ['no incident modifiers: the playbook decides', { cluster: 'accidental' }, undefined, 'accidental', 'diminish'],
    ['an empty incident scct: the playbook decides', { cluster: 'victim', history: true }, {}, 'accidental', 'diminish'],
    ['a history moves accidental to preventable', { cluster: 'accidental' }, { history: true }, 'preventable', 'rebuild'],
    ['a history moves victim to accidental', { cluster: 'victim', history: false }, { history: true }, 'accidental', 'diminish'],
    ['a poor reputation moves victim to accidental', { cluster: 'victim', priorReputation: 'good' }, { priorReputation: 'poor' }, 'accidental', 'diminish'],
    ['the incident overrides the playbook history', { cluster: 'victim', history: true }, { history: false }, 'victim', 'instruct'],
    ['the incident overrides the playbook reputation', { cluster: 'victim', priorReputation: 'poor' }, { priorReputation: 'good' }, 'victim', 'instruct'],
    ['the playbook reputation stands when the incident gives only a history', { cluster: 'victim', priorReputation: 'poor' }, { history: false }, 'accidental', 'diminish'],
    ['both modifiers move one cluster, not two', { cluster: 'victim' }, { history: true, priorReputation: 'poor' }, 'accidental', 'diminish'],
    ['preventable stays preventable', { cluster: 'preventable' }, { history: true }, 'preventable', 'rebuild'],
    ['a neutral reputation moves nothing', { cluster: 'accidental', priorReputation: 'poor' }, { priorReputation: 'neutral' }, 'accidental', 'diminish'],
  ])('%s', (_, playbook, incident, cluster, primary) => {
    const strategy = strategyFor(playbook, incident);
    expect(strategy.baseCluster).toBe(playbook.cluster);
    expect(strategy.cluster).toBe(cluster);
    expect(strategy.primary).toBe(primary);
  });

  it('gives the reason for the move in both languages', () => {
    const strategy = strategyFor({ cluster: 'accidental', history: false }, { history: true });
    expect(strategy.reason.en).toBe(
      'SCCT cluster: accidental; moved up to preventable because of a history of similar crises. Strategy: acknowledge responsibility, give a full apology, offer repair or compensation and corrective action.',
    );
    expect(strategy.reason.id).toContain('naik menjadi dapat dicegah (preventable) karena ada riwayat krisis serupa');
  });

  it('a rumour may be denied only while it stays in the victim cluster', () => {
    expect(strategyFor({ cluster: 'victim', rumor: true }, { history: false }).denyAllowed).toBe(true);
    expect(strategyFor({ cluster: 'victim', rumor: true }, { history: true }).denyAllowed).toBe(false);
  });
});
