// A table the repository does not declare, for the tests that prove a table is one declaration and one
// load script: they add it to the model (vi.mock of tables/declarations) and find it everywhere.
import { orcSnappy, quotedCsvWithHeader } from '../tables/formats';
import type { TableDefinition } from '../tables/schema';

export const PRODUCT_DIM: TableDefinition = {
  name: 'product_dim',
  kind: 'dimension',
  description: 'Products; replaced in full by every load.',
  columns: [
    { name: 'id', type: 'int', comment: 'product id' },
    { name: 'product_name', type: 'string', comment: 'product name' },
    { name: 'unit_price', type: 'decimal(10,2)', comment: 'price of one unit' },
  ],
  partitionKeys: [],
  source: quotedCsvWithHeader,
  loadMode: 'overwrite',
  storage: orcSnappy,
};

/** Its hand-written load script, shaped like hive/scripts/sample_country_dim.hql: the generated block, then the load. */
export const PRODUCT_DIM_LOAD_SCRIPT = `-- product_dim: the warehouse dimension is replaced by the files in staging.

-- BEGIN GENERATED DDL, do not edit: pnpm --filter @data-pipeline/model run generate:ddl
-- END GENERATED DDL

MSCK REPAIR TABLE \${hivevar:STAGE_DATABASE}.product_dim SYNC PARTITIONS;

INSERT OVERWRITE TABLE \${hivevar:WAREHOUSE_DATABASE}.product_dim
SELECT
  CAST(trim(regexp_replace(id, '^\\\\uFEFF', '')) AS INT) AS id,
  product_name,
  CAST(unit_price AS DECIMAL(10,2)) AS unit_price,
  source_file
FROM \${hivevar:STAGE_DATABASE}.product_dim
WHERE coalesce(trim(regexp_replace(id, '^\\\\uFEFF', '')), '') <> 'id';
`;
