import { CloudwatchLogGroup } from '@cdktf/provider-aws/lib/cloudwatch-log-group';
import { SfnStateMachine } from '@cdktf/provider-aws/lib/sfn-state-machine';
import { buildWorkflows, taskResources, WORKFLOW_IDS, WORKFLOW_TITLES, type WorkflowId } from '@data-pipeline/asl';
import { Lazy } from 'cdktf';
import { Construct } from 'constructs';
import type { LambdaName } from '../compute/lambdas';
import { LOG_RETENTION_DAYS } from '../compute/pipeline-function';
import type { StackContext } from '../context';
import { UnknownWorkflowError } from '../errors';
import { stateMachineLogGroupName } from '../naming';
import { stateMachineGrants, statementsOf } from '../security/permissions';
import { PipelineRole } from '../security/pipeline-role';
import { serviceTrustPolicy } from '../security/policy-document';
import { stateMachineName, workflowReferences } from './workflow-references';

export interface WorkflowsProps {
  aliasArns: Record<LambdaName, string>;
  bucket: string;
  keyArn: string;
}

export interface Workflow {
  id: WorkflowId;
  stateMachine: SfnStateMachine;
  role: PipelineRole;
  logGroup: CloudwatchLogGroup;
  /** The Lambdas its Tasks invoke. */
  lambdas: LambdaName[];
}

/** Every state machine of the registry, rendered by @data-pipeline/asl with Terraform references; each with its own role and logs. */
export class Workflows extends Construct {
  readonly workflows: Map<WorkflowId, Workflow> = new Map();

  constructor(scope: Construct, id: string, context: StackContext, props: WorkflowsProps) {
    super(scope, id);
    const { env } = context;
    // Definitions name state machines created beside them: lazy ARNs resolve to the resources' references at synth.
    const lazyArns = Object.fromEntries(
      WORKFLOW_IDS.map((workflow) => [workflow, Lazy.stringValue({ produce: () => this.get(workflow).stateMachine.arn })]),
    ) as Record<WorkflowId, string>;
    const definitions = buildWorkflows(
      workflowReferences({ env, aliasArns: props.aliasArns, stateMachineArns: lazyArns, bucket: props.bucket }),
    );
    const lambdaOfArn = new Map(Object.entries(props.aliasArns).map(([lambda, arn]) => [arn, lambda as LambdaName]));
    for (const workflow of WORKFLOW_IDS) {
      const definition = definitions[workflow];
      const name = stateMachineName(env, workflow);
      const lambdas = [...new Set(Object.values(taskResources(definition)).map((arn) => lambdaOfArn.get(arn)))]
        .filter((lambda): lambda is LambdaName => lambda !== undefined)
        .sort();
      const logGroup = new CloudwatchLogGroup(this, `${workflow}-logs`, {
        name: stateMachineLogGroupName(name),
        retentionInDays: LOG_RETENTION_DAYS,
        kmsKeyId: props.keyArn,
      });
      const role = new PipelineRole(this, `${workflow}-role`, {
        name: `${name}-sfn`,
        description: `Step Functions ${WORKFLOW_TITLES[workflow]} (${env.name}): invoke its Lambda aliases, logs, traces`,
        assumeRolePolicy: serviceTrustPolicy('states.amazonaws.com', {
          account: context.account,
          sourceArn: `arn:${context.partition}:states:${context.region}:${context.account}:stateMachine:${name}`,
        }),
        statements: statementsOf(stateMachineGrants(lambdas.map((lambda) => props.aliasArns[lambda])), undefined),
      });
      const stateMachine = new SfnStateMachine(this, workflow, {
        name,
        type: 'STANDARD',
        roleArn: role.role.arn,
        definition: JSON.stringify(definition),
        loggingConfiguration: { logDestination: `${logGroup.arn}:*`, includeExecutionData: true, level: 'ALL' },
        tracingConfiguration: { enabled: true },
        dependsOn: [role.policy ?? role.role],
      });
      this.workflows.set(workflow, { id: workflow, stateMachine, role, logGroup, lambdas });
    }
  }

  get(workflow: WorkflowId): Workflow {
    const found = this.workflows.get(workflow);
    if (!found) throw new UnknownWorkflowError(workflow);
    return found;
  }

  get master(): Workflow {
    return this.get('master');
  }
}
