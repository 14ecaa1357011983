// The clients of one region, created on first use and kept for the life of a warm container.
import type { EMRClient } from '@aws-sdk/client-emr';
import type { GlueClient } from '@aws-sdk/client-glue';
import type { S3Client } from '@aws-sdk/client-s3';
import type { SFNClient } from '@aws-sdk/client-sfn';
import type { SNSClient } from '@aws-sdk/client-sns';
import type { Env } from '../env';
import { createEmrClient, createGlueClient, createS3Client, createSfnClient, createSnsClient } from './factory';

export interface AwsClients {
  readonly s3: S3Client;
  readonly emr: EMRClient;
  readonly sfn: SFNClient;
  readonly sns: SNSClient;
  readonly glue: GlueClient;
}

const byRegion = new Map<string, AwsClients>();

/** Lazily created clients for `region`, shared by every invocation of a warm container. */
export function awsClients(region: string | undefined, env: Env = process.env): AwsClients {
  const id = region ?? '';
  let clients = byRegion.get(id);
  if (!clients) {
    clients = lazyClients(region, env);
    byRegion.set(id, clients);
  }
  return clients;
}

function lazyClients(region: string | undefined, env: Env): AwsClients {
  let s3: S3Client | undefined;
  let emr: EMRClient | undefined;
  let sfn: SFNClient | undefined;
  let sns: SNSClient | undefined;
  let glue: GlueClient | undefined;
  const options = { region, env };
  return {
    get s3() {
      s3 ??= createS3Client(options);
      return s3;
    },
    get emr() {
      emr ??= createEmrClient(options);
      return emr;
    },
    get sfn() {
      sfn ??= createSfnClient(options);
      return sfn;
    },
    get sns() {
      sns ??= createSnsClient(options);
      return sns;
    },
    get glue() {
      glue ??= createGlueClient(options);
      return glue;
    },
  };
}

/** Forgets the cached clients (tests that change endpoints between cases). */
export function clearAwsClients(): void {
  byRegion.clear();
}
