// `cluster`: the running cluster (the one the state file names, else an active one of the
// environment's name), its fleets, instances and steps.
import { findActiveClusters } from '@data-pipeline/core';
import {
  type ClusterState,
  clusterFleets,
  clusterInstances,
  clusterSteps,
  describeCluster,
  type FleetView,
  type InstanceView,
  readStateFile,
  type StepView,
} from '../aws/cluster';
import type { OpsContext } from '../context';
import { EXIT } from '../exit-codes';
import { durationBetween, formatDuration, formatTable, formatTime, paintStatus } from '../output/format';
import type { CommandResult } from './result';

export interface ClusterData {
  /** Where the id came from. */
  source: 'option' | 'state-file' | 'active-cluster' | 'none';
  reason?: string;
  cluster?: ClusterState;
  fleets: FleetView[];
  instances: InstanceView[];
  steps: StepView[];
}

/** A table cell on one line: EMR's failure messages hold the last lines of stderr. */
function oneLine(text: string): string {
  return text.replace(/\s*\n\s*/g, ' ');
}

async function findCluster(ctx: OpsContext, given?: string): Promise<{ id?: string; source: ClusterData['source']; reason?: string }> {
  if (given) return { id: given, source: 'option' };
  const reading = await readStateFile(ctx.clients.s3, ctx.bucket);
  if (reading.kind === 'cluster') return { id: reading.clusterId, source: 'state-file' };
  const [active] = await findActiveClusters(ctx.clients.emr, ctx.env.emr.clusterName);
  if (active)
    return {
      id: active.id,
      source: 'active-cluster',
      reason: `the state file names none (${reading.reason}); ${active.id} is up under the environment's cluster name`,
    };
  return { source: 'none', reason: `${reading.reason}; no cluster named ${ctx.env.emr.clusterName} is up` };
}

export async function clusterCommand(ctx: OpsContext, options: { cluster?: string } = {}): Promise<CommandResult<ClusterData>> {
  const found = await findCluster(ctx, options.cluster);
  const cluster = found.id ? await describeCluster(ctx.clients.emr, found.id) : undefined;
  const [fleets, instances, steps] = cluster
    ? await Promise.all([
        clusterFleets(ctx.clients.emr, cluster.id),
        clusterInstances(ctx.clients.emr, cluster.id),
        clusterSteps(ctx.clients.emr, cluster.id),
      ])
    : [[], [], []];
  const data: ClusterData = {
    source: found.source,
    ...(found.reason ? { reason: found.reason } : {}),
    ...(cluster ? { cluster } : {}),
    fleets,
    instances,
    steps,
  };
  const now = ctx.now();
  return {
    code: EXIT.ok,
    data,
    render: (c) => {
      if (!cluster) return found.id ? `cluster ${found.id} is unknown to EMR` : `no running cluster: ${found.reason ?? ''}`;
      const lines = [
        `${c.bold(cluster.id)}  ${cluster.name}  ${paintStatus(c, cluster.state)}${cluster.reason ? `  ${cluster.reason}` : ''}`,
        `  created ${formatTime(cluster.created)} UTC${cluster.ready ? `, ready ${formatTime(cluster.ready)}` : ''}${
          cluster.ended ? `, ended ${formatTime(cluster.ended)}` : ''
        }, up ${formatDuration(durationBetween(cluster.created, cluster.ended, now))}`,
      ];
      if (found.reason) lines.push(`  ${c.dim(found.reason)}`);
      lines.push(
        '',
        c.bold('Fleets'),
        formatTable(
          ['fleet', 'type', 'state', 'on-demand', 'spot', 'instance types'],
          fleets.map((fleet) => [
            fleet.id,
            fleet.type,
            paintStatus(c, fleet.state),
            `${fleet.provisioned.onDemand}/${fleet.target.onDemand}`,
            `${fleet.provisioned.spot}/${fleet.target.spot}`,
            fleet.instanceTypes.join(', '),
          ]),
        ),
        '',
        c.bold('Instances'),
        formatTable(
          ['instance', 'fleet', 'type', 'market', 'state'],
          instances.map((instance) => [instance.id, instance.fleet, instance.type, instance.market, paintStatus(c, instance.state)]),
        ),
        '',
        c.bold('Steps'),
        formatTable(
          ['step', 'name', 'state', 'started (UTC)', 'took', 'failure'],
          steps.map((step) => [
            step.id,
            step.name,
            paintStatus(c, step.state),
            formatTime(step.started),
            formatDuration(durationBetween(step.started, step.ended, now)),
            step.failure ? oneLine([step.failure.reason, step.failure.message].filter(Boolean).join(': ')) : '',
          ]),
        ),
      );
      return lines.join('\n');
    },
  };
}
