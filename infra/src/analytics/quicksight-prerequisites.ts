import { DataAwsIamRole } from '@cdktf/provider-aws/lib/data-aws-iam-role';
import { DataAwsQuicksightGroup } from '@cdktf/provider-aws/lib/data-aws-quicksight-group';
import { Construct } from 'constructs';
import type { StackContext } from '../context';

/** QuickSight's own role for Athena and S3, unless the settings name another. */
export const DEFAULT_QUICKSIGHT_SERVICE_ROLE = 'aws-quicksight-service-role-v0';

export interface QuicksightPrerequisiteSettings {
  group: string;
  namespace?: string | undefined;
  identityRegion?: string | undefined;
  serviceRole?: string | undefined;
}

/**
 * What reporting needs but the stack does not create: QuickSight's service role (made by the QuickSight
 * subscription) and the readers' group (made by the QuickSight administrator). Read as data sources, so a
 * missing one fails `terraform plan`, naming it, before anything is changed; the settings' quicksight.subscription
 * already stops the synth when the account has no Enterprise subscription.
 */
export class QuicksightPrerequisites extends Construct {
  readonly serviceRole: DataAwsIamRole;
  readonly group: DataAwsQuicksightGroup;

  constructor(scope: Construct, id: string, context: Pick<StackContext, 'account' | 'region'>, settings: QuicksightPrerequisiteSettings) {
    super(scope, id);
    this.serviceRole = new DataAwsIamRole(this, 'service-role', { name: settings.serviceRole ?? DEFAULT_QUICKSIGHT_SERVICE_ROLE });
    this.group = new DataAwsQuicksightGroup(this, 'group', {
      groupName: settings.group,
      namespace: settings.namespace ?? 'default',
      awsAccountId: context.account,
      region: settings.identityRegion ?? context.region,
    });
  }
}
