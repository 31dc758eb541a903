/** The interface language: `--lang`, then TANGGAP_LANG, then the system locale, default Indonesian. */
import type { Locale } from '../playbook/schema.js';

export function isLocale(value: unknown): value is Locale {
  return value === 'id' || value === 'en';
}

export function resolveLang(flag?: string, env: NodeJS.ProcessEnv = process.env): Locale {
  if (isLocale(flag)) return flag;
  if (isLocale(env.TANGGAP_LANG)) return env.TANGGAP_LANG;
  for (const name of ['LC_ALL', 'LC_MESSAGES', 'LANG'] as const) {
    const value = env[name];
    if (!value || value === 'C' || value === 'POSIX' || value.startsWith('C.')) continue;
    return value.toLowerCase().startsWith('en') ? 'en' : 'id';
  }
  return 'id';
}

export type Messages<K extends string> = Record<Locale, Record<K, string>>;

/** A translator over one area's messages; `{name}` placeholders are filled from `params`. */
export function translator<K extends string>(messages: Messages<K>, lang: Locale) {
  return (key: K, params: Record<string, string | number> = {}): string =>
    messages[lang][key].replace(/\{(\w+)\}/g, (_, name: string) => (name in params ? String(params[name]) : `{${name}}`));
}
