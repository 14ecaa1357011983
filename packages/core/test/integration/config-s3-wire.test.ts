// config.ini over the real S3 wire protocol: a local S3-compatible server (s3proxy) on 127.0.0.1.
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ConfigReadError, ConfigValidationError, clearConfigCache, loadConfig } from '../../src/index';
import { startWireS3, testConfigIni, type WireS3 } from '../../src/testing/index';

const bucket = 'config-wire-test';
const key = 'data-workflows/prod/libs/lambda_fn_config/config.ini';

describe('Function: loadConfig over the S3 wire protocol', () => {
  let wire: WireS3;
  let s3: S3Client;

  beforeAll(async () => {
    wire = await startWireS3({ buckets: [bucket], config: false });
    s3 = wire.s3;
  });

  afterAll(async () => {
    await wire?.stop();
  });

  beforeEach(() => clearConfigCache());

  it('returns the config written to the bucket', async () => {
    // Prepare
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: testConfigIni() }));

    // Act
    const config = await loadConfig({ s3, location: { bucket, key } });

    // Assess
    expect(config.basic.emr_name).toBe('data-pipeline-test');
    expect(config.basic.log_on_s3).toBe('s3://data-pipeline-test-work-area/data-workflows/emr-logs/data-pipeline-test/');
  });

  it('returns the cached config while the ETag is unchanged and the new one once the file changes', async () => {
    // Prepare
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: testConfigIni() }));
    let clock = 0;
    const options = { s3, location: { bucket, key }, ttlSeconds: 1, now: () => clock };
    const first = await loadConfig(options);
    clock += 2_000;

    // Act
    const unchanged = await loadConfig(options);
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: testConfigIni({ basic: { emr_name: 'renamed' } }) }));
    clock += 2_000;
    const changed = await loadConfig(options);

    // Assess
    expect(unchanged).toBe(first);
    expect(changed.basic.emr_name).toBe('renamed');
  });

  it('throws ConfigReadError naming the object when it does not exist', async () => {
    // Prepare
    const location = { bucket, key: 'nowhere/config.ini' };

    // Act
    const act = loadConfig({ s3, location });

    // Assess
    await expect(act).rejects.toBeInstanceOf(ConfigReadError);
    await expect(act).rejects.toThrow(`cannot read config file s3://${bucket}/nowhere/config.ini: NoSuchKey`);
  });

  it('throws ConfigValidationError naming section and key for a malformed file', async () => {
    // Prepare
    await s3.send(
      new PutObjectCommand({ Bucket: bucket, Key: 'bad/config.ini', Body: testConfigIni({ spot: { spot_worker_count: 'many' } }) }),
    );

    // Act
    const act = loadConfig({ s3, location: { bucket, key: 'bad/config.ini' } });

    // Assess
    await expect(act).rejects.toBeInstanceOf(ConfigValidationError);
    await expect(act).rejects.toThrow(
      `invalid config file s3://${bucket}/bad/config.ini: [spot] spot_worker_count: not a whole number (got "many")`,
    );
  });
});
