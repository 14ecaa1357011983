-- sample_country_tx_fact: staged transactions are added into the date_id partitions of the warehouse table,
-- replacing the rows of any staged file that was loaded before, so a re-run never duplicates or loses a row.
-- EMR step (command-runner.jar, the Spark SQL of the cluster release): spark-sql <engine settings of the model> -v
--   -f s3://BUCKET/data-workflows/prod/libs/hive-scripts/sample_country_tx_fact.hql
--   -d STAGE_LOCATION=s3://BUCKET/data-workflows/stage/STG_DWH/stg_fact_db/sample_country_tx_fact
--   -d WAREHOUSE_LOCATION=s3://BUCKET/data-workflows/prod/DWH/fact_db/sample_country_tx_fact
--   -d STAGE_DATABASE=ENV_stg_fact_db -d WAREHOUSE_DATABASE=ENV_fact_db
-- (ENV is the environment, dev, prod or local: every environment of an account has databases of its own.)

-- BEGIN GENERATED DDL, do not edit: pnpm --filter @data-pipeline/model run generate:ddl
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
-- END GENERATED DDL

-- The session settings (dynamic partition overwrite among them) come with the step, from the model.

-- Each staged file sits in a source_file=<file> folder: register exactly the folders present now.
MSCK REPAIR TABLE ${hivevar:STAGE_DATABASE}.sample_country_tx_fact SYNC PARTITIONS;

-- The dates the staged files touch are rewritten whole: their rows from other files are kept, their rows
-- from a staged file (loaded before, by a run that failed later) are replaced by the staged rows.
-- Dates no staged row has are not read or written (dynamic partition pruning on the join). The join is
-- NULL-safe: rows whose date did not cast sit in the NULL partition, which a load rewrites like any other.
-- Spark SQL ignores skip.header.line.count: header lines are dropped by content, the first column equal to its
-- name whatever the case, byte order mark, spaces or quotes around it (headerRowFilter of the model).
-- DISTRIBUTE BY date_id writes one file per partition and load instead of one per task.
INSERT OVERWRITE TABLE ${hivevar:WAREHOUSE_DATABASE}.sample_country_tx_fact PARTITION (date_id)
SELECT tx_id, country_id, tx_amount, source_file, date_id
FROM (
  SELECT kept.tx_id, kept.country_id, kept.tx_amount, kept.source_file, kept.date_id
  FROM ${hivevar:WAREHOUSE_DATABASE}.sample_country_tx_fact kept
  JOIN (
    SELECT DISTINCT CAST(trim(date_id) AS INT) AS date_id
    FROM ${hivevar:STAGE_DATABASE}.sample_country_tx_fact
    WHERE coalesce(lower(regexp_replace(tx_id, '^[\\uFEFF\\s"]+|[\\s"]+$', '')), '') <> 'tx_id'
  ) touched ON kept.date_id <=> touched.date_id
  LEFT OUTER JOIN (
    SELECT DISTINCT source_file FROM ${hivevar:STAGE_DATABASE}.sample_country_tx_fact
  ) restaged ON kept.source_file = restaged.source_file
  WHERE restaged.source_file IS NULL
  UNION ALL
  SELECT
    CAST(trim(regexp_replace(tx_id, '^\\uFEFF', '')) AS INT) AS tx_id,
    CAST(trim(country_id) AS INT) AS country_id,
    CAST(trim(tx_amount) AS DECIMAL(18,2)) AS tx_amount,
    source_file,
    CAST(trim(date_id) AS INT) AS date_id
  FROM ${hivevar:STAGE_DATABASE}.sample_country_tx_fact
  WHERE coalesce(lower(regexp_replace(tx_id, '^[\\uFEFF\\s"]+|[\\s"]+$', '')), '') <> 'tx_id'
) loaded
DISTRIBUTE BY date_id;
