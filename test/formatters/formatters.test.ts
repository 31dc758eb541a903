import { Type } from '@sinclair/typebox';
import { TypeCompiler } from '@sinclair/typebox/compiler';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { useColor } from '../../src/cli/color.js';
import type { Finding } from '../../src/findings.js';
import { formatResults } from '../../src/formatters/index.js';
import { escapeData, escapeProperty } from '../../src/formatters/github.js';

const finding = (over: Partial<Finding> = {}): Finding => ({
  ruleId: 'duplicate-id',
  messageId: 'duplicate-step',
  severity: 'error',
  message: 'duplicate step id "verifikasi"',
  file: '/repo/playbooks/banjir.playbook.yaml',
  line: 12,
  column: 13,
  endLine: 12,
  endColumn: 23,
  ...over,
});
const results = [
  { file: '/repo/playbooks/banjir.playbook.yaml', findings: [finding(), finding({ ruleId: 'unused-question', messageId: 'unused', severity: 'warning', message: 'question "x" is never used', line: 30, column: 9 })] },
  { file: '/repo/playbooks/bersih.playbook.yaml', findings: [] },
];

/**
 * The parts of the OASIS SARIF 2.1.0 schema (sarif-schema-2.1.0.json) that cover every property
 * tanggap writes: required keys, types, enums and minimums as the schema states them.
 */
const Message = Type.Object({ text: Type.String() });
const Region = Type.Object({ startLine: Type.Integer({ minimum: 1 }), startColumn: Type.Integer({ minimum: 1 }), endLine: Type.Integer({ minimum: 1 }), endColumn: Type.Integer({ minimum: 1 }) });
const SarifLog = Type.Object({
  $schema: Type.String({ pattern: '^https://' }),
  version: Type.Literal('2.1.0'),
  runs: Type.Array(
    Type.Object({
      tool: Type.Object({
        driver: Type.Object({
          name: Type.String(),
          version: Type.Optional(Type.String()),
          informationUri: Type.Optional(Type.String()),
          rules: Type.Array(Type.Object({ id: Type.String(), shortDescription: Type.Optional(Message), helpUri: Type.Optional(Type.String()) }, { additionalProperties: false }), { uniqueItems: true }),
        }, { additionalProperties: false }),
      }, { additionalProperties: false }),
      originalUriBaseIds: Type.Record(Type.String(), Type.Object({ uri: Type.String() })),
      results: Type.Array(
        Type.Object({
          ruleId: Type.String(),
          ruleIndex: Type.Integer({ minimum: -1 }),
          level: Type.Union([Type.Literal('none'), Type.Literal('note'), Type.Literal('warning'), Type.Literal('error')]),
          message: Message,
          locations: Type.Array(Type.Object({ physicalLocation: Type.Object({ artifactLocation: Type.Object({ uri: Type.String(), uriBaseId: Type.Optional(Type.String()) }), region: Region }) }), { minItems: 0 }),
          partialFingerprints: Type.Record(Type.String(), Type.String()),
        }, { additionalProperties: false }),
      ),
    }, { additionalProperties: false }),
    { minItems: 1 },
  ),
}, { additionalProperties: false });

describe('json (ESLint format)', () => {
  it('has filePath, messages with numeric severity, and counts', () => {
    const parsed = JSON.parse(formatResults('json', results)) as { filePath: string; messages: { ruleId: string; severity: number; line: number; column: number; endLine: number; endColumn: number; message: string }[]; errorCount: number; warningCount: number }[];
    expect(parsed).toHaveLength(2);
    expect(parsed[0]).toMatchObject({ filePath: '/repo/playbooks/banjir.playbook.yaml', errorCount: 1, warningCount: 1 });
    expect(parsed[0].messages[0]).toMatchObject({ ruleId: 'duplicate-id', severity: 2, line: 12, column: 13, endLine: 12, endColumn: 23 });
    expect(parsed[0].messages[1].severity).toBe(1);
    expect(parsed[1]).toMatchObject({ messages: [], errorCount: 0, warningCount: 0 });
  });
});

