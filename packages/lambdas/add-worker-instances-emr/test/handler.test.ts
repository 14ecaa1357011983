import {
  EMRClient,
  EMRServiceException,
  type InstanceFleet,
  ListInstanceFleetsCommand,
  type ListInstanceFleetsCommandOutput,
  ListInstancesCommand,
  type ListInstancesCommandOutput,
  ModifyInstanceFleetCommand,
} from '@aws-sdk/client-emr';
import { S3Client } from '@aws-sdk/client-s3';
import { givenLambdaEnvironment, recordInputs } from '@data-pipeline/core/testing';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../src/index';

const emrMock = mockClient(EMRClient);
const s3Mock = mockClient(S3Client);

const MASTER: InstanceFleet = { Id: 'if-1MASTER', InstanceFleetType: 'MASTER', Name: 'Master' };
const CORE: InstanceFleet = { Id: 'if-2CORE', InstanceFleetType: 'CORE', Name: 'Core' };
const RUNNING_ONLY = { ClusterId: 'j-1ABC', InstanceFleetId: 'if-2CORE', InstanceStates: ['RUNNING'] };

function instances(count: number, prefix = 'i-0') {
  return Array.from({ length: count }, (_, n) => ({ Id: `${prefix}${n}`, Status: { State: 'RUNNING' as const } }));
}

function fleetPages(pages: Partial<ListInstanceFleetsCommandOutput>[]) {
  return recordInputs(emrMock, ListInstanceFleetsCommand, pages);
}

function instancePages(pages: Partial<ListInstancesCommandOutput>[]) {
  return recordInputs(emrMock, ListInstancesCommand, pages);
}

function modifyInputs() {
  return emrMock.commandCalls(ModifyInstanceFleetCommand).map((call) => call.args[0].input);
}

function emrError(name: string, message: string) {
  return new EMRServiceException({ name, $fault: 'client', $metadata: {}, message });
}

