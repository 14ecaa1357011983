import { type ConfigSections, parseConfig } from '@data-pipeline/core';
import { testConfigIni } from '@data-pipeline/core/testing';
import { describe, expect, it } from 'vitest';
import { ClusterSpecificationError } from '../src/errors';
import { buildRunJobFlowInput } from '../src/run-job-flow-input';

const GLUE_FACTORY = 'com.amazonaws.glue.catalog.metastore.AWSGlueDataCatalogHiveClientFactory';

function configOf(overrides: ConfigSections = {}) {
  return parseConfig(testConfigIni(overrides), 'test config.ini');
}

function coreFleetOf(overrides: ConfigSections = {}) {
  return buildRunJobFlowInput(configOf(overrides)).Instances?.InstanceFleets?.find((fleet) => fleet.InstanceFleetType === 'CORE');
}

describe('Function: buildRunJobFlowInput', () => {
  it('returns the whole RunJobFlow request for the test config.ini', () => {
    // Prepare
    const config = configOf();

    // Act
    const input = buildRunJobFlowInput(config);

    // Assess
    expect(input).toEqual({
      Name: 'data-pipeline-test',
      LogUri: 's3://data-pipeline-test-work-area/data-workflows/emr-logs/data-pipeline-test/',
      ReleaseLabel: 'emr-7.12.0',
      Applications: [{ Name: 'Hadoop' }, { Name: 'Spark' }],
      Configurations: [{ Classification: 'spark-hive-site', Properties: { 'hive.metastore.client.factory.class': GLUE_FACTORY } }],
      Instances: {
        Ec2SubnetIds: ['subnet-0abc1234'],
        Ec2KeyName: 'data-pipeline-key',
        KeepJobFlowAliveWhenNoSteps: true,
        TerminationProtected: false,
        InstanceFleets: [
          { Name: 'Master', InstanceFleetType: 'MASTER', TargetOnDemandCapacity: 1, InstanceTypeConfigs: [{ InstanceType: 'm5.xlarge' }] },
          {
            Name: 'Core',
            InstanceFleetType: 'CORE',
            TargetOnDemandCapacity: 2,
            TargetSpotCapacity: 2,
            InstanceTypeConfigs: [
              { InstanceType: 'm5.xlarge', BidPriceAsPercentageOfOnDemandPrice: 60 },
              { InstanceType: 'm5a.xlarge', BidPriceAsPercentageOfOnDemandPrice: 60 },
            ],
            LaunchSpecifications: { SpotSpecification: { TimeoutDurationMinutes: 10, TimeoutAction: 'SWITCH_TO_ON_DEMAND' } },
          },
        ],
      },
      ServiceRole: 'EMR_DefaultRole',
      JobFlowRole: 'EMR_EC2_DefaultRole',
      Tags: [
        { Key: 'environment', Value: 'test' },
        { Key: 'project', Value: 'data-pipeline' },
        { Key: 'pipeline', Value: 'data-pipeline' },
      ],
      VisibleToAllUsers: true,
      AutoTerminationPolicy: { IdleTimeout: 3600 },
    });
  });

  it('returns the applications of [basic] emr_applications, in their order', () => {
    // Prepare
    const config = configOf({ basic: { emr_applications: 'Spark, Hive, Livy' } });

    // Act
    const applications = buildRunJobFlowInput(config).Applications;

    // Assess
    expect(applications).toEqual([{ Name: 'Spark' }, { Name: 'Hive' }, { Name: 'Livy' }]);
  });

  it('returns the Glue metastore classifications of Hive and Spark when both are installed', () => {
    // Prepare
    const config = configOf({ basic: { emr_applications: 'Hadoop, Hive, Spark' } });

    // Act
    const configurations = buildRunJobFlowInput(config).Configurations;

    // Assess
    expect(configurations?.map((configuration) => configuration.Classification)).toEqual(['hive-site', 'spark-hive-site']);
  });

  it('throws ClusterSpecificationError naming the key when the applications lack Spark, which runs the load steps', () => {
    // Prepare
    const config = configOf({ basic: { emr_applications: 'Hadoop, Hive' } });

    // Act / Assess
    expect(() => buildRunJobFlowInput(config)).toThrow(ClusterSpecificationError);
    expect(() => buildRunJobFlowInput(config)).toThrow(
      'config.ini: [basic] emr_applications (Hadoop, Hive) must include Spark: the load steps run spark-sql',
    );
  });

  it('returns one InstanceTypeConfig per fleet when each fleet has one instance type', () => {
    // Prepare
    const config = configOf({ instances: { master_instance_type: 'r5.2xlarge', worker_instance_type: 'r5.4xlarge' } });

    // Act
    const fleets = buildRunJobFlowInput(config).Instances?.InstanceFleets;

    // Assess
    expect(fleets?.map((fleet) => [fleet.InstanceFleetType, fleet.InstanceTypeConfigs])).toEqual([
      ['MASTER', [{ InstanceType: 'r5.2xlarge' }]],
      ['CORE', [{ InstanceType: 'r5.4xlarge', BidPriceAsPercentageOfOnDemandPrice: 60 }]],
    ]);
  });

  it('returns one InstanceTypeConfig per listed type, in order, when the fleets have several', () => {
    // Prepare
    const config = configOf({
      instances: { master_instance_type: 'm5.xlarge,m5a.xlarge, m6i.xlarge', worker_instance_type: 'r5.xlarge, r5a.xlarge,r6i.xlarge' },
      spot: { spot_price_pct_of_ondemand: '45' },
    });

    // Act
    const [master, core] = buildRunJobFlowInput(config).Instances?.InstanceFleets ?? [];

    // Assess
    expect(master?.InstanceTypeConfigs).toEqual([
      { InstanceType: 'm5.xlarge' },
      { InstanceType: 'm5a.xlarge' },
      { InstanceType: 'm6i.xlarge' },
    ]);
    expect(master?.TargetOnDemandCapacity).toBe(1);
    expect(master?.TargetSpotCapacity).toBeUndefined();
    expect(core?.InstanceTypeConfigs).toEqual([
      { InstanceType: 'r5.xlarge', BidPriceAsPercentageOfOnDemandPrice: 45 },
      { InstanceType: 'r5a.xlarge', BidPriceAsPercentageOfOnDemandPrice: 45 },
      { InstanceType: 'r6i.xlarge', BidPriceAsPercentageOfOnDemandPrice: 45 },
    ]);
  });

  it('returns the CORE capacities of config.ini', () => {
    // Prepare
    const overrides = { instances: { ondemand_worker_count: '3' }, spot: { spot_worker_count: '7' } };

    // Act
    const core = coreFleetOf(overrides);

    // Assess
    expect([core?.TargetOnDemandCapacity, core?.TargetSpotCapacity]).toEqual([3, 7]);
  });

  it('returns an all-spot CORE fleet when no on-demand workers are configured', () => {
    // Prepare
    const overrides = { instances: { ondemand_worker_count: '0' }, spot: { spot_worker_count: '4' } };

    // Act
    const core = coreFleetOf(overrides);

    // Assess
    expect([core?.TargetOnDemandCapacity, core?.TargetSpotCapacity]).toEqual([0, 4]);
  });

  it('throws ClusterSpecificationError naming both keys when the CORE fleet would have no workers', () => {
    // Prepare
    const config = configOf({ instances: { ondemand_worker_count: '0' }, spot: { spot_worker_count: '0' } });

    // Act
    const act = () => buildRunJobFlowInput(config);

    // Assess
    expect(act).toThrow(
      expect.objectContaining({
        name: 'ClusterSpecificationError',
        message: expect.stringContaining('[instances] ondemand_worker_count and [spot] spot_worker_count are both 0'),
      }),
    );
  });

  it('returns BlockDurationMinutes only when spot_block_duration_minutes is set', () => {
    // Prepare
    const withBlock = { spot: { spot_block_duration_minutes: '120', spot_timeout_action: 'TERMINATE_CLUSTER' } };

    // Act
    const withoutBlockSpec = coreFleetOf()?.LaunchSpecifications?.SpotSpecification;
    const withBlockSpec = coreFleetOf(withBlock)?.LaunchSpecifications?.SpotSpecification;

    // Assess
    expect(withoutBlockSpec).not.toHaveProperty('BlockDurationMinutes');
    expect(withBlockSpec).toEqual({ TimeoutDurationMinutes: 10, TimeoutAction: 'TERMINATE_CLUSTER', BlockDurationMinutes: 120 });
  });

  it.each(['capacity-optimized', 'price-capacity-optimized', 'lowest-price', 'diversified'])(
    'returns the spot allocation strategy %s and on-demand lowest-price when an allocation strategy is set',
    (strategy) => {
      // Prepare
      const overrides = { spot: { allocation_strategy: strategy } };

      // Act
      const launch = coreFleetOf(overrides)?.LaunchSpecifications;

      // Assess
      expect(launch).toEqual({
        SpotSpecification: { TimeoutDurationMinutes: 10, TimeoutAction: 'SWITCH_TO_ON_DEMAND', AllocationStrategy: strategy },
        OnDemandSpecification: { AllocationStrategy: 'lowest-price' },
      });
    },
  );

  it('returns no allocation strategy and no OnDemandSpecification when none is configured', () => {
    // Prepare
    const overrides = {};

    // Act
    const launch = coreFleetOf(overrides)?.LaunchSpecifications;

    // Assess
    expect(launch).not.toHaveProperty('OnDemandSpecification');
    expect(launch?.SpotSpecification).not.toHaveProperty('AllocationStrategy');
  });

  it('returns no Ec2KeyName when ec2_keypair_name is not set', () => {
    // Prepare
    const config = configOf({ access: { ec2_keypair_name: '' } });

    // Act
    const instances = buildRunJobFlowInput(config).Instances;

    // Assess
    expect(instances).not.toHaveProperty('Ec2KeyName');
    expect(instances?.KeepJobFlowAliveWhenNoSteps).toBe(true);
  });

  it('returns every configured subnet, so EMR picks one with capacity', () => {
    // Prepare
    const config = configOf({ access: { subnet_id: 'subnet-0aaa1111, subnet-0bbb2222,subnet-0ccc3333' } });

    // Act
    const subnets = buildRunJobFlowInput(config).Instances?.Ec2SubnetIds;

    // Assess
    expect(subnets).toEqual(['subnet-0aaa1111', 'subnet-0bbb2222', 'subnet-0ccc3333']);
  });

  it('returns the configured roles and security configuration when they are set', () => {
    // Prepare
    const config = configOf({
      access: { service_role: 'dp-dev-emr-service', instance_profile: 'dp-dev-emr-ec2', security_configuration: 'dp-dev-at-rest' },
    });

    // Act
    const input = buildRunJobFlowInput(config);

    // Assess
    expect([input.ServiceRole, input.JobFlowRole, input.SecurityConfiguration]).toEqual([
      'dp-dev-emr-service',
      'dp-dev-emr-ec2',
      'dp-dev-at-rest',
    ]);
  });

  it('returns no SecurityConfiguration when none is configured', () => {
    // Prepare
    const config = configOf();

    // Act
    const input = buildRunJobFlowInput(config);

    // Assess
    expect(input).not.toHaveProperty('SecurityConfiguration');
  });

  it('returns no AutoTerminationPolicy when idle_timeout_seconds is not set', () => {
    // Prepare
    const config = configOf({ cluster: { idle_timeout_seconds: '' } });

    // Act
    const input = buildRunJobFlowInput(config);

    // Assess
    expect(input).not.toHaveProperty('AutoTerminationPolicy');
  });

  it('returns StepConcurrencyLevel only when it is above 1', () => {
    // Prepare
    const concurrent = configOf({ cluster: { step_concurrency_level: '4' } });
    const sequential = configOf({ cluster: { step_concurrency_level: '1' } });

    // Act
    const concurrentInput = buildRunJobFlowInput(concurrent);
    const sequentialInput = buildRunJobFlowInput(sequential);

    // Assess
    expect(concurrentInput.StepConcurrencyLevel).toBe(4);
    expect(sequentialInput).not.toHaveProperty('StepConcurrencyLevel');
  });

  it('returns the configured pipeline tag once, with its configured value', () => {
    // Prepare
    const config = configOf({ tags: { pipeline: 'nightly-dwh' } });

    // Act
    const tags = buildRunJobFlowInput(config).Tags;

    // Assess
    expect(tags?.filter((tag) => tag.Key === 'pipeline')).toEqual([{ Key: 'pipeline', Value: 'nightly-dwh' }]);
    expect(tags).toHaveLength(3);
  });

  it('returns only the pipeline tag when config.ini has no tags', () => {
    // Prepare
    const config = configOf({ tags: { environment: '', project: '' } });

    // Act
    const tags = buildRunJobFlowInput(config).Tags;

    // Assess
    expect(tags).toEqual([{ Key: 'pipeline', Value: 'data-pipeline' }]);
  });

  it('returns requests that do not share arrays with the config', () => {
    // Prepare
    const config = configOf();

    // Act
    buildRunJobFlowInput(config).Instances?.Ec2SubnetIds?.push('subnet-0ffff999');

    // Assess
    expect(config.access.subnet_id).toEqual(['subnet-0abc1234']);
  });
});
