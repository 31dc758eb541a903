import { describe, expect, it } from 'vitest';
import { BUILTIN_CONTEXT, HELPER_NAMES, templateVariables } from '../../src/render/index.js';

describe('templateVariables', () => {
  it('lists the top-level names a template reads, with positions', () => {
    const source = 'Halo {{lokasi}}\n{{number jumlah_korban}} {{#if (eq jenis "banjir")}}{{office.contact.name}}{{/if}}\n{{> quote name=office.head.name text=kutipan}}';
    expect(templateVariables(source)).toEqual([
      { name: 'lokasi', line: 1, column: 8 },
      { name: 'jumlah_korban', line: 2, column: 10 },
      { name: 'jenis', line: 2, column: 36 },
      { name: 'office.contact.name', line: 2, column: 55 },
      { name: 'office.head.name', line: 3, column: 16 },
      { name: 'kutipan', line: 3, column: 38 },
    ]);
  });
  it('leaves out helper names, data variables and names relative to an each/with item', () => {
    const source = '{{releaseNumber}} {{#each posko}}{{this}} {{nama}} {{@index}} {{../lokasi}} {{@root.asOf}}{{/each}}{{#with office}}{{city}}{{/with}}{{#each xs as |x|}}{{x.name}}{{/each}}';
    expect(templateVariables(source).map((v) => v.name)).toEqual(['posko', 'lokasi', 'asOf', 'office', 'xs']);
  });
  it('throws on a syntax error', () => {
    expect(() => templateVariables('{{#if x}}')).toThrow(/syntax/);
  });
  it('exports the built-in context and helper names', () => {
    for (const name of ['incident.start', 'office.contact.phone', 'triage.level', 'release.number', 'asOf', 'now', 'lang', 'keyMessages', 'office', 'office.contact']) {
      expect(BUILTIN_CONTEXT.has(name)).toBe(true);
    }
    expect([...HELPER_NAMES].sort()).toEqual(['date', 'datetime', 'deadline', 'eq', 'includes', 'list', 'number', 'plural', 'releaseNumber', 'time']);
  });
});
