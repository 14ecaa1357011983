import { CloudwatchMetricAlarm } from '@cdktf/provider-aws/lib/cloudwatch-metric-alarm';
import { Construct } from 'constructs';
import type { PipelineFunction } from '../compute/pipeline-function';
import type { StackContext } from '../context';
import { resourceName } from '../naming';

export interface AlarmsProps {
  topicArn: string;
  masterArn: string;
  /** Terminate EMR Cluster: when it fails, a cluster may be left running. */
  terminateArn: string;
  functions: PipelineFunction[];
}

/** Step Functions metrics of the Master that raise an alarm as soon as one execution ends badly. */
export const MASTER_ALARM_METRICS = { failed: 'ExecutionsFailed', 'timed-out': 'ExecutionsTimedOut' } as const;
export const ALARM_PERIOD_SECONDS = 300;

/** Step Functions metrics of Terminate EMR Cluster: a failure may leave a cluster running (idle auto-termination is the backstop). */
export const TERMINATE_ALARM_METRICS = { 'terminate-failed': 'ExecutionsFailed', 'terminate-timed-out': 'ExecutionsTimedOut' } as const;

/** Alarms to the status topic: the Master failed or timed out; Terminate EMR Cluster failed or timed out; any Lambda reported errors. */
export class Alarms extends Construct {
  readonly alarms: CloudwatchMetricAlarm[] = [];

  constructor(scope: Construct, id: string, context: StackContext, props: AlarmsProps) {
    super(scope, id);
    const { env } = context;
    const common = {
      statistic: 'Sum',
      period: ALARM_PERIOD_SECONDS,
      evaluationPeriods: 1,
      threshold: 1,
      comparisonOperator: 'GreaterThanOrEqualToThreshold',
      treatMissingData: 'notBreaching',
      alarmActions: [props.topicArn],
      okActions: [props.topicArn],
    };
    for (const [suffix, metricName] of Object.entries(MASTER_ALARM_METRICS)) {
      this.alarms.push(
        new CloudwatchMetricAlarm(this, `master-${suffix}`, {
          ...common,
          alarmName: resourceName(env, `master-${suffix}`),
          alarmDescription: `The ${env.name} Master workflow ${suffix.replace('-', ' ')}: see its execution history`,
          namespace: 'AWS/States',
          metricName,
          dimensions: { StateMachineArn: props.masterArn },
        }),
      );
    }
    for (const [suffix, metricName] of Object.entries(TERMINATE_ALARM_METRICS)) {
      this.alarms.push(
        new CloudwatchMetricAlarm(this, suffix, {
          ...common,
          alarmName: resourceName(env, suffix),
          alarmDescription: `Terminate EMR Cluster (${env.name}) ${suffix.replace('terminate-', '').replace('-', ' ')}: a cluster may still be running; see the execution and terminate it (pnpm ops cluster)`,
          namespace: 'AWS/States',
          metricName,
          dimensions: { StateMachineArn: props.terminateArn },
        }),
      );
    }
    for (const fn of props.functions) {
      this.alarms.push(
        new CloudwatchMetricAlarm(this, `${fn.lambda}-errors`, {
          ...common,
          alarmName: resourceName(env, `${fn.lambda}-errors`),
          alarmDescription: `Lambda ${fn.lambda} (${env.name}) reported errors: see its log group`,
          namespace: 'AWS/Lambda',
          metricName: 'Errors',
          dimensions: { FunctionName: fn.function.functionName },
        }),
      );
    }
  }
}
