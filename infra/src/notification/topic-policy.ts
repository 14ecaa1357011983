import type { PolicyStatement } from '../security/policy-document';

/** Who may use the pipeline's topic: the owning account manages it; CloudWatch alarms of this account publish. */

export const TOPIC_OWNER_ACTIONS = [
  'sns:GetTopicAttributes',
  'sns:SetTopicAttributes',
  'sns:AddPermission',
  'sns:RemovePermission',
  'sns:DeleteTopic',
  'sns:Subscribe',
  'sns:ListSubscriptionsByTopic',
  'sns:Publish',
];

export function topicStatements(topicArn: string, account: string, partition: string): PolicyStatement[] {
  return [
    {
      Sid: 'OwnerAccountManages',
      Effect: 'Allow',
      Principal: { AWS: `arn:${partition}:iam::${account}:root` },
      Action: TOPIC_OWNER_ACTIONS,
      Resource: [topicArn],
    },
    {
      Sid: 'AlarmsOfThisAccountPublish',
      Effect: 'Allow',
      Principal: { Service: 'cloudwatch.amazonaws.com' },
      Action: ['sns:Publish'],
      Resource: [topicArn],
      Condition: { StringEquals: { 'aws:SourceAccount': account } },
    },
    {
      Sid: 'DenyInsecureTransport',
      Effect: 'Deny',
      Principal: '*',
      Action: ['sns:Publish'],
      Resource: [topicArn],
      Condition: { Bool: { 'aws:SecureTransport': false } },
    },
  ];
}
