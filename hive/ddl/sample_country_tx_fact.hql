-- sample_country_tx_fact: staging and warehouse tables, generated from packages/model/src/tables/declarations.ts
-- by pnpm --filter @data-pipeline/model run generate:ddl. Do not edit.
-- Hive variables: STAGE_LOCATION is the stage-zone folder of the table, WAREHOUSE_LOCATION its warehouse-zone folder,
-- STAGE_DATABASE and WAREHOUSE_DATABASE the databases of the environment (dev_stg_fact_db, dev_fact_db, and so on).

CREATE DATABASE IF NOT EXISTS ${hivevar:STAGE_DATABASE};

CREATE EXTERNAL TABLE IF NOT EXISTS ${hivevar:STAGE_DATABASE}.sample_country_tx_fact (
  `tx_id` string COMMENT 'transaction id',
  `country_id` string COMMENT 'sample_country_dim.id',
  `tx_amount` string COMMENT 'amount, exact to the cent',
  `date_id` string COMMENT 'transaction date as yyyymmdd'
)
COMMENT 'Staging (text) of sample_country_tx_fact: Transactions per country; each load appends into date_id partitions.'
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

CREATE EXTERNAL TABLE IF NOT EXISTS ${hivevar:WAREHOUSE_DATABASE}.sample_country_tx_fact (
  `tx_id` int COMMENT 'transaction id',
  `country_id` int COMMENT 'sample_country_dim.id',
  `tx_amount` decimal(18,2) COMMENT 'amount, exact to the cent',
  `source_file` string COMMENT 'the landed file the row came from'
)
COMMENT 'Transactions per country; each load appends into date_id partitions.'
PARTITIONED BY (
  `date_id` int COMMENT 'transaction date as yyyymmdd'
)
STORED AS ORC
LOCATION '${hivevar:WAREHOUSE_LOCATION}'
TBLPROPERTIES (
  'classification' = 'orc',
  'orc.compress' = 'SNAPPY'
);
