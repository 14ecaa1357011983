// The local EMR service: the JSON 1.1 protocol operations the Lambdas and the operators' CLI make,
// plus two local-only operations to inject faults (LocalInjectFault, LocalClearFaults).
import type { S3Client } from '@aws-sdk/client-s3';
import { AwsServiceError } from '../http/aws-error';
import { type HttpService, type JsonOperation, startJsonService } from '../http/json-service';
import { ClusterRuntime, DEFAULT_TIMINGS, type EmrTimings } from './cluster-runtime';
import type { HiveEngine } from './commands/result';
import { EmrFaults } from './faults';
import { type Cluster, clusterStatus, describeCluster, describeFleet, describeInstance, describeStep } from './model';
import { clusterFromRequest, stepsFromRequest } from './run-job-flow';

export interface EmrServiceOptions {
  region: string;
  account: string;
  s3: S3Client;
  /** Folder where step logs are kept (`<logRoot>/<clusterId>/steps/<stepId>/{stdout,stderr}`). */
  logRoot: string;
  timings?: Partial<EmrTimings>;
  timeScale?: number;
  hiveEngine?: (cluster: Cluster) => Promise<HiveEngine>;
  /** Called with a cluster when it is created and on every change of its or a fleet's state. */
  onClusterStateChange?: (cluster: Cluster) => void;
  port?: number;
}

const PAGE = 50;
const notFound = (id: unknown) => new AwsServiceError('InvalidRequestException', `Cluster id '${String(id)}' is not valid.`);

export class EmrService {
  readonly faults = new EmrFaults();
  readonly clusters = new Map<string, ClusterRuntime>();
  private http?: HttpService;

  constructor(private readonly options: EmrServiceOptions) {}

  async start(): Promise<HttpService> {
    this.http = await startJsonService({
      targetPrefix: 'ElasticMapReduce',
      errorNamespace: 'com.amazonaws.emr',
      protocol: '1.1',
      operations: this.operations(),
      port: this.options.port,
    });
    return this.http;
  }

  async stop(): Promise<void> {
    await Promise.all([...this.clusters.values()].map((runtime) => runtime.dispose()));
    await this.http?.close();
  }

