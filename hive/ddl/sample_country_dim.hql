-- sample_country_dim: staging and warehouse tables, generated from packages/model/src/tables/declarations.ts
-- by pnpm --filter @data-pipeline/model run generate:ddl. Do not edit.
-- Hive variables: STAGE_LOCATION is the stage-zone folder of the table, WAREHOUSE_LOCATION its warehouse-zone folder,
-- STAGE_DATABASE and WAREHOUSE_DATABASE the databases of the environment (dev_stg_fact_db, dev_fact_db, and so on).

CREATE DATABASE IF NOT EXISTS ${hivevar:STAGE_DATABASE};

CREATE EXTERNAL TABLE IF NOT EXISTS ${hivevar:STAGE_DATABASE}.sample_country_dim (
  `id` string COMMENT 'country id',
  `country_name` string COMMENT 'country name'
)
COMMENT 'Staging (text) of sample_country_dim: Countries; replaced in full by every load.'
PARTITIONED BY (
  `source_file` string COMMENT 'the landed file the row came from'
)
ROW FORMAT SERDE 'org.apache.hadoop.hive.serde2.OpenCSVSerde'
WITH SERDEPROPERTIES (
  'separatorChar' = ',',
  'quoteChar' = '"',
  'escapeChar' = '\\'
)
STORED AS INPUTFORMAT 'org.apache.hadoop.mapred.TextInputFormat'
  OUTPUTFORMAT 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat'
LOCATION '${hivevar:STAGE_LOCATION}'
TBLPROPERTIES (
  'classification' = 'csv',
  'skip.header.line.count' = '1'
);

CREATE DATABASE IF NOT EXISTS ${hivevar:WAREHOUSE_DATABASE};

CREATE EXTERNAL TABLE IF NOT EXISTS ${hivevar:WAREHOUSE_DATABASE}.sample_country_dim (
  `id` int COMMENT 'country id',
  `country_name` string COMMENT 'country name',
  `source_file` string COMMENT 'the landed file the row came from'
)
COMMENT 'Countries; replaced in full by every load.'
STORED AS ORC
LOCATION '${hivevar:WAREHOUSE_LOCATION}'
TBLPROPERTIES (
  'classification' = 'orc',
  'orc.compress' = 'SNAPPY'
);
