import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AddJobFlowStepsCommand,
  DescribeClusterCommand,
  DescribeStepCommand,
  EMRClient,
  ListClustersCommand,
  ListInstanceFleetsCommand,
  ListInstancesCommand,
  ListStepsCommand,
  ModifyInstanceFleetCommand,
  paginateListClusters,
  paginateListInstances,
  paginateListSteps,
  RunJobFlowCommand,
  type RunJobFlowCommandInput,
  TerminateJobFlowsCommand,
} from '@aws-sdk/client-emr';
import { CreateBucketCommand, ListObjectsV2Command, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EmrService, type HttpService, type S3Server, startS3Server } from '../src/index';
import { until } from './support/until';

const bucket = 'emr-test-lake';

function runJobFlow(overrides: Partial<RunJobFlowCommandInput> = {}): RunJobFlowCommandInput {
  return {
    Name: 'data-pipeline-test',
    ReleaseLabel: 'emr-7.12.0',
    LogUri: `s3://${bucket}/emr-logs/`,
    ServiceRole: 'EMR_DefaultRole',
    JobFlowRole: 'EMR_EC2_DefaultRole',
    Applications: [{ Name: 'Hadoop' }],
    Instances: {
      KeepJobFlowAliveWhenNoSteps: true,
      Ec2SubnetIds: ['subnet-0abc1234'],
      InstanceFleets: [
        { Name: 'Master', InstanceFleetType: 'MASTER', TargetOnDemandCapacity: 1, InstanceTypeConfigs: [{ InstanceType: 'm5.xlarge' }] },
        {
          Name: 'Core',
          InstanceFleetType: 'CORE',
          TargetOnDemandCapacity: 2,
          TargetSpotCapacity: 1,
          InstanceTypeConfigs: [{ InstanceType: 'm5.xlarge', BidPriceAsPercentageOfOnDemandPrice: 60 }],
          LaunchSpecifications: { SpotSpecification: { TimeoutDurationMinutes: 10, TimeoutAction: 'SWITCH_TO_ON_DEMAND' } },
        },
      ],
    },
    Tags: [{ Key: 'pipeline', Value: 'data-pipeline' }],
    ...overrides,
  };
}

