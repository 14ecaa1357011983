// A local S3-compatible server (s3proxy, from @data-pipeline/local-cloud) on 127.0.0.1 for tests that
// run real code over the S3 wire protocol: its buckets, a client, and the environment of a deployed
// function pointed at it. local-cloud is loaded only when a server is started.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateBucketCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { S3Server } from '@data-pipeline/local-cloud';
import { vi } from 'vitest';
import { clearAwsClients } from '../clients/aws-clients';
import { createS3Client } from '../clients/factory';
import { clearConfigCache } from '../config/load';
import type { ConfigSections } from '../config/schema';
import { lambdaTestEnv, TEST_CONFIG_KEY, testConfigIni } from './fixtures';

export interface WireS3Options {
  /** The buckets to create. The first holds config.ini and is the functions' `Config_File_S3_Bucket`. */
  buckets: [string, ...string[]];
  /** config.ini written to the first bucket at TEST_CONFIG_KEY (`testConfigIni(config)`), or `false` for none. */
  config?: ConfigSections | false;
}

export interface WireS3 {
  server: S3Server;
  /** A client of the server (path-style, the server's credentials). */
  s3: S3Client;
  /**
   * Stubs (vi.stubEnv) the environment of a deployed function pointed at the server, config.ini in the
   * first bucket, plus `extra`; clears the cached config and clients so the next handler call uses them.
   */
  env(extra?: Record<string, string>): void;
  /** Stops the server and removes its files. */
  stop(): Promise<void>;
}

export async function startWireS3(options: WireS3Options): Promise<WireS3> {
  const { startS3Server } = await import('@data-pipeline/local-cloud');
  const root = mkdtempSync(join(tmpdir(), 'wire-s3-'));
  const remove = () => rmSync(root, { recursive: true, force: true });
  let server: S3Server;
  try {
    server = await startS3Server({ dataDir: join(root, 'lake') });
  } catch (error) {
    remove();
    throw error;
  }
  const stop = async () => {
    await server.stop();
    remove();
  };
  const s3 = createS3Client({ region: 'eu-west-1', env: server.clientEnv(), credentials: server.credentials });
  try {
    for (const bucket of options.buckets) await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    if (options.config !== false) {
      await s3.send(new PutObjectCommand({ Bucket: options.buckets[0], Key: TEST_CONFIG_KEY, Body: testConfigIni(options.config) }));
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    server,
    s3,
    env(extra = {}) {
      const env = lambdaTestEnv({ Config_File_S3_Bucket: options.buckets[0], ...server.clientEnv(), ...extra });
      for (const [name, value] of Object.entries(env)) vi.stubEnv(name, value);
      clearConfigCache();
      clearAwsClients();
    },
    stop,
  };
}
