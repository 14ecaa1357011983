/** The Hive storage classes both the Glue definitions and the DDL name (Hive 3 on EMR and Spark's Hive 2.3 ship them). */

export const csvStorage = {
  serde: 'org.apache.hadoop.hive.serde2.OpenCSVSerde',
  inputFormat: 'org.apache.hadoop.mapred.TextInputFormat',
  outputFormat: 'org.apache.hadoop.hive.ql.io.HiveIgnoreKeyTextOutputFormat',
} as const;

export const orcStorage = {
  serde: 'org.apache.hadoop.hive.ql.io.orc.OrcSerde',
  inputFormat: 'org.apache.hadoop.hive.ql.io.orc.OrcInputFormat',
  outputFormat: 'org.apache.hadoop.hive.ql.io.orc.OrcOutputFormat',
} as const;
