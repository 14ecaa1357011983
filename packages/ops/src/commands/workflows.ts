// `workflows`: every workflow of the registry, their state machines and what each expects as input.
import type { OpsContext } from '../context';
import { EXIT } from '../exit-codes';
import { type WorkflowInfo, workflowCatalog } from '../workflows/catalog';
import type { CommandResult } from './result';

export interface WorkflowView extends WorkflowInfo {
  stateMachineArn: string;
}

export function requirementOf(workflow: WorkflowInfo): string {
  if (workflow.needsCluster) return 'the cluster named in the state file, up (WAITING or RUNNING)';
  if (workflow.launchesCluster) return 'no cluster of the environment up';
  if (!workflow.child) return 'nothing: it runs every child in order (started by its schedule)';
  return 'nothing';
}

export async function workflowsCommand(ctx: OpsContext): Promise<CommandResult<{ environment: string; workflows: WorkflowView[] }>> {
  const arns = await ctx.stateMachines();
  const workflows = workflowCatalog(ctx.env, arns).map((workflow) => ({ ...workflow, stateMachineArn: arns[workflow.id] }));
  return {
    code: EXIT.ok,
    data: { environment: ctx.env.name, workflows },
    render: (c) =>
      workflows
        .map((workflow) =>
          [
            `${c.bold(workflow.id)}  ${workflow.title}${workflow.child ? '' : c.dim('  (not re-run by ops)')}`,
            `  state machine  ${workflow.stateMachineName}`,
            `  input          ${JSON.stringify(workflow.input)}`,
            `  needs          ${requirementOf(workflow)}`,
            `  does           ${workflow.description}`,
          ].join('\n'),
        )
        .join('\n\n'),
  };
}
