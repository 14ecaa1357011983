import { describe, expect, it } from 'vitest';
import { isDateAxis, isoDate, isUnexpectedPartition, topCategories } from '../src/shaping/categories';

describe('Function: isoDate', () => {
  it.each([
    ['20240131', '2024-01-31'],
    ['2024-02-29', '2024-02-29'],
  ])('returns the date of %s', (value, expected) => {
    // Act
    const date = isoDate(value);

    // Assess
    expect(date).toBe(expected);
  });

  it.each(['20240230', '2024013', 'abc', '20241301', ''])('returns undefined for %j, which is no date', (value) => {
    // Act
    const date = isoDate(value);

    // Assess
    expect(date).toBeUndefined();
  });
});

describe('Function: isDateAxis', () => {
  it('returns true when every value is a date and false when one is not, or there is none', () => {
    // Act
    const results = [isDateAxis(['20240101', '20240102']), isDateAxis(['20240101', 'a.csv']), isDateAxis([])];

    // Assess
    expect(results).toEqual([true, false, false]);
  });
});

describe('Function: isUnexpectedPartition', () => {
  it('returns true for NULL, empty and Hive default partitions, false for a value', () => {
    // Act
    const results = [null, 'NULL', '', ' ', '__HIVE_DEFAULT_PARTITION__', '20240101'].map(isUnexpectedPartition);

    // Assess
    expect(results).toEqual([true, true, true, true, true, false]);
  });
});

describe('Function: topCategories', () => {
  const items = [
    ['a', 5],
    ['b', 50],
    ['c', 1],
    ['d', 20],
    ['e', 2],
  ] as const;

  it('returns the largest in their order and the rest summed as "other" when there are more than limit + 1', () => {
    // Act
    const result = topCategories(
      [...items],
      2,
      (item) => item[0],
      (item) => item[1],
    );

    // Assess
    expect(result.map((category) => [category.label, category.value, category.items.length])).toEqual([
      ['b', 50, 1],
      ['d', 20, 1],
      ['other (3)', 8, 3],
    ]);
  });

  it('returns every item when one more than the limit would only move one into "other"', () => {
    // Act
    const result = topCategories(
      [...items],
      4,
      (item) => item[0],
      (item) => item[1],
    );

    // Assess
    expect(result.map((category) => category.label)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });
});
