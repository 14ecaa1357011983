import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import { createEmrClient, createGlueClient, createS3Client, createSfnClient, createSnsClient, endpointFromEnv } from '../../src/index';

async function endpointOf(client: { config: { endpoint?: unknown } }): Promise<string | undefined> {
  const provider = client.config.endpoint as (() => Promise<{ hostname: string; port?: number; protocol: string }>) | undefined;
  if (!provider) return undefined;
  const endpoint = await provider();
  return `${endpoint.protocol}//${endpoint.hostname}${endpoint.port ? `:${endpoint.port}` : ''}`;
}

describe('Function: endpointFromEnv', () => {
  it('returns the service-specific endpoint before the global one', () => {
    // Prepare
    const env = { AWS_ENDPOINT_URL: 'http://127.0.0.1:1000', AWS_ENDPOINT_URL_SFN: 'http://127.0.0.1:2000' };

    // Act
    const sfn = endpointFromEnv('SFN', env);
    const emr = endpointFromEnv('EMR', env);

    // Assess
    expect([sfn, emr]).toEqual(['http://127.0.0.1:2000', 'http://127.0.0.1:1000']);
  });

  it('returns undefined when AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true', () => {
    // Prepare
    const env = { AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:1000', AWS_IGNORE_CONFIGURED_ENDPOINT_URLS: 'true' };

    // Act
    const endpoint = endpointFromEnv('S3', env);

    // Assess
    expect(endpoint).toBeUndefined();
  });
});

describe('Function: createS3Client', () => {
  it('returns the injected client unchanged', () => {
    // Prepare
    const injected = new S3Client({ region: 'us-east-1' });

    // Act
    const client = createS3Client({ client: injected, region: 'eu-west-1' });

    // Assess
    expect(client).toBe(injected);
  });

  it('returns a path-style client on the overridden endpoint in the given region', async () => {
    // Prepare
    const env = { AWS_ENDPOINT_URL_S3: 'http://127.0.0.1:9000' };

    // Act
    const client = createS3Client({ region: 'eu-west-1', env });

    // Assess
    expect(await client.config.region()).toBe('eu-west-1');
    expect(client.config.forcePathStyle).toBe(true);
    expect(await endpointOf(client)).toBe('http://127.0.0.1:9000');
  });

  it('returns a virtual-hosted client with the region of AWS_REGION when nothing is overridden', async () => {
    // Prepare
    const env = { AWS_REGION: 'ap-southeast-2' };

    // Act
    const client = createS3Client({ env });

    // Assess
    expect(await client.config.region()).toBe('ap-southeast-2');
    expect(client.config.forcePathStyle).toBe(false);
    expect(await endpointOf(client)).toBeUndefined();
  });
});

describe('Function: create<Service>Client', () => {
  it('returns EMR, Step Functions, SNS and Glue clients on their own endpoint variables', async () => {
    // Prepare
    const env = {
      AWS_ENDPOINT_URL_EMR: 'http://127.0.0.1:4001',
      AWS_ENDPOINT_URL_SFN: 'http://127.0.0.1:4002',
      AWS_ENDPOINT_URL_SNS: 'http://127.0.0.1:4003',
      AWS_ENDPOINT_URL_GLUE: 'http://127.0.0.1:4004',
    };

    // Act
    const clients = [
      createEmrClient({ env, region: 'eu-west-1' }),
      createSfnClient({ env, region: 'eu-west-1' }),
      createSnsClient({ env, region: 'eu-west-1' }),
      createGlueClient({ env, region: 'eu-west-1' }),
    ];

    // Assess
    expect(await Promise.all(clients.map(endpointOf))).toEqual([
      'http://127.0.0.1:4001',
      'http://127.0.0.1:4002',
      'http://127.0.0.1:4003',
      'http://127.0.0.1:4004',
    ]);
    expect(await Promise.all(clients.map((client) => client.config.region()))).toEqual([
      'eu-west-1',
      'eu-west-1',
      'eu-west-1',
      'eu-west-1',
    ]);
  });
});
