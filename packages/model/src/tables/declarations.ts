import type { SourceFormat, TableDefinition } from './schema';

/**
 * The tables of the pipeline, in load order within each kind. Adding a table is one entry here plus
 * its load script hive/scripts/<name>.hql (then `pnpm --filter @data-pipeline/model run generate:ddl`).
 */

const quotedCsvWithHeader: SourceFormat = {
  format: 'csv',
  delimiter: ',',
  quoteChar: '"',
  escapeChar: '\\',
  headerRows: 1,
  encoding: 'UTF-8',
};

export const tableDeclarations: TableDefinition[] = [
  {
    name: 'sample_country_dim',
    kind: 'dimension',
    description: 'Countries; replaced in full by every load.',
    columns: [
      { name: 'id', type: 'int', comment: 'country id' },
      { name: 'country_name', type: 'string', comment: 'country name' },
    ],
    partitionKeys: [],
    source: quotedCsvWithHeader,
    loadMode: 'overwrite',
    storage: { format: 'ORC', compression: 'SNAPPY' },
  },
  {
    name: 'sample_country_tx_fact',
    kind: 'fact',
    description: 'Transactions per country; each load appends into date_id partitions.',
    columns: [
      { name: 'tx_id', type: 'int', comment: 'transaction id' },
      { name: 'country_id', type: 'int', comment: 'sample_country_dim.id' },
      { name: 'tx_amount', type: 'decimal(18,2)', comment: 'amount, exact to the cent' },
      { name: 'date_id', type: 'int', comment: 'transaction date as yyyymmdd' },
    ],
    partitionKeys: ['date_id'],
    source: quotedCsvWithHeader,
    loadMode: 'append',
    storage: { format: 'ORC', compression: 'SNAPPY' },
  },
];
