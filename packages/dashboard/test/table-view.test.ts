import { describe, expect, it } from 'vitest';
import { type TableViewInput, tableView } from '../src/shaping/table-view';

const base: Omit<TableViewInput, 'rows'> = {
  table: { name: 'fact', kind: 'fact', description: 'facts' },
  group: 'date_id',
  partitioned: true,
  measures: ['amount'],
  sql: 'SQL',
  qualifiedName: 'local_fact_db.fact',
  location: 's3a://bucket/data-workflows/prod/DWH/fact_db/fact/',
};

describe('Function: tableView', () => {
  it('returns date partitions on a time axis, in date order, with each measure', () => {
    // Prepare
    const rows = [
      ['20240102', '3', '0', '30.50'],
      ['20240101', '2', '0', '10'],
    ];

    // Act
    const view = tableView({ ...base, rows });

    // Assess
    expect(view.axis).toBe('date');
    expect(view.points).toEqual([
      { label: '2024-01-01', rows: 2, sums: [10] },
      { label: '2024-01-02', rows: 3, sums: [30.5] },
    ]);
    expect(view.rows).toBe(5);
    expect(view.flags).toEqual([]);
  });

  it('returns a flag with its count and where to look for a NULL partition, kept off the time axis', () => {
    // Prepare
    const rows = [
      [null, '1', '1', '0'],
      ['20240101', '2', '0', '10'],
    ];

    // Act
    const view = tableView({ ...base, rows });

    // Assess
    expect(view.axis).toBe('date');
    expect(view.points.map((point) => point.label)).toEqual(['2024-01-01']);
    expect(view.rows).toBe(3);
    expect(view.flags).toEqual([
      {
        kind: 'partition',
        title: "1 row in a partition that should not exist: date_id is NULL or empty (Hive's default partition)",
        rows: 1,
        where: [
          'SELECT * FROM local_fact_db.fact WHERE date_id IS NULL',
          's3a://bucket/data-workflows/prod/DWH/fact_db/fact/date_id=__HIVE_DEFAULT_PARTITION__/',
        ],
      },
      {
        kind: 'lineage',
        title: '1 row without lineage: no source_file says which landed file they came from',
        rows: 1,
        where: ['SELECT * FROM local_fact_db.fact WHERE source_file IS NULL'],
      },
    ]);
  });

  it('returns the largest categories and the rest as "other" with its sums, for a table grouped by file', () => {
    // Prepare
    const rows = ['a.csv', 'b.csv', 'c.csv', 'd.csv'].map((file, index) => [file, String(index + 1), '0', String((index + 1) * 10)]);

    // Act
    const view = tableView({ ...base, group: 'source_file', partitioned: false, rows, topN: 2 });

    // Assess
    expect(view.axis).toBe('category');
    expect(view.points).toEqual([
      { label: 'c.csv', rows: 3, sums: [30] },
      { label: 'd.csv', rows: 4, sums: [40] },
      { label: 'other (2)', rows: 3, sums: [30] },
    ]);
    expect(view.folded).toBe(2);
  });
});