  operations(): Record<string, JsonOperation> {
    return {
      RunJobFlow: (input) => {
        const { cluster, steps } = clusterFromRequest(input, { ...this.options });
        const runtime = new ClusterRuntime(cluster, {
          s3: this.options.s3,
          faults: this.faults,
          timings: { ...DEFAULT_TIMINGS, ...this.options.timings },
          timeScale: this.options.timeScale ?? 1,
          hiveEngine: this.options.hiveEngine,
          onStateChange: this.options.onClusterStateChange,
        });
        this.clusters.set(cluster.id, runtime);
        this.options.onClusterStateChange?.(cluster);
        if (steps.length) cluster.steps.push(...stepsFromRequest(cluster, steps, this.options.logRoot));
        runtime.start();
        return { JobFlowId: cluster.id, ClusterArn: cluster.arn };
      },
      DescribeCluster: (input) => ({ Cluster: describeCluster(this.runtime(input.ClusterId).cluster) }),
      ListClusters: (input) => {
        const states: string[] | undefined = input.ClusterStates;
        const after = input.CreatedAfter === undefined ? undefined : Number(input.CreatedAfter) * 1000;
        const before = input.CreatedBefore === undefined ? undefined : Number(input.CreatedBefore) * 1000;
        const clusters = [...this.clusters.values()]
          .map((runtime) => runtime.cluster)
          .filter(
            (c) =>
              (!states || states.includes(c.state)) &&
              (after === undefined || c.created.getTime() >= after) &&
              (before === undefined || c.created.getTime() <= before),
          )
          .sort((a, b) => b.created.getTime() - a.created.getTime());
        return page('Clusters', clusters, input.Marker, (c) => ({
          Id: c.id,
          Name: c.name,
          Status: clusterStatus(c),
          NormalizedInstanceHours: 0,
          ClusterArn: c.arn,
        }));
      },
      ListInstanceFleets: (input) => {
        const { cluster } = this.runtime(input.ClusterId);
        return page('InstanceFleets', cluster.fleets, input.Marker, (fleet) => describeFleet(cluster, fleet));
      },
      ListInstances: (input) => {
        const { cluster } = this.runtime(input.ClusterId);
        const fleetType = input.InstanceFleetType;
        const instances = cluster.instances.filter(
          (instance) =>
            (!input.InstanceFleetId || instance.fleetId === input.InstanceFleetId) &&
            (!fleetType || cluster.fleets.find((fleet) => fleet.id === instance.fleetId)?.type === fleetType) &&
            (!input.InstanceStates || input.InstanceStates.includes(instance.state)),
        );
        return page('Instances', instances, input.Marker, describeInstance);
      },
      ModifyInstanceFleet: (input) => {
        const runtime = this.runtime(input.ClusterId);
        const { cluster } = runtime;
        const fleet = cluster.fleets.find((candidate) => candidate.id === input.InstanceFleet?.InstanceFleetId);
        if (!fleet)
          throw new AwsServiceError(
            'InvalidRequestException',
            `Instance fleet '${input.InstanceFleet?.InstanceFleetId}' is not valid for cluster ${cluster.id}.`,
          );
        if (cluster.state !== 'WAITING' && cluster.state !== 'RUNNING')
          throw new AwsServiceError(
            'InvalidRequestException',
            `Cluster ${cluster.id} is ${cluster.state}: only a running cluster can be resized.`,
          );
        if (fleet.state !== 'RUNNING')
          throw new AwsServiceError('InvalidRequestException', `Instance fleet ${fleet.id} is ${fleet.state}: wait for it to be RUNNING.`);
        runtime.resize(fleet, input.InstanceFleet.TargetOnDemandCapacity, input.InstanceFleet.TargetSpotCapacity);
        return {};
      },
      AddJobFlowSteps: (input) => {
        const runtime = this.runtime(input.JobFlowId);
        if (!runtime.active)
          throw new AwsServiceError(
            'ValidationException',
            'A job flow that is shutting down, terminated, or finished may not be modified.',
          );
        const steps = stepsFromRequest(runtime.cluster, input.Steps, this.options.logRoot);
        runtime.addSteps(steps);
        return { StepIds: steps.map((step) => step.id) };
      },
      DescribeStep: (input) => {
        const { cluster } = this.runtime(input.ClusterId);
        const step = cluster.steps.find((candidate) => candidate.id === input.StepId);
        if (!step) throw new AwsServiceError('InvalidRequestException', `Step id '${input.StepId}' is not valid.`);
        return { Step: describeStep(step) };
      },
      ListSteps: (input) => {
        const { cluster } = this.runtime(input.ClusterId);
        const steps = [...cluster.steps]
          .reverse()
          .filter(
            (step) => (!input.StepStates || input.StepStates.includes(step.state)) && (!input.StepIds || input.StepIds.includes(step.id)),
          );
        return page('Steps', steps, input.Marker, describeStep);
      },
      TerminateJobFlows: (input) => {
        const ids: unknown[] = input.JobFlowIds ?? [];
        const runtimes = ids.map((id) => this.runtime(id));
        for (const runtime of runtimes) runtime.terminate({ Code: 'USER_REQUEST', Message: 'Terminated by user request' });
        return {};
      },
      LocalInjectFault: (input) => {
        if (input.Fault === 'CLUSTER_START') this.faults.clusterStart = input.Message ?? 'Injected fault: the cluster failed to start.';
        else if (input.Fault === 'SPOT_CAPACITY') this.faults.spotUnavailable = input.Enabled ?? true;
        else if (input.Fault === 'STEP' && input.StepName) {
          this.faults.steps.push({
            stepName: input.StepName,
            message: input.Message ?? `Injected fault: step ${input.StepName} failed.`,
            remaining: input.Times ?? Number.POSITIVE_INFINITY,
            ...(input.Phase === 'end' ? { phase: 'end' as const } : {}),
          });
        } else throw new AwsServiceError('ValidationException', 'Fault must be CLUSTER_START, SPOT_CAPACITY, or STEP with a StepName');
        return {};
      },
      LocalClearFaults: () => {
        this.faults.clear();
        return {};
      },
    };
  }

  private runtime(id: unknown): ClusterRuntime {
    const runtime = typeof id === 'string' ? this.clusters.get(id) : undefined;
    if (!runtime) throw notFound(id);
    return runtime;
  }
}

function page<T>(key: string, items: T[], marker: unknown, map: (item: T) => unknown): Record<string, unknown> {
  const offset = marker === undefined ? 0 : Number(marker);
  if (!Number.isInteger(offset) || offset < 0)
    throw new AwsServiceError('InvalidRequestException', `Marker '${String(marker)}' is not valid.`);
  const slice = items.slice(offset, offset + PAGE).map(map);
  return offset + PAGE < items.length ? { [key]: slice, Marker: String(offset + PAGE) } : { [key]: slice };
}
