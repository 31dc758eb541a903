/**
 * Dates and times in the office's time zone, written the Indonesian or the English way. The
 * offset arithmetic is done here so the output never depends on the machine's time zone, and
 * day and month names come from tables so the output never depends on the ICU data Node ships.
 */
import { offsetMinutes, parseOfficeTime, type Timezone } from '../incident/answers.js';
import type { Locale } from '../playbook/schema.js';

const DAYS: Record<Locale, string[]> = {
  id: ['Minggu', 'Senin', 'Selasa', 'Rabu', 'Kamis', 'Jumat', 'Sabtu'],
  en: ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'],
};
const MONTHS: Record<Locale, string[]> = {
  id: ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};
const ROMAN = ['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'VIII', 'IX', 'X', 'XI', 'XII'];

/** The wall-clock fields of an instant in an office time zone. */
export interface WallClock {
  year: number;
  month: number; // 1-12
  day: number;
  weekday: number; // 0 = Sunday
  hour: number;
  minute: number;
}

export function wallClock(instant: Date, zone: Timezone): WallClock {
  const shifted = new Date(instant.getTime() + offsetMinutes(zone) * 60_000);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    weekday: shifted.getUTCDay(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

const pad = (n: number) => String(n).padStart(2, '0');

export const romanMonth = (month: number): string => ROMAN[month - 1];

/** "Kamis, 12 September 2024" / "Thursday, 12 September 2024" */
export function formatDate(instant: Date, zone: Timezone, lang: Locale): string {
  const w = wallClock(instant, zone);
  return `${DAYS[lang][w.weekday]}, ${w.day} ${MONTHS[lang][w.month - 1]} ${w.year}`;
}

/** "14.30 WIB" / "2:30 pm WIB (UTC+7)" */
export function formatTime(instant: Date, zone: Timezone, lang: Locale): string {
  const w = wallClock(instant, zone);
  if (lang === 'id') return `${pad(w.hour)}.${pad(w.minute)} ${zone}`;
  const hour12 = w.hour % 12 === 0 ? 12 : w.hour % 12;
  return `${hour12}:${pad(w.minute)} ${w.hour < 12 ? 'am' : 'pm'} ${zone} (UTC+${offsetMinutes(zone) / 60})`;
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
