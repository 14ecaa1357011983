import { describe, expect, it } from 'vitest';
import { getTable, s3Layout, s3Uri, tableLocations, tablePrefixes } from '../src/index';

describe('Function: tablePrefixes', () => {
  it('returns the folders of a dimension in every zone', () => {
    // act
    const prefixes = tablePrefixes(getTable('sample_country_dim'));
    // assess
    expect(prefixes).toEqual({
      landing: 'data-workflows/landing/DWH/dimensions/sample_country_dim/',
      stage: 'data-workflows/stage/STG_DWH/stg_dimension_db/sample_country_dim/',
      warehouse: 'data-workflows/prod/DWH/dimension_db/sample_country_dim/',
      archive: 'data-workflows/archive/DWH/dimensions/sample_country_dim/',
      quarantine: 'data-workflows/quarantine/DWH/dimensions/sample_country_dim/',
    });
  });

  it('returns the folders of a fact in every zone', () => {
    // act
    const prefixes = tablePrefixes(getTable('sample_country_tx_fact'));
    // assess
    expect(prefixes).toEqual({
      landing: 'data-workflows/landing/DWH/facts/sample_country_tx_fact/',
      stage: 'data-workflows/stage/STG_DWH/stg_fact_db/sample_country_tx_fact/',
      warehouse: 'data-workflows/prod/DWH/fact_db/sample_country_tx_fact/',
      archive: 'data-workflows/archive/DWH/facts/sample_country_tx_fact/',
      quarantine: 'data-workflows/quarantine/DWH/facts/sample_country_tx_fact/',
    });
  });
});

describe('Function: s3Layout', () => {
  it('returns the fixed keys of the work-area bucket', () => {
    // assess
    expect(s3Layout.hiveScriptsPrefix).toBe('data-workflows/prod/libs/hive-scripts/');
    expect(s3Layout.configIniKey).toBe('data-workflows/prod/libs/lambda_fn_config/config.ini');
    expect(s3Layout.stateFileKey).toBe('data-workflows/prod/state_info/data_pipeline_ClusterId.info');
  });
});

describe('Function: tableLocations', () => {
  it('returns URIs under the given scheme, or under a root URI that replaces the bucket', () => {
    // prepare
    const table = getTable('sample_country_tx_fact');
    // act
    const s3a = tableLocations(table, 'my-bucket', { scheme: 's3a' });
    const local = tableLocations(table, 'ignored', { root: 'file:///tmp/lake/' });
    // assess
    expect(s3a.stage).toBe('s3a://my-bucket/data-workflows/stage/STG_DWH/stg_fact_db/sample_country_tx_fact');
    expect(local.warehouse).toBe('file:///tmp/lake/data-workflows/prod/DWH/fact_db/sample_country_tx_fact');
  });
});

describe('Function: s3Uri', () => {
  it('returns the bucket interpolated as given when it is a Terraform token', () => {
    // act / assess
    expect(s3Uri('${aws_s3_bucket.work.bucket}', 'a/b/')).toBe('s3://${aws_s3_bucket.work.bucket}/a/b');
  });
});
