// The load step on the local EMR service, run for real: the model's spark-sql command line, the project's own
// load script and sample file, on Apache Spark with Hive support, reading and writing the local S3 through S3A,
// on a cluster of the deployed release and applications (no Hive), which refuses a hive step as EMR would.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AddJobFlowStepsCommand, DescribeClusterCommand, DescribeStepCommand, EMRClient, RunJobFlowCommand } from '@aws-sdk/client-emr';
import { CreateBucketCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmrService, type HttpService, type S3Server, startS3Server, startSparkHiveEngine } from '../src/index';
import {
  CLUSTER_APPLICATIONS,
  EMR_RELEASE_LABEL,
  getTable,
  hiveDirectory,
  hiveScriptKey,
  repoRootRelative,
  stagedFileKey,
  tablePrefixes,
  workflowStepsOf,
} from './support/model';
import { until } from './support/until';

const bucket = 'hive-step-lake';
const table = getTable('sample_country_dim');

describe('Function: spark-sql steps on the local EMR service', () => {
  let root: string;
  let s3Server: S3Server;
  let s3: S3Client;
  let service: EmrService;
  let http: HttpService;
  let emr: EMRClient;

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'emr-spark-sql-'));
    s3Server = await startS3Server({ dataDir: join(root, 'lake') });
    s3 = new S3Client({ region: 'eu-west-1', endpoint: s3Server.endpoint, forcePathStyle: true, credentials: s3Server.credentials });
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    service = new EmrService({
      region: 'eu-west-1',
      account: '000000000000',
      s3,
      logRoot: join(root, 'logs'),
      timings: { provisionMs: 10, bootstrapMs: 10, resizeMs: 10, terminateMs: 10 },
      hiveEngine: () =>
        startSparkHiveEngine({
          s3Endpoint: s3Server.endpoint,
          region: 'eu-west-1',
          credentials: s3Server.credentials,
          metastoreDir: join(root, 'metastore'),
          warehouseDir: join(root, 'warehouse'),
        }),
    });
    http = await service.start();
    emr = new EMRClient({ region: 'eu-west-1', endpoint: http.endpoint, credentials: s3Server.credentials });
  });

  afterAll(async () => {
    await service?.stop();
    await s3Server?.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('loads a staged CSV into the ORC warehouse table on S3 with the table load step, answers a query step and fails a hive step', {
    timeout: 300_000,
  }, async () => {
    // Prepare
    const script = readFileSync(join(hiveDirectory(), 'scripts', `${table.name}.hql`), 'utf8');
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: hiveScriptKey(table), Body: script }));
    const sample = readFileSync(repoRootRelative('data/samples/sample_country_dim/sample_country_dim.csv'));
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: stagedFileKey(table, 'sample_country_dim.csv'), Body: sample }));
    const { JobFlowId } = await emr.send(
      new RunJobFlowCommand({
        Name: 'spark-sql-test',
        ReleaseLabel: EMR_RELEASE_LABEL,
        ServiceRole: 'EMR_DefaultRole',
        JobFlowRole: 'EMR_EC2_DefaultRole',
        Applications: CLUSTER_APPLICATIONS.map((Name) => ({ Name })),
        Instances: {
          KeepJobFlowAliveWhenNoSteps: true,
          InstanceFleets: [
            { InstanceFleetType: 'MASTER', TargetOnDemandCapacity: 1, InstanceTypeConfigs: [{ InstanceType: 'm5.xlarge' }] },
          ],
        },
      }),
    );
    const clusterId = JobFlowId ?? '';
    await until(
      () => emr.send(new DescribeClusterCommand({ ClusterId: clusterId })),
      (out) => out.Cluster?.Status?.State === 'WAITING',
    );
    const load = workflowStepsOf({ name: 'local' }, table, bucket).load;
    const query = ['spark-sql', '-S', '-e', 'SELECT id, country_name FROM local_dimension_db.sample_country_dim WHERE id <= 3 ORDER BY id'];
    const hive = ['hive', '-e', 'SELECT 1'];

    // Act
    const { StepIds } = await emr.send(
      new AddJobFlowStepsCommand({
        JobFlowId: clusterId,
        Steps: [
          {
            Name: load.Step_Name,
            ActionOnFailure: 'CANCEL_AND_WAIT',
            HadoopJarStep: { Jar: 'command-runner.jar', Args: load.Cmd_Run.split(/\s+/) },
          },
          { Name: 'query', ActionOnFailure: 'CONTINUE', HadoopJarStep: { Jar: 'command-runner.jar', Args: query } },
          { Name: 'hive', ActionOnFailure: 'CONTINUE', HadoopJarStep: { Jar: 'command-runner.jar', Args: hive } },
        ],
      }),
    );
    const [loadId = '', queryId = '', hiveId = ''] = StepIds ?? [];
    const hiveStep = await until(
      () => emr.send(new DescribeStepCommand({ ClusterId: clusterId, StepId: hiveId })),
      (out) => ['COMPLETED', 'FAILED', 'CANCELLED'].includes(out.Step?.Status?.State ?? ''),
    );
    const done = await until(
      () => emr.send(new DescribeStepCommand({ ClusterId: clusterId, StepId: queryId })),
      (out) => ['COMPLETED', 'FAILED', 'CANCELLED'].includes(out.Step?.Status?.State ?? ''),
    );
    const loaded = await emr.send(new DescribeStepCommand({ ClusterId: clusterId, StepId: loadId }));
    const warehouse = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: tablePrefixes(table).warehouse }));
    const stdout = readFileSync(join(root, 'logs', clusterId, 'steps', queryId, 'stdout'), 'utf8');

    // Assess
    expect(loaded.Step?.Status?.State, JSON.stringify(loaded.Step?.Status?.FailureDetails)).toBe('COMPLETED');
    expect(done.Step?.Status?.State).toBe('COMPLETED');
    expect(warehouse.Contents?.some((object) => object.Key?.endsWith('.orc'))).toBe(true);
    expect(stdout).toBe('1\tArgentina\n2\tAustralia\n3\tBrazil\n');
    expect(loaded.Step?.Config?.Args?.[0]).toBe('spark-sql');
    expect(hiveStep.Step?.Status?.FailureDetails?.Reason).toBe(
      'Cannot run program "hive": error=2, No such file or directory (the cluster has no Hive application)',
    );
    expect(readdirSync(join(root, 'metastore')).length).toBeGreaterThan(0);
  });
});
