import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EMRClient, ListClustersCommand } from '@aws-sdk/client-emr';
import { ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import { ListStateMachinesCommand, SFNClient } from '@aws-sdk/client-sfn';
import { ListTopicsCommand, SNSClient } from '@aws-sdk/client-sns';
import { describe, expect, it } from 'vitest';
import { isListening, S3_START_BOUND_MS, startLocalCloud, testTimeoutFor } from '../src/index';

describe('Function: startLocalCloud', () => {
  it('starts S3, SNS, EMR and Step Functions on 127.0.0.1, answers each over its protocol, and stops them all', {
    timeout: testTimeoutFor(S3_START_BOUND_MS),
  }, async () => {
    // Prepare
    const dir = mkdtempSync(join(tmpdir(), 'local-cloud-'));
    const cloud = await startLocalCloud({ dir, region: 'eu-west-1', spark: false });
    const env = cloud.clientEnv();
    const credentials = { accessKeyId: env.AWS_ACCESS_KEY_ID ?? '', secretAccessKey: env.AWS_SECRET_ACCESS_KEY ?? '' };
    const config = { region: 'eu-west-1', credentials };

    // Act
    const answers = await Promise.all([
      new S3Client({ ...config, endpoint: env.AWS_ENDPOINT_URL_S3, forcePathStyle: true }).send(new ListBucketsCommand({})),
      new SNSClient({ ...config, endpoint: env.AWS_ENDPOINT_URL_SNS }).send(new ListTopicsCommand({})),
      new EMRClient({ ...config, endpoint: env.AWS_ENDPOINT_URL_EMR }).send(new ListClustersCommand({})),
      new SFNClient({ ...config, endpoint: env.AWS_ENDPOINT_URL_SFN }).send(new ListStateMachinesCommand({})),
    ]);
    const endpoints = Object.values(cloud.endpoints);
    await cloud.stop();
    const stillListening = await Promise.all(endpoints.map(isListening));
    rmSync(dir, { recursive: true, force: true });

    // Assess
    expect(endpoints.every((endpoint) => /^http:\/\/127\.0\.0\.1:\d+$/.test(endpoint))).toBe(true);
    expect(answers.map((answer) => answer.$metadata.httpStatusCode)).toEqual([200, 200, 200, 200]);
    expect(stillListening).toEqual([false, false, false, false]);
  });
});
