/** The walk on the test playbook, with a scripted prompter and a fixed clock. */
import { resolve } from 'node:path';
import { renderDrafter } from '../../src/flow/draft.js';
import type { Prompter } from '../../src/flow/prompter.js';
import { ScriptedPrompter, type ScriptLine } from '../../src/flow/scripted.js';
import { beginIncident, PLAIN, resumeIncident, Walk, type WalkOptions, type WalkOutcome } from '../../src/flow/walk.js';
import type { UserConfig } from '../../src/incident/config.js';
import type { IncidentRecord } from '../../src/incident/record.js';
import { Registry } from '../../src/playbook/registry.js';
import type { Locale } from '../../src/playbook/schema.js';

export const FLOW_FIXTURES = resolve(import.meta.dirname, '..', 'fixtures', 'flow');
export const FIXTURE_ANSWERS = resolve(FLOW_FIXTURES, 'banjir-sukamaju.answers.yaml');
/** 14 March 2026, 05.00 WITA: twenty minutes after the fixture incident began. */
export const NOW = new Date('2026-03-14T05:00:00+08:00');

export const registry = () => new Registry([FLOW_FIXTURES]);

export function walkOptions(prompter: Prompter, overrides: Partial<WalkOptions> = {}): WalkOptions & { remembered: UserConfig[] } {
  const remembered: UserConfig[] = [];
  const lang: Locale = overrides.lang ?? 'en';
  return {
    prompter,
    lang,
    now: () => NOW,
    yes: false,
    config: {},
    remember: (patch) => remembered.push(patch),
    style: PLAIN,
    drafter: renderDrafter(lang),
    ...overrides,
    remembered,
  };
}

/** The start of a new incident, up to and including the office, typed as an officer would. */
export const START: ScriptLine[] = [
  ['incident.title', 'Banjir Desa Mekarsari'],
  ['incident.timezone', 'WITA'],
  ['incident.start', '04.40'],
  ['incident.drill', 'real'],
  ['incident.place', 'Desa Mekarsari, Kecamatan Sukamaju'],
  ['office.agency', 'Dinas Komunikasi dan Informatika Kabupaten Sukamaju'],
  ['office.code', 'diskominfo'],
  ['office.city', 'Sukamaju'],
  ['office.spokesperson.name', 'Ratna Widyasari'],
  ['office.spokesperson.title', 'Kepala Bidang Informasi Publik'],
  ['office.spokesperson.phone', '0812 5550 1234'],
  ['office.contact.name', 'Yusuf Hidayat'],
  ['office.contact.role', 'Pranata Humas'],
  ['office.contact.phone', '0813 5550 4321'],
  ['office.hotline', '112'],
  ['office.website', 'https://sukamajukab.go.id'],
];

/** Triage answers giving urgency high (ongoing threat) × impact medium = level 3. */
export const TRIAGE_LEVEL_3: ScriptLine[] = [
  ['triage.sebaran', 'ramai'],
  ['triage.ancaman_berlanjut', 'yes'],
  ['triage.skala', 'sedang'],
];

/** The SCCT modifiers asked with the triage, answered as the fixture playbook has them (no history, good reputation). */
export const SCCT_AS_PLAYBOOK: ScriptLine[] = [
  ['scct.history', false],
  ['scct.priorReputation', 'good'],
];

/** Triage at level 3 with the playbook's own SCCT modifiers. */
export const TRIAGED: ScriptLine[] = [...TRIAGE_LEVEL_3, ...SCCT_AS_PLAYBOOK];

export interface Run {
  record: IncidentRecord;
  walk: Walk;
  outcome?: WalkOutcome;
  error?: unknown;
}

/** Start an incident in `root` and walk it; the record is closed afterwards, as the CLI does. */
export async function startWalk(root: string, options: WalkOptions, playbook = 'banjir-sukamaju'): Promise<Run> {
  const { record, loaded } = await beginIncident({ root, registry: registry(), playbook, options });
  return walkAndClose(record, loaded, options);
}

export async function resumeWalk(dir: string, options: WalkOptions): Promise<Run> {
  const { record, loaded } = resumeIncident(dir, registry(), options);
  return walkAndClose(record, loaded, options);
}

/** Walk an opened record to its end (or its error), then close it, as the CLI does. */
async function walkAndClose(record: Run['record'], loaded: ConstructorParameters<typeof Walk>[1], options: WalkOptions): Promise<Run> {
  const walk = new Walk(record, loaded, options);
  try {
    return { record, walk, outcome: await walk.run() };
  } catch (error) {
    return { record, walk, error };
  } finally {
    record.close();
  }
}

export const scripted = (lines: ScriptLine[], onEdit?: (file: string) => void) => new ScriptedPrompter(lines, onEdit);
