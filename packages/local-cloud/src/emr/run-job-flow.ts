// Validates a RunJobFlow request and turns it into a cluster record, as EMR would accept it.
import { join } from 'node:path';
import { AwsServiceError } from '../http/aws-error';
import { newClusterId, newFleetId, newStepId } from './ids';
import type { ActionOnFailure, Cluster, Fleet, Step } from './model';

const invalid = (message: string) => new AwsServiceError('ValidationException', message);
const ACTIONS = new Set(['TERMINATE_JOB_FLOW', 'TERMINATE_CLUSTER', 'CANCEL_AND_WAIT', 'CONTINUE']);

interface FleetInput {
  Name?: string;
  InstanceFleetType?: Fleet['type'];
  TargetOnDemandCapacity?: number;
  TargetSpotCapacity?: number;
  InstanceTypeConfigs?: Fleet['instanceTypeConfigs'];
  LaunchSpecifications?: Fleet['launchSpecifications'];
}

export interface StepInput {
  Name?: string;
  ActionOnFailure?: string;
  HadoopJarStep?: { Jar?: string; Args?: string[] };
}

export function clusterFromRequest(
  // biome-ignore lint/suspicious/noExplicitAny: the request is validated field by field below
  input: any,
  context: { region: string; account: string; logRoot: string },
): { cluster: Cluster; steps: StepInput[] } {
  if (typeof input.Name !== 'string' || input.Name.length === 0 || input.Name.length > 256)
    throw invalid('Name is required (1–256 characters)');
  if (typeof input.ReleaseLabel !== 'string' || !/^emr-\d+\.\d+\.\d+$/.test(input.ReleaseLabel))
    throw invalid('ReleaseLabel must be an EMR release label such as emr-7.12.0');
  if (!input.ServiceRole) throw invalid('ServiceRole is required');
  if (!input.JobFlowRole) throw invalid('JobFlowRole is required');
  const instances = input.Instances ?? {};
  if (instances.InstanceGroups) throw invalid('the local EMR service supports instance fleets only (Instances.InstanceFleets)');
  const fleetInputs: FleetInput[] = instances.InstanceFleets ?? [];
  if (!fleetInputs.some((fleet) => fleet.InstanceFleetType === 'MASTER'))
    throw invalid('Instances.InstanceFleets must include a MASTER fleet');
  const concurrency = input.StepConcurrencyLevel ?? 1;
  if (!Number.isInteger(concurrency) || concurrency < 1 || concurrency > 256)
    throw invalid('StepConcurrencyLevel must be between 1 and 256');
  const idle = input.AutoTerminationPolicy?.IdleTimeout;
  if (idle !== undefined && (!Number.isInteger(idle) || idle < 60 || idle > 604_800))
    throw invalid('AutoTerminationPolicy.IdleTimeout must be between 60 and 604800 seconds');
  const now = new Date();
  const id = newClusterId();
  const fleets = fleetInputs.map((fleet): Fleet => {
    if (!['MASTER', 'CORE', 'TASK'].includes(fleet.InstanceFleetType ?? ''))
      throw invalid('InstanceFleetType must be MASTER, CORE or TASK');
    if (!fleet.InstanceTypeConfigs?.length) throw invalid(`fleet ${fleet.Name ?? fleet.InstanceFleetType} needs InstanceTypeConfigs`);
    const onDemand = fleet.TargetOnDemandCapacity ?? 0;
    const spot = fleet.TargetSpotCapacity ?? 0;
    if (fleet.InstanceFleetType === 'MASTER' && onDemand + spot !== 1) throw invalid('the MASTER fleet must have a target capacity of 1');
    return {
      id: newFleetId(),
      name: fleet.Name ?? `${fleet.InstanceFleetType} fleet`,
      type: fleet.InstanceFleetType as Fleet['type'],
      state: 'PROVISIONING',
      reason: {},
      targetOnDemand: onDemand,
      targetSpot: spot,
      instanceTypeConfigs: fleet.InstanceTypeConfigs,
      launchSpecifications: fleet.LaunchSpecifications,
      created: now,
    };
  });
  const cluster: Cluster = {
    id,
    arn: `arn:aws:elasticmapreduce:${context.region}:${context.account}:cluster/${id}`,
    name: input.Name,
    state: 'STARTING',
    reason: { Message: 'Configuring cluster software' },
    created: now,
    releaseLabel: input.ReleaseLabel,
    logUri: input.LogUri,
    applications: (input.Applications ?? []).map((application: { Name: string }) => application.Name),
    configurations: input.Configurations ?? [],
    tags: input.Tags ?? [],
    serviceRole: input.ServiceRole,
    jobFlowRole: input.JobFlowRole,
    securityConfiguration: input.SecurityConfiguration,
    subnetIds: instances.Ec2SubnetIds ?? (instances.Ec2SubnetId ? [instances.Ec2SubnetId] : []),
    keyName: instances.Ec2KeyName,
    keepAlive: instances.KeepJobFlowAliveWhenNoSteps ?? false,
    terminationProtected: instances.TerminationProtected ?? false,
    idleTimeoutSeconds: idle,
    stepConcurrencyLevel: concurrency,
    fleets,
    instances: [],
    steps: [],
    lastActivity: now,
  };
  return { cluster, steps: input.Steps ?? [] };
}

export function stepsFromRequest(cluster: Cluster, inputs: StepInput[], logRoot: string): Step[] {
  if (!Array.isArray(inputs) || inputs.length === 0) throw invalid('Steps must list at least one step');
  return inputs.map((input) => {
    if (!input.Name) throw invalid('every step needs a Name');
    const action = input.ActionOnFailure ?? 'TERMINATE_CLUSTER';
    if (!ACTIONS.has(action)) throw invalid(`ActionOnFailure ${action} is not one of ${[...ACTIONS].join(', ')}`);
    if (action === 'CANCEL_AND_WAIT' && cluster.stepConcurrencyLevel > 1) {
      throw invalid('ActionOnFailure CANCEL_AND_WAIT is not supported when StepConcurrencyLevel is greater than 1');
    }
    if (!input.HadoopJarStep?.Jar) throw invalid(`step ${input.Name} needs HadoopJarStep.Jar`);
    const id = newStepId();
    return {
      id,
      name: input.Name,
      jar: input.HadoopJarStep.Jar,
      args: input.HadoopJarStep.Args ?? [],
      actionOnFailure: action as ActionOnFailure,
      state: 'PENDING',
      reason: {},
      created: new Date(),
      logDir: join(logRoot, cluster.id, 'steps', id),
    };
  });
}