describe('sarif', () => {
  const log = JSON.parse(formatResults('sarif', results, { cwd: '/repo', rules: [{ id: 'duplicate-id', description: 'An id is used twice.' }], toolVersion: '1.2.3' }));
  it('validates against the SARIF 2.1.0 schema constraints', () => {
    const errors = [...TypeCompiler.Compile(SarifLog).Errors(log)].map((e) => `${e.path}: ${e.message}`);
    expect(errors).toEqual([]);
  });
  it('uses relative URIs, 1-based regions and rule indexes that point at the rule', () => {
    const run = log.runs[0];
    expect(run.results[0].locations[0].physicalLocation.artifactLocation).toEqual({ uri: 'playbooks/banjir.playbook.yaml', uriBaseId: '%SRCROOT%' });
    for (const r of run.results) expect(run.tool.driver.rules[r.ruleIndex].id).toBe(r.ruleId);
  });
  it('fingerprints are stable when a finding moves to another line, and distinct for distinct findings', () => {
    const moved = JSON.parse(formatResults('sarif', [{ file: results[0].file, findings: [finding({ line: 40 })] }], { cwd: '/repo' }));
    expect(moved.runs[0].results[0].partialFingerprints).toEqual(log.runs[0].results[0].partialFingerprints);
    const fps = log.runs[0].results.map((r: { partialFingerprints: Record<string, string> }) => Object.values(r.partialFingerprints)[0]);
    expect(new Set(fps).size).toBe(fps.length);
  });
});

describe('github annotations', () => {
  it('escape %, CR and LF in data, and also : and , in properties', () => {
    expect(escapeData('50% done\r\nnext')).toBe('50%25 done%0D%0Anext');
    expect(escapeProperty('a:b,c%')).toBe('a%3Ab%2Cc%25');
  });
  it('write one command per finding, with relative file and position', () => {
    const out = formatResults('github', results, { cwd: '/repo' }).trim().split('\n');
    expect(out).toHaveLength(2);
    expect(out[0]).toBe('::error file=playbooks/banjir.playbook.yaml,line=12,col=13,endLine=12,endColumn=23,title=tanggap duplicate-id::duplicate step id "verifikasi"');
    expect(out[1]).toMatch(/^::warning /);
  });
  it('no message can break out of its command (property)', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (message, file) => {
        const out = formatResults('github', [{ file: `/repo/${file}`, findings: [finding({ message, file: `/repo/${file}` })] }], { cwd: '/repo' });
        const lines = out.split('\n').filter(Boolean);
        expect(lines).toHaveLength(1);
        const [, props] = /^::error ([^:]*)::/.exec(lines[0]) ?? [];
        expect(props).toBeDefined();
      }),
    );
  });
});

describe('stylish', () => {
  it('groups by file, aligns, summarises, and has no colour codes unless asked', () => {
    const out = formatResults('stylish', results, { cwd: '/repo' });
    expect(out).toContain('playbooks/banjir.playbook.yaml\n');
    expect(out).toMatch(/12:13\s+error\s+duplicate step id "verifikasi"\s+duplicate-id/);
    expect(out).toContain('✖ 2 problems (1 error, 1 warning)');
    expect(out).not.toContain('\u001b[');
    expect(formatResults('stylish', results, { cwd: '/repo', color: true })).toContain('\u001b[31m');
  });
  it('prints nothing for a clean run', () => {
    expect(formatResults('stylish', [{ file: '/a', findings: [] }])).toBe('');
  });
});

describe('the one colour decision', () => {
  const tty = { isTTY: true };
  const pipe = { isTTY: false };
  it('--no-color wins over everything', () => expect(useColor(tty, false, { FORCE_COLOR: '1' })).toBe(false));
  it('NO_COLOR wins over FORCE_COLOR', () => expect(useColor(tty, undefined, { NO_COLOR: '1', FORCE_COLOR: '1' })).toBe(false));
  it('FORCE_COLOR colours a pipe', () => expect(useColor(pipe, undefined, { FORCE_COLOR: '1' })).toBe(true));
  it('FORCE_COLOR=0 turns it off on a terminal', () => expect(useColor(tty, undefined, { FORCE_COLOR: '0' })).toBe(false));
  it('a terminal is coloured, a pipe is not', () => {
    expect(useColor(tty, undefined, {})).toBe(true);
    expect(useColor(pipe, undefined, {})).toBe(false);
  });
});
