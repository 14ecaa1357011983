// The local services together: a state machine whose tasks are the project's real Lambda bundles,
// which read config.ini from the local S3 and drive a cluster on the local EMR service, all over HTTP.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DescribeClusterCommand, EMRClient } from '@aws-sdk/client-emr';
import { CreateBucketCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import {
  CreateStateMachineCommand,
  DescribeExecutionCommand,
  GetExecutionHistoryCommand,
  SFNClient,
  StartExecutionCommand,
} from '@aws-sdk/client-sfn';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmrService, LambdaRuntime, repoRoot, type S3Server, StepFunctionsService, startS3Server } from '../src/index';

const bucket = 'local-cloud-pipeline';
const configKey = 'data-workflows/prod/libs/lambda_fn_config/config.ini';
const arn = (name: string) => `arn:aws:lambda:eu-west-1:000000000000:function:${name}:live`;

const definition = {
  StartAt: 'Launch',
  States: {
    Launch: { Type: 'Task', Resource: arn('launch-emr'), Next: 'Wait for start' },
    'Wait for start': { Type: 'Wait', Seconds: 60, Next: 'Start status' },
    'Start status': { Type: 'Task', Resource: arn('status-emr'), Next: 'Started?' },
    'Started?': {
      Type: 'Choice',
      Choices: [
        { Variable: '$.Status', StringEquals: 'STARTED', Next: 'Terminate' },
        { Variable: '$.Status', StringEquals: 'STOPPED', Next: 'Failed to start' },
      ],
      Default: 'Wait for start',
    },
    Terminate: { Type: 'Task', Resource: arn('terminate-emr'), Next: 'Wait for stop' },
    'Wait for stop': { Type: 'Wait', Seconds: 60, Next: 'Stop status' },
    'Stop status': { Type: 'Task', Resource: arn('status-emr'), Next: 'Stopped?' },
    'Stopped?': { Type: 'Choice', Choices: [{ Variable: '$.Status', StringEquals: 'STOPPED', Next: 'Done' }], Default: 'Wait for stop' },
    'Failed to start': { Type: 'Fail', Error: 'ClusterFailedToStart' },
    Done: { Type: 'Succeed' },
  },
};

describe('Function: the local services running the real Lambda bundles', () => {
  let root: string;
  let s3Server: S3Server;
  let lambda: LambdaRuntime;
  let emrService: EmrService;
  let sfnService: StepFunctionsService;
  let sfn: SFNClient;
  let emr: EMRClient;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'pipeline-wire-'));
    s3Server = await startS3Server({ dataDir: join(root, 'lake') });
    const s3 = new S3Client({ region: 'eu-west-1', endpoint: s3Server.endpoint, forcePathStyle: true, credentials: s3Server.credentials });
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: configKey,
        Body: readFileSync(fileURLToPath(new URL('./fixtures/config.ini', import.meta.url))),
      }),
    );
    emrService = new EmrService({
      region: 'eu-west-1',
      account: '000000000000',
      s3,
      logRoot: join(root, 'emr'),
      timings: { provisionMs: 100, bootstrapMs: 100, resizeMs: 100, terminateMs: 100 },
    });
    const emrHttp = await emrService.start();
    lambda = new LambdaRuntime({
      region: 'eu-west-1',
      logDir: join(root, 'lambda'),
      runtimeEnv: { ...s3Server.clientEnv(), AWS_ENDPOINT_URL_EMR: emrHttp.endpoint },
    });
    for (const name of ['launch-emr', 'status-emr', 'terminate-emr']) {
      lambda.register({
        name,
        bundle: join(repoRoot(), 'packages', 'lambdas', name, 'dist', 'index.mjs'),
        environment: { Config_File_S3_Bucket: bucket, Config_File_S3_Key: configKey },
        aliases: ['live'],
      });
    }
    sfnService = new StepFunctionsService({ region: 'eu-west-1', account: '000000000000', lambda, timeScale: 0.002 });
    const sfnHttp = await sfnService.start();
    sfn = new SFNClient({ region: 'eu-west-1', endpoint: sfnHttp.endpoint, credentials: s3Server.credentials });
    emr = new EMRClient({ region: 'eu-west-1', endpoint: emrHttp.endpoint, credentials: s3Server.credentials });
  });

  afterAll(async () => {
    await sfnService?.stop();
    await lambda?.stop();
    await emrService?.stop();
    await s3Server?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('launches, polls and terminates a cluster through the bundled Lambdas to SUCCEEDED', { timeout: 60_000 }, async () => {
    // Prepare
    const { stateMachineArn } = await sfn.send(
      new CreateStateMachineCommand({
        name: 'cluster-round-trip',
        definition: JSON.stringify(definition),
        roleArn: 'arn:aws:iam::000000000000:role/states',
      }),
    );

    // Act
    const { executionArn } = await sfn.send(new StartExecutionCommand({ stateMachineArn, name: 'round-trip' }));
    let execution = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    while (execution.status === 'RUNNING') {
      await new Promise((resolve) => setTimeout(resolve, 50));
      execution = await sfn.send(new DescribeExecutionCommand({ executionArn }));
    }
    const history = await sfn.send(new GetExecutionHistoryCommand({ executionArn, maxResults: 1000 }));
    const output = JSON.parse(execution.output ?? '{}') as { ClusterId: string; Status: string };
    const cluster = await emr.send(new DescribeClusterCommand({ ClusterId: output.ClusterId }));

    // Assess
    expect(execution.status, execution.cause).toBe('SUCCEEDED');
    expect(output).toEqual({
      ClusterId: expect.stringMatching(/^j-/),
      Status: 'STOPPED',
      Reason: 'TERMINATED: USER_REQUEST: Terminated by user request',
    });
    expect(cluster.Cluster).toMatchObject({
      Name: 'data-pipeline-local-test',
      Status: { State: 'TERMINATED', StateChangeReason: { Code: 'USER_REQUEST' } },
    });
    const entered = history.events
      ?.filter((event) => event.type === 'TaskStateEntered')
      .map((event) => event.stateEnteredEventDetails?.name);
    expect(entered?.[0]).toBe('Launch');
    expect(entered).toContain('Terminate');
    expect(lambda.invocations.every((record) => record.errorType === undefined)).toBe(true);
  });
});
