/** Numbers, lists and plurals written the way each language writes them. */
import type { Locale } from '../playbook/schema.js';

const SEPARATORS: Record<Locale, { group: string; decimal: string }> = {
  id: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

/** 1234.5 -> "1.234,5" (id) / "1,234.5" (en). At most six decimals; no rounding of whole numbers. */
export function formatNumber(n: number, lang: Locale): string {
  if (!Number.isFinite(n)) return String(n);
  const { group, decimal } = SEPARATORS[lang];
  const negative = n < 0;
  let text = Math.abs(n).toFixed(Number.isInteger(n) ? 0 : 6);
  if (text.includes('.')) text = text.replace(/0+$/, '').replace(/\.$/, '');
  const [whole, fraction] = text.split('.');
  const grouped = whole.replace(/\B(?=(\d{3})+(?!\d))/g, group);
  return `${negative ? '-' : ''}${grouped}${fraction ? decimal + fraction : ''}`;
}

/** ["A", "B", "C"] -> "A, B, dan C" (id) / "A, B and C" (en). */
export function formatList(items: string[], lang: Locale): string {
  const and = lang === 'id' ? 'dan' : 'and';
  if (items.length <= 1) return items.join('');
  if (items.length === 2) return `${items[0]} ${and} ${items[1]}`;
  const head = items.slice(0, -1).join(', ');
  return lang === 'id' ? `${head}, ${and} ${items[items.length - 1]}` : `${head} ${and} ${items[items.length - 1]}`;
}

const IRREGULAR: Record<string, string> = {
  person: 'people',
  child: 'children',
  man: 'men',
  woman: 'women',
  foot: 'feet',
  tooth: 'teeth',
  mouse: 'mice',
  fish: 'fish',
  sheep: 'sheep',
  livestock: 'livestock',
  staff: 'staff',
  personnel: 'personnel',
  aircraft: 'aircraft',
};

/** English plural of a noun, for the common regular patterns and a few irregular ones. */
export function englishPlural(word: string): string {
  const lower = word.toLowerCase();
  if (IRREGULAR[lower]) {
    const plural = IRREGULAR[lower];
    return word[0] === word[0].toUpperCase() ? plural[0].toUpperCase() + plural.slice(1) : plural;
  }
  if (/(s|x|z|ch|sh)$/i.test(word)) return `${word}es`;
  if (/[^aeiou]y$/i.test(word)) return `${word.slice(0, -1)}ies`;
  return `${word}s`;
}

/**
 * The noun for a count: English inflects ("1 victim", "2 victims"; an explicit plural may be
 * given), Indonesian does not ("2 korban").
 */
export function pluralize(count: number, singular: string, plural: string | undefined, lang: Locale): string {
  if (lang === 'id') return singular;
  return Math.abs(count) === 1 ? singular : (plural ?? englishPlural(singular));
}
