// The cluster the state file names, and what EMR says about it.
import {
  DescribeClusterCommand,
  DescribeStepCommand,
  type EMRClient,
  ListInstanceFleetsCommand,
  ListInstancesCommand,
  ListStepsCommand,
} from '@aws-sdk/client-emr';
import type { S3Client } from '@aws-sdk/client-s3';
import { formatS3Location, NoClusterRecordedError, readClusterId, StateFileError } from '@data-pipeline/core';
import { s3Layout } from '@data-pipeline/model';

/** States of a cluster that can run steps. */
export const UP_STATES = ['WAITING', 'RUNNING'] as const;

export type StateFileReading =
  | { kind: 'cluster'; location: string; clusterId: string }
  | { kind: 'none'; location: string; reason: string }
  | { kind: 'unreadable'; location: string; reason: string };

export async function readStateFile(s3: S3Client, bucket: string): Promise<StateFileReading> {
  const location = { bucket, key: s3Layout.stateFileKey };
  const where = formatS3Location(location);
  try {
    return { kind: 'cluster', location: where, clusterId: await readClusterId(s3, location) };
  } catch (error) {
    if (error instanceof NoClusterRecordedError) return { kind: 'none', location: where, reason: error.message };
    if (error instanceof StateFileError) return { kind: 'unreadable', location: where, reason: `${error.message}${causeOf(error)}` };
    throw error;
  }
}

function causeOf(error: Error): string {
  if (!(error.cause instanceof Error)) return '';
  const denied = (error.cause as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 403;
  // Without s3:ListBucket on the key, S3 answers a missing object with 403 rather than 404.
  const hint = denied ? ' (S3 answers 403 for a missing object when s3:ListBucket on its key is not granted)' : '';
  return `: ${error.cause.name}: ${error.cause.message}${hint}`;
}

export interface ClusterState {
  id: string;
  name: string;
  state: string;
  reason?: string;
  created?: Date;
  ready?: Date;
  ended?: Date;
}

/** The cluster's state, or undefined when EMR does not know the id. */
export async function describeCluster(emr: EMRClient, clusterId: string): Promise<ClusterState | undefined> {
  try {
    const { Cluster } = await emr.send(new DescribeClusterCommand({ ClusterId: clusterId }));
    const status = Cluster?.Status;
    const reason = [status?.StateChangeReason?.Code, status?.StateChangeReason?.Message].filter(Boolean).join(': ');
    return {
      id: Cluster?.Id ?? clusterId,
      name: Cluster?.Name ?? '',
      state: status?.State ?? 'UNKNOWN',
      ...(reason ? { reason } : {}),
      ...(status?.Timeline?.CreationDateTime ? { created: status.Timeline.CreationDateTime } : {}),
      ...(status?.Timeline?.ReadyDateTime ? { ready: status.Timeline.ReadyDateTime } : {}),
      ...(status?.Timeline?.EndDateTime ? { ended: status.Timeline.EndDateTime } : {}),
    };
  } catch (error) {
    if ((error as Error).name === 'InvalidRequestException') return undefined;
    throw error;
  }
}

export interface FleetView {
  id: string;
  type: string;
  state: string;
  target: { onDemand: number; spot: number };
  provisioned: { onDemand: number; spot: number };
  instanceTypes: string[];
}

export interface InstanceView {
  id: string;
  fleet: string;
  type: string;
  market: string;
  state: string;
  privateIp?: string;
}

export interface StepView {
  id: string;
  name: string;
  state: string;
  started?: Date;
  ended?: Date;
  failure?: StepFailure;
}

export interface StepFailure {
  reason?: string;
  message?: string;
  logFile?: string;
}

export async function clusterFleets(emr: EMRClient, clusterId: string): Promise<FleetView[]> {
  const { InstanceFleets = [] } = await emr.send(new ListInstanceFleetsCommand({ ClusterId: clusterId }));
  return InstanceFleets.map((fleet) => ({
    id: fleet.Id ?? '',
    type: fleet.InstanceFleetType ?? '',
    state: fleet.Status?.State ?? '',
    target: { onDemand: fleet.TargetOnDemandCapacity ?? 0, spot: fleet.TargetSpotCapacity ?? 0 },
    provisioned: { onDemand: fleet.ProvisionedOnDemandCapacity ?? 0, spot: fleet.ProvisionedSpotCapacity ?? 0 },
    instanceTypes: (fleet.InstanceTypeSpecifications ?? []).map((spec) => spec.InstanceType ?? '').filter(Boolean),
  }));
}

export async function clusterInstances(emr: EMRClient, clusterId: string): Promise<InstanceView[]> {
  const { Instances = [] } = await emr.send(new ListInstancesCommand({ ClusterId: clusterId }));
  return Instances.map((instance) => ({
    id: instance.Ec2InstanceId ?? instance.Id ?? '',
    fleet: instance.InstanceFleetId ?? '',
    type: instance.InstanceType ?? '',
    market: instance.Market ?? '',
    state: instance.Status?.State ?? '',
    ...(instance.PrivateIpAddress ? { privateIp: instance.PrivateIpAddress } : {}),
  }));
}

export async function clusterSteps(emr: EMRClient, clusterId: string): Promise<StepView[]> {
  const { Steps = [] } = await emr.send(new ListStepsCommand({ ClusterId: clusterId }));
  return Steps.map((step) => ({
    id: step.Id ?? '',
    name: step.Name ?? '',
    state: step.Status?.State ?? '',
    ...(step.Status?.Timeline?.StartDateTime ? { started: step.Status.Timeline.StartDateTime } : {}),
    ...(step.Status?.Timeline?.EndDateTime ? { ended: step.Status.Timeline.EndDateTime } : {}),
    ...failureOf(step.Status?.FailureDetails),
  }));
}

function failureOf(details: { Reason?: string; Message?: string; LogFile?: string } | undefined): { failure?: StepFailure } {
  if (!details || (!details.Reason && !details.Message && !details.LogFile)) return {};
  return {
    failure: {
      ...(details.Reason ? { reason: details.Reason } : {}),
      ...(details.Message ? { message: details.Message } : {}),
      ...(details.LogFile ? { logFile: details.LogFile } : {}),
    },
  };
}

/** One step, or undefined when EMR does not know it. */
export async function describeStep(emr: EMRClient, clusterId: string, stepId: string): Promise<StepView | undefined> {
  try {
    const { Step } = await emr.send(new DescribeStepCommand({ ClusterId: clusterId, StepId: stepId }));
    return {
      id: Step?.Id ?? stepId,
      name: Step?.Name ?? '',
      state: Step?.Status?.State ?? '',
      ...(Step?.Status?.Timeline?.StartDateTime ? { started: Step.Status.Timeline.StartDateTime } : {}),
      ...(Step?.Status?.Timeline?.EndDateTime ? { ended: Step.Status.Timeline.EndDateTime } : {}),
      ...failureOf(Step?.Status?.FailureDetails),
    };
  } catch (error) {
    if ((error as Error).name === 'InvalidRequestException') return undefined;
    throw error;
  }
}
