import { describe, expect, it } from 'vitest';
import { parseOfficeTime } from '../../src/incident/answers.js';
import { formatClock, formatDate, formatDateTime, formatTime, romanMonth, toInstant, wallClock } from '../../src/render/time.js';

const at = (iso: string) => new Date(iso);

describe('dates in Bahasa Indonesia and English', () => {
  const instant = at('2024-09-12T07:30:00Z'); // 14.30 WIB, Thursday

  it('writes the date with the day name', () => {
    expect(formatDate(instant, 'WIB', 'id')).toBe('Kamis, 12 September 2024');
    expect(formatDate(instant, 'WIB', 'en')).toBe('Thursday, 12 September 2024');
  });

  it('writes every day and month name', () => {
    const days = ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'];
    // 1 September 2024 was a Sunday.
    for (let d = 0; d < 7; d++) {
      expect(formatDate(at(`2024-09-0${d + 1}T05:00:00Z`), 'WIB', 'id')).toBe(`${days[d]}, ${d + 1} September 2024`);
    }
    const months = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
    months.forEach((name, i) => expect(formatDate(at(`2024-${String(i + 1).padStart(2, '0')}-15T05:00:00Z`), 'WIB', 'id')).toContain(` 15 ${name} 2024`));
    expect(formatDate(at('2024-02-15T05:00:00Z'), 'WIB', 'en')).toBe('Thursday, 15 February 2024');
  });

  it('writes times the Indonesian way (14.30 WIB) and the English way (2:30 pm WIB (UTC+7))', () => {
    expect(formatTime(instant, 'WIB', 'id')).toBe('14.30 WIB');
    expect(formatTime(instant, 'WIB', 'en')).toBe('2:30 pm WIB (UTC+7)');
    expect(formatTime(instant, 'WITA', 'id')).toBe('15.30 WITA');
    expect(formatTime(instant, 'WITA', 'en')).toBe('3:30 pm WITA (UTC+8)');
    expect(formatTime(instant, 'WIT', 'id')).toBe('16.30 WIT');
    expect(formatTime(instant, 'WIT', 'en')).toBe('4:30 pm WIT (UTC+9)');
  });

  it('handles midnight and noon in English', () => {
    expect(formatTime(at('2024-09-12T17:00:00Z'), 'WIB', 'en')).toBe('12:00 am WIB (UTC+7)');
    expect(formatTime(at('2024-09-12T05:00:00Z'), 'WIB', 'en')).toBe('12:00 pm WIB (UTC+7)');
    expect(formatTime(at('2024-09-12T17:00:00Z'), 'WIB', 'id')).toBe('00.00 WIB');
  });

  it('moves the date across midnight per time zone', () => {
    const late = at('2024-09-12T16:30:00Z'); // 23.30 WIB Thursday, 00.30 WITA Friday, 01.30 WIT Friday
    expect(formatDateTime(late, 'WIB', 'id')).toBe('Kamis, 12 September 2024 pukul 23.30 WIB');
    expect(formatDateTime(late, 'WITA', 'id')).toBe('Jumat, 13 September 2024 pukul 00.30 WITA');
    expect(formatDateTime(late, 'WIT', 'en')).toBe('Friday, 13 September 2024, 1:30 am WIT (UTC+9)');
    // and across a year end
    expect(formatDateTime(at('2024-12-31T18:15:00Z'), 'WIT', 'id')).toBe('Rabu, 1 Januari 2025 pukul 03.15 WIT');
  });

  it('shows a clock time alone on the same day and with its date on another day', () => {
    const start = at('2024-09-12T07:30:00Z');
    expect(formatClock(at('2024-09-12T10:30:00Z'), start, 'WIB', 'id')).toBe('17.30 WIB');
    expect(formatClock(at('2024-09-12T17:30:00Z'), start, 'WIB', 'id')).toBe('Jumat, 13 September 2024 pukul 00.30 WIB');
    expect(formatClock(at('2024-09-12T16:30:00Z'), start, 'WIB', 'en')).toBe('11:30 pm WIB (UTC+7)');
  });

  it('writes months in Roman numerals', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12].map(romanMonth)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII']);
  });

  it('does not depend on the machine time zone', () => {
    const w = wallClock(at('2024-03-01T16:59:00Z'), 'WIB');
    expect(w).toMatchObject({ year: 2024, month: 3, day: 1, weekday: 5, hour: 23, minute: 59 });
  });
});

describe('parseOfficeTime', () => {
  it('reads ISO 8601 with an offset or Z', () => {
    expect(parseOfficeTime('2024-09-12T14:30:00+07:00', 'WIT')?.toISOString()).toBe('2024-09-12T07:30:00.000Z');
    expect(parseOfficeTime('2024-09-12T14:30+0800', 'WIB')?.toISOString()).toBe('2024-09-12T06:30:00.000Z');
    expect(parseOfficeTime('2024-09-12T07:30:00Z', 'WIB')?.toISOString()).toBe('2024-09-12T07:30:00.000Z');
  });
  it('reads "YYYY-MM-DD HH:mm" in the office time zone', () => {
    expect(parseOfficeTime('2024-09-12 14:30', 'WIB')?.toISOString()).toBe('2024-09-12T07:30:00.000Z');
    expect(parseOfficeTime('2024-09-12 14:30', 'WITA')?.toISOString()).toBe('2024-09-12T06:30:00.000Z');
    expect(parseOfficeTime('2024-09-12 00:10', 'WIT')?.toISOString()).toBe('2024-09-11T15:10:00.000Z');
    expect(parseOfficeTime('2024-09-12 14.30', 'WIB')?.toISOString()).toBe('2024-09-12T07:30:00.000Z');
    expect(parseOfficeTime('2024-09-12', 'WIB')?.toISOString()).toBe('2024-09-11T17:00:00.000Z');
  });
  it('refuses impossible dates and other text', () => {
    for (const text of ['2024-02-30 10:00', '2023-02-29 10:00', '2024-13-01 10:00', '2024-09-12 24:00', '12/09/2024 14:30', 'kemarin sore', '']) {
      expect(parseOfficeTime(text, 'WIB')).toBeUndefined();
    }
    expect(parseOfficeTime('2024-02-29 10:00', 'WIB')).toBeInstanceOf(Date);
  });
  it('toInstant accepts Dates, epoch milliseconds and text', () => {
    const d = at('2024-09-12T07:30:00Z');
    expect(toInstant(d, 'WIB')).toBe(d);
    expect(toInstant(d.getTime(), 'WIB')?.getTime()).toBe(d.getTime());
    expect(toInstant('2024-09-12 14:30', 'WIB')?.getTime()).toBe(d.getTime());
    expect(toInstant('besok', 'WIB')).toBeUndefined();
  });
});
