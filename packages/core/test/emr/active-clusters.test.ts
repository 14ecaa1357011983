import { EMRClient, ListClustersCommand } from '@aws-sdk/client-emr';
import { mockClient } from 'aws-sdk-client-mock';
import { beforeEach, describe, expect, it } from 'vitest';
import { findActiveClusters } from '../../src/index';
import { recordInputs } from '../../src/testing/index';

const emrMock = mockClient(EMRClient);
const emr = new EMRClient({ region: 'eu-west-1', credentials: { accessKeyId: 'test', secretAccessKey: 'test' } });

describe('Function: findActiveClusters', () => {
  beforeEach(() => {
    emrMock.reset();
  });

  it('returns the id and state of every active cluster of that name, across pages', async () => {
    // Prepare
    emrMock
      .on(ListClustersCommand)
      .resolvesOnce({
        Clusters: [
          { Id: 'j-1A', Name: 'dp', Status: { State: 'WAITING' } },
          { Id: 'j-1B', Name: 'other' },
        ],
        Marker: 'm',
      })
      .resolvesOnce({ Clusters: [{ Id: 'j-1C', Name: 'dp', Status: { State: 'BOOTSTRAPPING' } }] });

    // Act
    const found = await findActiveClusters(emr, 'dp');

    // Assess
    expect(found).toEqual([
      { id: 'j-1A', state: 'WAITING' },
      { id: 'j-1C', state: 'BOOTSTRAPPING' },
    ]);
  });

  it('returns only the clusters whose name is exactly the one asked for', async () => {
    // Prepare
    emrMock.on(ListClustersCommand).resolves({
      Clusters: [
        { Id: 'j-1A', Name: 'dp-2', Status: { State: 'RUNNING' } },
        { Id: 'j-1B', Name: 'DP', Status: { State: 'RUNNING' } },
        { Id: 'j-1C', Name: 'dp', Status: { State: 'RUNNING' } },
      ],
    });

    // Act
    const found = await findActiveClusters(emr, 'dp');

    // Assess
    expect(found).toEqual([{ id: 'j-1C', state: 'RUNNING' }]);
  });

  it('returns UNKNOWN as the state of a cluster listed without one', async () => {
    // Prepare
    emrMock.on(ListClustersCommand).resolves({ Clusters: [{ Id: 'j-1A', Name: 'dp' }] });

    // Act
    const found = await findActiveClusters(emr, 'dp');

    // Assess
    expect(found).toEqual([{ id: 'j-1A', state: 'UNKNOWN' }]);
  });

  it('returns the clusters after asking EMR for the active states only, on every page', async () => {
    // Prepare
    const inputs = recordInputs(emrMock, ListClustersCommand, [{ Clusters: [], Marker: 'page-2' }, { Clusters: [] }]);

    // Act
    const found = await findActiveClusters(emr, 'dp');

    // Assess
    expect(found).toEqual([]);
    expect(inputs).toEqual([
      { ClusterStates: ['STARTING', 'BOOTSTRAPPING', 'RUNNING', 'WAITING'] },
      { ClusterStates: ['STARTING', 'BOOTSTRAPPING', 'RUNNING', 'WAITING'], Marker: 'page-2' },
    ]);
  });
});
