import { AthenaWorkgroup } from '@cdktf/provider-aws/lib/athena-workgroup';
import { Construct } from 'constructs';
import { warehouseDatabases } from '../access/zones';
import type { StackContext } from '../context';
import { resourceName } from '../naming';
import { ATHENA_RESULTS_PREFIX } from '../storage/lifecycle';

export interface AnalyticsProps {
  bucket: string;
  keyArn: string;
}

/** The Athena workgroup over the warehouse: results in the work-area bucket, encrypted, settings enforced. */
export class Analytics extends Construct {
  readonly workgroup: AthenaWorkgroup;

  constructor(scope: Construct, id: string, context: StackContext, props: AnalyticsProps) {
    super(scope, id);
    this.workgroup = new AthenaWorkgroup(this, 'workgroup', {
      name: resourceName(context.env, 'analytics'),
      description: `Queries over the ${context.env.name} warehouse (${warehouseDatabases(context.env).join(', ')})`,
      state: 'ENABLED',
      forceDestroy: false,
      configuration: {
        enforceWorkgroupConfiguration: true,
        publishCloudwatchMetricsEnabled: true,
        resultConfiguration: {
          outputLocation: `s3://${props.bucket}/${ATHENA_RESULTS_PREFIX}`,
          encryptionConfiguration: { encryptionOption: 'SSE_KMS', kmsKeyArn: props.keyArn },
        },
      },
    });
  }
}