describe('Class: EmrService', () => {
  let root: string;
  let s3Server: S3Server;
  let s3: S3Client;
  let service: EmrService;
  let http: HttpService;
  let emr: EMRClient;
  const transitions: { id: string; state: string; fleets: Record<string, string> }[] = [];

  const clusterState = (ClusterId: string) =>
    emr.send(new DescribeClusterCommand({ ClusterId })).then((out) => out.Cluster?.Status?.State ?? '');
  const stepState = (ClusterId: string, StepId: string) =>
    emr.send(new DescribeStepCommand({ ClusterId, StepId })).then((out) => out.Step?.Status?.State ?? '');

  async function waitingCluster(overrides: Partial<RunJobFlowCommandInput> = {}): Promise<string> {
    const { JobFlowId } = await emr.send(new RunJobFlowCommand(runJobFlow(overrides)));
    await until(
      () => clusterState(JobFlowId ?? ''),
      (state) => state === 'WAITING',
    );
    return JobFlowId ?? '';
  }

  beforeAll(async () => {
    root = mkdtempSync(join(tmpdir(), 'emr-'));
    s3Server = await startS3Server({ dataDir: join(root, 'lake') });
    s3 = new S3Client({ region: 'eu-west-1', endpoint: s3Server.endpoint, forcePathStyle: true, credentials: s3Server.credentials });
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
    service = new EmrService({
      region: 'eu-west-1',
      account: '000000000000',
      s3,
      logRoot: join(root, 'logs'),
      timings: { provisionMs: 40, bootstrapMs: 40, resizeMs: 80, terminateMs: 40 },
      timeScale: 0.001,
      onClusterStateChange: (cluster) =>
        transitions.push({
          id: cluster.id,
          state: cluster.state,
          fleets: Object.fromEntries(cluster.fleets.map((fleet) => [fleet.id, fleet.state])),
        }),
    });
    http = await service.start();
    emr = new EMRClient({ region: 'eu-west-1', endpoint: http.endpoint, credentials: s3Server.credentials });
  });

  afterAll(async () => {
    await service.stop();
    await s3Server.stop();
    rmSync(root, { recursive: true, force: true });
  });

  it('takes a cluster through STARTING and BOOTSTRAPPING to WAITING with running fleets and instances', async () => {
    // Prepare
    const request = runJobFlow();

    // Act
    const { JobFlowId } = await emr.send(new RunJobFlowCommand(request));
    await until(
      () => clusterState(JobFlowId ?? ''),
      (state) => state === 'WAITING',
    );
    const states = transitions.filter((transition) => transition.id === JobFlowId).map((transition) => transition.state);
    const fleets = await emr.send(new ListInstanceFleetsCommand({ ClusterId: JobFlowId }));
    const core = fleets.InstanceFleets?.find((fleet) => fleet.InstanceFleetType === 'CORE');
    const coreInstances = await until(
      () => emr.send(new ListInstancesCommand({ ClusterId: JobFlowId, InstanceFleetId: core?.Id, InstanceStates: ['RUNNING'] })),
      (out) => out.Instances?.length === 3,
    );
    const described = await emr.send(new DescribeClusterCommand({ ClusterId: JobFlowId }));

    // Assess
    expect(JobFlowId).toMatch(/^j-[0-9A-Z]{13}$/);
    expect(states).toEqual(['STARTING', 'BOOTSTRAPPING', 'WAITING']);
    expect(core).toMatchObject({ Status: { State: 'RUNNING' }, TargetOnDemandCapacity: 2, TargetSpotCapacity: 1 });
    expect(coreInstances.Instances?.map((instance) => instance.Market).sort()).toEqual(['ON_DEMAND', 'ON_DEMAND', 'SPOT']);
    expect(described.Cluster).toMatchObject({
      Name: 'data-pipeline-test',
      ReleaseLabel: 'emr-7.12.0',
      Tags: [{ Key: 'pipeline', Value: 'data-pipeline' }],
      StepConcurrencyLevel: 1,
    });
  });

  it('grows a fleet over time on ModifyInstanceFleet: RESIZING, then RUNNING with the new capacity', async () => {
    // Prepare
    const clusterId = await waitingCluster();
    const fleets = await emr.send(new ListInstanceFleetsCommand({ ClusterId: clusterId }));
    const core = fleets.InstanceFleets?.find((fleet) => fleet.InstanceFleetType === 'CORE');
    await until(
      () => emr.send(new ListInstanceFleetsCommand({ ClusterId: clusterId })),
      (out) => out.InstanceFleets?.find((f) => f.Id === core?.Id)?.ProvisionedSpotCapacity === 1,
    );

    // Act
    await emr.send(
      new ModifyInstanceFleetCommand({
        ClusterId: clusterId,
        InstanceFleet: { InstanceFleetId: core?.Id, TargetOnDemandCapacity: 2, TargetSpotCapacity: 4 },
      }),
    );
    const after = await until(
      () => emr.send(new ListInstanceFleetsCommand({ ClusterId: clusterId })),
      (out) => out.InstanceFleets?.find((f) => f.Id === core?.Id)?.Status?.State === 'RUNNING',
    );

    // Assess
    const coreStates = transitions
      .filter((transition) => transition.id === clusterId)
      .map((transition) => transition.fleets[core?.Id ?? '']);
    expect(coreStates.slice(-2)).toEqual(['RESIZING', 'RUNNING']);
    expect(after.InstanceFleets?.find((fleet) => fleet.Id === core?.Id)).toMatchObject({
      ProvisionedOnDemandCapacity: 2,
      ProvisionedSpotCapacity: 4,
    });
  });

  it('moves objects with an s3-dist-cp step and keeps its log', async () => {
    // Prepare
    const clusterId = await waitingCluster();
    for (const name of ['a.csv', 'b.csv', 'skip.tmp'])
      await s3.send(new PutObjectCommand({ Bucket: bucket, Key: `landing/t1/${name}`, Body: `file ${name}` }));
    const args = [
      's3-dist-cp',
      '--src',
      `s3://${bucket}/landing/t1/`,
      `--dest=s3://${bucket}/stage/t1/`,
      '--srcPattern',
      '.*\\.csv',
      '--deleteOnSuccess',
    ];

    // Act
    const { StepIds } = await emr.send(
      new AddJobFlowStepsCommand({
        JobFlowId: clusterId,
        Steps: [{ Name: 'move t1', ActionOnFailure: 'CONTINUE', HadoopJarStep: { Jar: 'command-runner.jar', Args: args } }],
      }),
    );
    const stepId = StepIds?.[0] ?? '';
    await until(
      () => stepState(clusterId, stepId),
      (state) => state === 'COMPLETED',
    );
    const landing = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'landing/t1/' }));
    const stage = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'stage/t1/' }));
    const log = await s3.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: `emr-logs/${clusterId}/steps/${stepId}/` }));

    // Assess
    expect(landing.Contents?.map((object) => object.Key)).toEqual(['landing/t1/skip.tmp']);
    expect(stage.Contents?.map((object) => object.Key)).toEqual(['stage/t1/a.csv', 'stage/t1/b.csv']);
    expect(log.Contents?.map((object) => object.Key?.split('/').pop()).sort()).toEqual(['stderr', 'stdout']);
    expect(readFileSync(join(root, 'logs', clusterId, 'steps', stepId, 'stdout'), 'utf8')).toMatch(/2 files copied/);
  });

  it('fails a step that uses an s3-dist-cp option it does not support, naming it, and CANCEL_AND_WAIT cancels the pending steps', async () => {
    // Prepare
    const clusterId = await waitingCluster();
    const steps = [
      {
        Name: 'grouped',
        ActionOnFailure: 'CANCEL_AND_WAIT' as const,
        HadoopJarStep: {
          Jar: 'command-runner.jar',
          Args: ['s3-dist-cp', '--src', `s3://${bucket}/x/`, '--dest', `s3://${bucket}/y/`, '--groupBy', '.*'],
        },
      },
      {
        Name: 'after',
        ActionOnFailure: 'CONTINUE' as const,
        HadoopJarStep: { Jar: 'command-runner.jar', Args: ['s3-dist-cp', '--src', `s3://${bucket}/x/`, '--dest', `s3://${bucket}/y/`] },
      },
    ];

    // Act
    const { StepIds } = await emr.send(new AddJobFlowStepsCommand({ JobFlowId: clusterId, Steps: steps }));
    const [failedId = '', pendingId = ''] = StepIds ?? [];
    await until(
      () => stepState(clusterId, failedId),
      (state) => state === 'FAILED',
    );
    const failed = await emr.send(new DescribeStepCommand({ ClusterId: clusterId, StepId: failedId }));
    const cancelled = await until(
      () => stepState(clusterId, pendingId),
      (state) => state !== 'PENDING',
    );

    // Assess
    expect(failed.Step?.Status?.FailureDetails).toMatchObject({
      Reason: 's3-dist-cp: unsupported option --groupBy (supported: --src, --dest, --srcPattern, --deleteOnSuccess)',
      LogFile: `s3://${bucket}/emr-logs/${clusterId}/steps/${failedId}/stderr`,
    });
    expect(cancelled).toBe('CANCELLED');
    expect(await clusterState(clusterId)).toBe('WAITING');
  });

  it('terminates the cluster with errors when a TERMINATE_CLUSTER step fails, and fails unknown commands by name', async () => {
    // Prepare
    const clusterId = await waitingCluster();

    // Act
    const { StepIds } = await emr.send(
      new AddJobFlowStepsCommand({
        JobFlowId: clusterId,
        Steps: [
          { Name: 'bad', ActionOnFailure: 'TERMINATE_CLUSTER', HadoopJarStep: { Jar: 'command-runner.jar', Args: ['pig', '-f', 'x.pig'] } },
        ],
      }),
    );
    await until(
      () => clusterState(clusterId),
      (state) => state === 'TERMINATED_WITH_ERRORS',
    );
    const step = await emr.send(new DescribeStepCommand({ ClusterId: clusterId, StepId: StepIds?.[0] }));
    const cluster = await emr.send(new DescribeClusterCommand({ ClusterId: clusterId }));

    // Assess
    expect(step.Step?.Status?.FailureDetails?.Reason).toBe(
      'unsupported command pig: the local EMR service runs s3-dist-cp, hive and spark-sql',
    );
    expect(cluster.Cluster?.Status?.StateChangeReason).toEqual({ Code: 'STEP_FAILURE', Message: 'Shut down as step failed: bad' });
  });

  it('fails a hive step on a cluster without Hive and a spark-sql step on one without Spark, as their programs are not installed', async () => {
    // Prepare
    const clusterId = await waitingCluster({ Applications: [{ Name: 'Hadoop' }] });
    const step = (name: string, program: string) => ({
      Name: name,
      ActionOnFailure: 'CONTINUE' as const,
      HadoopJarStep: { Jar: 'command-runner.jar', Args: [program, '-f', `s3://${bucket}/x.hql`] },
    });

    // Act
    const { StepIds = [] } = await emr.send(
      new AddJobFlowStepsCommand({ JobFlowId: clusterId, Steps: [step('hive load', 'hive'), step('spark load', 'spark-sql')] }),
    );
    for (const id of StepIds)
      await until(
        () => stepState(clusterId, id),
        (state) => state === 'FAILED',
      );
    const reasons = await Promise.all(
      StepIds.map(
        async (StepId) => (await emr.send(new DescribeStepCommand({ ClusterId: clusterId, StepId }))).Step?.Status?.FailureDetails?.Reason,
      ),
    );

    // Assess
    expect(reasons).toEqual([
      'Cannot run program "hive": error=2, No such file or directory (the cluster has no Hive application)',
      'Cannot run program "spark-sql": error=2, No such file or directory (the cluster has no Spark application)',
    ]);
  });

  it('runs steps up to StepConcurrencyLevel at once and rejects CANCEL_AND_WAIT above 1', async () => {
    // Prepare
    const clusterId = await waitingCluster({ StepConcurrencyLevel: 2 });
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: 'conc/a', Body: 'a' }));
    const step = (name: string) => ({
      Name: name,
      ActionOnFailure: 'CONTINUE' as const,
      HadoopJarStep: {
        Jar: 'command-runner.jar',
        Args: ['s3-dist-cp', '--src', `s3://${bucket}/conc/`, '--dest', `s3://${bucket}/conc-${name}/`],
      },
    });

    // Act
    const rejected = await emr
      .send(new AddJobFlowStepsCommand({ JobFlowId: clusterId, Steps: [{ ...step('x'), ActionOnFailure: 'CANCEL_AND_WAIT' }] }))
      .catch((error: Error) => error);
    const { StepIds } = await emr.send(
      new AddJobFlowStepsCommand({ JobFlowId: clusterId, Steps: [step('one'), step('two'), step('three')] }),
    );
    const listed = await emr.send(new ListStepsCommand({ ClusterId: clusterId }));
    await until(
      () => emr.send(new ListStepsCommand({ ClusterId: clusterId, StepStates: ['COMPLETED'] })),
      (out) => out.Steps?.length === 3,
    );

    // Assess
    expect((rejected as Error).name).toBe('ValidationException');
    expect(listed.Steps?.map((s) => s.Id)).toEqual([...(StepIds ?? [])].reverse());
    expect(listed.Steps?.filter((s) => s.Status?.State === 'RUNNING').length).toBeLessThanOrEqual(2);
  });

  it('terminates on request and on idle auto-termination, freeing instances', async () => {
    // Prepare
    const requested = await waitingCluster();
    const idle = await waitingCluster({ AutoTerminationPolicy: { IdleTimeout: 60 } });

    // Act
    await emr.send(new TerminateJobFlowsCommand({ JobFlowIds: [requested] }));
    await until(
      () => clusterState(requested),
      (state) => state === 'TERMINATED',
    );
    await until(
      () => clusterState(idle),
      (state) => state === 'TERMINATED',
    );
    const idleCluster = await emr.send(new DescribeClusterCommand({ ClusterId: idle }));
    const instances = await emr.send(new ListInstancesCommand({ ClusterId: requested }));
    const addAfter = await emr
      .send(new AddJobFlowStepsCommand({ JobFlowId: requested, Steps: [{ Name: 'late', HadoopJarStep: { Jar: 'command-runner.jar' } }] }))
      .catch((error: Error) => error);

    // Assess
    expect(idleCluster.Cluster?.Status?.StateChangeReason?.Message).toBe('Auto-termination policy: the cluster was idle for 60 seconds.');
    expect(new Set(instances.Instances?.map((instance) => instance.Status?.State))).toEqual(new Set(['TERMINATED']));
    expect((addAfter as Error).name).toBe('ValidationException');
  });

  it('fails the next cluster start, a named step, and spot capacity when those faults are injected', async () => {
    // Prepare
    service.faults.clusterStart = 'Injected: bootstrap action failed';
    const failedStart = await emr.send(new RunJobFlowCommand(runJobFlow()));
    await until(
      () => clusterState(failedStart.JobFlowId ?? ''),
      (state) => state === 'TERMINATED_WITH_ERRORS',
    );
    const clusterId = await waitingCluster();
    service.faults.steps.push({ stepName: 'load', message: 'Injected: spark-sql failed', remaining: 1 });
    service.faults.spotUnavailable = true;

    // Act
    const { StepIds } = await emr.send(
      new AddJobFlowStepsCommand({
        JobFlowId: clusterId,
        Steps: [
          {
            Name: 'load sample',
            ActionOnFailure: 'CONTINUE',
            HadoopJarStep: { Jar: 'command-runner.jar', Args: ['spark-sql', '-f', 'x'] },
          },
        ],
      }),
    );
    await until(
      () => stepState(clusterId, StepIds?.[0] ?? ''),
      (state) => state === 'FAILED',
    );
    const step = await emr.send(new DescribeStepCommand({ ClusterId: clusterId, StepId: StepIds?.[0] }));
    const fleets = await emr.send(new ListInstanceFleetsCommand({ ClusterId: clusterId }));
    const core = fleets.InstanceFleets?.find((fleet) => fleet.InstanceFleetType === 'CORE');
    await emr.send(
      new ModifyInstanceFleetCommand({ ClusterId: clusterId, InstanceFleet: { InstanceFleetId: core?.Id, TargetSpotCapacity: 5 } }),
    );
    const resized = await until(
      () => emr.send(new ListInstanceFleetsCommand({ ClusterId: clusterId })),
      (out) => out.InstanceFleets?.find((f) => f.Id === core?.Id)?.Status?.State === 'RUNNING',
    );
    service.faults.clear();
    const startCluster = await emr.send(new DescribeClusterCommand({ ClusterId: failedStart.JobFlowId }));

    // Assess
    expect(startCluster.Cluster?.Status?.StateChangeReason).toEqual({
      Code: 'BOOTSTRAP_FAILURE',
      Message: 'Injected: bootstrap action failed',
    });
    expect(step.Step?.Status?.FailureDetails?.Reason).toBe('Injected: spark-sql failed');
    expect(resized.InstanceFleets?.find((fleet) => fleet.Id === core?.Id)?.ProvisionedSpotCapacity).toBeLessThan(5);
    expect(resized.InstanceFleets?.find((fleet) => fleet.Id === core?.Id)?.Status?.StateChangeReason?.Code).toBe('CAPACITY_UNAVAILABLE');
  });

  it('lists clusters by state over several pages', async () => {
    // Prepare
    const total = (await emr.send(new ListClustersCommand({}))).Clusters?.length ?? 0;
    for (let index = 0; index < 55 - total; index += 1) await emr.send(new RunJobFlowCommand(runJobFlow({ Name: `bulk-${index}` })));

    // Act
    const all: string[] = [];
    let pages = 0;
    for await (const page of paginateListClusters({ client: emr }, {})) {
      pages += 1;
      all.push(...(page.Clusters ?? []).map((cluster) => cluster.Id ?? ''));
    }
    const terminated = await emr.send(new ListClustersCommand({ ClusterStates: ['TERMINATED_WITH_ERRORS'] }));

    // Assess
    expect(pages).toBe(2);
    expect(new Set(all).size).toBeGreaterThanOrEqual(55);
    expect(terminated.Clusters?.every((cluster) => cluster.Status?.State === 'TERMINATED_WITH_ERRORS')).toBe(true);
  });

  it('pages ListSteps and ListInstances 50 at a time', async () => {
    // Prepare
    const clusterId = await waitingCluster();
    const fleets = await emr.send(new ListInstanceFleetsCommand({ ClusterId: clusterId }));
    const core = fleets.InstanceFleets?.find((fleet) => fleet.InstanceFleetType === 'CORE');
    await until(
      () => emr.send(new ListInstanceFleetsCommand({ ClusterId: clusterId })),
      (out) => out.InstanceFleets?.find((f) => f.Id === core?.Id)?.ProvisionedSpotCapacity === 1,
    );
    await emr.send(
      new ModifyInstanceFleetCommand({ ClusterId: clusterId, InstanceFleet: { InstanceFleetId: core?.Id, TargetSpotCapacity: 60 } }),
    );
    const step = (index: number) => ({
      Name: `noop ${index}`,
      ActionOnFailure: 'CONTINUE' as const,
      HadoopJarStep: {
        Jar: 'command-runner.jar',
        Args: ['s3-dist-cp', '--src', `s3://${bucket}/none/`, '--dest', `s3://${bucket}/none-out/`],
      },
    });
    await emr.send(new AddJobFlowStepsCommand({ JobFlowId: clusterId, Steps: Array.from({ length: 55 }, (_, index) => step(index)) }));

    // Act
    const stepPages: number[] = [];
    for await (const page of paginateListSteps({ client: emr }, { ClusterId: clusterId })) stepPages.push(page.Steps?.length ?? 0);
    const instancePages: number[] = [];
    for await (const page of paginateListInstances({ client: emr }, { ClusterId: clusterId, InstanceFleetId: core?.Id }))
      instancePages.push(page.Instances?.length ?? 0);

    // Assess
    expect(stepPages).toEqual([50, 5]);
    expect(instancePages).toEqual([50, 12]);
  });

  it('injects faults over the wire with LocalInjectFault and clears them with LocalClearFaults', async () => {
    // Prepare
    const call = (operation: string, body: unknown) =>
      fetch(http.endpoint, {
        method: 'POST',
        headers: { 'x-amz-target': `ElasticMapReduce.${operation}`, 'content-type': 'application/x-amz-json-1.1' },
        body: JSON.stringify(body),
      });

    // Act
    const injected = await call('LocalInjectFault', { Fault: 'CLUSTER_START', Message: 'Injected over HTTP' });
    const failed = await emr.send(new RunJobFlowCommand(runJobFlow()));
    await until(
      () => clusterState(failed.JobFlowId ?? ''),
      (state) => state === 'TERMINATED_WITH_ERRORS',
    );
    const refused = await call('LocalInjectFault', { Fault: 'DISK_FULL' });
    await call('LocalInjectFault', { Fault: 'STEP', StepName: 'never' });
    await call('LocalClearFaults', {});

    // Assess
    expect(injected.status).toBe(200);
    expect(refused.status).toBe(400);
    expect(await refused.json()).toMatchObject({ __type: 'com.amazonaws.emr#ValidationException' });
    expect(service.faults.steps).toEqual([]);
  });

  it('answers InvalidRequestException for an unknown cluster and ValidationException for a bad request', async () => {
    // Prepare, Act
    const unknown = await emr.send(new DescribeClusterCommand({ ClusterId: 'j-NOSUCHCLUSTER' })).catch((error: Error) => error);
    const bad = await emr.send(new RunJobFlowCommand(runJobFlow({ ReleaseLabel: '7' }))).catch((error: Error) => error);

    // Assess
    expect((unknown as Error).name).toBe('InvalidRequestException');
    expect((unknown as Error).message).toBe("Cluster id 'j-NOSUCHCLUSTER' is not valid.");
    expect((bad as Error).name).toBe('ValidationException');
  });
});
