import { GetObjectCommand, S3Client, S3ServiceException } from '@aws-sdk/client-s3';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { ConfigReadError, ConfigValidationError } from '../../src/errors';
import { clearConfigCache, configLocationFromEnv, configTtlFromEnv, loadConfig } from '../../src/index';
import { s3TextBody, testConfigIni } from '../../src/testing/index';

const location = { bucket: 'work-area', key: 'data-workflows/prod/libs/lambda_fn_config/config.ini' };

function notModified(): S3ServiceException {
  return new S3ServiceException({ name: 'NotModified', $fault: 'client', $metadata: { httpStatusCode: 304 }, message: 'Not Modified' });
}

describe('Function: loadConfig', () => {
  const s3Mock = mockClient(S3Client);

  beforeEach(() => {
    s3Mock.reset();
    clearConfigCache();
  });

  it('returns the parsed config and reads S3 once while the TTL lasts', async () => {
    // Prepare
    s3Mock.on(GetObjectCommand).resolves({ Body: s3TextBody(testConfigIni()), ETag: '"v1"' });
    let clock = 1_000;

    // Act
    const first = await loadConfig({ s3: new S3Client({}), location, ttlSeconds: 60, now: () => clock });
    clock += 59_000;
    const second = await loadConfig({ s3: new S3Client({}), location, ttlSeconds: 60, now: () => clock });

    // Assess
    expect(first.basic.emr_name).toBe('data-pipeline-test');
    expect(second).toBe(first);
    expect(s3Mock.commandCalls(GetObjectCommand).map((call) => call.args[0].input)).toEqual([
      { Bucket: 'work-area', Key: 'data-workflows/prod/libs/lambda_fn_config/config.ini', IfNoneMatch: undefined },
    ]);
  });

  it('returns the cached config after the TTL when S3 answers 304 to the ETag check', async () => {
    // Prepare
    s3Mock
      .on(GetObjectCommand)
      .resolvesOnce({ Body: s3TextBody(testConfigIni()), ETag: '"v1"' })
      .rejectsOnce(notModified());
    let clock = 0;
    const first = await loadConfig({ s3: new S3Client({}), location, ttlSeconds: 60, now: () => clock });
    clock += 61_000;

    // Act
    const second = await loadConfig({ s3: new S3Client({}), location, ttlSeconds: 60, now: () => clock });

    // Assess
    expect(second).toBe(first);
    expect(s3Mock.commandCalls(GetObjectCommand)[1]?.args[0].input.IfNoneMatch).toBe('"v1"');
  });

  it('returns the new config after the TTL when the file changed', async () => {
    // Prepare
    s3Mock
      .on(GetObjectCommand)
      .resolvesOnce({ Body: s3TextBody(testConfigIni()), ETag: '"v1"' })
      .resolvesOnce({ Body: s3TextBody(testConfigIni({ basic: { emr_name: 'renamed' } })), ETag: '"v2"' });
    let clock = 0;
    await loadConfig({ s3: new S3Client({}), location, ttlSeconds: 60, now: () => clock });
    clock += 61_000;

    // Act
    const second = await loadConfig({ s3: new S3Client({}), location, ttlSeconds: 60, now: () => clock });

    // Assess
    expect(second.basic.emr_name).toBe('renamed');
  });

  it('throws ConfigReadError naming the object when S3 cannot deliver it', async () => {
    // Prepare
    s3Mock.on(GetObjectCommand).rejects(
      new S3ServiceException({
        name: 'NoSuchKey',
        $fault: 'client',
        $metadata: { httpStatusCode: 404 },
        message: 'The specified key does not exist.',
      }),
    );

    // Act
    const act = loadConfig({ s3: new S3Client({}), location });

    // Assess
    await expect(act).rejects.toThrow(ConfigReadError);
    await expect(act).rejects.toThrow(
      'cannot read config file s3://work-area/data-workflows/prod/libs/lambda_fn_config/config.ini: NoSuchKey: The specified key does not exist.',
    );
  });

  it('throws ConfigValidationError naming the object when the file is invalid', async () => {
    // Prepare
    s3Mock.on(GetObjectCommand).resolves({ Body: s3TextBody('[basic]\nemr_region = eu-west-1\n'), ETag: '"v1"' });

    // Act
    const act = loadConfig({ s3: new S3Client({}), location });

    // Assess
    await expect(act).rejects.toThrow(ConfigValidationError);
    await expect(act).rejects.toThrow(
      /^invalid config file s3:\/\/work-area\/data-workflows\/prod\/libs\/lambda_fn_config\/config\.ini: \[basic\] emr_name: missing/,
    );
  });
});

describe('Function: configLocationFromEnv', () => {
  it('returns the bucket and key of the Config_File variables', () => {
    // Prepare
    const env = { Config_File_S3_Bucket: 'work-area', Config_File_S3_Key: 'cfg/config.ini' };

    // Act
    const result = configLocationFromEnv(env);

    // Assess
    expect(result).toEqual({ bucket: 'work-area', key: 'cfg/config.ini' });
  });

  it('throws naming the variable when one is missing', () => {
    // Prepare
    const env = { Config_File_S3_Bucket: 'work-area', Config_File_S3_Key: ' ' };

    // Act
    const act = () => configLocationFromEnv(env);

    // Assess
    expect(act).toThrow('environment variable Config_File_S3_Key is required but not set');
  });
});

describe('Function: configTtlFromEnv', () => {
  it('returns CONFIG_CACHE_TTL_SECONDS when it is a number and the default otherwise', () => {
    // Prepare, Act
    const set = configTtlFromEnv({ CONFIG_CACHE_TTL_SECONDS: '0' });
    const unset = configTtlFromEnv({});
    const invalid = configTtlFromEnv({ CONFIG_CACHE_TTL_SECONDS: 'soon' });

    // Assess
    expect([set, unset, invalid]).toEqual([0, 60, 60]);
  });
});
