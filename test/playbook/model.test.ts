import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { holds } from '../../src/playbook/condition.js';
import { formatDuration, parseDuration } from '../../src/playbook/duration.js';
import { loadPlaybook } from '../../src/playbook/load.js';
import { jsonSchema, type Question, type Triage } from '../../src/playbook/schema.js';
import { recommendStrategy } from '../../src/playbook/strategy.js';
import { triage } from '../../src/playbook/triage.js';
import { carefulParse, parseYaml } from '../../src/playbook/yaml.js';

const BASE = resolve(import.meta.dirname, '..', 'fixtures', 'lint', '_base', 'base.playbook.yaml');

describe('SCCT strategy', () => {
  it('follows the cluster', () => {
    expect(recommendStrategy({ cluster: 'victim' }).primary).toBe('instruct');
    expect(recommendStrategy({ cluster: 'accidental' }).primary).toBe('diminish');
    expect(recommendStrategy({ cluster: 'preventable' }).primary).toBe('rebuild');
  });
  it('history or a poor reputation moves the case one step up, never past preventable', () => {
    expect(recommendStrategy({ cluster: 'victim', history: true }).cluster).toBe('accidental');
    expect(recommendStrategy({ cluster: 'accidental', priorReputation: 'poor' }).primary).toBe('rebuild');
    expect(recommendStrategy({ cluster: 'victim', history: true, priorReputation: 'poor' }).cluster).toBe('accidental');
    expect(recommendStrategy({ cluster: 'preventable', history: true }).cluster).toBe('preventable');
  });
  it('denial only for rumours in the victim cluster, and the reason says so in both languages', () => {
    const s = recommendStrategy({ cluster: 'victim', rumor: true });
    expect(s.denyAllowed).toBe(true);
    expect(s.reason.id).toContain('bantahan');
    expect(s.reason.en).toContain('denial');
    expect(recommendStrategy({ cluster: 'victim', rumor: true, history: true }).denyAllowed).toBe(false);
  });
});

describe('triage', () => {
  const q = (id: string, scores: number[]): Question => ({ id, type: 'select', prompt: { en: id }, options: scores.map((score, i) => ({ value: `o${i}`, label: { en: `o${i}` }, score })) });
  const spec: Triage = {
    urgency: [q('spread', [1, 2, 3])],
    impact: [q('harm', [1, 2, 3]), { id: 'deaths', type: 'confirm', prompt: { en: 'deaths?' } }],
    matrix: { low: [1, 1, 2], medium: [1, 2, 3], high: [2, 3, 4] },
    levels: [],
  };
  it('takes the highest score of each side and reads the matrix', () => {
    expect(triage(spec, { spread: 'o0', harm: 'o0', deaths: false })).toEqual({ urgency: 'low', impact: 'low', level: 1 });
    expect(triage(spec, { spread: 'o2', harm: 'o1' })).toEqual({ urgency: 'high', impact: 'medium', level: 3 });
    expect(triage(spec, { spread: 'o2', harm: 'o0', deaths: true }).level).toBe(4);
  });
  it('unanswered questions count as low', () => {
    expect(triage(spec, {}).level).toBe(1);
  });
});

describe('conditions', () => {
  const ctx = { level: 3, strategy: { cluster: 'accidental' as const, primary: 'diminish' as const }, drill: false, answers: { status: 'tersangka', kanal: ['x', 'instagram'], korban: 3 } };
  it('all parts must hold', () => {
    expect(holds({ minLevel: 3, cluster: ['accidental'] }, ctx)).toBe(true);
    expect(holds({ minLevel: 4 }, ctx)).toBe(false);
    expect(holds({ strategy: ['rebuild'] }, ctx)).toBe(false);
    expect(holds({ answers: { status: ['penyidikan', 'tersangka'] } }, ctx)).toBe(true);
    expect(holds({ answers: { kanal: 'instagram' } }, ctx)).toBe(true);
    expect(holds({ answers: { korban: 3 } }, ctx)).toBe(true);
    expect(holds({ answers: { tidak_dijawab: true } }, ctx)).toBe(false);
    expect(holds({ any: [{ minLevel: 4 }, { drill: false }] }, ctx)).toBe(true);
    expect(holds({ not: { drill: false } }, ctx)).toBe(false);
    expect(holds(undefined, ctx)).toBe(true);
  });
});

