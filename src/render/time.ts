/**
 * Dates and times in the office's time zone, written the Indonesian or the English way. The
 * offset arithmetic is done here so the output never depends on the machine's time zone, and
 * day and month names come from tables so the output never depends on the ICU data Node ships.
 */
import { offsetMinutes, parseOfficeTime, type Timezone } from '../incident/answers.js';
import { clock, longDate, wallClock, type WallClock } from '../incident/time.js';
import type { Locale } from '../playbook/schema.js';

const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

export type { WallClock };
export { wallClock };


export const romanMonth = (month: number): string => ROMAN[month - 1];

/** "Kamis, 12 September 2024" / "Thursday, 12 September 2024" */
export const formatDate = (instant: Date, zone: Timezone, lang: Locale): string => longDate(instant, zone, lang);

/** "14.30 WIB" / "2:30 pm WIB (UTC+7)": English readers may not know the zone names. */
export function formatTime(instant: Date, zone: Timezone, lang: Locale): string {
  const time = clock(instant, zone, lang);
  return lang === 'id' ? time : `${time} (UTC+${offsetMinutes(zone) / 60})`;
}

/** "Kamis, 12 September 2024 pukul 14.30 WIB" / "Thursday, 12 September 2024, 2:30 pm WIB (UTC+7)" */
export function formatDateTime(instant: Date, zone: Timezone, lang: Locale): string {
  return lang === 'id'
    ? `${formatDate(instant, zone, lang)} pukul ${formatTime(instant, zone, lang)}`
    : `${formatDate(instant, zone, lang)}, ${formatTime(instant, zone, lang)}`;
}

export function sameDay(a: Date, b: Date, zone: Timezone): boolean {
  const x = wallClock(a, zone);
  const y = wallClock(b, zone);
  return x.year === y.year && x.month === y.month && x.day === y.day;
}

/** A clock time relative to a reference day: the time alone on the same day, the full date and time otherwise. */
export function formatClock(instant: Date, reference: Date, zone: Timezone, lang: Locale): string {
  return sameDay(instant, reference, zone) ? formatTime(instant, zone, lang) : formatDateTime(instant, zone, lang);
}

/** A value a date helper accepts: a Date, epoch milliseconds, or text in a form `parseOfficeTime` reads. */
export function toInstant(value: unknown, zone: Timezone): Date | undefined {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : value;
  if (typeof value === 'number' && Number.isFinite(value)) return new Date(value);
  if (typeof value === 'string') return parseOfficeTime(value, zone);
  return undefined;
}
