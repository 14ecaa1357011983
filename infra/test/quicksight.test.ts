import type { GlueColumn } from '@data-pipeline/model';
import { describe, expect, it } from 'vitest';
import { DATA_SET_ACTIONS, DATA_SOURCE_ACTIONS, quicksightGroupArn, warehouseTables } from '../src/analytics/quicksight';
import { quicksightColumnType } from '../src/analytics/quicksight-columns';
import { UnsupportedColumnTypeError } from '../src/errors';
import { objectArn } from './support/access-cases';
import { ACCOUNT, decide, policyAt, REGION } from './support/policy-evaluation';
import { type Json, ref, resourceAt, resourcesOf, synthesized } from './support/synthesized';

const group = 'arn:${data.aws_partition.partition.partition}:quicksight:us-east-1:111111111111:group/default/data-pipeline-readers';

describe('Function: QuickSight reporting (prod, where the model turns it on)', () => {
  const stack = synthesized('prod');

  it('returns an Athena data source on the environment’s workgroup, usable by the configured group', () => {
    // prepare
    const workgroup = resourceAt(stack, 'aws_athena_workgroup', 'analytics/workgroup').id;
    // act
    const { config } = resourceAt(stack, 'aws_quicksight_data_source', 'reporting/data-source');
    // assess
    expect(config.type).toBe('ATHENA');
    expect(config.data_source_id).toBe('data-pipeline-prod-warehouse');
    expect(config.parameters).toEqual({ athena: { work_group: ref('aws_athena_workgroup', workgroup, 'name') } });
    expect(config.permission).toEqual([{ principal: group, actions: DATA_SOURCE_ACTIONS }]);
    expect(config.ssl_properties).toEqual({ disable_ssl: false });
  });

  it('returns one direct-query data set per warehouse table with every column and partition key typed', () => {
    // prepare
    const source = resourceAt(stack, 'aws_quicksight_data_source', 'reporting/data-source').id;
    // act
    const dataSets = Object.values(resourcesOf(stack, 'aws_quicksight_data_set'));
    // assess
    expect(dataSets.map((dataSet) => dataSet.name).sort()).toEqual([
      'prod_dimension_db.sample_country_dim',
      'prod_fact_db.sample_country_tx_fact',
    ]);
    const fact = dataSets.find((dataSet) => dataSet.name === 'prod_fact_db.sample_country_tx_fact') as Json;
    expect(fact.import_mode).toBe('DIRECT_QUERY');
    expect(fact.data_set_id).toBe('data-pipeline-prod-sample-country-tx-fact');
    expect(fact.permissions).toEqual([{ principal: group, actions: DATA_SET_ACTIONS }]);
    expect(fact.physical_table_map).toEqual([
      {
        physical_table_map_id: 'sample-country-tx-fact',
        relational_table: {
          catalog: 'AwsDataCatalog',
          data_source_arn: ref('aws_quicksight_data_source', source, 'arn'),
          schema: 'prod_fact_db',
          name: 'sample_country_tx_fact',
          input_columns: [
            { name: 'tx_id', type: 'INTEGER' },
            { name: 'country_id', type: 'INTEGER' },
            { name: 'tx_amount', type: 'DECIMAL' },
            { name: 'source_file', type: 'STRING' },
            { name: 'date_id', type: 'INTEGER' },
          ],
        },
      },
    ]);
    expect(dataSets).toHaveLength(warehouseTables({ name: 'prod' }).length);
  });

  it.each([
    ['athena:StartQueryExecution', `arn:aws:athena:${REGION}:${ACCOUNT}:workgroup/data-pipeline-prod-analytics`, 'Allowed'],
    ['glue:GetTable', `arn:aws:glue:${REGION}:${ACCOUNT}:table/prod_fact_db/sample_country_tx_fact`, 'Allowed'],
    ['glue:GetTable', `arn:aws:glue:${REGION}:${ACCOUNT}:table/prod_stg_fact_db/sample_country_tx_fact`, 'ImplicitlyDenied'],
    ['glue:GetTable', `arn:aws:glue:${REGION}:${ACCOUNT}:table/dev_fact_db/sample_country_tx_fact`, 'ImplicitlyDenied'],
    ['s3:GetObject', objectArn('prod', 'data-workflows/prod/DWH/fact_db/sample_country_tx_fact/date_id=20240101/0'), 'Allowed'],
    ['s3:PutObject', objectArn('prod', 'data-workflows/athena-results/q.csv'), 'Allowed'],
    ['s3:GetObject', objectArn('prod', 'data-workflows/landing/DWH/facts/sample_country_tx_fact/tx.csv'), 'ImplicitlyDenied'],
    ['s3:PutObject', objectArn('prod', 'data-workflows/prod/DWH/fact_db/sample_country_tx_fact/x'), 'ExplicitlyDenied'],
  ] as const)('returns for QuickSight’s service role: %s on %s is %s', async (action, resource, expected) => {
    // prepare
    const policy = policyAt(stack, 'aws_iam_role_policy', 'reporting/service-role-policy');
    const bucket = policyAt(stack, 'aws_s3_bucket_policy', 'storage/policy');
    const principal = `arn:aws:iam::${ACCOUNT}:role/service-role/aws-quicksight-service-role-v0`;
    // act
    const decision = await decide(
      { identity: [policy], ...(resource.startsWith('arn:aws:s3') ? { resource: bucket } : {}) },
      { principal, action, resource },
    );
    // assess
    expect(decision).toBe(expected);
  });

  it('returns the query policy on QuickSight’s service role', () => {
    // act
    const { config } = resourceAt(stack, 'aws_iam_role_policy', 'reporting/service-role-policy');
    // assess
    expect(config.role).toBe('aws-quicksight-service-role-v0');
    expect(config.name).toBe('data-pipeline-prod-warehouse-reporting');
  });
});

