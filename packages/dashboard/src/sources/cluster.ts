// The EMR clusters, newest first: each with its fleets, instances and steps (status, duration, and
// where the dashboard serves the step's stdout and stderr).
import {
  DescribeClusterCommand,
  type EMRClient,
  ListClustersCommand,
  ListInstanceFleetsCommand,
  ListInstancesCommand,
  ListStepsCommand,
} from '@aws-sdk/client-emr';

const seconds = (start?: Date, end?: Date) => (start && end ? Math.max(0, (end.getTime() - start.getTime()) / 1000) : undefined);

export interface ClusterView {
  id: string;
  name: string;
  state: string;
  reason?: string;
  created?: string;
  ended?: string;
  durationSeconds?: number;
  fleets: { id: string; name: string; type: string; state: string; onDemand: string; spot: string }[];
  instances: { id: string; fleet: string; type: string; market: string; state: string }[];
  steps: {
    id: string;
    name: string;
    state: string;
    start?: string;
    end?: string;
    durationSeconds?: number;
    reason?: string;
    logs: { stdout: string; stderr: string };
  }[];
}

/** The path under which the dashboard serves a step's log. */
export const stepLogPath = (clusterId: string, stepId: string, stream: 'stdout' | 'stderr') =>
  `/logs/${encodeURIComponent(clusterId)}/${encodeURIComponent(stepId)}/${stream}`;

export async function clusters(emr: EMRClient, limit = 5): Promise<ClusterView[]> {
  const { Clusters = [] } = await emr.send(new ListClustersCommand({}));
  const newest = [...Clusters].sort(
    (a, b) => (b.Status?.Timeline?.CreationDateTime?.getTime() ?? 0) - (a.Status?.Timeline?.CreationDateTime?.getTime() ?? 0),
  );
  const views: ClusterView[] = [];
  for (const summary of newest.slice(0, limit)) {
    const ClusterId = summary.Id ?? '';
    const [{ Cluster }, { InstanceFleets = [] }, { Instances = [] }, { Steps = [] }] = await Promise.all([
      emr.send(new DescribeClusterCommand({ ClusterId })),
      emr.send(new ListInstanceFleetsCommand({ ClusterId })),
      emr.send(new ListInstancesCommand({ ClusterId })),
      emr.send(new ListStepsCommand({ ClusterId })),
    ]);
    const timeline = Cluster?.Status?.Timeline;
    const fleetNames = new Map(InstanceFleets.map((fleet) => [fleet.Id ?? '', fleet.Name ?? fleet.InstanceFleetType ?? '']));
    views.push({
      id: ClusterId,
      name: Cluster?.Name ?? summary.Name ?? '',
      state: Cluster?.Status?.State ?? summary.Status?.State ?? '',
      reason: Cluster?.Status?.StateChangeReason?.Message,
      created: timeline?.CreationDateTime?.toISOString(),
      ended: timeline?.EndDateTime?.toISOString(),
      durationSeconds: seconds(timeline?.CreationDateTime, timeline?.EndDateTime),
      fleets: InstanceFleets.map((fleet) => ({
        id: fleet.Id ?? '',
        name: fleet.Name ?? '',
        type: fleet.InstanceFleetType ?? '',
        state: fleet.Status?.State ?? '',
        onDemand: `${fleet.ProvisionedOnDemandCapacity ?? 0} / ${fleet.TargetOnDemandCapacity ?? 0}`,
        spot: `${fleet.ProvisionedSpotCapacity ?? 0} / ${fleet.TargetSpotCapacity ?? 0}`,
      })),
      instances: Instances.map((instance) => ({
        id: instance.Ec2InstanceId ?? instance.Id ?? '',
        fleet: fleetNames.get(instance.InstanceFleetId ?? '') ?? instance.InstanceFleetId ?? '',
        type: instance.InstanceType ?? '',
        market: instance.Market ?? '',
        state: instance.Status?.State ?? '',
      })),
      // ListSteps answers newest first; the page shows them in the order they ran.
      steps: [...Steps].reverse().map((step) => {
        const stepTimeline = step.Status?.Timeline;
        return {
          id: step.Id ?? '',
          name: step.Name ?? '',
          state: step.Status?.State ?? '',
          start: stepTimeline?.StartDateTime?.toISOString(),
          end: stepTimeline?.EndDateTime?.toISOString(),
          durationSeconds: seconds(stepTimeline?.StartDateTime, stepTimeline?.EndDateTime),
          reason: step.Status?.FailureDetails?.Reason,
          logs: { stdout: stepLogPath(ClusterId, step.Id ?? '', 'stdout'), stderr: stepLogPath(ClusterId, step.Id ?? '', 'stderr') },
        };
      }),
    });
  }
  return views;
}
