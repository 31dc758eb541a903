import { chmodSync, existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readRecord } from '../../src/incident/record.js';
import { answerOf, metaOf } from '../../src/incident/state.js';
import { tanggap, tempDir } from '../helpers/cli.js';
import { FLOW_FIXTURES } from '../flow/support.js';
import { KEY, terminal, type Terminal } from './support.js';

let dir: string;
let cleanup: () => void;
const open: Terminal[] = [];
beforeEach(() => {
  ({ dir, cleanup } = tempDir('tanggap-pty-'));
});
afterEach(() => {
  for (const t of open.splice(0)) {
    try {
      t.pty.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
  cleanup();
});

const env = () => ({ XDG_CONFIG_HOME: join(dir, 'config'), EDITOR: join(dir, 'editor.sh') });
function start(args: string[]): Terminal {
  const t = terminal([...args, '--playbooks', FLOW_FIXTURES], { cwd: dir, env: env() });
  open.push(t);
  return t;
}
const incident = () => join(dir, 'incidents', readdirSync(join(dir, 'incidents'))[0]);

/** Answer `question` (waiting for it to appear after `at`) with keys; returns where to look next. */
async function answer(t: Terminal, at: number, question: string | RegExp, keys: string): Promise<number> {
  const next = await t.waitFor(question, at);
  t.type(keys);
  return next;
}

/** The start and the office, as typed by an officer on a first incident. */
async function startIncident(t: Terminal): Promise<number> {
  let at = 0;
  at = await answer(t, at, 'Incident title', 'Banjir Desa Mekarsari\r');
  at = await answer(t, at, 'Office time zone', `${KEY.down}\r`);
  at = await answer(t, at, 'When did the incident start?', '\r');
  at = await answer(t, at, 'A drill or a real incident?', '\r');
  at = await answer(t, at, 'Where did it happen?', 'Desa Mekarsari, Kecamatan Sukamaju\r');
  at = await answer(t, at, '? Agency name', 'Dinas Komunikasi dan Informatika Kabupaten Sukamaju\r');
  at = await answer(t, at, '? Agency code', 'diskominfo\r');
  at = await answer(t, at, '? City', 'Sukamaju\r');
  at = await answer(t, at, "Spokesperson's name", 'Ratna Widyasari\r');
  at = await answer(t, at, "Spokesperson's title", 'Kepala Bidang Informasi Publik\r');
  at = await answer(t, at, "Spokesperson's phone", '\r');
  at = await answer(t, at, 'Media contact (name)', '\r');
  at = await answer(t, at, 'Public hotline number', '112\r');
  at = await answer(t, at, 'Official website', '\r');
  return at;
}

describe('tanggap respond in a terminal', () => {
  it('walks the whole playbook to the end, with a draft edited in $EDITOR and signed off; then the kit', async () => {
    writeFileSync(env().EDITOR, '#!/bin/sh\nprintf "\\nThe regent will visit the shelters this afternoon.\\n" >> "$1"\n');
    chmodSync(env().EDITOR, 0o755);
    const t = start(['respond', 'banjir-sukamaju']);
    let at = await startIncident(t);
    at = await answer(t, at, 'How fast is it spreading?', `${KEY.down}\r`);
    at = await answer(t, at, 'Is the threat ongoing?', '\r');
    at = await answer(t, at, 'How large is the impact?', `${KEY.down}\r`);
    // The SCCT modifiers, as the playbook has them: no earlier crisis, a good reputation.
    at = await answer(t, at, 'Has this office faced a similar crisis before?', '\r');
    at = await answer(t, at, "What was the office's reputation before this crisis?", '\r');
    at = await t.waitFor('Level 3 — Crisis (urgency high × impact medium)', at);
    at = await t.waitFor('Recommended strategy: instruct', at);
    at = await answer(t, at, 'Affected villages or districts', 'Desa Mekarsari\r');
    at = await answer(t, at, 'Tick what is done', 'a\r');
    at = await answer(t, at, 'Go on to stage 2: Respond?', '\r');
    at = await answer(t, at, 'Number of evacuees', '1.250\r');
    at = await answer(t, at, 'Evacuation shelters', 'Balai Desa Mekarsari; SDN Mekarsari 1\r');
    at = await t.waitFor('HOLDING STATEMENT: Banjir Desa Mekarsari', at);
    at = await answer(t, at, '? Draft "Holding statement":', `${KEY.up}\r`);
    // The editor ran and returned; the same question comes again, "later" offered again.
    at = await answer(t, at, '? Draft "Holding statement":', `${KEY.up}${KEY.up}\r`);
    at = await answer(t, at, 'Name of the approver', '\r');
    at = await answer(t, at, 'Role of the approver', '\r');
    at = await t.waitFor('Signed off by Ratna Widyasari (Kepala Bidang Informasi Publik)', at);
    at = await answer(t, at, 'Tick what is done', 'a\r');
    at = await answer(t, at, 'Tick what is done', '\r');
    at = await t.waitFor('skipped: only in a drill', at);
    at = await answer(t, at, 'Go on to stage 3: Apologize?', '\r');
    at = await answer(t, at, 'Did the review find negligence?', '\r');
    at = await t.waitFor(/Apologise — skipped: only when "Did the review find\s+negligence" is Yes\s+\(answer: No\)/, at);
    at = await answer(t, at, 'Go on to stage 4: Repair?', '\r');
    at = await answer(t, at, 'When is the water expected to recede?', '2026-03-15 12:00\r');
    at = await answer(t, at, 'Tick what is done', 'a\r');
    at = await t.waitFor('Every step of the playbook has been walked.', at);
    expect((await t.exited).exitCode).toBe(0);
    expect(t.text()).toContain('holding-statement.en.md (signed off by Ratna Widyasari)');

    const record = incident();
    const { state } = readRecord(record);
    expect(metaOf(state)).toMatchObject({ title: 'Banjir Desa Mekarsari', timezone: 'WITA', drill: false });
    expect(state.triage?.level).toBe(3);
    expect(answerOf(state, 'q.jumlah_pengungsi')).toBe(1250);
    const draft = readFileSync(join(record, 'drafts', 'holding-statement.en.md'), 'utf8');
    expect(draft).toContain('The regent will visit the shelters this afternoon.');
    expect(state.drafts.get('holding-statement.en')?.source).toBe('editor');
    expect([...state.steps.values()].map((s) => s.status).sort()).toEqual(['done', 'done', 'done', 'done', 'open', 'skipped', 'skipped']);
    // Remembered for the next incident.
    expect(readFileSync(join(dir, 'config', 'tanggap', 'config.yaml'), 'utf8')).toMatch(/timezone: WITA[\s\S]*code: DISKOMINFO[\s\S]*signer:/);

    const kit = tanggap(['kit', record, '-o', 'kit', '--playbooks', FLOW_FIXTURES], { cwd: dir, env: env() });
    expect(kit.stderr).not.toContain('tanggap:');
    expect(kit.status).toBe(0);
    expect(existsSync(join(dir, 'kit', 'press-kit.html'))).toBe(true);
    expect(readFileSync(join(dir, 'kit', 'press-kit.md'), 'utf8')).toContain('Banjir Desa Mekarsari');
  });

  it('loses no answer to kill -9: resume asks the next question and keeps going', async () => {
    const t = start(['respond', 'banjir-sukamaju']);
    let at = await startIncident(t);
    at = await answer(t, at, 'How fast is it spreading?', `${KEY.down}${KEY.down}\r`);
    // The next question is on screen, so the answer before it is on disk.
    await t.waitFor('Is the threat ongoing?', at);
    t.pty.kill('SIGKILL');
    await t.exited;

    const record = incident();
    const before = readRecord(record).state;
    expect(answerOf(before, 'triage.sebaran')).toBe('viral');
    expect(before.office).toMatchObject({ code: 'DISKOMINFO', hotline: '112' });

    const again = start(['resume', record]);
    let at2 = await again.waitFor('recovered a stale lock left by process');
    at2 = await again.waitFor('Resuming "Banjir Desa Mekarsari" — not triaged yet', at2);
    // Nothing answered is asked again: the first question is the next one.
    const next = await again.waitFor(/\? (.+)/, at2);
    expect(again.text().slice(at2, next)).toContain('Is the threat ongoing?');
    again.type(KEY.down + '\r');
    at2 = await answer(again, next, 'How large is the impact?', '\r');
    // This office had the same flood before, and its reputation was poor: one cluster up.
    at2 = await answer(again, at2, 'Has this office faced a similar crisis before?', 'y\r');
    at2 = await answer(again, at2, "What was the office's reputation before this crisis?", `${KEY.down}${KEY.down}\r`);
    at2 = await again.waitFor('Recommended strategy: diminish', at2);
    at2 = await again.waitFor(new RegExp('moved up to accidental because of a history of similar crises and a poor prior reputation'.replace(/ /g, '\\s+')), at2);
    at2 = await again.waitFor('Affected villages or districts', at2);
    again.type('Desa Mek');
    again.type(KEY.ctrlC);
    const exit = await again.exited;
    expect(exit.exitCode).toBe(130);
    expect(again.text()).toContain(`Your answers so far are saved. Continue with: tanggap resume ${relative(dir, record)}`);

    const after = readRecord(record).state;
    expect(answerOf(after, 'triage.sebaran')).toBe('viral');
    expect(answerOf(after, 'triage.ancaman_berlanjut')).toBe(false);
    expect(answerOf(after, 'triage.skala')).toBe('kecil');
    expect(answerOf(after, 'scct.history')).toBe(true);
    expect(answerOf(after, 'scct.priorReputation')).toBe('poor');
    expect(after.strategy).toMatchObject({ cluster: 'accidental', primary: 'diminish' });
    expect(after.interrupted?.signal).toBe('SIGINT');
    expect(existsSync(join(record, '.tanggap.lock'))).toBe(false);
  });

  it('refuses a second tanggap on the same incident, naming the holder', async () => {
    const t = start(['respond', 'banjir-sukamaju']);
    await t.waitFor('Incident title');
    t.line('Banjir Desa Mekarsari');
    await t.waitFor('Office time zone');
    const second = tanggap(['resume', incident(), '--playbooks', FLOW_FIXTURES], { cwd: dir, env: env() });
    expect(second.status).toBe(2);
    expect(second.stderr).toMatch(new RegExp(`^tanggap: this incident is open in another tanggap \\(pid ${t.pty.pid} on .+, since .+\\); close that one first`));
    // status reads beside it and says who has it open.
    const status = tanggap(['status', incident(), '--playbooks', FLOW_FIXTURES], { cwd: dir, env: env() });
    expect(status.stdout).toContain(`Open in another tanggap (pid ${t.pty.pid}`);
  });

  it('Esc goes back to the previous question, and SIGTERM stops with the answers saved', async () => {
    const t = start(['respond', 'banjir-sukamaju']);
    let at = await answer(t, 0, 'Incident title', 'Banjir Desa Mekarsari\r');
    at = await answer(t, at, 'Office time zone', '\r');
    at = await answer(t, at, 'When did the incident start?', '\r');
    at = await answer(t, at, 'A drill or a real incident?', `${KEY.down}\r`);
    at = await answer(t, at, 'Where did it happen?', KEY.escape);
    // Back at the drill question, with the earlier choice (drill) offered.
    at = await t.waitFor('A drill or a real incident?', at);
    t.type(`${KEY.up}\r`);
    at = await answer(t, at, 'Where did it happen?', '\r');
    await t.waitFor('? Agency name', at);
    t.pty.kill('SIGTERM');
    expect((await t.exited).exitCode).toBe(130);
    expect(t.text()).toContain('Stopped (SIGTERM)');
    const { state } = readRecord(incident());
    expect(metaOf(state)).toMatchObject({ timezone: 'WIB', drill: false });
    expect(state.inputs.get('incident.place')?.unknown).toBe(true);
    expect(state.events.some((e) => e.type === 'answer' && e.key === 'incident.drill' && e.value === true)).toBe(false);
  });

  it('SIGHUP (the terminal closed) stops with the answers saved', async () => {
    const t = start(['respond', 'banjir-sukamaju']);
    let at = await answer(t, 0, 'Incident title', 'Banjir Desa Mekarsari\r');
    at = await answer(t, at, 'Office time zone', `${KEY.down}${KEY.down}\r`);
    await t.waitFor('When did the incident start?', at);
    t.pty.kill('SIGHUP');
    await t.exited;
    const { state } = readRecord(incident());
    expect(metaOf(state)).toMatchObject({ title: 'Banjir Desa Mekarsari', timezone: 'WIT' });
    expect(state.interrupted?.signal).toBe('SIGHUP');
    expect(existsSync(join(incident(), '.tanggap.lock'))).toBe(false);
  });

  it('reads well in Indonesian', async () => {
    const t = terminal(['respond', 'banjir-sukamaju', '--playbooks', FLOW_FIXTURES], { cwd: dir, env: { ...env(), TANGGAP_LANG: 'id' } });
    open.push(t);
    let at = await answer(t, 0, 'Judul insiden', 'Banjir Desa Mekarsari\r');
    at = await answer(t, at, 'Zona waktu kantor', '\r');
    at = await answer(t, at, 'Kapan insiden dimulai?', '\r');
    at = await t.waitFor('Latihan atau kejadian nyata?', at);
    t.type(KEY.ctrlC);
    expect((await t.exited).exitCode).toBe(130);
    expect(t.text()).toContain('Jawaban sejauh ini tersimpan. Lanjutkan dengan: tanggap resume');
  });
});