describe('Function: QuickSight reporting (dev, off)', () => {
  it('returns no QuickSight resource and no policy on its service role when the environment leaves it off', () => {
    // prepare
    const stack = synthesized('dev');
    // act
    const types = Object.keys(stack.json.resource).filter((type) => type.startsWith('aws_quicksight'));
    const policies = Object.values(resourcesOf(stack, 'aws_iam_role_policy')).filter(
      (policy) => policy.role === 'aws-quicksight-service-role-v0',
    );
    // assess
    expect(types).toEqual([]);
    expect(policies).toEqual([]);
  });
});

describe('Function: quicksightGroupArn', () => {
  it('returns the group in the identity region and namespace when the settings name them', () => {
    // act
    const arn = quicksightGroupArn(
      { partition: 'aws', region: 'eu-west-1', account: '123456789012' },
      { enabled: true, group: 'readers', namespace: 'finance', identityRegion: 'us-east-1' },
    );
    // assess
    expect(arn).toBe('arn:aws:quicksight:us-east-1:123456789012:group/finance/readers');
  });
});

describe('Function: quicksightColumnType', () => {
  it.each([
    ['int', 'INTEGER'],
    ['bigint', 'INTEGER'],
    ['decimal(18,2)', 'DECIMAL'],
    ['double', 'DECIMAL'],
    ['string', 'STRING'],
    ['varchar(20)', 'STRING'],
    ['timestamp', 'DATETIME'],
    ['date', 'DATETIME'],
    ['boolean', 'BOOLEAN'],
  ])('returns the QuickSight type of a %s column', (type, expected) => {
    // act / assess
    expect(quicksightColumnType('t', { Name: 'c', Type: type } as GlueColumn)).toBe(expected);
  });

  it('throws UnsupportedColumnTypeError naming the table and column when the type has no QuickSight counterpart', () => {
    // act / assess
    expect(() => quicksightColumnType('blobs', { Name: 'payload', Type: 'binary' } as GlueColumn)).toThrow(UnsupportedColumnTypeError);
    expect(() => quicksightColumnType('blobs', { Name: 'payload', Type: 'binary' } as GlueColumn)).toThrow(
      /column payload of blobs has type binary/,
    );
  });
});

describe('Function: QuickSight prerequisites', () => {
  it('returns data sources of the service role and the group in prod, so a missing one fails the plan before any change', () => {
    // act
    const data = synthesized('prod').json.data;
    const [role] = Object.values(data.aws_iam_role ?? {});
    const [group] = Object.values(data.aws_quicksight_group ?? {});
    // assess
    expect(role?.name).toBe('aws-quicksight-service-role-v0');
    expect(group).toMatchObject({
      group_name: 'data-pipeline-readers',
      namespace: 'default',
      aws_account_id: '111111111111',
      region: 'us-east-1',
    });
  });

  it('returns no QuickSight prerequisite in dev, where reporting is off', () => {
    // act
    const data = synthesized('dev').json.data;
    // assess
    expect(data.aws_quicksight_group).toBeUndefined();
    expect(data.aws_iam_role).toBeUndefined();
  });
});
