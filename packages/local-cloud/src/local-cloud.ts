// Every local service together, on 127.0.0.1, sharing one folder: the lake (S3 objects), the logs, the
// metastore and warehouse of the Spark engine, and the messages SNS received.
// Of the repository's three emulations of AWS (asl/test/support/fake-cloud.ts lists them), the one with
// the real wire: SDK clients over HTTP, the Lambda bundles, Spark — the local mode and its end-to-end tests.
import { join } from 'node:path';
import { S3Client } from '@aws-sdk/client-s3';
import type { EmrTimings } from './emr/cluster-runtime';
import type { HiveEngine } from './emr/commands/result';
import { EmrService } from './emr/service';
import { startSparkHiveEngine } from './emr/spark-hive-engine';
import { LambdaRuntime } from './lambda/runtime';
import { type S3Server, startS3Server } from './s3/s3-server';
import { StepFunctionsService } from './sfn/service';
import { SnsService } from './sns/service';

export interface LocalCloudOptions {
  /** Root folder of everything the services keep. */
  dir: string;
  region?: string;
  account?: string;
  /** Wait states, Retry intervals, idle auto-termination and spot timeouts last this fraction of their time. */
  timeScale?: number;
  emrTimings?: Partial<EmrTimings>;
  /** Run hive / spark-sql steps on Spark (default true); without it such steps fail. */
  spark?: boolean;
}

export interface LocalCloudLayout {
  lake: string;
  logs: string;
  metastore: string;
  warehouse: string;
  messages: string;
}

export interface LocalCloud {
  readonly region: string;
  readonly account: string;
  readonly layout: LocalCloudLayout;
  readonly s3Server: S3Server;
  readonly lambda: LambdaRuntime;
  readonly stepFunctions: StepFunctionsService;
  readonly emr: EmrService;
  readonly sns: SnsService;
  readonly endpoints: { s3: string; sfn: string; emr: string; sns: string };
  /**
   * The one Spark engine of the local cloud, started on first use: every cluster's hive steps and every
   * query share it, as every EMR cluster and Athena share the Glue Data Catalog (and as the metastore on
   * disk allows a single process).
   */
  catalogEngine(): Promise<HiveEngine>;
  /** What points an AWS SDK (or a Lambda) at these services: endpoints, credentials, region. */
  clientEnv(): Record<string, string>;
  stop(): Promise<void>;
}

export function localCloudLayout(dir: string): LocalCloudLayout {
  return {
    lake: join(dir, 'lake'),
    logs: join(dir, 'logs'),
    metastore: join(dir, 'metastore'),
    warehouse: join(dir, 'warehouse'),
    messages: join(dir, 'sns', 'messages.jsonl'),
  };
}

export async function startLocalCloud(options: LocalCloudOptions): Promise<LocalCloud> {
  const region = options.region ?? 'us-east-1';
  const account = options.account ?? '000000000000';
  const timeScale = options.timeScale ?? 1;
  const layout = localCloudLayout(options.dir);
  const stoppers: (() => Promise<void>)[] = [];
  const stop = async () => {
    for (const stopOne of stoppers.reverse()) await stopOne().catch(() => undefined);
  };
  try {
    const s3Server = await startS3Server({ dataDir: layout.lake, logFile: join(layout.logs, 's3.log') });
    stoppers.push(() => s3Server.stop());
    const s3 = new S3Client({ region, endpoint: s3Server.endpoint, forcePathStyle: true, credentials: s3Server.credentials });
    const sns = new SnsService({ region, account, messagesFile: layout.messages });
    const snsHttp = await sns.start();
    stoppers.push(() => sns.stop());
    let engine: Promise<HiveEngine> | undefined;
    const catalogEngine = () => {
      engine ??= startSparkHiveEngine({
        s3Endpoint: s3Server.endpoint,
        region,
        credentials: s3Server.credentials,
        metastoreDir: layout.metastore,
        warehouseDir: layout.warehouse,
      });
      engine.catch(() => {
        engine = undefined;
      });
      return engine;
    };
    stoppers.push(async () => (await engine)?.stop());
    const emr = new EmrService({
      region,
      account,
      s3,
      logRoot: join(layout.logs, 'emr'),
      timings: options.emrTimings,
      timeScale,
      // A cluster bootstraps until the shared engine is up, uses it, and leaves it running when it terminates.
      hiveEngine:
        options.spark === false
          ? undefined
          : async () => {
              const shared = await catalogEngine();
              return { runCli: (args) => shared.runCli(args), runCommand: (argv) => shared.runCommand(argv), stop: async () => undefined };
            },
    });
    const emrHttp = await emr.start();
    stoppers.push(() => emr.stop());
    const endpoints = { s3: s3Server.endpoint, sfn: '', emr: emrHttp.endpoint, sns: snsHttp.endpoint };
    const serviceEnv = {
      ...s3Server.clientEnv(),
      AWS_ENDPOINT_URL_EMR: endpoints.emr,
      AWS_ENDPOINT_URL_SNS: endpoints.sns,
    };
    const lambda = new LambdaRuntime({ region, logDir: join(layout.logs, 'lambda'), runtimeEnv: serviceEnv });
    stoppers.push(() => lambda.stop());
    const stepFunctions = new StepFunctionsService({ region, account, lambda, timeScale });
    const sfnHttp = await stepFunctions.start();
    stoppers.push(() => stepFunctions.stop());
    endpoints.sfn = sfnHttp.endpoint;
    Object.assign(serviceEnv, { AWS_ENDPOINT_URL_SFN: endpoints.sfn });
    return {
      region,
      account,
      layout,
      s3Server,
      lambda,
      stepFunctions,
      emr,
      sns,
      endpoints,
      catalogEngine,
      clientEnv: () => ({ ...serviceEnv, AWS_REGION: region }),
      stop,
    };
  } catch (error) {
    await stop();
    throw error;
  }
}
