// The local EMR service's records, and how they read in the EMR API's JSON shapes.
import { epochSeconds } from '../http/json-service';

export type ClusterState = 'STARTING' | 'BOOTSTRAPPING' | 'RUNNING' | 'WAITING' | 'TERMINATING' | 'TERMINATED' | 'TERMINATED_WITH_ERRORS';
export type FleetState = 'PROVISIONING' | 'BOOTSTRAPPING' | 'RUNNING' | 'RESIZING' | 'SUSPENDED' | 'TERMINATING' | 'TERMINATED';
export type InstanceState = 'AWAITING_FULFILLMENT' | 'PROVISIONING' | 'BOOTSTRAPPING' | 'RUNNING' | 'TERMINATED';
export type StepState = 'PENDING' | 'CANCEL_PENDING' | 'RUNNING' | 'COMPLETED' | 'CANCELLED' | 'FAILED' | 'INTERRUPTED';
export type ActionOnFailure = 'TERMINATE_JOB_FLOW' | 'TERMINATE_CLUSTER' | 'CANCEL_AND_WAIT' | 'CONTINUE';

export interface StateChangeReason {
  Code?: string;
  Message?: string;
}

export interface InstanceTypeConfig {
  InstanceType: string;
  WeightedCapacity?: number;
  BidPriceAsPercentageOfOnDemandPrice?: number;
}

export interface SpotSpecification {
  TimeoutDurationMinutes?: number;
  TimeoutAction?: 'SWITCH_TO_ON_DEMAND' | 'TERMINATE_CLUSTER';
  BlockDurationMinutes?: number;
  AllocationStrategy?: string;
}

export interface Fleet {
  id: string;
  name: string;
  type: 'MASTER' | 'CORE' | 'TASK';
  state: FleetState;
  reason: StateChangeReason;
  targetOnDemand: number;
  targetSpot: number;
  instanceTypeConfigs: InstanceTypeConfig[];
  launchSpecifications?: { SpotSpecification?: SpotSpecification; OnDemandSpecification?: unknown };
  created: Date;
  ready?: Date;
}

export interface Instance {
  id: string;
  ec2InstanceId: string;
  fleetId: string;
  market: 'ON_DEMAND' | 'SPOT';
  instanceType: string;
  state: InstanceState;
  created: Date;
  ready?: Date;
  ended?: Date;
}

export interface Step {
  id: string;
  name: string;
  jar: string;
  args: string[];
  actionOnFailure: ActionOnFailure;
  state: StepState;
  reason: StateChangeReason;
  failure?: { Reason: string; Message: string; LogFile: string };
  created: Date;
  started?: Date;
  ended?: Date;
  logDir: string;
}

export interface Cluster {
  id: string;
  arn: string;
  name: string;
  state: ClusterState;
  reason: StateChangeReason;
  created: Date;
  ready?: Date;
  ended?: Date;
  releaseLabel: string;
  logUri?: string;
  applications: string[];
  configurations: unknown[];
  tags: { Key: string; Value: string }[];
  serviceRole: string;
  jobFlowRole: string;
  securityConfiguration?: string;
  subnetIds: string[];
  keyName?: string;
  keepAlive: boolean;
  terminationProtected: boolean;
  idleTimeoutSeconds?: number;
  stepConcurrencyLevel: number;
  fleets: Fleet[];
  instances: Instance[];
  steps: Step[];
  lastActivity: Date;
}

const time = (date: Date | undefined) => (date ? epochSeconds(date) : undefined);

export function clusterStatus(cluster: Cluster) {
  return {
    State: cluster.state,
    StateChangeReason: cluster.reason,
    Timeline: { CreationDateTime: time(cluster.created), ReadyDateTime: time(cluster.ready), EndDateTime: time(cluster.ended) },
  };
}

export function describeCluster(cluster: Cluster) {
  return {
    Id: cluster.id,
    ClusterArn: cluster.arn,
    Name: cluster.name,
    Status: clusterStatus(cluster),
    Ec2InstanceAttributes: {
      Ec2SubnetId: cluster.subnetIds[0],
      RequestedEc2SubnetIds: cluster.subnetIds,
      Ec2KeyName: cluster.keyName,
      IamInstanceProfile: cluster.jobFlowRole,
    },
    InstanceCollectionType: 'INSTANCE_FLEET',
    LogUri: cluster.logUri,
    ReleaseLabel: cluster.releaseLabel,
    AutoTerminate: !cluster.keepAlive,
    TerminationProtected: cluster.terminationProtected,
    VisibleToAllUsers: true,
    Applications: cluster.applications.map((Name) => ({ Name })),
    Configurations: cluster.configurations,
    Tags: cluster.tags,
    ServiceRole: cluster.serviceRole,
    SecurityConfiguration: cluster.securityConfiguration,
    NormalizedInstanceHours: 0,
    MasterPublicDnsName: 'localhost',
    StepConcurrencyLevel: cluster.stepConcurrencyLevel,
    AutoTerminationPolicy: cluster.idleTimeoutSeconds === undefined ? undefined : { IdleTimeout: cluster.idleTimeoutSeconds },
  };
}

export function describeFleet(cluster: Cluster, fleet: Fleet) {
  const running = cluster.instances.filter((instance) => instance.fleetId === fleet.id && instance.state === 'RUNNING');
  const capacity = (market: Instance['market']) =>
    running
      .filter((instance) => instance.market === market)
      .reduce(
        (sum, instance) =>
          sum + (fleet.instanceTypeConfigs.find((config) => config.InstanceType === instance.instanceType)?.WeightedCapacity ?? 1),
        0,
      );
  return {
    Id: fleet.id,
    Name: fleet.name,
    Status: {
      State: fleet.state,
      StateChangeReason: fleet.reason,
      Timeline: { CreationDateTime: time(fleet.created), ReadyDateTime: time(fleet.ready) },
    },
    InstanceFleetType: fleet.type,
    TargetOnDemandCapacity: fleet.targetOnDemand,
    TargetSpotCapacity: fleet.targetSpot,
    ProvisionedOnDemandCapacity: capacity('ON_DEMAND'),
    ProvisionedSpotCapacity: capacity('SPOT'),
    InstanceTypeSpecifications: fleet.instanceTypeConfigs.map((config) => ({ WeightedCapacity: 1, ...config })),
    LaunchSpecifications: fleet.launchSpecifications,
  };
}

export function describeInstance(instance: Instance) {
  return {
    Id: instance.id,
    Ec2InstanceId: instance.ec2InstanceId,
    PublicDnsName: 'localhost',
    PrivateIpAddress: '127.0.0.1',
    Status: {
      State: instance.state,
      StateChangeReason: {},
      Timeline: { CreationDateTime: time(instance.created), ReadyDateTime: time(instance.ready), EndDateTime: time(instance.ended) },
    },
    InstanceFleetId: instance.fleetId,
    Market: instance.market,
    InstanceType: instance.instanceType,
  };
}

export function describeStep(step: Step) {
  return {
    Id: step.id,
    Name: step.name,
    Config: { Jar: step.jar, Args: step.args, Properties: {} },
    ActionOnFailure: step.actionOnFailure,
    Status: {
      State: step.state,
      StateChangeReason: step.reason,
      FailureDetails: step.failure,
      Timeline: { CreationDateTime: time(step.created), StartDateTime: time(step.started), EndDateTime: time(step.ended) },
    },
  };
}
