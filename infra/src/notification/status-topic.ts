import { SnsTopic } from '@cdktf/provider-aws/lib/sns-topic';
import { SnsTopicPolicy } from '@cdktf/provider-aws/lib/sns-topic-policy';
import { SnsTopicSubscription } from '@cdktf/provider-aws/lib/sns-topic-subscription';
import { Construct } from 'constructs';
import type { StackContext } from '../context';
import { topicName } from '../naming';
import { renderPolicy } from '../security/policy-document';
import { topicStatements } from './topic-policy';

/** The status mail topic: encrypted with the pipeline key, with the environment's email subscriptions. */
export class StatusTopic extends Construct {
  readonly topic: SnsTopic;
  readonly subscriptions: SnsTopicSubscription[];

  constructor(scope: Construct, id: string, context: StackContext, keyArn: string) {
    super(scope, id);
    this.topic = new SnsTopic(this, 'topic', { name: topicName(context.env), kmsMasterKeyId: keyArn });
    new SnsTopicPolicy(this, 'policy', {
      arn: this.topic.arn,
      policy: renderPolicy(topicStatements(this.topic.arn, context.account, context.partition)),
    });
    this.subscriptions = context.env.notifications.emails.map(
      (email) =>
        new SnsTopicSubscription(this, `email-${email.replace(/[^A-Za-z0-9]+/g, '-')}`, {
          topicArn: this.topic.arn,
          protocol: 'email',
          endpoint: email,
        }),
    );
  }
}
