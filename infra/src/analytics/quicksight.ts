import { IamRolePolicy } from '@cdktf/provider-aws/lib/iam-role-policy';
import { QuicksightDataSet } from '@cdktf/provider-aws/lib/quicksight-data-set';
import { QuicksightDataSource } from '@cdktf/provider-aws/lib/quicksight-data-source';
import { type Environment, type GlueTableDefinition, glueTables } from '@data-pipeline/model';
import { Construct } from 'constructs';
import type { StackContext } from '../context';
import { resourceName } from '../naming';
import type { PolicyStatement } from '../security/policy-document';
import { renderPolicy } from '../security/policy-document';
import { quicksightColumnType } from './quicksight-columns';
import { DEFAULT_QUICKSIGHT_SERVICE_ROLE, QuicksightPrerequisites } from './quicksight-prerequisites';

/** QuickSight reporting on the warehouse: an Athena data source on the workgroup, a data set per warehouse table, use by one group. */

export type QuicksightSettings = NonNullable<Environment['quicksight']>;

export { DEFAULT_QUICKSIGHT_SERVICE_ROLE };

/** What the group may do with the data source: see it and build data sets on it. */
export const DATA_SOURCE_ACTIONS = [
  'quicksight:DescribeDataSource',
  'quicksight:DescribeDataSourcePermissions',
  'quicksight:PassDataSource',
];
/** What the group may do with each data set: see it, use it in analyses and dashboards. */
export const DATA_SET_ACTIONS = [
  'quicksight:DescribeDataSet',
  'quicksight:DescribeDataSetPermissions',
  'quicksight:PassDataSet',
  'quicksight:DescribeIngestion',
  'quicksight:ListIngestions',
];

export function isQuicksightEnabled(env: Environment): env is Environment & { quicksight: QuicksightSettings } {
  return env.quicksight?.enabled === true;
}

export function quicksightGroupArn(context: Pick<StackContext, 'partition' | 'region' | 'account'>, settings: QuicksightSettings): string {
  const region = settings.identityRegion ?? context.region;
  return `arn:${context.partition}:quicksight:${region}:${context.account}:group/${settings.namespace ?? 'default'}/${settings.group}`;
}

/** The warehouse tables of the model, as the Glue catalog holds them. */
export function warehouseTables(env: { name: string }): GlueTableDefinition[] {
  return glueTables(env, 'bucket').filter((definition) => definition.zone === 'warehouse');
}

/** QuickSight ids allow letters, digits and hyphens. */
const quicksightId = (text: string) => text.replaceAll('_', '-');

export interface QuicksightProps {
  workgroupName: string;
  /** What QuickSight's service role may do to query the warehouse (the analyst's grants, rendered). */
  serviceRoleStatements: PolicyStatement[];
}

export class QuicksightReporting extends Construct {
  readonly dataSource: QuicksightDataSource;
  readonly dataSets: QuicksightDataSet[] = [];
  readonly serviceRolePolicy: IamRolePolicy;
  readonly prerequisites: QuicksightPrerequisites;

  constructor(scope: Construct, id: string, context: StackContext, settings: QuicksightSettings, props: QuicksightProps) {
    super(scope, id);
    const { env } = context;
    const principal = quicksightGroupArn(context, settings);
    this.prerequisites = new QuicksightPrerequisites(this, 'prerequisites', context, settings);
    this.serviceRolePolicy = new IamRolePolicy(this, 'service-role-policy', {
      role: settings.serviceRole ?? DEFAULT_QUICKSIGHT_SERVICE_ROLE,
      name: resourceName(env, 'warehouse-reporting'),
      policy: renderPolicy(props.serviceRoleStatements),
      dependsOn: [this.prerequisites.serviceRole],
    });
    this.dataSource = new QuicksightDataSource(this, 'data-source', {
      dataSourceId: resourceName(env, 'warehouse'),
      name: `${env.name} warehouse (Athena ${props.workgroupName})`,
      type: 'ATHENA',
      parameters: { athena: { workGroup: props.workgroupName } },
      sslProperties: { disableSsl: false },
      permission: [{ principal, actions: DATA_SOURCE_ACTIONS }],
      dependsOn: [this.serviceRolePolicy, this.prerequisites.group],
    });
    for (const table of warehouseTables(env)) this.dataSets.push(this.dataSet(context, table, principal));
  }

  private dataSet(context: StackContext, definition: GlueTableDefinition, principal: string): QuicksightDataSet {
    const input = definition.TableInput;
    const columns = [...input.StorageDescriptor.Columns, ...input.PartitionKeys];
    return new QuicksightDataSet(this, `data-set-${input.Name}`, {
      dataSetId: resourceName(context.env, quicksightId(input.Name)),
      name: `${definition.DatabaseName}.${input.Name}`,
      importMode: 'DIRECT_QUERY',
      physicalTableMap: [
        {
          physicalTableMapId: quicksightId(input.Name),
          relationalTable: {
            dataSourceArn: this.dataSource.arn,
            catalog: 'AwsDataCatalog',
            schema: definition.DatabaseName,
            name: input.Name,
            inputColumns: columns.map((column) => ({ name: column.Name, type: quicksightColumnType(input.Name, column) })),
          },
        },
      ],
      permissions: [{ principal, actions: DATA_SET_ACTIONS }],
    });
  }
}
