import { orcSnappy, quotedCsvWithHeader } from './formats';
import type { TableDefinition } from './schema';

/**
 * The tables of the pipeline, in load order within each kind. Adding a table is one entry here plus
 * its load script hive/scripts/<name>.hql (then `pnpm --filter @data-pipeline/model run generate:ddl`).
 */

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
    storage: orcSnappy,
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
    storage: orcSnappy,
  },
];
