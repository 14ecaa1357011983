// The end-of-run report: executions, EMR steps, notifications, warehouse rows, what sits in each zone,
// and where everything lives.
import { ListClustersCommand, ListStepsCommand } from '@aws-sdk/client-emr';
import { ListExecutionsCommand } from '@aws-sdk/client-sfn';
import { WORKFLOW_IDS } from '@data-pipeline/asl';
import { listFiles } from '@data-pipeline/core';
import type { PublishedMessage } from '@data-pipeline/local-cloud';
import { s3Layout } from '@data-pipeline/model';
import type { LocalNames } from './environment';
import type { Services } from './services';
import { formatTable, seconds } from './table-format';
import type { RowCounts } from './warehouse';

export interface RunFacts {
  executions: { workflow: string; name: string; status: string; start?: Date; stop?: Date }[];
  steps: { cluster: string; name: string; status: string; start?: Date; end?: Date; reason?: string }[];
  clusters: { id: string; state: string; reason?: string }[];
  notifications: PublishedMessage[];
  zones: Record<'landing' | 'stage' | 'archive' | 'quarantine', string[]>;
}

export async function gatherFacts(services: Services, names: LocalNames, since: Date): Promise<RunFacts> {
  const executions: RunFacts['executions'] = [];
  for (const workflow of WORKFLOW_IDS) {
    const { executions: found } = await services.sfn.send(
      new ListExecutionsCommand({ stateMachineArn: names.stateMachineArn(workflow), maxResults: 100 }),
    );
    for (const execution of found ?? []) {
      if (execution.startDate && execution.startDate >= since)
        executions.push({
          workflow,
          name: execution.name ?? '',
          status: execution.status ?? '',
          start: execution.startDate,
          stop: execution.stopDate,
        });
    }
  }
  executions.sort((a, b) => (a.start?.getTime() ?? 0) - (b.start?.getTime() ?? 0));
  const steps: RunFacts['steps'] = [];
  const clusters: RunFacts['clusters'] = [];
  const { Clusters } = await services.emr.send(new ListClustersCommand({ CreatedAfter: since }));
  for (const cluster of [...(Clusters ?? [])].reverse()) {
    clusters.push({ id: cluster.Id ?? '', state: cluster.Status?.State ?? '', reason: cluster.Status?.StateChangeReason?.Message });
    const { Steps } = await services.emr.send(new ListStepsCommand({ ClusterId: cluster.Id }));
    for (const step of [...(Steps ?? [])].reverse()) {
      const timeline = step.Status?.Timeline;
      steps.push({
        cluster: cluster.Id ?? '',
        name: step.Name ?? '',
        status: step.Status?.State ?? '',
        start: timeline?.StartDateTime,
        end: timeline?.EndDateTime,
        reason: step.Status?.FailureDetails?.Reason,
      });
    }
  }
  const notifications = (await services.messages()).filter((message) => new Date(message.Timestamp) >= since);
  return { executions, steps, clusters, notifications, zones: await zoneContents(services, names.bucket) };
}

export async function zoneContents(services: Services, bucket: string): Promise<RunFacts['zones']> {
  const zones: RunFacts['zones'] = { landing: [], stage: [], archive: [], quarantine: [] };
  const roots = {
    landing: s3Layout.landingRoot,
    stage: s3Layout.stageRoot,
    archive: s3Layout.archiveRoot,
    quarantine: s3Layout.quarantineRoot,
  } as const;
  for (const [zone, prefix] of Object.entries(roots) as [keyof typeof roots, string][]) {
    for (const file of await listFiles(services.s3, bucket, prefix)) zones[zone].push(file.key.slice(prefix.length));
  }
  return zones;
}

export function formatReport(facts: RunFacts, counts: RowCounts, services: Services): string {
  const out: string[] = [];
  out.push(
    'Executions',
    formatTable(
      ['workflow', 'execution', 'status', 'duration'],
      facts.executions.map((e) => [e.workflow, e.name, e.status, seconds(e.start, e.stop)]),
    ),
    '',
  );
  out.push(
    'EMR steps',
    formatTable(
      ['cluster', 'step', 'status', 'duration', 'failure'],
      facts.steps.map((s) => [s.cluster, s.name, s.status, seconds(s.start, s.end), s.reason]),
    ),
    facts.clusters.map((cluster) => `cluster ${cluster.id}: ${cluster.state}${cluster.reason ? ` (${cluster.reason})` : ''}`).join('\n'),
    '',
  );
  out.push(
    'Notifications',
    facts.notifications.length
      ? facts.notifications.map((m) => `- ${m.Subject ?? '(no subject)'}: ${m.Message.split('\n')[0]}`).join('\n')
      : '(none)',
    '',
  );
  const rows = Object.entries(counts).flatMap(([table, partitions]) =>
    Object.keys(partitions).length
      ? Object.entries(partitions).map(([partition, count]) => [table, partition || '(all)', count])
      : [[table, '(all)', 0]],
  );
  out.push('Warehouse rows', formatTable(['table', 'partition', 'rows'], rows), '');
  out.push(
    'Zones',
    ...(['landing', 'stage', 'archive', 'quarantine'] as const).map(
      (zone) => `${zone}: ${facts.zones[zone].length ? facts.zones[zone].join(', ') : '(empty)'}`,
    ),
    '',
  );
  out.push(
    'Where things live',
    `lake (S3 buckets as folders): ${services.layout.lake}`,
    `logs: ${services.layout.logs} (lambda/<function>.log, emr/<cluster>/steps/<step>/stdout|stderr, s3.log)`,
    `metastore: ${services.layout.metastore}`,
    `notifications: ${services.layout.messages}`,
    'query: pnpm local query "SELECT * FROM local_fact_db.sample_country_tx_fact LIMIT 10"',
  );
  return out.join('\n');
}
