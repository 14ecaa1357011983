import {
  EMRClient,
  EMRServiceException,
  type InstanceFleet,
  type InstanceFleetState,
  ListInstanceFleetsCommand,
  type ListInstanceFleetsCommandOutput,
} from '@aws-sdk/client-emr';
import { S3Client } from '@aws-sdk/client-s3';
import { givenLambdaEnvironment, recordInputs } from '@data-pipeline/core/testing';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { handler } from '../src/index';
import { resizeStatus } from '../src/resize-status';

const emrMock = mockClient(EMRClient);
const s3Mock = mockClient(S3Client);

const EVENT = { ClusterId: 'j-1ABC', WorkerInstanceFleetId: 'if-2CORE', TargetTotalWorkers: 8 };
const MASTER: InstanceFleet = {
  Id: 'if-1MASTER',
  InstanceFleetType: 'MASTER',
  Status: { State: 'RUNNING' },
  ProvisionedOnDemandCapacity: 1,
};

function core(state: InstanceFleetState, onDemand = 2, spot = 6): InstanceFleet {
  return {
    Id: 'if-2CORE',
    InstanceFleetType: 'CORE',
    Status: { State: state },
    ProvisionedOnDemandCapacity: onDemand,
    ProvisionedSpotCapacity: spot,
  };
}

function fleetPages(pages: Partial<ListInstanceFleetsCommandOutput>[]) {
  return recordInputs(emrMock, ListInstanceFleetsCommand, pages);
}

describe('Function: status-add-worker-instances-emr handler', () => {
  beforeEach(() => {
    emrMock.reset();
    s3Mock.reset();
    givenLambdaEnvironment(s3Mock);
  });

  it.each([
    ['RESIZING', 2, 3, 'ADDING'],
    ['PROVISIONING', 0, 0, 'ADDING'],
    ['BOOTSTRAPPING', 2, 0, 'ADDING'],
    ['RUNNING', 2, 6, 'SUCCESS'],
    ['RUNNING', 2, 7, 'SUCCESS'],
    ['RUNNING', 2, 4, 'ERROR'],
    ['SUSPENDED', 2, 6, 'ERROR'],
    ['TERMINATING', 2, 6, 'ERROR'],
    ['TERMINATED', 0, 0, 'ERROR'],
  ] as const)(
    'returns, when the fleet is %s with %i on-demand + %i spot workers of 8, Status %s (and the shortfall of a RUNNING fleet)',
    async (state, onDemand, spot, expected) => {
      // Prepare
      const listed = fleetPages([{ InstanceFleets: [MASTER, core(state, onDemand, spot)] }]);

      // Act
      const result = await handler({ ...EVENT, Status: 'ADDING' });

      // Assess
      const shortfall = state === 'RUNNING' && expected === 'ERROR' ? { CapacityShortfall: { ProvisionedWorkers: onDemand + spot } } : {};
      expect(result).toEqual({ ...EVENT, Status: expected, ...shortfall });
      expect(listed).toEqual([{ ClusterId: 'j-1ABC' }]);
    },
  );

  it('returns the status of the fleet found on a later page', async () => {
    // Prepare
    const listed = fleetPages([{ InstanceFleets: [MASTER], Marker: 'fleets-2' }, { InstanceFleets: [core('RUNNING')] }]);

    // Act
    const result = await handler(EVENT);

    // Assess
    expect(result).toEqual({ ...EVENT, Status: 'SUCCESS' });
    expect(listed).toEqual([{ ClusterId: 'j-1ABC' }, { ClusterId: 'j-1ABC', Marker: 'fleets-2' }]);
  });

  it('throws ResourceNotFoundError naming cluster and fleet when the cluster has no such fleet', async () => {
    // Prepare
    fleetPages([{ InstanceFleets: [MASTER], Marker: 'fleets-2' }, { InstanceFleets: [{ ...core('RUNNING'), Id: 'if-3OTHER' }] }]);

    // Act
    const act = handler(EVENT);

    // Assess
    await expect(act).rejects.toMatchObject({
      name: 'ResourceNotFoundError',
      message: 'EMR cluster j-1ABC has no instance fleet if-2CORE',
    });
  });

  it('throws ResourceNotFoundError naming the cluster when EMR does not know it', async () => {
    // Prepare
    emrMock
      .on(ListInstanceFleetsCommand)
      .rejects(
        new EMRServiceException({ name: 'InvalidRequestException', $fault: 'client', $metadata: {}, message: 'Cluster id is not valid.' }),
      );

    // Act
    const act = handler({ ...EVENT, ClusterId: 'j-UNKNOWN' });

    // Assess
    await expect(act).rejects.toMatchObject({ name: 'ResourceNotFoundError', message: 'EMR cluster j-UNKNOWN does not exist' });
  });

  it('throws UnexpectedResponseError when the fleet is in a state outside the table', async () => {
    // Prepare
    fleetPages([{ InstanceFleets: [core('RECONFIGURING')] }]);

    // Act
    const act = handler(EVENT);

    // Assess
    await expect(act).rejects.toMatchObject({
      name: 'UnexpectedResponseError',
      message: 'EMR instance fleet if-2CORE is in an unknown state: RECONFIGURING',
    });
  });

  it.each([
    [{ WorkerInstanceFleetId: 'if-2CORE', TargetTotalWorkers: 8 }, 'ClusterId is missing'],
    [{ ClusterId: 'j-1ABC', TargetTotalWorkers: 8 }, 'WorkerInstanceFleetId is missing'],
    [
      { ClusterId: 'j-1ABC', WorkerInstanceFleetId: 'ig-2CORE', TargetTotalWorkers: 8 },
      'WorkerInstanceFleetId is not an EMR instance fleet id (if-…): "ig-2CORE"',
    ],
    [{ ClusterId: 'j-1ABC', WorkerInstanceFleetId: 'if-2CORE' }, 'TargetTotalWorkers is missing'],
    [{ ClusterId: 'j-1ABC', WorkerInstanceFleetId: 'if-2CORE', TargetTotalWorkers: '8' }, 'TargetTotalWorkers must be a number'],
  ])('throws naming the field and calls nothing when the event is %j', async (event, problem) => {
    // Prepare
    fleetPages([{ InstanceFleets: [core('RUNNING')] }]);

    // Act
    const act = handler(event);

    // Assess
    await expect(act).rejects.toMatchObject({
      name: 'EventValidationError',
      message: `status-add-worker-instances-emr: invalid event: ${problem}`,
    });
    expect(emrMock.calls()).toHaveLength(0);
  });
});