describe('Function: add-worker-instances-emr handler', () => {
  beforeEach(() => {
    emrMock.reset();
    s3Mock.reset();
    givenLambdaEnvironment(s3Mock);
  });

  it('returns ADDING with the CORE fleet and the new total after asking EMR to add the spot increment', async () => {
    // Prepare
    const fleets = fleetPages([{ InstanceFleets: [MASTER, CORE] }]);
    const listed = instancePages([{ Instances: instances(4) }]);
    emrMock.on(ModifyInstanceFleetCommand).resolves({});

    // Act
    const result = await handler({ ClusterId: 'j-1ABC', Status: 'STARTED' });

    // Assess
    expect(result).toEqual({ ClusterId: 'j-1ABC', WorkerInstanceFleetId: 'if-2CORE', TargetTotalWorkers: 8, Status: 'ADDING' });
    expect(fleets).toEqual([{ ClusterId: 'j-1ABC' }]);
    expect(listed).toEqual([RUNNING_ONLY]);
    expect(modifyInputs()).toEqual([
      { ClusterId: 'j-1ABC', InstanceFleet: { InstanceFleetId: 'if-2CORE', TargetOnDemandCapacity: 2, TargetSpotCapacity: 6 } },
    ]);
  });

  it('returns the targets of config.ini counts', async () => {
    // Prepare
    givenLambdaEnvironment(s3Mock, { config: { instances: { ondemand_worker_count: '1' }, spot: { spot_worker_increment_count: '10' } } });
    fleetPages([{ InstanceFleets: [CORE, MASTER] }]);
    instancePages([{ Instances: instances(1) }]);
    emrMock.on(ModifyInstanceFleetCommand).resolves({});

    // Act
    const result = await handler({ ClusterId: 'j-1ABC' });

    // Assess
    expect(result).toMatchObject({ TargetTotalWorkers: 11 });
    expect(modifyInputs()[0]?.InstanceFleet).toEqual({ InstanceFleetId: 'if-2CORE', TargetOnDemandCapacity: 1, TargetSpotCapacity: 10 });
  });

  it('returns the CORE fleet found on a later page of ListInstanceFleets', async () => {
    // Prepare
    const fleets = fleetPages([{ InstanceFleets: [MASTER], Marker: 'fleets-2' }, { InstanceFleets: [CORE] }]);
    instancePages([{ Instances: instances(2) }]);
    emrMock.on(ModifyInstanceFleetCommand).resolves({});

    // Act
    const result = await handler({ ClusterId: 'j-1ABC' });

    // Assess
    expect(result).toMatchObject({ WorkerInstanceFleetId: 'if-2CORE' });
    expect(fleets).toEqual([{ ClusterId: 'j-1ABC' }, { ClusterId: 'j-1ABC', Marker: 'fleets-2' }]);
  });

  it('counts the running instances of every ListInstances page', async () => {
    // Prepare
    fleetPages([{ InstanceFleets: [MASTER, CORE] }]);
    const listed = instancePages([
      { Instances: instances(50, 'i-a'), Marker: 'instances-2' },
      { Instances: instances(50, 'i-b'), Marker: 'instances-3' },
      { Instances: instances(3, 'i-c') },
    ]);
    emrMock.on(ModifyInstanceFleetCommand).resolves({});

    // Act
    const result = await handler({ ClusterId: 'j-1ABC' });

    // Assess
    expect(listed).toEqual([RUNNING_ONLY, { ...RUNNING_ONLY, Marker: 'instances-2' }, { ...RUNNING_ONLY, Marker: 'instances-3' }]);
    expect(modifyInputs()[0]?.InstanceFleet).toMatchObject({ TargetOnDemandCapacity: 2, TargetSpotCapacity: 105 });
    expect(result).toMatchObject({ TargetTotalWorkers: 107 });
  });

  it('throws ResourceNotFoundError naming the cluster and resizes nothing when it has no CORE fleet', async () => {
    // Prepare
    fleetPages([{ InstanceFleets: [MASTER] }]);

    // Act
    const act = handler({ ClusterId: 'j-1ABC' });

    // Assess
    await expect(act).rejects.toMatchObject({
      name: 'ResourceNotFoundError',
      message: expect.stringContaining('EMR cluster j-1ABC has no CORE instance fleet'),
    });
    expect(emrMock.commandCalls(ListInstancesCommand)).toHaveLength(0);
    expect(modifyInputs()).toHaveLength(0);
  });

  it('throws ResourceNotFoundError naming the cluster when EMR does not know it', async () => {
    // Prepare
    emrMock.on(ListInstanceFleetsCommand).rejects(emrError('InvalidRequestException', 'Cluster id is not valid.'));

    // Act
    const act = handler({ ClusterId: 'j-UNKNOWN' });

    // Assess
    await expect(act).rejects.toMatchObject({ name: 'ResourceNotFoundError', message: 'EMR cluster j-UNKNOWN does not exist' });
  });

  it('throws the EMR error when EMR refuses the resize', async () => {
    // Prepare
    fleetPages([{ InstanceFleets: [MASTER, CORE] }]);
    instancePages([{ Instances: instances(2) }]);
    emrMock
      .on(ModifyInstanceFleetCommand)
      .rejects(emrError('ValidationException', 'An instance fleet cannot be modified while it is RESIZING.'));

    // Act
    const act = handler({ ClusterId: 'j-1ABC' });

    // Assess
    await expect(act).rejects.toMatchObject({ name: 'ValidationException', message: expect.stringContaining('RESIZING') });
  });

  it.each([
    [{}, 'add-worker-instances-emr: invalid event: ClusterId is missing'],
    [{ ClusterId: 42 }, 'add-worker-instances-emr: invalid event: ClusterId must be a string'],
    [{ ClusterId: 'cluster-1' }, 'add-worker-instances-emr: invalid event: ClusterId is not an EMR cluster id (j-…): "cluster-1"'],
  ])('throws naming ClusterId and calls nothing when the event is %j', async (event, message) => {
    // Prepare
    fleetPages([{ InstanceFleets: [MASTER, CORE] }]);

    // Act
    const act = handler(event);

    // Assess
    await expect(act).rejects.toMatchObject({ name: 'EventValidationError', message });
    expect(emrMock.calls()).toHaveLength(0);
  });
});
