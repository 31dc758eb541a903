import { readFileSync, writeFileSync, appendFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { MissingAnswer } from '../../src/flow/prompter.js';
import { beginIncident, Walk } from '../../src/flow/walk.js';
import { AutoPrompter, BACK, SKIP, UnexpectedQuestion, type ScriptLine } from '../../src/flow/scripted.js';
import { incidentStatus } from '../../src/flow/status.js';
import { loadAnswersFile } from '../../src/incident/answers.js';
import { readRecord, sha256 } from '../../src/incident/record.js';
import { Registry } from '../../src/playbook/registry.js';
import { answerOf, META_KEYS, metaOf, skippedQuestions } from '../../src/incident/state.js';
import { REPO, tempDir } from '../helpers/cli.js';
import { FIXTURE_ANSWERS, NOW, registry, resumeWalk, SCCT_AS_PLAYBOOK, scripted, START, startWalk, TRIAGE_LEVEL_3, TRIAGED, walkOptions } from './support.js';

let root: string;
let cleanup: () => void;
beforeEach(() => {
  ({ dir: root, cleanup } = tempDir('tanggap-flow-'));
});
afterEach(() => cleanup());

/** Everything after the triage for a level-3 real incident where the officer signs the holding statement. */
const STEPS_SIGNED: ScriptLine[] = [
  ['q.lokasi', 'Desa Mekarsari, Kecamatan Sukamaju'],
  ['checklist.verifikasi', ['0', '1']],
  ['continue.respond', 'continue'],
  ['q.jumlah_pengungsi', '1.250'],
  ['q.posko', 'Balai Desa Mekarsari; SDN Mekarsari 1'],
  ['review.holding-statement.en', 'sign'],
  ['signoff.holding-statement.en.name', 'Ratna Widyasari'],
  ['signoff.holding-statement.en.role', 'Spokesperson'],
  ['checklist.pernyataan-awal', ['0']],
  ['checklist.konferensi-pers', []],
  ['continue.apologize', 'continue'],
  ['q.ada_kelalaian', 'no'],
  ['continue.repair', 'continue'],
  ['q.waktu_surut', '2026-03-15 12:00'],
  ['checklist.pemulihan', ['0']],
];

describe('the walk', () => {
  it('walks the whole playbook: triage, strategy, steps, a signed draft, and a record to match', async () => {
    const prompter = scripted([...START, ...TRIAGED, ...STEPS_SIGNED]);
    const options = walkOptions(prompter);
    const run = await startWalk(root, options);
    expect(run.error).toBeUndefined();
    expect(run.outcome).toBe('finished');
    expect(prompter.remaining).toEqual([]);

    const { state } = readRecord(run.record.dir);
    expect(run.record.dir).toMatch(/2026-03-14-banjir-desa-mekarsari$/);
    expect(metaOf(state)).toMatchObject({ title: 'Banjir Desa Mekarsari', timezone: 'WITA', start: '2026-03-14T04:40:00+08:00', drill: false });
    expect(state.office).toMatchObject({ code: 'DISKOMINFO', city: 'Sukamaju', spokesperson: { name: 'Ratna Widyasari' } });
    expect(state.triage).toMatchObject({ level: 3, urgency: 'high', impact: 'medium' });
    expect(state.strategy).toMatchObject({ primary: 'instruct', cluster: 'victim' });
    expect(answerOf(state, 'q.jumlah_pengungsi')).toBe(1250);
    expect(answerOf(state, 'q.posko')).toEqual(['Balai Desa Mekarsari', 'SDN Mekarsari 1']);
    expect(answerOf(state, 'q.waktu_surut')).toBe('2026-03-15T12:00:00+08:00');

    const steps = Object.fromEntries([...state.steps].map(([id, e]) => [id, e.status]));
    expect(steps).toEqual({
      verifikasi: 'done',
      'pernyataan-awal': 'done',
      'konferensi-pers': 'open',
      'gladi-latihan': 'skipped',
      evaluasi: 'done',
      'permintaan-maaf': 'skipped',
      pemulihan: 'done',
    });
    expect(state.steps.get('gladi-latihan')!.reason!.en).toBe('only in a drill');
    expect(state.steps.get('permintaan-maaf')!.reason!.en).toContain('(answer: No)');
    expect(state.steps.get('permintaan-maaf')!.reason!.id).toContain('(jawaban: Tidak)');

    const draft = state.drafts.get('holding-statement.en')!;
    const text = readFileSync(join(run.record.dir, draft.file), 'utf8');
    expect(text).toContain('Desa Mekarsari, Kecamatan Sukamaju');
    expect(text).toContain('1,250');
    const signoff = state.signoffs.get('holding-statement.en')!;
    expect(signoff).toMatchObject({ name: 'Ratna Widyasari', role: 'Spokesperson', sha256: sha256(text) });
    expect(options.remembered).toContainEqual({ timezone: 'WITA' });
    expect(options.remembered.some((p) => p.office?.code === 'DISKOMINFO')).toBe(true);
    expect(state.finished).toBeDefined();

    // Status right after the walk: nothing overdue, the press conference next, the next update
    // three hours (level 3) after the signed holding statement.
    const status = incidentStatus({ state, playbook: registry().load('banjir-sukamaju').playbook!, dir: run.record.dir, now: NOW, lang: 'en' });
    expect(status.overdue).toEqual([]);
    expect(status.nextStep).toMatchObject({ number: '2.2', title: 'Hold a press conference', due: '2026-03-13T23:40:00.000Z', overdueMinutes: -160 });
    expect(status.nextUpdate).toMatchObject({ kind: 'update', every: '3h', lastPublic: NOW.toISOString(), due: '2026-03-14T00:00:00.000Z' });
    expect(status.unsigned).toEqual([]);
    // Known now, but the draft was signed before it was: the signed text still lacks it.
    expect(status.missing).toEqual([{ fact: 'waktu_surut', question: 'When is the water expected to recede?', reasons: ['draft'], drafts: ['drafts/holding-statement.en.md'] }]);
    expect(status.escalation.map((e) => [e.role, e.overdueMinutes])).toEqual([['kepala-dinas', 5], ['bupati', -40]]);

    // The snapshot is a valid answers file that draft and kit can read.
    const snapshot = loadAnswersFile(join(run.record.dir, 'answers.yaml')).answers;
    expect(snapshot.playbook).toBe(join(registry().find('banjir-sukamaju').file));
    expect(snapshot.triage).toEqual({ sebaran: 'ramai', ancaman_berlanjut: true, skala: 'sedang' });
    expect(snapshot.answers.jumlah_pengungsi).toBe(1250);
  });

  it('shows the level, the escalation as clock times and the strategy with its reason', async () => {
    const prompter = scripted([...START, ...TRIAGED]);
    const run = await startWalk(root, walkOptions(prompter));
    // The script ends at the first step's question: everything before it was said.
    expect(run.error).toBeInstanceOf(UnexpectedQuestion);
    expect(String(run.error)).toContain('"q.lokasi"');
    const said = prompter.said.join('\n');
    expect(said).toContain('Level 3 — Crisis (urgency high × impact medium)');
    // Started 04.40 WITA: the head of office by 04.55, the regent by 05.40; it is now 05.00.
    expect(said).toMatch(/Head of the Communication Office — by 4:55 am WITA \(overdue by 5 min\)/);
    expect(said).toMatch(/Regent — by 5:40 am WITA \(40 min left\)/);
    expect(said).toContain('Public updates: every 3h.');
    expect(said).toContain('Recommended strategy: instruct');
    expect(said).toContain('SCCT cluster: victim');
  });

  it.each([
    [['terbatas', 'no', 'kecil'], 1],
    [['ramai', 'no', 'kecil'], 1],
    [['ramai', 'no', 'sedang'], 2],
    [['viral', 'no', 'sedang'], 3],
    [['terbatas', 'yes', 'besar'], 4],
  ] as const)('triage %j gives level %i', async ([sebaran, ancaman, skala], level) => {
    const prompter = scripted([
      ...START,
      ['triage.sebaran', sebaran],
      ['triage.ancaman_berlanjut', ancaman],
      ['triage.skala', skala],
      ...SCCT_AS_PLAYBOOK,
    ]);
    const run = await startWalk(root, walkOptions(prompter));
    expect(run.error).toBeInstanceOf(UnexpectedQuestion);
    expect(readRecord(run.record.dir).state.triage?.level).toBe(level);
  });

  it('skips steps whose condition does not hold and says why, in both languages', async () => {
    const prompter = scripted([
      ...START,
      ['triage.sebaran', 'ramai'],
      ['triage.ancaman_berlanjut', 'no'],
      ['triage.skala', 'sedang'],
      ...SCCT_AS_PLAYBOOK,
      ['q.lokasi', 'Desa Mekarsari'],
      ['checklist.verifikasi', []],
      ['continue.respond', 'stop'],
    ]);
    const run = await startWalk(root, walkOptions(prompter));
    expect(run.outcome).toBe('stopped');
    // Level 2: the press conference (minLevel 3) is skipped once its stage is reached.
    const resumed = scripted([
      ['checklist.verifikasi', ['0', '1']],
      ['continue.respond', 'continue'],
      ['q.jumlah_pengungsi', SKIP],
      ['q.posko', SKIP],
      ['review.holding-statement.en', 'later'],
      ['checklist.pernyataan-awal', []],
      ['continue.apologize', 'stop'],
    ]);
    const again = await resumeWalk(run.record.dir, walkOptions(resumed));
    expect(again.outcome).toBe('stopped');
    expect(resumed.remaining).toEqual([]);
    const { state } = readRecord(run.record.dir);
    expect(state.steps.get('konferensi-pers')).toMatchObject({
      status: 'skipped',
      reason: { en: 'only from level 3 (this incident is level 2)', id: 'hanya untuk tingkat 3 ke atas (insiden ini tingkat 2)' },
    });
    expect(resumed.said.join('\n').replace(/\s+/g, ' ')).toContain('⤼ [2.2] Hold a press conference — skipped: only from level 3 (this incident is level 2)');
  });

  it('goes back to the previous question, offering the earlier answer, and withdraws what followed', async () => {
    const prompter = scripted([
      ['incident.title', 'Banjir Desa Mekarsari'],
      ['incident.timezone', 'WITA'],
      ['incident.start', BACK],
      ['incident.timezone', 'WIT'],
      ['incident.start', '05.40'],
      ['incident.drill', BACK],
      ['incident.start', '05.30'],
      ['incident.drill', 'drill'],
      ['incident.place', SKIP],
      ...START.slice(5),
      ...TRIAGED,
      // Back over the two SCCT questions to the last triage question.
      ['q.lokasi', BACK],
      ['scct.priorReputation', BACK],
      ['scct.history', BACK],
      ['triage.skala', 'kecil'],
      ...SCCT_AS_PLAYBOOK,
      ['q.lokasi', 'Desa Mekarsari'],
    ]);
    const run = await startWalk(root, walkOptions(prompter));
    expect(String(run.error)).toContain('"checklist.verifikasi"');
    const asked = prompter.asked;
    const secondTz = asked.filter((s) => s.key === 'incident.timezone')[1];
    expect(secondTz.default).toBe('WITA');
    expect(secondTz.canBack).toBe(true);
    const secondStart = asked.filter((s) => s.key === 'incident.start')[2];
    expect(secondStart.default).toBe('2026-03-14 05:40');
    const { state } = readRecord(run.record.dir);
    expect(metaOf(state)).toMatchObject({ timezone: 'WIT', start: '2026-03-14T05:30:00+09:00', drill: true });
    // Going back over the triage answer withdrew the triage result; the new one is level 2.
    expect(state.triage).toMatchObject({ level: 2, urgency: 'high', impact: 'low' });
    const journal = readFileSync(join(run.record.dir, 'journal.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(journal.filter((e) => e.type === 'retract').map((e) => e.key)).toEqual(['incident.timezone', 'incident.start', 'scct.priorReputation', 'scct.history', 'triage.skala']);
    expect(journal.filter((e) => e.type === 'triage').map((e) => e.level)).toEqual([3, 2]);
  });

  it('records a skipped fact as unknown and shows it as missing', async () => {
    const prompter = scripted([
      ...START,
      ...TRIAGED,
      ['q.lokasi', 'Desa Mekarsari'],
      ['checklist.verifikasi', ['0', '1']],
      ['continue.respond', 'continue'],
      ['q.jumlah_pengungsi', SKIP],
      ['q.posko', 'Balai Desa Mekarsari'],
      ['review.holding-statement.en', 'later'],
      ['checklist.pernyataan-awal', ['0']],
      ['checklist.konferensi-pers', ['0']],
      ['continue.apologize', 'stop'],
    ]);
    const run = await startWalk(root, walkOptions(prompter));
    expect(run.outcome).toBe('stopped');
    const { state } = readRecord(run.record.dir);
    expect(skippedQuestions(state)).toEqual(['jumlah_pengungsi']);
    const draft = state.drafts.get('holding-statement.en')!;
    expect(draft.missing).toEqual(expect.arrayContaining(['jumlah_pengungsi', 'waktu_surut']));
    expect(readFileSync(join(run.record.dir, draft.file), 'utf8')).toContain('[[MISSING: jumlah_pengungsi]]');
    const status = incidentStatus({ state, playbook: registry().load('banjir-sukamaju').playbook!, dir: run.record.dir, now: NOW, lang: 'en' });
    expect(status.missing.find((m) => m.fact === 'jumlah_pengungsi')).toMatchObject({ reasons: ['skipped', 'draft'], question: 'Number of evacuees' });
    expect(status.unsigned).toEqual([{ template: 'holding-statement', lang: 'en', file: 'drafts/holding-statement.en.md', reason: 'never' }]);
  });

  it('refuses a typed answer that breaks the question\'s rule', async () => {
    const prompter = scripted([...START, ...TRIAGED, ['q.lokasi', 'Desa Mekarsari'], ['checklist.verifikasi', []], ['continue.respond', 'continue'], ['q.jumlah_pengungsi', '-5']]);
    const run = await startWalk(root, walkOptions(prompter));
    expect(String(run.error)).toContain('refused "-5": must be at least 0');
    const spec = prompter.asked.at(-1)!;
    expect(spec.kind === 'number' && spec.parse('banyak')).toEqual({ error: 'must be a number' });
  });

  it('an edit in the editor is recorded, and a sign-off binds the edited text', async () => {
    let edits = 0;
    const prompter = scripted(
      [
        ...START,
        ...TRIAGED,
        ...STEPS_SIGNED.slice(0, 5),
        ['review.holding-statement.en', 'edit'],
        ['review.holding-statement.en', 'sign'],
        ...STEPS_SIGNED.slice(6),
      ],
      (file) => {
        edits++;
        appendFileSync(file, '\nThe regent will visit the shelters this afternoon.\n');
      },
    );
    const run = await startWalk(root, walkOptions(prompter));
    expect(run.outcome).toBe('finished');
    expect(edits).toBe(1);
    const { state } = readRecord(run.record.dir);
    const draft = state.drafts.get('holding-statement.en')!;
    expect(draft.source).toBe('editor');
    const text = readFileSync(join(run.record.dir, draft.file), 'utf8');
    expect(text).toContain('The regent will visit');
    expect(state.signoffs.get('holding-statement.en')!.sha256).toBe(sha256(text));

    // A change after the sign-off voids it.
    writeFileSync(join(run.record.dir, draft.file), `${text}\nOne more line.\n`);
    const status = incidentStatus({ state, playbook: registry().load('banjir-sukamaju').playbook!, dir: run.record.dir, now: NOW, lang: 'en' });
    expect(status.unsigned).toEqual([{ template: 'holding-statement', lang: 'en', file: 'drafts/holding-statement.en.md', reason: 'changed', signedBy: 'Ratna Widyasari' }]);
  });

  it('with --yes takes defaults and ticks checklists, asking only what has no default', async () => {
    const prompter = scripted([
      ['incident.title', 'Banjir Desa Mekarsari'],
      ['incident.place', SKIP],
      ...TRIAGE_LEVEL_3,
      ['q.lokasi', 'Desa Mekarsari'],
      ['q.jumlah_pengungsi', '300'],
      ['q.posko', SKIP],
      ['review.holding-statement.en', 'later'],
      ['q.waktu_surut', SKIP],
    ]);
    const office = { agency: 'Dinas Kominfo Kabupaten Sukamaju', code: 'DISKOMINFO', city: 'Sukamaju' };
    const run = await startWalk(root, walkOptions(prompter, { yes: true, config: { timezone: 'WITA', office } }));
    expect(run.error).toBeUndefined();
    expect(prompter.remaining).toEqual([]);
    const { state } = readRecord(run.record.dir);
    expect(state.office).toEqual(office);
    expect(metaOf(state)).toMatchObject({ timezone: 'WITA', start: '2026-03-14T05:00:00+08:00', drill: false });
    expect(answerOf(state, 'q.ada_kelalaian')).toBe(false);
    expect([...state.steps.values()].filter((s) => s.status === 'open')).toEqual([]);
    expect(state.inputs.get(META_KEYS.timezone)!.auto).toBe(true);
  });

  it('resumes where it stopped: nothing answered is asked again; open checklists and skipped facts come back', async () => {
    const first = scripted([
      ...START,
      ...TRIAGED,
      ['q.lokasi', 'Desa Mekarsari'],
      ['checklist.verifikasi', ['0']],
      ['continue.respond', 'continue'],
      ['q.jumlah_pengungsi', SKIP],
    ]);
    const run = await startWalk(root, walkOptions(first));
    expect(String(run.error)).toContain('"q.posko"');

    const second = scripted([
      ['q.jumlah_pengungsi', '1250'],
      ['checklist.verifikasi', ['0', '1']],
      ['continue.respond', 'continue'],
      ['q.posko', 'Balai Desa Mekarsari'],
      ['review.holding-statement.en', 'later'],
      ['checklist.pernyataan-awal', ['0']],
      ['checklist.konferensi-pers', ['0']],
      ['continue.apologize', 'continue'],
      ['q.ada_kelalaian', 'no'],
      ['continue.repair', 'continue'],
      ['q.waktu_surut', '2026-03-15 12:00'],
      ['checklist.pemulihan', ['0']],
    ]);
    const again = await resumeWalk(run.record.dir, walkOptions(second));
    expect(again.error).toBeUndefined();
    expect(second.remaining).toEqual([]);
    expect(second.said[0]).toContain('Resuming "Banjir Desa Mekarsari" — level 3, 0/7 steps done');
    const checklist = second.asked.find((s) => s.key === 'checklist.verifikasi')!;
    expect(checklist.kind === 'multiselect' && checklist.default).toEqual(['0']);

    // The draft was written before waktu_surut was known; it is rendered again now that it is.
    const { state } = readRecord(run.record.dir);
    const draft = state.drafts.get('holding-statement.en')!;
    expect(draft.missing).toEqual([]);
    expect(readFileSync(join(run.record.dir, draft.file), 'utf8')).toContain('Sunday, 15 March 2026, 12:00 pm WITA');
    expect(state.sessions.map((s) => s.session)).toEqual([1, 2]);

    // A third session signs the draft left for later.
    const third = scripted([
      ['review.holding-statement.en', 'sign'],
      ['signoff.holding-statement.en.name', 'Ratna Widyasari'],
      ['signoff.holding-statement.en.role', 'Spokesperson'],
    ]);
    const last = await resumeWalk(run.record.dir, walkOptions(third));
    expect(last.error).toBeUndefined();
    expect(third.remaining).toEqual([]);
    expect(readRecord(run.record.dir).state.signoffs.get('holding-statement.en')?.name).toBe('Ratna Widyasari');
  });

  it('with an answers file asks nothing and drafts with every fact in it', async () => {
    const loaded = loadAnswersFile(FIXTURE_ANSWERS);
    const said: string[] = [];
    const options = walkOptions(new AutoPrompter((t) => said.push(t)), {
      preset: { answers: loaded.answers, file: FIXTURE_ANSWERS, where: (p) => `answers:${loaded.map.locate(p).line}` },
    });
    const run = await startWalk(root, options);
    expect(run.error).toBeUndefined();
    expect(run.outcome).toBe('finished');
    const { state } = readRecord(run.record.dir);
    expect(run.record.dir).toMatch(/2026-03-14-banjir-desa-mekarsari$/);
    expect(state.triage?.level).toBe(3);
    const text = readFileSync(join(run.record.dir, 'drafts', 'holding-statement.en.md'), 'utf8');
    expect(text).toContain('1,250 residents');
    expect(text).toContain('Balai Desa Mekarsari and SDN Mekarsari 1');
    // No person ticked anything: the steps stay open for the next session.
    expect(state.steps.get('verifikasi')?.status).toBe('open');
    expect(said.join('\n')).toContain('○ [1.1] Verify with the disaster agency — checklist items not ticked: 2');
    expect(parse(readFileSync(join(run.record.dir, 'answers.yaml'), 'utf8')).answers.lokasi).toBe('Desa Mekarsari, Kecamatan Sukamaju');
  });

  it('with an answers file takes text per language: drafts in their language, the record keeps both', async () => {
    const loaded = loadAnswersFile(FIXTURE_ANSWERS);
    loaded.answers.answers.lokasi = { id: ' Desa Mekarsari, Kecamatan Sukamaju ', en: 'Mekarsari village, Sukamaju district' };
    loaded.answers.answers.posko = [{ id: 'Balai Desa Mekarsari', en: 'Mekarsari village hall' }, 'SDN Mekarsari 1'];
    const options = walkOptions(new AutoPrompter(() => {}), { preset: { answers: loaded.answers, file: FIXTURE_ANSWERS, where: () => '' } });
    const run = await startWalk(root, options);
    expect(run.error).toBeUndefined();
    const text = readFileSync(join(run.record.dir, 'drafts', 'holding-statement.en.md'), 'utf8');
    expect(text).toContain('the flood in Mekarsari village, Sukamaju district.');
    expect(text).toContain('Shelters: Mekarsari village hall and SDN Mekarsari 1.');
    const snapshot = parse(readFileSync(join(run.record.dir, 'answers.yaml'), 'utf8'));
    // Tidied like typed text, both languages kept.
    expect(snapshot.answers.lokasi).toEqual({ id: 'Desa Mekarsari, Kecamatan Sukamaju', en: 'Mekarsari village, Sukamaju district' });
    expect(snapshot.answers.posko[0]).toEqual({ id: 'Balai Desa Mekarsari', en: 'Mekarsari village hall' });
  });

  it('with an answers file refuses text per language for a question that is not free text', async () => {
    const loaded = loadAnswersFile(FIXTURE_ANSWERS);
    loaded.answers.answers.jumlah_pengungsi = { id: '1250', en: '1,250' };
    const options = walkOptions(new AutoPrompter(() => {}), {
      preset: { answers: loaded.answers, file: FIXTURE_ANSWERS, where: (p) => `answers.yaml:${loaded.map.locate(p).line}` },
    });
    const run = await startWalk(root, options);
    expect(String(run.error)).toMatch(/answers\.yaml:\d+: jumlah_pengungsi: must be a number/);
  });

  it('stops with MissingAnswer on a required answer that an answers file lacks, keeping the record', async () => {
    const loaded = loadAnswersFile(FIXTURE_ANSWERS);
    delete loaded.answers.answers.lokasi;
    const options = walkOptions(new AutoPrompter(() => {}), { preset: { answers: loaded.answers, file: FIXTURE_ANSWERS, where: () => '' } });
    const run = await startWalk(root, options);
    expect(run.error).toBeInstanceOf(MissingAnswer);
    expect((run.error as MissingAnswer).key).toBe('q.lokasi');
    expect(existsSync(join(run.record.dir, 'journal.jsonl'))).toBe(true);
    expect(readRecord(run.record.dir).state.triage?.level).toBe(3);
  });

  it('speaks Indonesian when asked to', async () => {
    const prompter = scripted([...START, ...TRIAGED]);
    await startWalk(root, walkOptions(prompter, { lang: 'id' }));
    const said = prompter.said.join('\n');
    expect(said).toContain('Tingkat 3 — Krisis (urgensi tinggi × dampak sedang)');
    expect(said).toContain('Kepala Dinas Kominfo — paling lambat 04.55 WITA (terlambat 5 menit)');
    expect(said).toContain('Strategi yang disarankan: instruksi');
    expect(prompter.asked.find((s) => s.key === 'incident.title')!.message).toBe('Judul insiden');
  });
});

describe('the SCCT modifiers of the incident', () => {
  const journalOf = (dir: string) => readFileSync(join(dir, 'journal.jsonl'), 'utf8').trim().split('\n').map((l) => JSON.parse(l));

  it('are asked with the triage, default to the playbook, and a history moves the strategy one cluster up', async () => {
    const prompter = scripted([...START, ...TRIAGE_LEVEL_3, ['scct.history', true], ['scct.priorReputation', 'good']]);
    const run = await startWalk(root, walkOptions(prompter));
    expect(String(run.error)).toContain('"q.lokasi"');
    const history = prompter.asked.find((s) => s.key === 'scct.history')!;
    expect(history).toMatchObject({ kind: 'confirm', message: 'Has this office faced a similar crisis before?', default: false, canSkip: false });
    const reputation = prompter.asked.find((s) => s.key === 'scct.priorReputation')!;
    expect(reputation.kind === 'select' && reputation.choices.map((c) => [c.value, c.label])).toEqual([
      ['good', 'good'],
      ['neutral', 'neutral'],
      ['poor', 'poor'],
    ]);
    expect(reputation.default).toBe('good');

    const { state } = readRecord(run.record.dir);
    expect(state.strategy).toMatchObject({ baseCluster: 'victim', cluster: 'accidental', primary: 'diminish' });
    const said = prompter.said.join('\n').replace(/\s+/g, ' ');
    expect(said).toContain('Recommended strategy: diminish');
    expect(said).toContain('SCCT cluster: victim; moved up to accidental because of a history of similar crises.');
    // Stored like the other answers, and written to the answers-file view of the record.
    expect(answerOf(state, 'scct.history')).toBe(true);
    expect(parse(readFileSync(join(run.record.dir, 'answers.yaml'), 'utf8')).scct).toEqual({ history: true, priorReputation: 'good' });
    expect(loadAnswersFile(join(run.record.dir, 'answers.yaml')).answers.scct).toEqual({ history: true, priorReputation: 'good' });
  });

  it('are asked in Indonesian with baik/netral/buruk', async () => {
    const prompter = scripted([...START, ...TRIAGE_LEVEL_3, ['scct.history', false], ['scct.priorReputation', 'poor']]);
    const run = await startWalk(root, walkOptions(prompter, { lang: 'id' }));
    expect(String(run.error)).toContain('"q.lokasi"');
    expect(prompter.asked.find((s) => s.key === 'scct.history')!.message).toBe('Apakah instansi ini pernah mengalami krisis serupa sebelumnya?');
    const reputation = prompter.asked.find((s) => s.key === 'scct.priorReputation')!;
    expect(reputation.kind === 'select' && reputation.choices.map((c) => c.label)).toEqual(['baik', 'netral', 'buruk']);
    expect(prompter.said.join('\n').replace(/\s+/g, ' ')).toContain('naik menjadi kecelakaan (accidental) karena reputasi sebelumnya buruk');
    expect(readRecord(run.record.dir).state.strategy).toMatchObject({ cluster: 'accidental', primary: 'diminish' });
  });

  it('going back over them withdraws the strategy, and the new answers set it again', async () => {
    const prompter = scripted([
      ...START,
      ...TRIAGE_LEVEL_3,
      ['scct.history', true],
      ['scct.priorReputation', 'poor'],
      ['q.lokasi', BACK],
      ['scct.priorReputation', BACK],
      ['scct.history', false],
      ['scct.priorReputation', 'neutral'],
      ['q.lokasi', 'Desa Mekarsari'],
    ]);
    const run = await startWalk(root, walkOptions(prompter));
    expect(String(run.error)).toContain('"checklist.verifikasi"');
    // Offered again with the earlier answers.
    expect(prompter.asked.filter((s) => s.key === 'scct.priorReputation').map((s) => s.default)).toEqual(['good', 'poor', 'poor']);
    expect(prompter.asked.filter((s) => s.key === 'scct.history').map((s) => s.default)).toEqual([false, true]);
    const { state } = readRecord(run.record.dir);
    expect(state.strategy).toMatchObject({ cluster: 'victim', primary: 'instruct' });
    expect(journalOf(run.record.dir).filter((e) => e.type === 'strategy').map((e) => e.cluster)).toEqual(['accidental', 'victim']);
  });

  it('with --yes take the playbook\'s values without asking', async () => {
    const office = { agency: 'Dinas Kominfo Kabupaten Sukamaju', code: 'DISKOMINFO', city: 'Sukamaju' };
    const prompter = scripted([['incident.title', 'Banjir Desa Mekarsari'], ['incident.place', SKIP], ...TRIAGE_LEVEL_3]);
    const run = await startWalk(root, walkOptions(prompter, { yes: true, config: { timezone: 'WITA', office } }));
    expect(String(run.error)).toContain('"q.lokasi"');
    const { state } = readRecord(run.record.dir);
    expect(state.inputs.get('scct.history')).toMatchObject({ value: false, auto: true });
    expect(state.inputs.get('scct.priorReputation')).toMatchObject({ value: 'good', auto: true });
  });

  it('come from the answers file with --answers, and from the playbook when the file has none', async () => {
    const withHistory = loadAnswersFile(FIXTURE_ANSWERS);
    withHistory.answers.scct = { history: true };
    const preset = (answers: typeof withHistory.answers) => ({ answers, file: FIXTURE_ANSWERS, where: (p: string) => `answers:${withHistory.map.locate(p).line}` });
    const first = await startWalk(root, walkOptions(new AutoPrompter(() => {}), { preset: preset(withHistory.answers) }));
    expect(first.error).toBeUndefined();
    let state = readRecord(first.record.dir).state;
    expect(state.strategy).toMatchObject({ cluster: 'accidental', primary: 'diminish' });
    expect(state.inputs.get('scct.history')).toMatchObject({ value: true, auto: true });
    expect(state.inputs.get('scct.priorReputation')).toMatchObject({ value: 'good', auto: true });

    const plain = loadAnswersFile(FIXTURE_ANSWERS).answers;
    expect(plain.scct).toBeUndefined();
    const second = await startWalk(root, walkOptions(new AutoPrompter(() => {}), { preset: preset(plain) }));
    state = readRecord(second.record.dir).state;
    expect(state.strategy).toMatchObject({ cluster: 'victim', primary: 'instruct' });
    expect(answerOf(state, 'scct.history')).toBe(false);
  });

  it('move a data breach with an earlier breach to rebuild, and the walk then drafts the apology', async () => {
    const builtins = new Registry([]);
    const example = loadAnswersFile(join(REPO, 'examples', 'data-breach.answers.yaml'));
    // Only the incident's history calls for the apology here: no repeat answer, no negligence found yet.
    const answers = structuredClone(example.answers);
    answers.answers.kebocoran_berulang = false;
    answers.answers.penyebab_kebocoran = 'belum-diketahui';
    const walkWith = async (scct: typeof answers.scct, folder: string) => {
      const file = { ...structuredClone(answers), scct };
      if (scct === undefined) delete file.scct;
      const options = walkOptions(new AutoPrompter(() => {}), {
        lang: 'en',
        now: () => new Date('2026-05-20T16:00:00+08:00'),
        preset: { answers: file, file: 'data-breach.answers.yaml', where: (p) => `data-breach.answers.yaml:${example.map.locate(p).line}` },
      });
      const { record, loaded } = await beginIncident({ root: join(root, folder), registry: builtins, playbook: 'data-breach', options });
      try {
        await new Walk(record, loaded, options).run();
      } finally {
        record.close();
      }
      return readRecord(record.dir).state;
    };

    const without = await walkWith(undefined, 'a');
    expect(without.strategy).toMatchObject({ cluster: 'accidental', primary: 'diminish' });
    expect(without.steps.get('permintaan-maaf')?.status).toBe('skipped');
    expect([...without.drafts.keys()].some((k) => k.startsWith('apology.'))).toBe(false);

    const repeat = await walkWith({ history: true }, 'b');
    expect(repeat.strategy).toMatchObject({ baseCluster: 'accidental', cluster: 'preventable', primary: 'rebuild' });
    expect(repeat.steps.get('permintaan-maaf')?.status).not.toBe('skipped');
    expect(repeat.drafts.has('apology.en')).toBe(true);
  });
});
