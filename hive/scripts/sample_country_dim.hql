-- sample_country_dim: the warehouse dimension is replaced by the files in staging (one folder, one source_file partition, per file).
-- EMR step (command-runner.jar, the Spark SQL of the cluster release): spark-sql <engine settings of the model> -v
--   -f s3://BUCKET/data-workflows/prod/libs/hive-scripts/sample_country_dim.hql
--   -d STAGE_LOCATION=s3://BUCKET/data-workflows/stage/STG_DWH/stg_dimension_db/sample_country_dim
--   -d WAREHOUSE_LOCATION=s3://BUCKET/data-workflows/prod/DWH/dimension_db/sample_country_dim
--   -d STAGE_DATABASE=ENV_stg_dimension_db -d WAREHOUSE_DATABASE=ENV_dimension_db
-- (ENV is the environment, dev, prod or local: every environment of an account has databases of its own.)

-- BEGIN GENERATED DDL, do not edit: pnpm --filter @data-pipeline/model run generate:ddl
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
-- END GENERATED DDL

-- Each staged file sits in a source_file=<file> folder: register exactly the folders present now.
MSCK REPAIR TABLE ${hivevar:STAGE_DATABASE}.sample_country_dim SYNC PARTITIONS;

-- The workflow runs this only when something is staged (stage-landed-files answers EMPTY otherwise),
-- so an empty staging zone never wipes the dimension.
-- Spark SQL ignores skip.header.line.count: header lines are dropped by content, the first column equal to its
-- name whatever the case, byte order mark, spaces or quotes around it (headerRowFilter of the model).
INSERT OVERWRITE TABLE ${hivevar:WAREHOUSE_DATABASE}.sample_country_dim
SELECT
  CAST(trim(regexp_replace(id, '^\\uFEFF', '')) AS INT) AS id,
  country_name,
  source_file
FROM ${hivevar:STAGE_DATABASE}.sample_country_dim
WHERE coalesce(lower(regexp_replace(id, '^[\\uFEFF\\s"]+|[\\s"]+$', '')), '') <> 'id';
