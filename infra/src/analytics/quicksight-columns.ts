import type { GlueColumn } from '@data-pipeline/model';
import { UnsupportedColumnTypeError } from '../errors';

/** QuickSight's input column types of a data set, from the Hive / Glue type of each warehouse column. */

export type QuicksightColumnType = 'STRING' | 'INTEGER' | 'DECIMAL' | 'DATETIME' | 'BOOLEAN';

const byType: [RegExp, QuicksightColumnType][] = [
  [/^(tinyint|smallint|int|bigint)$/, 'INTEGER'],
  [/^(decimal\(\d+,\d+\)|float|double)$/, 'DECIMAL'],
  [/^(string|varchar\(\d+\)|char\(\d+\))$/, 'STRING'],
  [/^(date|timestamp)$/, 'DATETIME'],
  [/^boolean$/, 'BOOLEAN'],
];

export function quicksightColumnType(table: string, column: GlueColumn): QuicksightColumnType {
  const match = byType.find(([pattern]) => pattern.test(column.Type));
  if (!match) throw new UnsupportedColumnTypeError(table, column.Name, column.Type);
  return match[1];
}
