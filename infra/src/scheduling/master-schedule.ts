import { CloudwatchEventRule } from '@cdktf/provider-aws/lib/cloudwatch-event-rule';
import { CloudwatchEventTarget } from '@cdktf/provider-aws/lib/cloudwatch-event-target';
import { Construct } from 'constructs';
import type { StackContext } from '../context';
import { resourceName } from '../naming';
import { scheduleGrants, statementsOf } from '../security/permissions';
import { PipelineRole } from '../security/pipeline-role';
import { serviceTrustPolicy } from '../security/policy-document';

/** The EventBridge schedule of the Master workflow: the environment's expression, enabled as the model says. */
export class MasterSchedule extends Construct {
  readonly rule: CloudwatchEventRule;
  readonly role: PipelineRole;

  constructor(scope: Construct, id: string, context: StackContext, masterArn: string) {
    super(scope, id);
    const { env, partition, region, account } = context;
    const name = resourceName(env, 'master-schedule');
    this.rule = new CloudwatchEventRule(this, 'rule', {
      name,
      description: `Starts the ${env.name} Master workflow (${env.schedule.expression})`,
      scheduleExpression: env.schedule.expression,
      state: env.schedule.enabled ? 'ENABLED' : 'DISABLED',
    });
    this.role = new PipelineRole(this, 'role', {
      name,
      description: `EventBridge: start the ${env.name} Master workflow, nothing else`,
      assumeRolePolicy: serviceTrustPolicy('events.amazonaws.com', {
        account,
        sourceArn: `arn:${partition}:events:${region}:${account}:rule/${name}`,
      }),
      statements: statementsOf(scheduleGrants(masterArn), undefined),
    });
    new CloudwatchEventTarget(this, 'target', {
      rule: this.rule.name,
      targetId: 'master',
      arn: masterArn,
      roleArn: this.role.role.arn,
      input: JSON.stringify({}),
    });
  }
}
