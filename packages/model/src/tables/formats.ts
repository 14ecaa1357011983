// The source and storage formats the declarations share.
import type { SourceFormat, TableDefinition } from './schema';

/** Comma-separated, double quotes, a backslash escape, one header row, UTF-8. */
export const quotedCsvWithHeader: SourceFormat = {
  format: 'csv',
  delimiter: ',',
  quoteChar: '"',
  escapeChar: '\\',
  headerRows: 1,
  encoding: 'UTF-8',
};

/** ORC compressed with Snappy. */
export const orcSnappy: TableDefinition['storage'] = { format: 'ORC', compression: 'SNAPPY' };
