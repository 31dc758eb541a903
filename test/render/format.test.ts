import { describe, expect, it } from 'vitest';
import { englishPlural, formatList, formatNumber, pluralize } from '../../src/render/format.js';

describe('numbers', () => {
  it('groups thousands and marks decimals per language', () => {
    expect(formatNumber(1234.5, 'id')).toBe('1.234,5');
    expect(formatNumber(1234.5, 'en')).toBe('1,234.5');
    expect(formatNumber(1500000, 'id')).toBe('1.500.000');
    expect(formatNumber(1500000, 'en')).toBe('1,500,000');
    expect(formatNumber(0, 'id')).toBe('0');
    expect(formatNumber(999, 'en')).toBe('999');
    expect(formatNumber(-1234567.25, 'id')).toBe('-1.234.567,25');
    expect(formatNumber(0.125, 'en')).toBe('0.125');
    expect(formatNumber(2.1000001, 'id')).toBe('2,1');
  });
});

describe('lists', () => {
  it('joins 0, 1, 2 and 3 items', () => {
    expect(formatList([], 'id')).toBe('');
    expect(formatList(['A'], 'id')).toBe('A');
    expect(formatList(['A', 'B'], 'id')).toBe('A dan B');
    expect(formatList(['A', 'B', 'C'], 'id')).toBe('A, B, dan C');
    expect(formatList([], 'en')).toBe('');
    expect(formatList(['A'], 'en')).toBe('A');
    expect(formatList(['A', 'B'], 'en')).toBe('A and B');
    expect(formatList(['A', 'B', 'C'], 'en')).toBe('A, B and C');
    expect(formatList(['A', 'B', 'C', 'D'], 'id')).toBe('A, B, C, dan D');
  });
});

describe('plurals', () => {
  it('inflects English nouns and leaves Indonesian ones', () => {
    expect(pluralize(1, 'victim', undefined, 'en')).toBe('victim');
    expect(pluralize(2, 'victim', undefined, 'en')).toBe('victims');
    expect(pluralize(0, 'victim', undefined, 'en')).toBe('victims');
    expect(pluralize(-1, 'victim', undefined, 'en')).toBe('victim');
    expect(pluralize(3, 'korban', undefined, 'id')).toBe('korban');
    expect(pluralize(3, 'person', 'persons', 'en')).toBe('persons');
  });
  it('knows the regular patterns and common irregular nouns', () => {
    expect(englishPlural('casualty')).toBe('casualties');
    expect(englishPlural('day')).toBe('days');
    expect(englishPlural('box')).toBe('boxes');
    expect(englishPlural('church')).toBe('churches');
    expect(englishPlural('person')).toBe('people');
    expect(englishPlural('Child')).toBe('Children');
    expect(englishPlural('staff')).toBe('staff');
  });
});
