import { describe, expect, it } from 'vitest';
import { archivedKeyOf, escapePartitionValue, getTable, sourceFileOfKey, stagedFileKey, unescapePartitionValue } from '../src/index';

const fact = getTable('sample_country_tx_fact');

describe('Function: stagedFileKey', () => {
  it('returns a folder of its own per file, named as a source_file partition', () => {
    // Act
    const key = stagedFileKey(fact, 'sample_country_tx_fact_part-0001.csv');

    // Assess
    expect(key).toBe(
      'data-workflows/stage/STG_DWH/stg_fact_db/sample_country_tx_fact/source_file=sample_country_tx_fact_part-0001.csv/sample_country_tx_fact_part-0001.csv',
    );
  });

  it('returns the escaped relative path as the partition value when the file sits in a sub-folder', () => {
    // Act
    const key = stagedFileKey(fact, '2024/01/a=b.csv');

    // Assess
    expect(key.split('/').slice(-2)).toEqual(['source_file=2024%2F01%2Fa%3Db.csv', 'a=b.csv']);
    expect(sourceFileOfKey(fact, key)).toBe('2024/01/a=b.csv');
  });
});

describe('Function: escapePartitionValue', () => {
  it('returns the characters Hive escapes as %XX and keeps the others, reversibly', () => {
    // Prepare
    const value = 'file #1: "50%" [a]\t.csv';

    // Act
    const escaped = escapePartitionValue(value);

    // Assess
    expect(escaped).toBe('file %231%3A %2250%25%22 %5Ba%5D%09.csv');
    expect(unescapePartitionValue(escaped)).toBe(value);
  });
});

describe('Function: archivedKeyOf', () => {
  it('returns the same path under the archive folder', () => {
    // Act
    const key = archivedKeyOf(fact, stagedFileKey(fact, 'x.csv'));

    // Assess
    expect(key).toBe('data-workflows/archive/DWH/facts/sample_country_tx_fact/source_file=x.csv/x.csv');
    expect(sourceFileOfKey(fact, key)).toBe('x.csv');
  });

  it('throws when the key is not a staging key', () => {
    // Act
    const act = () => archivedKeyOf(fact, 'data-workflows/landing/DWH/facts/sample_country_tx_fact/x.csv');

    // Assess
    expect(act).toThrow(RangeError);
  });
});