describe('durations', () => {
  it('parse and format', () => {
    expect(parseDuration('15m')).toBe(15 * 60_000);
    expect(parseDuration('1h30m')).toBe(90 * 60_000);
    expect(parseDuration('3d')).toBe(3 * 86_400_000);
    expect(parseDuration('2w')).toBe(14 * 86_400_000);
    expect(() => parseDuration('1 hour')).toThrow();
    expect(formatDuration(90 * 60_000, 'id')).toBe('1 jam 30 menit');
    expect(formatDuration(90 * 60_000, 'en')).toBe('1h 30 min');
  });
  it('round-trips any sum of parts (property)', () => {
    fc.assert(fc.property(fc.nat(50), fc.nat(23), fc.nat(59), (d, h, m) => {
      const text = `${d}d${h}h${m}m`;
      expect(parseDuration(text)).toBe(((d * 24 + h) * 60 + m) * 60_000);
    }));
  });
});

describe('loading with positions', () => {
  it('keeps line:col for values and keys', () => {
    const doc = parseYaml('x.yaml', 'a:\n  b: [1, 2]\n  c: hello\n');
    expect(doc.map.values.get('/a/c')).toMatchObject({ line: 3, column: 6 });
    expect(doc.map.keys.get('/a/b')).toMatchObject({ line: 2, column: 3 });
    expect(doc.map.values.get('/a/b/1')).toMatchObject({ line: 2, column: 10 });
  });
  it('never crashes and never pollutes on arbitrary text (property)', () => {
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (text) => {
      const doc = parseYaml('fuzz.yaml', text);
      expect(Array.isArray(doc.findings)).toBe(true);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    }), { numRuns: 300 });
  });
  it('never crashes on YAML-shaped text (property)', () => {
    const key = fc.constantFrom('id', 'title', '__proto__', 'constructor', 'stages', 'a b', '-', '&a', '*a', '<<');
    const value = fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom('[', '{', '*a', '&a x', '|', '>', '"', "'", '\t'));
    fc.assert(fc.property(fc.array(fc.tuple(fc.nat(4), key, value), { maxLength: 30 }), (lines) => {
      const text = lines.map(([indent, k, v]) => `${'  '.repeat(indent)}${k}: ${v}`).join('\n');
      const doc = parseYaml('fuzz.yaml', text);
      for (const f of doc.findings) expect(f.line).toBeGreaterThanOrEqual(1);
    }), { numRuns: 300 });
  });
  it('merges an extending playbook by id, places a new step by its deadline, and remembers which file wrote each value', () => {
    const dir = resolve(import.meta.dirname, '..', 'fixtures', 'lint', 'unused-question', 'pass');
    const loaded = loadPlaybook(join(dir, 'used.playbook.yaml'));
    expect(loaded.playbook).toBeDefined();
    const respond = loaded.playbook!.stages.find((s) => s.id === 'respond')!;
    // "evakuasi" (1h) is new and lands after the inherited "pernyataan-awal" (45m)
    expect(respond.steps.map((s) => s.id)).toEqual(['pernyataan-awal', 'evakuasi']);
    expect(respond.steps[0].asks).toEqual(['jumlah_pengungsi', 'jalur_evakuasi']);
    expect(loaded.playbook!.id).toBe('uq-pass');
    expect(loaded.chain.map((f) => f.split('/').pop())).toEqual(['used.playbook.yaml', 'base.playbook.yaml']);
    expect(loaded.map.locate('/stages/1/steps/1/deadline').file).toContain('used.playbook.yaml');
    expect(loaded.map.locate('/stages/1/steps/0/deadline').file).toBe(BASE);
    expect(loaded.map.locate('/stages/1/steps/0/asks').file).toContain('used.playbook.yaml');
    expect(loaded.map.locate('/title').file).toBe(BASE);
  });
  it('a new step with an early deadline goes before later inherited steps', () => {
    const dir = resolve(import.meta.dirname, '..', 'fixtures', 'lint', 'deadline-order', 'pass');
    const loaded = loadPlaybook(join(dir, 'early.playbook.yaml'));
    const respond = loaded.playbook!.stages.find((s) => s.id === 'respond')!;
    expect(respond.steps.map((s) => `${s.id}@${s.deadline}`)).toEqual(['konfirmasi-cepat@20m', 'pernyataan-awal@45m']);
    expect(loaded.map.locate('/stages/1/steps/0/deadline').file).toContain('early.playbook.yaml');
    expect(loaded.map.locate('/stages/1/steps/1/deadline').file).toBe(BASE);
  });
});