describe('Function: resizeStatus', () => {
  beforeEach(() => {
    emrMock.reset();
  });

  it('returns ERROR and logs the state, its reason and the provisioned capacity against the target', async () => {
    // Prepare
    fleetPages([
      {
        InstanceFleets: [
          {
            ...core('RUNNING', 2, 1),
            Status: { State: 'RUNNING', StateChangeReason: { Code: 'INSTANCE_FAILURE', Message: 'Insufficient spot capacity' } },
          },
        ],
      },
    ]);
    const logger = { info: vi.fn(), warn: vi.fn() };

    // Act
    const result = await resizeStatus(new EMRClient({ region: 'eu-west-1' }), EVENT, logger);

    // Assess
    expect(result.Status).toBe('ERROR');
    expect(logger.warn).toHaveBeenCalledWith('the CORE fleet resize failed', {
      state: 'RUNNING',
      stateChangeCode: 'INSTANCE_FAILURE',
      stateChangeMessage: 'Insufficient spot capacity',
      provisioned: 3,
      target: 8,
      reason: 'the resize ended with 3 of 8 workers provisioned (spot capacity unavailable?)',
    });
  });

  it('returns ADDING and logs progress at info level', async () => {
    // Prepare
    fleetPages([{ InstanceFleets: [core('RESIZING', 2, 2)] }]);
    const logger = { info: vi.fn(), warn: vi.fn() };

    // Act
    const result = await resizeStatus(new EMRClient({ region: 'eu-west-1' }), EVENT, logger);

    // Assess
    expect(result.Status).toBe('ADDING');
    expect(logger.info).toHaveBeenCalledWith(
      'the CORE fleet is still resizing',
      expect.objectContaining({ state: 'RESIZING', provisioned: 4, target: 8 }),
    );
    expect(logger.warn).not.toHaveBeenCalled();
  });
});
