// The workflows of the registry as operators see them, derived from the definitions @data-pipeline/asl builds for
// the environment: the state machine name, what the workflow does (its definition's Comment), the input
// the Master gives a child (the Parameters of the Master's "Start <child>" state), and whether it needs
// the cluster the state file names (it reads the state file and does not treat "no cluster recorded" as
// nothing to do) or refuses to start beside a running one (it checks for a duplicate cluster).
import {
  buildWorkflows,
  type ChildWorkflowId,
  childStates,
  environmentReferences,
  isChildWorkflow,
  type LambdaName,
  NO_CLUSTER_RECORDED,
  placeholderLambdaArn,
  type StateMachineDefinition,
  taskResources,
  WORKFLOW_IDS,
  WORKFLOW_TITLES,
  type WorkflowId,
  type WorkflowReferences,
} from '@data-pipeline/asl';
import { type Environment, stateMachineName } from '@data-pipeline/model';
import { UsageError } from '../errors';

export type StateMachineArns = Record<WorkflowId, string>;

export interface WorkflowInfo {
  id: WorkflowId;
  title: string;
  stateMachineName: string;
  /** What the workflow does, from its definition. */
  description: string;
  /** The input the Master starts it with; the Master's own (the schedule's) is `{}`. */
  input: Record<string, unknown>;
  /** A child the Master starts, so `rerun` may start it alone. */
  child: boolean;
  /** It works on the cluster the state file names, which must be up. */
  needsCluster: boolean;
  /** It launches a cluster and fails when one of the environment's name is already up. */
  launchesCluster: boolean;
}

/** The references the definitions are built with: the environment's state machines, bucket, tables and poll intervals. */
export function referencesFor(env: Environment, arns: StateMachineArns): WorkflowReferences {
  return environmentReferences({ env, lambdaArn: placeholderLambdaArn, stateMachineArn: (workflow) => arns[workflow], bucket: env.bucket });
}

function usesLambda(definition: StateMachineDefinition, lambda: LambdaName): boolean {
  return Object.values(taskResources(definition)).includes(placeholderLambdaArn(lambda));
}

/** The Parameters of the Master's "Start <child>" state: what a re-run starts the child with. */
function childInput(master: StateMachineDefinition, workflow: ChildWorkflowId): Record<string, unknown> {
  const state = master.States[childStates(workflow).start];
  const parameters = state && 'Parameters' in state ? (state.Parameters as Record<string, unknown>) : undefined;
  if (!parameters)
    throw new Error(`the Master has no "${childStates(workflow).start}" state with Parameters: cannot tell the input of ${workflow}`);
  const paths = Object.keys(parameters).filter((key) => key.endsWith('.$'));
  if (paths.length > 0)
    throw new Error(`the Master gives ${workflow} input taken from its own state (${paths.join(', ')}): it cannot be re-run alone`);
  return parameters;
}

export function workflowCatalog(env: Environment, arns: StateMachineArns): WorkflowInfo[] {
  const definitions = buildWorkflows(referencesFor(env, arns));
  return WORKFLOW_IDS.map((id) => {
    const definition = definitions[id];
    const readsStateFile = usesLambda(definition, 'read-state-info-from-s3');
    const toleratesNoCluster = JSON.stringify(definition).includes(`"${NO_CLUSTER_RECORDED.error}"`);
    return {
      id,
      title: WORKFLOW_TITLES[id],
      stateMachineName: stateMachineName(env, id),
      description: definition.Comment ?? '',
      input: isChildWorkflow(id) ? childInput(definitions.master, id) : {},
      child: isChildWorkflow(id),
      needsCluster: readsStateFile && !toleratesNoCluster,
      launchesCluster: usesLambda(definition, 'check-duplicate-emr') && usesLambda(definition, 'launch-emr'),
    };
  });
}

/** A workflow by its id (`fact-process`) or its state machine name (`data-pipeline-dev-fact-process`). */
export function parseWorkflow(env: Environment, value: string): WorkflowId {
  const found = WORKFLOW_IDS.find((id) => id === value || stateMachineName(env, id) === value);
  if (!found) throw new UsageError(`unknown workflow ${JSON.stringify(value)}: one of ${WORKFLOW_IDS.join(', ')}`);
  return found;
}
