/**
 * Clock times in the office's time zone. Indonesia has three fixed-offset zones (no daylight
 * saving), so plain offset arithmetic is exact and keeps the Intl machinery off the start-up path.
 */
import { TIMEZONES, UTC_OFFSET_HOURS, type Timezone } from './answers-schema.js';
import type { Locale } from '../playbook/schema.js';

export const isTimezone = (value: unknown): value is Timezone => typeof value === 'string' && (TIMEZONES as readonly string[]).includes(value);

export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  weekday: number; // 0 = Sunday
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** What a clock on the wall of the office shows at `date`. */
export function wallClock(date: Date, tz: Timezone): WallClock {
  const shifted = new Date(date.getTime() + UTC_OFFSET_HOURS[tz] * 3_600_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
    second: shifted.getUTCSeconds(),
    weekday: shifted.getUTCDay(),
  };
}

/** The instant a wall clock in `tz` shows the given fields. */
export function fromWallClock(tz: Timezone, year: number, month: number, day: number, hour = 0, minute = 0, second = 0): Date {
  return new Date(Date.UTC(year, month - 1, day, hour, minute, second) - UTC_OFFSET_HOURS[tz] * 3_600_000);
}

/** ISO 8601 with the zone's offset: 2026-03-14T04:40:00+07:00. */
export function isoInZone(date: Date, tz: Timezone): string {
  const w = wallClock(date, tz);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}:${pad(w.second)}+${pad(UTC_OFFSET_HOURS[tz])}:00`;
}

/** yyyy-mm-dd as the office's calendar shows it. */
export function dateStamp(date: Date, tz: Timezone): string {
  const w = wallClock(date, tz);
  return `${w.year}-${pad(w.month)}-${pad(w.day)}`;
}

const DAYS = {
  id: ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
} as const;
const MONTHS = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
} as const;

/** "Kamis, 12 September 2024" / "Thursday, 12 September 2024". */
export function longDate(date: Date, tz: Timezone, lang: Locale): string {
  const w = wallClock(date, tz);
  return `${DAYS[lang][w.weekday]}, ${w.day} ${MONTHS[lang][w.month - 1]} ${w.year}`;
}

/** "14.30 WIB" / "2:30 pm WIB". */
export function clock(date: Date, tz: Timezone, lang: Locale): string {
  const w = wallClock(date, tz);
  if (lang === 'id') return `${pad(w.hour)}.${pad(w.minute)} ${tz}`;
  const h12 = w.hour % 12 === 0 ? 12 : w.hour % 12;
  return `${h12}:${pad(w.minute)} ${w.hour < 12 ? 'am' : 'pm'} ${tz}`;
}

/**
 * A clock time, with the day when it is not the same calendar day as `reference`:
 * "05.40 WIB", "Jumat 13 Sep 08.00 WIB" / "Fri 13 Sep, 8:00 am WIB".
 */
export function clockNear(date: Date, tz: Timezone, lang: Locale, reference: Date): string {
  if (dateStamp(date, tz) === dateStamp(reference, tz)) return clock(date, tz, lang);
  const w = wallClock(date, tz);
  const day = DAYS[lang][w.weekday];
  const month = MONTHS[lang][w.month - 1].slice(0, 3);
  const year = wallClock(reference, tz).year === w.year ? '' : ` ${w.year}`;
  return lang === 'id'
    ? `${day} ${w.day} ${month}${year} ${clock(date, tz, lang)}`
    : `${day.slice(0, 3)} ${w.day} ${month}${year}, ${clock(date, tz, lang)}`;
}

export type TimeBias = 'past' | 'future';

/**
 * Read a time an officer typed, in the office's zone:
 * "now"/"sekarang", "14:30" or "14.30" (today; with bias "past" a time later than now means
 * yesterday, with "future" a time earlier than now means tomorrow), "2026-03-14 04:40",
 * "14/03/2026 04.40", or ISO 8601 with an offset. Returns undefined when it is none of these.
 */
export function parseTime(text: string, tz: Timezone, now: Date, bias: TimeBias = 'past'): Date | undefined {
  const s = text.trim();
  if (s === '') return undefined;
  if (/^(now|sekarang|skrg)$/i.test(s)) return now;
  if (/[zZ]$|[+-]\d\d:?\d\d$/.test(s) && /^\d{4}-\d\d-\d\dT/.test(s)) {
    const parsed = new Date(s);
    return Number.isNaN(parsed.getTime()) ? undefined : parsed;
  }
  const valid = (y: number, mo: number, d: number, h: number, mi: number) => {
    if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59) return undefined;
    const result = fromWallClock(tz, y, mo, d, h, mi);
    const w = wallClock(result, tz);
    return w.day === d && w.month === mo ? result : undefined; // rejects 31 February
  };
  let m = /^(\d{1,2})[.:](\d{2})$/.exec(s);
  if (m) {
    const today = wallClock(now, tz);
    let at = valid(today.year, today.month, today.day, Number(m[1]), Number(m[2]));
    if (!at) return undefined;
    const day = 86_400_000;
    if (bias === 'past' && at.getTime() > now.getTime() + 60_000) at = new Date(at.getTime() - day);
    if (bias === 'future' && at.getTime() < now.getTime() - 60_000) at = new Date(at.getTime() + day);
    return at;
  }
  m = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2})[.:](\d{2})(?::(\d{2}))?)?$/.exec(s);
  if (m) return valid(Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4] ?? 0), Number(m[5] ?? 0));
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?:[ ,]+(\d{1,2})[.:](\d{2}))?$/.exec(s);
  if (m) return valid(Number(m[3]), Number(m[2]), Number(m[1]), Number(m[4] ?? 0), Number(m[5] ?? 0));
  return undefined;
}

/** Read a stored time: ISO with offset, or "yyyy-mm-dd hh:mm" in the office zone (answers files allow both). */
export function readStoredTime(text: string, tz: Timezone): Date | undefined {
  return /^\d{4}-/.test(text.trim()) ? parseTime(text, tz, new Date(0), 'past') : undefined;
}
