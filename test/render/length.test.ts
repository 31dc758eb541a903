import { describe, expect, it } from 'vitest';
import { measure, smsLength, xLength } from '../../src/render/length.js';

describe('SMS length', () => {
  it('counts GSM-7 with one segment up to 160 and 153 per part after that', () => {
    expect(smsLength('a'.repeat(160))).toMatchObject({ count: 160, segments: 1, encoding: 'gsm-7' });
    expect(smsLength('a'.repeat(161))).toMatchObject({ count: 161, segments: 2 });
    expect(smsLength('a'.repeat(306))).toMatchObject({ segments: 2 });
    expect(smsLength('a'.repeat(307))).toMatchObject({ segments: 3 });
  });
  it('counts extension characters twice', () => {
    expect(smsLength('€[]')).toMatchObject({ count: 6, encoding: 'gsm-7' });
  });
  it('switches to UCS-2 for any character outside GSM-7', () => {
    expect(smsLength('Banjir “darurat”')).toMatchObject({ encoding: 'ucs-2', count: 16, segments: 1, nonGsm: ['“', '”'] });
    expect(smsLength('é'.repeat(10) + 'ş'.repeat(60))).toMatchObject({ count: 70, segments: 1 });
    expect(smsLength('ş'.repeat(71))).toMatchObject({ segments: 2 });
    expect(smsLength('ş'.repeat(135))).toMatchObject({ segments: 3 });
  });
  it('uses the template limit or one segment', () => {
    expect(measure('a'.repeat(161), 'sms')).toMatchObject({ rule: 'sms', limit: 160, over: true });
    expect(measure('ş'.repeat(71), 'sms')).toMatchObject({ limit: 70, over: true });
    expect(measure('a'.repeat(300), 'sms', 306)).toMatchObject({ over: false, segments: 2 });
  });
});

describe('X weighted length', () => {
  it('weighs Latin as 1, CJK as 2, an emoji as 2 and a URL as 23', () => {
    expect(xLength('abc')).toBe(3);
    expect(xLength('日本')).toBe(4);
    expect(xLength('👍')).toBe(2);
    expect(xLength('👨‍👩‍👧')).toBe(2);
    expect(xLength('Info: https://bpbd.sukamajukab.go.id/peta-banjir-terbaru')).toBe(6 + 23);
    expect(xLength('lihat bpbd.sukamajukab.go.id')).toBe(6 + 23);
  });
  it('applies 280 unless the template sets a limit', () => {
    expect(measure('a'.repeat(281), 'x')).toMatchObject({ rule: 'x', limit: 280, over: true });
    expect(measure('a'.repeat(200), 'x', 180)).toMatchObject({ over: true });
  });
});

describe('other channels', () => {
  it('Instagram captions allow 2,200 characters', () => {
    expect(measure('a'.repeat(2200), 'instagram')).toMatchObject({ rule: 'instagram', over: false });
    expect(measure('a'.repeat(2201), 'instagram')).toMatchObject({ over: true });
  });
  it('a template limit applies to any channel; none means no report', () => {
    expect(measure('abcd', 'whatsapp', 3)).toMatchObject({ rule: 'limit', count: 4, over: true });
    expect(measure('abcd', 'website')).toBeUndefined();
  });
});
