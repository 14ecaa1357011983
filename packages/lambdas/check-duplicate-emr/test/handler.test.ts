import {
  type ClusterState,
  EMRClient,
  EMRServiceException,
  ListClustersCommand,
  type ListClustersCommandOutput,
} from '@aws-sdk/client-emr';
import { S3Client } from '@aws-sdk/client-s3';
import { givenLambdaEnvironment, recordInputs } from '@data-pipeline/core/testing';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { handler } from '../src/index';

const emrMock = mockClient(EMRClient);
const s3Mock = mockClient(S3Client);

const ACTIVE_STATES: ClusterState[] = ['STARTING', 'BOOTSTRAPPING', 'RUNNING', 'WAITING'];

function cluster(id: string, name: string, state: ClusterState = 'WAITING') {
  return { Id: id, Name: name, Status: { State: state } };
}

function listPages(pages: Partial<ListClustersCommandOutput>[]) {
  return recordInputs(emrMock, ListClustersCommand, pages);
}

function listInputs() {
  return emrMock.commandCalls(ListClustersCommand).map((call) => call.args[0].input);
}

describe('Function: check-duplicate-emr handler', () => {
  beforeEach(() => {
    emrMock.reset();
    s3Mock.reset();
    givenLambdaEnvironment(s3Mock);
  });

  it.each(ACTIVE_STATES)('returns RUNNING when a cluster of the configured name is %s', async (state) => {
    // Prepare
    emrMock
      .on(ListClustersCommand)
      .resolves({ Clusters: [cluster('j-1OTHER', 'another-team'), cluster('j-2MINE', 'data-pipeline-test', state)] });

    // Act
    const result = await handler({});

    // Assess
    expect(result).toEqual({ Status: 'RUNNING', ClusterIds: ['j-2MINE'] });
  });

  it('returns NOTRUNNING when no active cluster has the configured name', async () => {
    // Prepare
    emrMock.on(ListClustersCommand).resolves({ Clusters: [cluster('j-1OTHER', 'another-team')] });

    // Act
    const result = await handler({});

    // Assess
    expect(result).toEqual({ Status: 'NOTRUNNING', ClusterIds: [] });
  });

  it('returns RUNNING with the id of every active cluster of the configured name, across pages and in listing order', async () => {
    // Prepare
    listPages([
      { Clusters: [cluster('j-1FIRST', 'data-pipeline-test', 'STARTING'), cluster('j-1OTHER', 'another-team')], Marker: 'page-2' },
      { Clusters: [cluster('j-2SECOND', 'data-pipeline-test', 'WAITING')] },
    ]);

    // Act
    const result = await handler({});

    // Assess
    expect(result).toEqual({ Status: 'RUNNING', ClusterIds: ['j-1FIRST', 'j-2SECOND'] });
  });

  it('returns NOTRUNNING when EMR lists no active cluster at all', async () => {
    // Prepare
    emrMock.on(ListClustersCommand).resolves({});

    // Act
    const result = await handler(undefined);

    // Assess
    expect(result).toEqual({ Status: 'NOTRUNNING', ClusterIds: [] });
  });

  it('returns NOTRUNNING when only names that contain or differ in case from the configured one are active', async () => {
    // Prepare
    emrMock.on(ListClustersCommand).resolves({
      Clusters: [cluster('j-1A', 'data-pipeline-test-2'), cluster('j-1B', 'Data-Pipeline-Test'), cluster('j-1C', 'data-pipeline')],
    });

    // Act
    const result = await handler({});

    // Assess
    expect(result).toEqual({ Status: 'NOTRUNNING', ClusterIds: [] });
  });

  it('asks EMR only for clusters in the active states', async () => {
    // Prepare
    emrMock.on(ListClustersCommand).resolves({ Clusters: [] });

    // Act
    await handler({});

    // Assess
    expect(listInputs()).toEqual([{ ClusterStates: ACTIVE_STATES }]);
  });

  it('returns RUNNING when the matching cluster is on a later page, having read every page', async () => {
    // Prepare
    const listed = listPages([
      { Clusters: [cluster('j-1A', 'another-team')], Marker: 'page-2' },
      { Clusters: [cluster('j-1B', 'yet-another')], Marker: 'page-3' },
      { Clusters: [cluster('j-1C', 'data-pipeline-test', 'RUNNING')] },
    ]);

    // Act
    const result = await handler({});

    // Assess
    expect(result).toEqual({ Status: 'RUNNING', ClusterIds: ['j-1C'] });
    expect(listed).toEqual([
      { ClusterStates: ACTIVE_STATES },
      { ClusterStates: ACTIVE_STATES, Marker: 'page-2' },
      { ClusterStates: ACTIVE_STATES, Marker: 'page-3' },
    ]);
  });

  it('returns NOTRUNNING after reading every page when none matches', async () => {
    // Prepare
    const listed = listPages([
      { Clusters: [cluster('j-1A', 'another-team')], Marker: 'page-2' },
      { Clusters: [cluster('j-1B', 'yet-another')] },
    ]);

    // Act
    const result = await handler({});

    // Assess
    expect(result).toEqual({ Status: 'NOTRUNNING', ClusterIds: [] });
    expect(listed).toEqual([{ ClusterStates: ACTIVE_STATES }, { ClusterStates: ACTIVE_STATES, Marker: 'page-2' }]);
  });

  it('compares with the cluster name of config.ini', async () => {
    // Prepare
    givenLambdaEnvironment(s3Mock, { config: { basic: { emr_name: 'dp-prod' } } });
    emrMock.on(ListClustersCommand).resolves({ Clusters: [cluster('j-1A', 'data-pipeline-test'), cluster('j-1B', 'dp-prod')] });

    // Act
    const result = await handler({});

    // Assess
    expect(result).toEqual({ Status: 'RUNNING', ClusterIds: ['j-1B'] });
  });

  it('throws the EMR error when EMR cannot be asked', async () => {
    // Prepare
    emrMock
      .on(ListClustersCommand)
      .rejects(new EMRServiceException({ name: 'AccessDeniedException', $fault: 'client', $metadata: {}, message: 'not authorized' }));

    // Act
    const act = handler({});

    // Assess
    await expect(act).rejects.toMatchObject({ name: 'AccessDeniedException' });
  });
});
