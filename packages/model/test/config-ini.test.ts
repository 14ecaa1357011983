import { describe, expect, it } from 'vitest';
import { configIniSections, environments } from '../src/index';

describe('Function: configIniSections', () => {
  it('returns the original sections and keys as strings from the dev environment', () => {
    // act
    const sections = configIniSections(environments.dev);
    // assess
    expect(Object.keys(sections)).toEqual(['basic', 'instances', 'access', 'metastore', 'spot', 'cluster', 'tags']);
    expect(sections.basic).toEqual({
      emr_region: 'us-east-1',
      emr_name: 'data-pipeline-dev',
      log_on_s3: 's3://data-pipeline-dev-work-area-111111111111-us-east-1/data-workflows/logs/emr/data-pipeline-dev/',
      emr_version: 'emr-7.12.0',
      emr_applications: 'Hadoop,Spark',
    });
    expect(sections.instances?.master_instance_type).toBe(environments.dev.emr.masterInstanceTypes.join(','));
    expect(sections.metastore?.metastore_factory_class).toBe('com.amazonaws.glue.catalog.metastore.AWSGlueDataCatalogHiveClientFactory');
    expect(sections.cluster).toEqual({ idle_timeout_seconds: '1800', step_concurrency_level: '2' });
    for (const values of Object.values(sections)) for (const value of Object.values(values)) expect(typeof value).toBe('string');
  });

  it('returns no spot_block_duration_minutes or ec2_keypair_name when they are not set, and both when they are', () => {
    // prepare
    const dev = environments.dev;
    const withBoth = { ...dev, emr: { ...dev.emr, keyPairName: 'ops', spot: { ...dev.emr.spot, blockDurationMinutes: 120 } } };
    // act
    const without = configIniSections(dev);
    const withValues = configIniSections(withBoth);
    // assess
    expect(without.spot).not.toHaveProperty('spot_block_duration_minutes');
    expect(without.access).not.toHaveProperty('ec2_keypair_name');
    expect(withValues.spot?.spot_block_duration_minutes).toBe('120');
    expect(withValues.access?.ec2_keypair_name).toBe('ops');
  });
});

describe('Function: configIniSections (cluster tags)', () => {
  it('returns the environment tags and the tag AmazonEMRServicePolicy_v2 requires on what EMR creates', () => {
    // act
    const { tags } = configIniSections(environments.dev);
    // assess
    expect(tags).toEqual({ ...environments.dev.tags, 'for-use-with-amazon-emr-managed-policies': 'true' });
  });
});
