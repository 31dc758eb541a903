import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clock, clockNear, dateStamp, isoInZone, longDate, parseTime, readStoredTime } from '../../src/incident/time.js';
import { deadlineText, dueAt } from '../../src/flow/present.js';

// 14 March 2026, 00:10 in UTC+7 (WIB) = 13 March 17:10 UTC.
const NOW = new Date('2026-03-13T17:10:00Z');

describe('office time zones', () => {
  it.each([
    ['WIB', '00.10 WIB', '12:10 am WIB', '2026-03-14T00:10:00+07:00'],
    ['WITA', '01.10 WITA', '1:10 am WITA', '2026-03-14T01:10:00+08:00'],
    ['WIT', '02.10 WIT', '2:10 am WIT', '2026-03-14T02:10:00+09:00'],
  ] as const)('%s shows the wall clock of its offset', (tz, id, en, iso) => {
    expect(clock(NOW, tz, 'id')).toBe(id);
    expect(clock(NOW, tz, 'en')).toBe(en);
    expect(isoInZone(NOW, tz)).toBe(iso);
    expect(dateStamp(NOW, tz)).toBe('2026-03-14');
    expect(longDate(NOW, tz, 'id')).toBe('Sabtu, 14 Maret 2026');
    expect(longDate(NOW, tz, 'en')).toBe('Saturday, 14 March 2026');
  });

  it('reads a typed start time in the office zone, back-dated when it is later than now', () => {
    // "23.50" typed at 00.10 means last night.
    expect(isoInZone(parseTime('23.50', 'WIB', NOW, 'past')!, 'WIB')).toBe('2026-03-13T23:50:00+07:00');
    expect(isoInZone(parseTime('00:05', 'WIB', NOW, 'past')!, 'WIB')).toBe('2026-03-14T00:05:00+07:00');
    // A journalist's deadline "15:00" is later today; "00:05" typed at 00:10 means tomorrow.
    expect(isoInZone(parseTime('15:00', 'WITA', NOW, 'future')!, 'WITA')).toBe('2026-03-14T15:00:00+08:00');
    expect(isoInZone(parseTime('00:05', 'WIB', NOW, 'future')!, 'WIB')).toBe('2026-03-15T00:05:00+07:00');
    expect(isoInZone(parseTime('2026-03-12 04:40', 'WIT', NOW)!, 'WIT')).toBe('2026-03-12T04:40:00+09:00');
    expect(isoInZone(parseTime('12/03/2026 04.40', 'WIT', NOW)!, 'WIT')).toBe('2026-03-12T04:40:00+09:00');
    expect(parseTime('2026-03-12T04:40:00+07:00', 'WIT', NOW)!.toISOString()).toBe('2026-03-11T21:40:00.000Z');
    expect(parseTime('sekarang', 'WIB', NOW)).toBe(NOW);
    for (const bad of ['25.00', '2026-02-30 10:00', 'besok pagi', '12:60', '']) expect(parseTime(bad, 'WIB', NOW)).toBeUndefined();
  });

  it('shows a deadline as a clock time in the office zone, with the day when it is another day', () => {
    // Now is 01.10 WITA on Saturday 14 March; the incident began 23.40 WITA on Friday.
    const start = parseTime('2026-03-13 23:40', 'WITA', NOW)!;
    expect(clockNear(dueAt(start, '15m'), 'WITA', 'id', NOW)).toBe('Jumat 13 Mar 23.55 WITA');
    expect(clockNear(dueAt(start, '1h'), 'WITA', 'id', NOW)).toBe('00.40 WITA');
    expect(clockNear(dueAt(start, '15m'), 'WITA', 'en', NOW)).toBe('Fri 13 Mar, 11:55 pm WITA');
    expect(deadlineText(dueAt(start, '1h'), NOW, 'WITA', 'en')).toEqual({ clock: '12:40 am WITA', left: 'overdue by 30 min', overdue: true });
    expect(deadlineText(dueAt(start, '15m'), NOW, 'WITA', 'id')).toEqual({ clock: 'Jumat 13 Mar 23.55 WITA', left: 'terlambat 1 jam 15 menit', overdue: true });
    expect(deadlineText(dueAt(start, '2h'), NOW, 'WITA', 'id')).toEqual({ clock: '01.40 WITA', left: 'sisa 30 menit', overdue: false });
    // The same deadline on a WIT office's clock.
    expect(deadlineText(dueAt(start, '3d'), NOW, 'WIT', 'en')).toEqual({ clock: 'Tue 17 Mar, 12:40 am WIT', left: '2d 22h 30 min left', overdue: false });
  });

  it('round-trips any instant through its stored form in every zone', () => {
    fc.assert(
      fc.property(fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }), fc.constantFrom('WIB', 'WITA', 'WIT' as const), (date, tz) => {
        const whole = new Date(Math.floor(date.getTime() / 1000) * 1000);
        expect(readStoredTime(isoInZone(whole, tz), tz)!.getTime()).toBe(whole.getTime());
      }),
    );
  });
});
