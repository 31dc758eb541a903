import { describe, expect, it } from 'vitest';
import { escapeMarkdown, sanitize, unescapeMarkdown } from '../../src/render/escape.js';

describe('escapeMarkdown', () => {
  it('leaves ordinary text as typed', () => {
    for (const text of ['Rp1.500.000', '14.30 WIB', '#LawanHoaks', 'Desa Sindangsari (RT 03/RW 05)', 'data per 06.00', '50% warga', 'A-B', 'Jl. Merdeka No. 17', 'https://bpbd.sukamajukab.go.id/info?x=1']) {
      expect(escapeMarkdown(text)).toBe(text);
    }
  });
  it('always escapes inline syntax', () => {
    expect(escapeMarkdown('*tebal* _miring_ `kode` [tautan](x) <b> a|b ~c~ \\')).toBe('\\*tebal\\* \\_miring\\_ \\`kode\\` \\[tautan\\](x) \\<b\\> a\\|b \\~c\\~ \\\\');
  });
  it('escapes markers only at line starts', () => {
    expect(escapeMarkdown('# Judul')).toBe('\\# Judul');
    expect(escapeMarkdown('- butir')).toBe('\\- butir');
    expect(escapeMarkdown('+ butir')).toBe('\\+ butir');
    expect(escapeMarkdown('1. butir')).toBe('1\\. butir');
    expect(escapeMarkdown('2) butir')).toBe('2\\) butir');
    expect(escapeMarkdown('> kutipan')).toBe('\\> kutipan');
    expect(escapeMarkdown('---')).toBe('\\---');
    expect(escapeMarkdown('===')).toBe('\\===');
    expect(escapeMarkdown('baris\n# dua\n    kode')).toBe('baris\n\\# dua\nkode');
    expect(escapeMarkdown('a - b # c 1. d')).toBe('a - b # c 1. d');
  });
  it('escapes & only before something that looks like an entity', () => {
    expect(escapeMarkdown('Tom & Jerry')).toBe('Tom & Jerry');
    expect(escapeMarkdown('&amp; &#60; &#x3C;')).toBe('\\&amp; \\&#60; \\&#x3C;');
  });
  it('removes control and bidi override characters', () => {
    expect(sanitize('a\u0000b\u0007c\u202Ed\u2066e\u2069f\u009Bg\th\r\ni')).toBe('abcdefg\th\ni');
    expect(escapeMarkdown('x\u202Ey')).toBe('xy');
  });
  it('unescapes to what a reader sees', () => {
    const text = '*a* [b] <c> 1. #d';
    expect(unescapeMarkdown(escapeMarkdown(text))).toBe(text);
  });
});
