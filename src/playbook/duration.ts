/** Deadlines are written relative to the incident start: "15m", "1h30m", "3d", "2w". */
const UNIT_MS = { m: 60_000, h: 3_600_000, d: 86_400_000, w: 604_800_000 } as const;
const PART = /([0-9]+)(m|h|d|w)/g;

export function isDuration(text: string): boolean {
  return /^([0-9]+(m|h|d|w))+$/.test(text);
}

/** Milliseconds in a duration; throws on text that is not one. */
export function parseDuration(text: string): number {
  if (!isDuration(text)) throw new Error(`"${text}" is not a duration such as 15m, 1h30m or 3d`);
  let total = 0;
  for (const [, n, unit] of text.matchAll(PART)) total += Number(n) * UNIT_MS[unit as keyof typeof UNIT_MS];
  return total;
}

export function formatDuration(ms: number, lang: 'id' | 'en'): string {
  const minutes = Math.round(Math.abs(ms) / 60_000);
  const d = Math.floor(minutes / 1440);
  const h = Math.floor((minutes % 1440) / 60);
  const m = minutes % 60;
  const words = lang === 'id' ? { d: 'hari', h: 'jam', m: 'menit' } : { d: 'd', h: 'h', m: 'min' };
  const parts: string[] = [];
  if (d) parts.push(lang === 'id' ? `${d} ${words.d}` : `${d}${words.d}`);
  if (h) parts.push(lang === 'id' ? `${h} ${words.h}` : `${h}${words.h}`);
  if (m || parts.length === 0) parts.push(lang === 'id' ? `${m} ${words.m}` : `${m} ${words.m}`);
  return parts.join(' ');
}