describe('JSON Schema', () => {
  it('is draft-07 and the committed copy is up to date', () => {
    const schema = jsonSchema();
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    const committed = JSON.parse(readFileSync(resolve(import.meta.dirname, '..', '..', 'schema', 'playbook.schema.json'), 'utf8'));
    expect(committed).toEqual(schema);
  });
});

describe('precompiled validators', () => {
  it('are generated from the current schemas (run `node scripts/write-validator.js` after changing one)', async () => {
    // @ts-expect-error a plain JavaScript build script
    const { validatorSources } = (await import('../../scripts/write-validator.js')) as { validatorSources: () => Record<string, string> };
    const sources = validatorSources();
    expect(Object.keys(sources).sort()).toEqual(['src/incident/answers-check.generated.ts', 'src/playbook/playbook-check.generated.ts']);
    for (const [file, text] of Object.entries(sources)) {
      expect(readFileSync(resolve(import.meta.dirname, '..', '..', file), 'utf8'), file).toBe(text);
    }
  });
});

describe('fast and careful parses agree', () => {
  const root = resolve(import.meta.dirname, '..', '..');
  const files = [
    ...['playbooks', 'examples', 'check-rules'].flatMap((d) => readdirSync(join(root, d)).filter((f) => /\.ya?ml$/.test(f)).map((f) => join(root, d, f))),
  ];
  it.each(files.map((f) => [f.slice(root.length + 1), f]))('%s', (_, file) => {
    const text = readFileSync(file, 'utf8');
    const fast = parseYaml(file, text);
    const careful = carefulParse(file, text);
    expect(careful.findings).toEqual([]);
    expect(fast.value).toEqual(careful.value);
    // positions come from the careful parse either way
    expect(fast.map.locate('/id', true)).toEqual(careful.map.locate('/id', true));
  });
  it('on YAML-shaped text, whatever the fast path accepts the careful parse reads the same way (property)', () => {
    const scalar = fc.oneof(fc.string({ maxLength: 12 }), fc.constantFrom('yes', 'no', 'on', 'true', 'null', '~', '0x1F', '0o17', '1e3', '.inf', '-.5', '2026-03-14', '12:30', '"q"', "'s'", '[a, b]', '{a: 1}', '@x', '`x', '|', '&a x', '*a', '!tag x', '#c', ': x', '- x'));
    const key = fc.constantFrom('id', 'title', 'a', 'b b', '"k"', '1', 'true', 'null');
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(3), key, scalar), { minLength: 1, maxLength: 12 }), (lines) => {
        const text = lines.map(([indent, k, v]) => `${'  '.repeat(indent)}${k}: ${v}`).join('\n');
        const fast = parseYaml('p.yaml', text);
        const careful = carefulParse('p.yaml', text);
        if (fast.findings.length === 0 && careful.findings.length === 0) expect(fast.value).toEqual(careful.value);
        if (fast.findings.length === 0) expect(careful.findings).toEqual([]);
      }),
      { numRuns: 3000 },
    );
  });
});
