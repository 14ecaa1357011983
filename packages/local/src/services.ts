// What the local mode's commands use, whether the services run in this process (`npm run local`) or in
// the background (`pnpm local up`): SDK clients on the local endpoints, Spark SQL on the catalog, and
// the messages SNS received.
import { EMRClient } from '@aws-sdk/client-emr';
import { S3Client } from '@aws-sdk/client-s3';
import { SFNClient } from '@aws-sdk/client-sfn';
import { SNSClient } from '@aws-sdk/client-sns';
import type { LocalCloud, LocalCloudLayout, PublishedMessage } from '@data-pipeline/local-cloud';

export interface QueryResult {
  columns: string[];
  rows: string[][];
}

export interface Services {
  endpoints: { s3: string; sfn: string; emr: string; sns: string };
  layout: LocalCloudLayout;
  s3: S3Client;
  sfn: SFNClient;
  emr: EMRClient;
  sns: SNSClient;
  /** Runs Spark SQL (HiveQL) on the catalog; the last statement's rows. */
  query(sql: string): Promise<QueryResult>;
  messages(): Promise<PublishedMessage[]>;
}

export interface Endpoints {
  endpoints: Services['endpoints'];
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
}

export function sdkClients({ endpoints, region, credentials }: Endpoints) {
  const config = { region, credentials, maxAttempts: 2 };
  return {
    s3: new S3Client({ ...config, endpoint: endpoints.s3, forcePathStyle: true }),
    sfn: new SFNClient({ ...config, endpoint: endpoints.sfn }),
    emr: new EMRClient({ ...config, endpoint: endpoints.emr }),
    sns: new SNSClient({ ...config, endpoint: endpoints.sns }),
  };
}

/** Services of a local cloud running in this process. */
export function inProcessServices(cloud: LocalCloud): Services {
  const env = cloud.clientEnv();
  const credentials = { accessKeyId: env.AWS_ACCESS_KEY_ID ?? '', secretAccessKey: env.AWS_SECRET_ACCESS_KEY ?? '' };
  return {
    endpoints: cloud.endpoints,
    layout: cloud.layout,
    ...sdkClients({ endpoints: cloud.endpoints, region: cloud.region, credentials }),
    query: async (sql) => runQuery(await cloud.catalogEngine(), sql),
    messages: async () => cloud.sns.messages(),
  };
}

export async function runQuery(engine: Awaited<ReturnType<LocalCloud['catalogEngine']>>, sql: string): Promise<QueryResult> {
  const result = (await engine.runCli(['-e', sql])) as Awaited<ReturnType<typeof engine.runCli>> & { statements?: QueryResult[] };
  if (result.exitCode !== 0) throw new Error(`query failed:\n${result.stderr.trim().split('\n').slice(-8).join('\n')}`);
  const last = result.statements?.at(-1);
  return { columns: last?.columns ?? [], rows: last?.rows ?? [] };
}
